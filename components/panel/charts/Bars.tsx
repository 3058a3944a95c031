/**
 * Share of voice as horizontal bars (SVG). Each bar carries its percentage as text, so the chart
 * needs no colour to be read; a hidden table repeats the figures with their n.
 */
import type { Ref } from 'preact';
import { formatCount, formatPercent, t } from '../../i18n';
import { accountLabel } from '../common';

export interface BarRow {
  platform: string;
  handle: string;
  /** Percent (0–100); null when the set has no interactions. */
  share: number | null;
  interactions: number;
  n: number;
}

const WIDTH = 360;
const ROW = 34;
const LABEL = 14;
const VALUE = 52;

export function Bars({
  rows,
  caption,
  svgRef,
}: {
  rows: readonly BarRow[];
  caption: string;
  svgRef?: Ref<SVGSVGElement>;
}) {
  const height = Math.max(ROW, rows.length * ROW);
  const barMax = WIDTH - VALUE;
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <svg
        ref={svgRef}
        class="bars"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={caption}
      >
        {rows.map((r, i) => {
          const y = i * ROW;
          const w = r.share === null ? 0 : Math.max(r.share > 0 ? 2 : 0, (r.share / 100) * barMax);
          return (
            <g key={`${r.platform}:${r.handle}`}>
              <text x={0} y={y + 11} class="axis-label">
                {accountLabel(r)}
              </text>
              <rect x={0} y={y + LABEL} width={barMax} height={12} rx={2} class="track" />
              <rect x={0} y={y + LABEL} width={w} height={12} rx={2} class="bar" />
              <text x={WIDTH} y={y + LABEL + 10} class="value-label" text-anchor="end">
                {formatPercent(r.share, 1)}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colAccount')}</th>
              <th scope="col">{t('colShareOfVoice')}</th>
              <th scope="col">{t('colInteractions')}</th>
              <th scope="col">{t('colN')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.platform}:${r.handle}`}>
                <th scope="row">{accountLabel(r)}</th>
                <td>{formatPercent(r.share, 1)}</td>
                <td>{formatCount(r.interactions)}</td>
                <td>{r.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
