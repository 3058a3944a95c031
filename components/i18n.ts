/**
 * UI text from `public/_locales` (the same files the browser uses for the manifest), bundled so the
 * user can override the browser's language in Settings. English is the fallback for missing keys.
 */
import { signal } from '@preact/signals';
import de from '../public/_locales/de/messages.json';
import en from '../public/_locales/en/messages.json';

export type Lang = 'de' | 'en';
export type MessageKey = keyof typeof en;

const CATALOGS: Record<Lang, Record<string, { message: string }>> = { de, en };

/** The browser's UI language, reduced to the ones Resonanz ships. */
export function browserLang(languages: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

/** The UI language in use; Settings may override it. */
export const lang = signal<Lang>(browserLang());

/** A translated message with `$1`, `$2`… filled in (chrome.i18n placeholder syntax). */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return fill(key, substitutions);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * t() for a count: the message `<key>_one` when Intl.PluralRules puts `count` in the "one" category
 * ("1 älterer Beitrag", "1 Profil") and the catalogue has it, else `key`. `count` is `$1`.
 */
export function tn(key: MessageKey, count: number, ...rest: (string | number)[]): string {
  return fill(pluralKey(key, count), [count, ...rest]);
}

/** tn() with the count shown as `shown` (formatted, "≈1.2K") rather than the bare number. */
export function tnShown(key: MessageKey, count: number, shown: string): string {
  return fill(pluralKey(key, count), [shown]);
}

function pluralKey(key: MessageKey, count: number): string {
  let rules = pluralRules.get(lang.value);
  if (!rules) {
    rules = new Intl.PluralRules(lang.value);
    pluralRules.set(lang.value, rules);
  }
  const one = `${key}_one`;
  const useOne = rules.select(count) === 'one' && (CATALOGS[lang.value][one] ?? CATALOGS.en[one]);
  return useOne ? one : key;
}

function fill(key: string, substitutions: readonly (string | number)[]): string {
  const entry = CATALOGS[lang.value][key] ?? CATALOGS.en[key];
  let text = entry?.message ?? key;
  const placeholders = (entry as { placeholders?: Record<string, { content: string }> }).placeholders ?? {};
  for (const [name, { content }] of Object.entries(placeholders)) {
    const index = Number(content.replace('$', '')) - 1;
    text = text.replaceAll(`$${name.toUpperCase()}$`, String(substitutions[index] ?? ''));
  }
  return text;
}

/** Number formats are costly to build and used for every badge: one per language and style. */
/** Number formats are costly to build and used on every badge: one per language and style. */
const countFormats = new Map<string, Intl.NumberFormat>();

/** A count in the UI language ("12.345" in German, "12,345" in English); "—" when unknown. */
export function formatCount(value: number | null | undefined, compact = false): string {
  if (value === null || value === undefined || Number.isNaN(value)) return t('unknown');
  const key = `${lang.value}:${compact}`;
  let format = countFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      lang.value,
      compact ? { notation: 'compact', maximumFractionDigits: 1 } : {},
    );
    countFormats.set(key, format);
  }
  return format.format(value);
}

/** A decimal number in the UI language ("2,4" / "2.4"). */
export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('unknown');
  const key = `${lang.value}:n${digits}`;
  let format = countFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang.value, { maximumFractionDigits: digits });
    countFormats.set(key, format);
  }
  return format.format(value);
}

/** A percentage in the UI language ("2,4 %" / "2.4%"). */
export function formatPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('unknown');
  const key = `${lang.value}:%${digits}`;
  let format = countFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang.value, { style: 'percent', maximumFractionDigits: digits });
    countFormats.set(key, format);
  }
  return format.format(value / 100);
}
