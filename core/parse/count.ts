/**
 * Locale-aware parsing of displayed counts: "12.345", "1,2 Tsd.", "2,5 Mio.", "1.2K", "426 579", "1,2万".
 *
 * Compact suffixes are learnt from what `Intl.NumberFormat` itself prints (full ICU in Chrome, Firefox
 * and Node), so every plural form ("tysiąca", "tysięcy", "millions") is covered without a hand list.
 * A short hand table adds what platforms print that ICU does not ("Tsd.", "K" in German UIs, "bn").
 * Tables are built lazily, once per locale hint, so importing this module costs nothing.
 *
 * Counts are non-negative integers, so without a compact suffix a '.' or ',' before exactly three digits
 * groups thousands in every locale ("1.234" = "1,234" = 1234). Only before a suffix ("1.234K") is that
 * ambiguous: the hint's decimal separator decides; without a hint it is a decimal point, except before
 * 万/億/만 where mantissas of four digits are common. Unit words also differ by language ("B" is a
 * billion in English, a thousand in Turkish): the hint's language wins, else English, then German, then
 * the platform abbreviations below, then the other languages in OTHER_LOCALES order.
 */

export interface ParsedCount {
  value: number;
  /** True when the value came from an abbreviated form ("1.2K"), false for exact digits. */
  approx: boolean;
}

/** Always recognised, after the hint's own forms: most UIs and platforms fall back to these. */
const HINT_FALLBACK_LOCALES = ['en', 'de'];
/** Also recognised without a hint; earlier ones win conflicts ("mil" is 10³ in es/pt, 10⁶ in cs). */
const OTHER_LOCALES = [
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pl',
  'tr',
  'ja',
  'ko',
  'zh',
  'zh-Hant',
  'sv',
  'da',
  'nb',
  'fi',
  'cs',
  'ru',
  'ar',
];

/** Platform abbreviations that ICU does not print (or prints only for another language); key → power of 10. */
const NET_COMMON: Record<string, number> = {
  k: 3,
  tsd: 3,
  m: 6,
  mm: 6,
  mn: 6,
  mio: 6,
  mill: 6,
  b: 9,
  bn: 9,
  mrd: 9,
  lakh: 5,
  crore: 7,
};
/** Per-language additions that would be wrong for other languages. */
const NET_BY_LANG: Record<string, Record<string, number>> = {
  de: { tsd: 3, tausend: 3, mio: 6, mrd: 9, mill: 6, bio: 12 },
  tr: { b: 3, bin: 3, mn: 6, mr: 9, mlr: 9 },
  es: { mil: 3, mm: 6 },
  pt: { mil: 3, mi: 6, bi: 9 },
  zh: { w: 4, k: 3 },
};

/** Sample mantissas (×10) whose plural categories cover one/few/many/other in pl, ru, cs, fr. */
const SAMPLE_MANTISSAS_X10 = [10, 12, 20, 50, 210, 220];

interface SuffixTable {
  /** Normalised suffix (lower case, no dots, single spaces) → power of ten. */
  exp: Map<string, number>;
  /** Suffixes Intl prints without digits (fr "mille" = 1000). */
  standalone: Map<string, number>;
  /** The locale's decimal and group separators, when a hint was given. */
  decimal: string | null;
  group: string | null;
}

