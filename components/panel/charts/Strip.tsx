/**
 * Engagement distribution per account: one dot per post on a shared log scale (engagement spans
 * orders of magnitude between a small and a large account), the median as a tall tick with its value
 * written beside the name. A hidden table gives n, minimum, median and maximum per account.
 */
import type { Ref } from 'preact';
import type { Distribution } from '../../../core/reports/compare';
import { t } from '../../i18n';
import { accountLabel } from '../common';

const WIDTH = 360;
const ROW = 40;
const AXIS = 18;
const PAD = 6;

export function Strip(props: {
  rows: readonly Distribution[];
  caption: string;
  format: (value: number | null) => string;
  svgRef?: Ref<SVGSVGElement>;
}) {
  const { rows, format } = props;
  const positive = rows.flatMap((r) => r.values.filter((v) => v > 0));
  const lo = positive.length ? 10 ** Math.floor(Math.log10(Math.min(...positive))) : 0.01;
  const hi = positive.length ? 10 ** Math.ceil(Math.log10(Math.max(...positive))) : 1;
  const span = Math.max(1, Math.log10(hi) - Math.log10(lo));
  // Zero sits at the left edge (log scales have no zero); the hidden table says how many were 0.
  const x = (v: number) => PAD + (v <= 0 ? 0 : ((Math.log10(v) - Math.log10(lo)) / span) * (WIDTH - 2 * PAD));
  const ticks: number[] = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) ticks.push(v);
  const height = rows.length * ROW + AXIS;
  return (
    <figure class="chart">
      <figcaption>{props.caption}</figcaption>
      <svg
        ref={props.svgRef}
        class="strip"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={props.caption}
      >
        {ticks.map((v, i) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={0} y2={rows.length * ROW} class="gridline" />
            <text
              x={x(v)}
              y={height - 4}
              class="axis-label"
              text-anchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}
            >
              {format(v)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = i * ROW;
          return (
            <g key={`${r.platform}:${r.handle}`}>
              <text x={0} y={y + 12} class="axis-label">
                {`${accountLabel(r)} — ${t('medianShort')} ${format(r.median)} (${t('sampleN', r.values.length)})`}
              </text>
              <line x1={PAD} x2={WIDTH - PAD} y1={y + 27} y2={y + 27} class="track-line" />
              {r.values.map((v, k) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, sorted list of dots without identity
                <circle key={k} cx={x(v)} cy={y + 27} r={3.5} class="dot" />
              ))}
              {r.median !== null && (
                <line x1={x(r.median)} x2={x(r.median)} y1={y + 18} y2={y + 36} class="median" />
              )}
            </g>
          );
        })}
      </svg>
      <div class="sr-only">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colAccount')}</th>
              <th scope="col">{t('colN')}</th>
              <th scope="col">{t('colMin')}</th>
              <th scope="col">{t('colMedian')}</th>
              <th scope="col">{t('colMax')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.platform}:${r.handle}`}>
                <th scope="row">{accountLabel(r)}</th>
                <td>{r.values.length}</td>
                <td>{format(r.values[0] ?? null)}</td>
                <td>{format(r.median)}</td>
                <td>{format(r.values.at(-1) ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
