/**
 * The one-page client report of a competitive set, as an SVG "card": title, window and date, one row
 * per account (followers, posts/week, median engagement with its denominator, median interactions,
 * share of voice, each with n) and the share-of-voice bars. Drawn as SVG so that the existing chart
 * export turns it into a PNG a marketer can paste into a deck or mail; the same page printed (print
 * stylesheet) gives the PDF. Text is set as SVG text nodes: scraped handles stay text, never markup.
 */
import type { Ref } from 'preact';
import type { CompareReport } from '../../../core/reports/compare';
import { formatCount, formatNumber, formatPercent, t } from '../../i18n';
import { wrapWords } from '../charts/export';
import { denominatorLabel, PLATFORM_NAMES } from '../common';

const WIDTH = 640;
const ROW = 34;
const HEAD = 86;
const COLS = [
  { key: 'account', x: 16, anchor: 'start' },
  { key: 'followers', x: 230, anchor: 'end' },
  { key: 'cadence', x: 300, anchor: 'end' },
  { key: 'er', x: 390, anchor: 'end' },
  { key: 'inter', x: 520, anchor: 'end' },
  { key: 'sov', x: 620, anchor: 'end' },
] as const;

/** The card's rows as text, so tests can read what the image says. */
export function reportRows(report: CompareReport, format: (v: number | null) => string) {
  return report.summary.accounts.map((r) => ({
    account: `@${r.handle}`,
    platform: PLATFORM_NAMES[r.platform] ?? r.platform,
    followers: formatCount(r.followers, true),
    cadence: formatNumber(r.postsPerWeek.value, 1),
    er: `${format(r.medianEr.value)} (n=${r.medianEr.n})`,
    inter: `${formatNumber(r.medianInteractions.value, 0)} (n=${r.medianInteractions.n})`,
    sov: formatPercent(r.shareOfVoice.value, 1),
    share: r.shareOfVoice.value ?? 0,
  }));
}

export function ReportCard(props: {
  report: CompareReport;
  setName: string;
  asOf: string;
  format: (v: number | null) => string;
  svgRef: Ref<SVGSVGElement>;
}) {
  const { report, format } = props;
  const rows = reportRows(report, format);
  const tableBottom = HEAD + 24 + rows.length * ROW;
  const barsTop = tableBottom + 36;
  // About 105 characters of 10-unit text fit the card's width; longer notes wrap.
  const footer = wrapWords(t('reportFooter'), 105);
  const height = barsTop + rows.length * 22 + 34 + footer.length * 13;
  // Short headings (the card is 640 units wide); SVG text does not hyphenate, so soft hyphens go.
  const short = (key: Parameters<typeof t>[0]) => t(key).replaceAll('\u00ad', '').replaceAll('\u200b', '');
  const headings: Record<(typeof COLS)[number]['key'], string> = {
    account: t('colAccount'),
    followers: short('colFollowersShort'),
    cadence: short('colPostsPerWeekShort'),
    er: short('colMedianErShort'),
    inter: short('colMedianInteractionsShort'),
    sov: short('colShareOfVoiceShort'),
  };

  return (
    <svg
      ref={props.svgRef}
      class="report-card"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-label={t('reportTitle', props.setName, report.days)}
      font-family="system-ui, sans-serif"
    >
      <text x={16} y={28} font-size={15} font-weight={700} class="value-label">
        {t('reportTitle', props.setName, report.days)}
      </text>
      <text x={16} y={50} font-size={12} class="axis-label">
        {t('reportSubtitle', props.asOf, report.summary.shareOfVoice.n)}
      </text>
      <text x={16} y={66} font-size={11} class="axis-label">
        {`${t('colMedianErShort').replaceAll('\u00ad', '')}: ${denominatorLabel(report.denominator)}`}
      </text>
      {COLS.map((c) => (
        <text
          key={c.key}
          x={c.x}
          y={HEAD + 8}
          font-size={10}
          font-weight={600}
          text-anchor={c.anchor}
          class="axis-label"
        >
          {headings[c.key]}
        </text>
      ))}
      {rows.map((r, i) => {
        const y = HEAD + 30 + i * ROW;
        return (
          <g key={r.account + r.platform}>
            <text x={16} y={y} font-size={13} font-weight={600} class="value-label">
              {r.account.length > 28 ? `${r.account.slice(0, 27)}…` : r.account}
            </text>
            <text x={16} y={y + 14} font-size={10} class="axis-label">
              {r.platform}
            </text>
            {COLS.slice(1).map((c) => (
              <text key={c.key} x={c.x} y={y} font-size={12} text-anchor="end" class="value-label">
                {r[c.key]}
              </text>
            ))}
          </g>
        );
      })}
      <text x={16} y={barsTop - 10} font-size={12} font-weight={600} class="value-label">
        {t('secShareOfVoice')}
      </text>
      {rows.map((r, i) => (
        <g key={`bar-${r.account}${r.platform}`}>
          <text x={16} y={barsTop + i * 22 + 12} font-size={11} class="axis-label">
            {r.account.length > 22 ? `${r.account.slice(0, 21)}…` : r.account}
          </text>
          <rect x={190} y={barsTop + i * 22} width={380} height={14} class="track" />
          <rect
            x={190}
            y={barsTop + i * 22}
            width={(380 * Math.max(0, Math.min(100, r.share))) / 100}
            height={14}
            class="bar"
          />
          <text x={620} y={barsTop + i * 22 + 12} font-size={11} text-anchor="end" class="value-label">
            {r.sov}
          </text>
        </g>
      ))}
      <text x={16} y={height - 28} font-size={10} class="axis-label">
        {footer.map((line, i) => (
          <tspan key={line} x={16} dy={i === 0 ? 0 : 13}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
}