const DIGITS_AND_SEPARATORS = /[\d.,'\u066b\u066c]+/g;
const HAN_LIKE = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Normalises a suffix the way table keys are stored: lower case, no dots, single spaces. */
function suffixKey(s: string): string {
  return s.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/** Adds Intl's compact suffixes of one locale, not overwriting keys already present (priority order). */
function learnLocale(locale: string, exp: Map<string, number>, standalone: Map<string, number>): void {
  const decimal = separators(locale, 'latn').decimal ?? '.';
  for (const compactDisplay of ['short', 'long'] as const) {
    // format() rather than formatToParts(): five times faster, and the parts are easy to split.
    const fmt = new Intl.NumberFormat(locale, {
      notation: 'compact',
      compactDisplay,
      numberingSystem: 'latn',
    });
    for (let e = 3; e <= 14; e++) {
      for (const m10 of SAMPLE_MANTISSAS_X10) {
        const n = m10 * 10 ** (e - 1);
        const shown = fmt.format(n);
        const key = suffixKey(shown.replace(DIGITS_AND_SEPARATORS, ' '));
        if (!key) continue;
        const intPart = shown.split(decimal)[0]!.replace(/\D/g, '');
        // n / (integer part of the mantissa shown) is 10^power × [0.95, 2): its rounded log10 is the power.
        const power = Math.round(Math.log10(n / (intPart ? Number(intPart) : 1)));
        if (!exp.has(key)) exp.set(key, power);
        if (!intPart && !standalone.has(key)) standalone.set(key, power);
      }
    }
  }
}

/** Adds hand-written entries that are not already known. */
function addAll(exp: Map<string, number>, table: Record<string, number> | undefined): void {
  if (!table) return;
  for (const [k, v] of Object.entries(table)) if (!exp.has(k)) exp.set(k, v);
}

/** The decimal and group separator a locale prints (normalised like page text). */
function separators(
  locale: string,
  numberingSystem?: string,
): { decimal: string | null; group: string | null } {
  let decimal: string | null = null;
  let group: string | null = null;
  for (const p of new Intl.NumberFormat(locale, { numberingSystem }).formatToParts(1234567.5)) {
    if (p.type === 'decimal') decimal = normaliseDigits(p.value);
    if (p.type === 'group') group = normaliseDigits(p.value);
  }
  return { decimal, group };
}

/** A hinted table: the hint's own forms, then English, German and the platform abbreviations. */
function buildHintTable(locale: string, lang: string): SuffixTable {
  const exp = new Map<string, number>();
  const standalone = new Map<string, number>();
  learnLocale(locale, exp, standalone);
  addAll(exp, NET_BY_LANG[lang]);
  for (const loc of HINT_FALLBACK_LOCALES) learnLocale(loc, exp, standalone);
  addAll(exp, NET_COMMON);
  return { exp, standalone, ...separators(locale) };
}

/** Without a hint: English and German first, then the platform abbreviations, then the rest. */
function buildDefaultTable(): SuffixTable {
  const exp = new Map<string, number>();
  const standalone = new Map<string, number>();
  for (const loc of HINT_FALLBACK_LOCALES) learnLocale(loc, exp, standalone);
  addAll(exp, NET_COMMON);
  for (const loc of OTHER_LOCALES) learnLocale(loc, exp, standalone);
  return { exp, standalone, decimal: null, group: null };
}

let defaultTable: SuffixTable | null = null;
const hintTables = new Map<string, SuffixTable>();

/** The suffix table for a hint; built once per distinct hint (hints are few: one per page language). */
function tableFor(locale: string | null | undefined): SuffixTable {
  if (locale) {
    const cached = hintTables.get(locale);
    if (cached) return cached;
    let table: SuffixTable | null = null;
    try {
      const canonical = Intl.getCanonicalLocales(locale)[0];
      if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) {
        table = buildHintTable(canonical, canonical.split('-')[0]!.toLowerCase());
      }
    } catch {
      // An invalid language tag is not worth failing a parse over: read it as if there were no hint.
    }
    if (table) {
      if (hintTables.size < 64) hintTables.set(locale, table);
      return table;
    }
  }
  defaultTable ??= buildDefaultTable();
  return defaultTable;
}

// ─── Digits and separators ─────────────────────────────────────────────────────────────────────────

/** Zero code points of the decimal digit blocks worth reading (Arabic-Indic, Persian, Devanagari, …). */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xbe6, 0xe50, 0xff10];
const FOREIGN_DIGIT =
  /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0be6-\u0bef\u0e50-\u0e59\uff10-\uff19]/g;

/** ASCII digits, one kind of space, one apostrophe; the Arabic decimal mark (U+066B) is kept as is. */
export function normaliseDigits(s: string): string {
  return s
    .replace(FOREIGN_DIGIT, (d) => {
      const cp = d.codePointAt(0)!;
      const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9)!;
      return String(cp - zero);
    })
    .replace(/[\s\u200b\u2060\ufeff]+/g, ' ')
    .replace(/[’ʼ′]/g, "'")
    .replace(/\u066c/g, "'"); // Arabic thousands separator: like the apostrophe, only ever a group.
}

