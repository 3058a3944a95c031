/** The competitive-set table: one row per account, each figure with its n; thin figures marked "?". */
import { type ComponentChildren, Fragment } from 'preact';
import type { CompareReport } from '../../../core/reports/compare';
import { formatCount, formatNumber, formatPercent, type MessageKey, t } from '../../i18n';
import { denominatorLabel, PLATFORM_NAMES } from '../common';

function Figure(props: { value: string; n: number; thin: boolean; extra?: ComponentChildren }) {
  return (
    <td class="num">
      {props.value}
      {props.thin && (
        <>
          <span aria-hidden="true"> ?</span>
          <span class="sr-only"> {t('thinShort')}</span>
        </>
      )}
      <br />
      <small>{t('sampleN', props.n)}</small>
      {props.extra}
    </td>
  );
}

/** "@beispiel_gmbh" with line-break chances after "_" and ".", so a long handle wraps at a seam. */
function BreakableHandle({ handle }: { handle: string }) {
  const parts = `@${handle}`.split(/(?<=[_.])/);
  return (
    <>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

/** A column heading: short on screen (the panel is narrow), the full name for screen readers and on hover. */
function Heading(props: { short: MessageKey; full: MessageKey; children?: ComponentChildren }) {
  return (
    <th scope="col" class="num" title={t(props.full)}>
      <span aria-hidden="true">{t(props.short)}</span>
      <span class="sr-only">{t(props.full)}</span>
      {props.children}
    </th>
  );
}

export function CompareTable(props: {
  report: CompareReport;
  format: (v: number | null) => string;
  /** Re-render when the language changes (numbers are formatted per language). */
  language: string;
}) {
  const { report, format } = props;
  const rows = report.summary.accounts;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={t('compareTableCaption')}>
      <table class="posts compare">
        <caption class="sr-only">{t('compareTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colAccount')}</th>
            <Heading short="colFollowersShort" full="colFollowers" />
            <Heading short="colPostsPerWeekShort" full="colPostsPerWeek" />
            <Heading short="colMedianErShort" full="colMedianEr">
              <br />
              <small>{denominatorLabel(report.denominator)}</small>
            </Heading>
            <Heading short="colMedianInteractionsShort" full="colMedianInteractions" />
            <Heading short="colBreakoutsShort" full="colBreakouts" />
            <Heading short="colShareOfVoiceShort" full="colShareOfVoice" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.platform}:${r.handle}`}>
              <th scope="row">
                <BreakableHandle handle={r.handle} />
                <br />
                <small>{PLATFORM_NAMES[r.platform] ?? r.platform}</small>
              </th>
              <td class="num" title={r.followersSource === 'post' ? t('followersFromPost') : undefined}>
                {formatCount(r.followers, true)}
              </td>
              <Figure
                value={formatNumber(r.postsPerWeek.value, 1)}
                n={r.postsPerWeek.n}
                thin={r.postsPerWeek.thin}
              />
              <Figure value={format(r.medianEr.value)} n={r.medianEr.n} thin={r.medianEr.thin} />
              <Figure
                value={formatNumber(r.medianInteractions.value, 0)}
                n={r.medianInteractions.n}
                thin={r.medianInteractions.thin}
              />
              <Figure
                value={r.breakouts.thin ? t('unknown') : String(r.breakouts.count)}
                n={r.breakouts.n}
                thin={r.breakouts.thin}
                extra={
                  r.breakouts.count > 0 && !r.breakouts.thin ? (
                    <span class="sr-only"> {t('badgeBreakout')}</span>
                  ) : undefined
                }
              />
              <Figure
                value={formatPercent(r.shareOfVoice.value, 1)}
                n={r.shareOfVoice.n}
                thin={r.shareOfVoice.thin}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note">{t('compareAbbreviations')}</p>
    </section>
  );
}
