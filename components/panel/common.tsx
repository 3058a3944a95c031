/** Small pieces every panel view shares: state messages, sections, and how figures are worded. */
import type { ComponentChildren } from 'preact';
import { PLATFORM_NAMES, PLATFORMS } from '../../core/platforms/registry';
import type { Denominator } from '../../core/scoring/engagement';
import { formatNumber, formatPercent, type MessageKey, t } from '../i18n';

/** Display names by platform id, from each platform's folder. */
export { PLATFORM_NAMES };

/** "@handle" with the platform's name: the same account name everywhere in the panel. */
export function accountLabel(ref: { platform: string; handle: string; name?: string | null }): string {
  const platform = PLATFORM_NAMES[ref.platform] ?? ref.platform;
  // A place's id (Google) is no handle anyone reads: its name, else a short form of the id.
  if (PLATFORMS.find((p) => p.id === ref.platform)?.opaqueHandles)
    return `${ref.name ?? `…${ref.handle.slice(-6)}`} · ${platform}`;
  return `@${ref.handle} · ${platform}`;
}

/** The four non-data states every view has. */
export function Loading() {
  return (
    <p class="state" role="status">
      {t('loading')}
    </p>
  );
}

export function ErrorNote({ message }: { message: string }) {
  return (
    <p class="state error" role="alert">
      {t('errorRead', message)}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state">{children}</p>;
}

/** A sample-size warning: marked with ℹ and words, not by colour. */
export function ThinNote({ children }: { children: ComponentChildren }) {
  return (
    <p class="note thin">
      <span aria-hidden="true">{'\u2139\uFE0E '}</span>
      {children}
    </p>
  );
}

/**
 * The compact "n = 4" beside a figure whose sample is thin; the full explanation is its tooltip and
 * is read out by screen readers. One of these replaces a paragraph of warning per section.
 */
export function ThinMark({ n, children }: { n: number; children: string }) {
  return (
    <>
      {' '}
      <small class="n-marker" title={children} aria-hidden="true">
        {t('thinMarker', n)}
      </small>
      <span class="sr-only">{children}</span>
    </>
  );
}

/** A titled block of the view; `id` names its heading for screen readers. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="block" aria-labelledby={`h-${id}`}>
      <h2 id={`h-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

/** "2,4 % der Follower" / "2.4% of views" / "1.234 Interaktionen": a figure always with its denominator. */
export function erText(value: number | null, denominator: Denominator): string {
  if (denominator === 'followers') return t('erFollowers', rateText(value));
  if (denominator === 'views') return t('erViews', rateText(value));
  return t('interactionsN', formatNumber(value, 0));
}

/** What a median was divided by, as a column heading suffix ("÷ Follower"). */
export function denominatorLabel(denominator: Denominator): string {
  const key: Record<Denominator, MessageKey> = {
    followers: 'denomFollowers',
    views: 'denomViews',
    none: 'denomNone',
  };
  return t(key[denominator]);
}

/** "n = 14": the sample size, everywhere in the same words. */
export function nText(n: number): string {
  return t('sampleN', n);
}

/** A multiple ("2,4×"; small ones with two decimals, "0,04×", so they never read as 0). */
export function timesText(x: number | null): string {
  return x === null ? t('unknown') : `${formatNumber(x, x < 1 ? 2 : 1)}×`;
}

/** An engagement rate in percent with as many decimals as it needs ("9.776 %", "56,3 %", "0,035 %"). */
export function rateText(value: number | null): string {
  if (value === null) return formatPercent(value);
  const v = Math.abs(value);
  return formatPercent(value, v >= 100 ? 0 : v >= 10 ? 1 : v >= 0.1 ? 2 : 3);
}