/** A run of digits with separators; a space only separates groups of exactly three digits. */
const NUMBER_SOURCE = "\\d+(?:[.,'\\u066b]\\d+|\\s\\d{3}(?!\\d))*";
const NUMBER_AT = new RegExp(NUMBER_SOURCE, 'y');
const NUMBER_ANYWHERE = new RegExp(NUMBER_SOURCE, 'g');

interface Digits {
  int: string;
  frac: string;
}

/**
 * Splits a digit run into integer and fraction digits, or null when the separators do not form a
 * number. A lone '.' or ',' followed by exactly three digits is a group separator unless a compact
 * suffix follows; then the locale hint decides, and without a hint it is read as a decimal point
 * (compact mantissas rarely exceed 999) except before CJK units (万, 億), whose mantissas often do.
 */
function splitDigits(token: string, hasSuffix: boolean, cjk: boolean, table: SuffixTable): Digits | null {
  const groups = token.split(/[.,' \u066b]/);
  const seps = token.replace(/\d+/g, '');
  if (!seps) return { int: token, frac: '' };
  let decimalAt = -1; // index into seps of the decimal separator, if any
  const last = seps[seps.length - 1]!;
  const hasGroupOnly = /['\s]/.test(seps);
  if (seps.includes('\u066b')) {
    decimalAt = seps.indexOf('\u066b');
  } else if (seps.includes('.') && seps.includes(',')) {
    decimalAt = seps.length - 1; // "1.234.567,5" and "1,234,567.5": the last one is the decimal
  } else if (last === '.' || last === ',') {
    const count = seps.split(last).length - 1;
    const after = groups[groups.length - 1]!;
    if (count === 1 && (hasGroupOnly || after.length !== 3)) decimalAt = seps.length - 1;
    else if (count === 1 && hasSuffix) {
      const byHint = last === table.decimal ? true : last === table.group ? false : null;
      if (byHint ?? !cjk) decimalAt = seps.length - 1;
    }
  }
  if (decimalAt >= 0 && decimalAt !== seps.length - 1) return null;
  const intGroups = decimalAt >= 0 ? groups.slice(0, -1) : groups;
  const groupSeps = decimalAt >= 0 ? seps.slice(0, -1) : seps;
  if (groupSeps && !validGrouping(intGroups, groupSeps)) return null;
  return { int: intGroups.join(''), frac: decimalAt >= 0 ? groups[groups.length - 1]! : '' };
}

/** Western grouping (1,234,567) or Indian with commas (12,34,567); one separator character throughout. */
function validGrouping(groups: string[], seps: string): boolean {
  const sep = seps[0];
  if (seps.split(sep!).join('') !== '') return false;
  const [first, ...rest] = groups;
  if (!first || first.length > 3 || rest.length === 0) return false;
  if (rest[rest.length - 1]!.length !== 3) return false;
  const middle = rest.slice(0, -1);
  if (middle.every((g) => g.length === 3)) return true;
  return sep === ',' && first.length <= 2 && middle.every((g) => g.length === 2);
}

/** int.frac × 10^power rounded to an integer, or null beyond the safe integer range. */
function scale(d: Digits, power: number): number | null {
  const mantissa = Number(d.int + d.frac);
  const shift = power - d.frac.length;
  const value = shift >= 0 ? mantissa * 10 ** shift : Math.round(mantissa / 10 ** -shift);
  return Number.isSafeInteger(value) ? value : null;
}

interface Match {
  count: ParsedCount;
  end: number;
}

/** Up to three words after a number (one optional space first); a word is letters, marks and dots. */
const WORDS_AFTER = /( ?)([\p{L}\p{M}.]+)(?: ([\p{L}\p{M}.]+))?(?: ([\p{L}\p{M}.]+))?/uy;

/** Characters that continue a word past a would-be suffix ("T-Shirts", "K_2", "M3"). */
const WORD_GLUE = /[-_\p{N}]/u;

interface Suffix {
  power: number;
  /** Characters the suffix (and the space before it) takes up. */
  length: number;
  cjk: boolean;
}

/**
 * The compact suffix starting at `at`, trying the longest word sequence first ("mil M" before "mil").
 * A suffix must be whole words, so "12 Millionen" is not "12 M"; CJK units are not followed by a
 * space ("1.2万回視聴"), so for them the first one or two characters of the word are tried too.
 */
function suffixAt(s: string, at: number, table: SuffixTable): Suffix | null {
  WORDS_AFTER.lastIndex = at;
  const m = WORDS_AFTER.exec(s);
  if (!m) return null;
  const words = [m[2]!, m[3], m[4]].filter((w): w is string => w !== undefined);
  for (let n = words.length; n >= 1; n--) {
    const text = words.slice(0, n).join(' ');
    const power = table.exp.get(suffixKey(text));
    // "7 T-Shirts" is seven of something, not 7 T: a suffix ends the word.
    const glued = WORD_GLUE.test(s.charAt(at + m[1]!.length + text.length));
    if (power !== undefined && !glued)
      return { power, length: m[1]!.length + text.length, cjk: HAN_LIKE.test(text) };
  }
  const first = words[0]!;
  if (HAN_LIKE.test(first)) {
    for (const len of [2, 1]) {
      const power = table.exp.get(first.slice(0, len));
      if (power !== undefined && len <= first.length) return { power, length: m[1]!.length + len, cjk: true };
    }
  }
  return null;
}

/** Reads a number (and its compact suffix) starting exactly at `start` of a normalised string. */
function readAt(s: string, start: number, table: SuffixTable): Match | null {
  NUMBER_AT.lastIndex = start;
  const num = NUMBER_AT.exec(s);
  if (!num) return null;
  const end = start + num[0].length;
  const suffix = suffixAt(s, end, table);
  const digits = splitDigits(num[0], suffix !== null, suffix?.cjk ?? false, table);
  if (!digits) return null;
  if (suffix) {
    const value = scale(digits, suffix.power);
    return value === null ? null : { count: { value, approx: true }, end: end + suffix.length };
  }
  if (/[1-9]/.test(digits.frac)) return null; // a fraction is not a count
  const value = scale({ int: digits.int, frac: '' }, 0);
  return value === null ? null : { count: { value, approx: false }, end };
}

/** Parses a whole displayed count ("12.345", "1,2 Tsd.", "1.2K", "1,2万"), or null if it is not one. */
export function parseCount(text: string, locale?: string | null): ParsedCount | null {
  const s = normaliseDigits(text).trim();
  if (!s) return null;
  const table = tableFor(locale);
  if (!/^\d/.test(s)) {
    const power = table.standalone.get(suffixKey(s));
    return power === undefined ? null : { value: 10 ** power, approx: true };
  }
  const m = readAt(s, 0, table);
  return m && m.end === s.length ? m.count : null;
}

/** Characters that, right before a number, make it part of something else (a word, time, price, id). */
const BAD_BEFORE = /[\p{L}\p{N}_:/#@$€£¥+\-−.,]/u;
/** Right after a number (before any suffix): a time, a fraction, a percentage, or a word. */
const BAD_AFTER = /^[:/%\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

/**
 * The first count in a phrase such as an aria-label ("1,234 Likes. Like", "2,5 Mio. Aufrufe").
 * It takes the first number that stands alone; it cannot know what the number counts, so a
 * phrase like "vor 3 Stunden" yields 3: callers pass labels whose number is the count they want.
 * Dates ("12.03.2024"), times ("10:30"), percentages and negative numbers are skipped.
 */
export function countInLabel(label: string, locale?: string | null): ParsedCount | null {
  const s = normaliseDigits(label);
  const table = tableFor(locale);
  NUMBER_ANYWHERE.lastIndex = 0;
  for (let m = NUMBER_ANYWHERE.exec(s); m; m = NUMBER_ANYWHERE.exec(s)) {
    const before = s[m.index - 1];
    if (before !== undefined && BAD_BEFORE.test(before)) continue;
    const next = NUMBER_ANYWHERE.lastIndex;
    const read = readAt(s, m.index, table);
    if (read && (read.end > m.index + m[0].length || !BAD_AFTER.test(s.slice(read.end, read.end + 1)))) {
      return read.count;
    }
    NUMBER_ANYWHERE.lastIndex = next;
  }
  return null;
}
