/**
 * Best time to post: a weekday × hour grid (SVG). Shade shows the median engagement; cells with fewer
 * than 3 posts are left empty (outlined) rather than show one lucky post. Screen readers get a text
 * summary of the best slots and a hidden table of every cell with its n.
 */
import type { BestTimeCell, BestTimeGrid } from '../../../core/scoring/besttime';
import { t } from '../../i18n';
import { weekdayName } from '../weekdays';

export interface HeatmapProps {
  grid: BestTimeGrid;
  format: (value: number | null) => string;
  caption: string;
}

const CELL = 14;
const GAP = 2;
const LEFT = 28;
const TOP = 14;

export function Heatmap({ grid, format, caption }: HeatmapProps) {
  const shown = grid.cells.filter((c) => c.value !== null);
  const max = Math.max(0, ...shown.map((c) => c.value!));
  const min = Math.min(max, ...shown.map((c) => c.value!));
  const width = LEFT + 24 * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const level = (c: BestTimeCell) => (max > min ? (c.value! - min) / (max - min) : 1);
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <svg
        class="heatmap"
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={caption}
        preserveAspectRatio="xMinYMin meet"
      >
        {[0, 6, 12, 18].map((h) => (
          <text key={h} x={LEFT + h * (CELL + GAP)} y={10} class="axis-label">
            {String(h).padStart(2, '0')}
          </text>
        ))}
        {Array.from({ length: 7 }, (_, d) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the weekday
          <text key={d} x={0} y={TOP + d * (CELL + GAP) + CELL - 3} class="axis-label">
            {weekdayName(d, 'short')}
          </text>
        ))}
        {grid.cells.map((c) => (
          <rect
            key={`${c.weekday}-${c.hour}`}
            x={LEFT + c.hour * (CELL + GAP)}
            y={TOP + c.weekday * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={2}
            class={c.value === null ? 'cell empty' : 'cell'}
            fill-opacity={c.value === null ? undefined : 0.2 + 0.8 * level(c)}
          >
            <title>
              {`${weekdayName(c.weekday, 'long')} ${String(c.hour).padStart(2, '0')}:00 — ${
                c.value === null ? t('cellTooFew', c.n) : `${format(c.value)} (${t('sampleN', c.n)})`
              }`}
            </title>
          </rect>
        ))}
      </svg>
      <div class="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colWeekday')}</th>
              <th scope="col">{t('colHour')}</th>
              <th scope="col">{t('colMedian')}</th>
              <th scope="col">{t('colN')}</th>
            </tr>
          </thead>
          <tbody>
            {grid.cells
              .filter((c) => c.n > 0)
              .map((c) => (
                <tr key={`${c.weekday}-${c.hour}`}>
                  <th scope="row">{weekdayName(c.weekday, 'long')}</th>
                  <td>{`${String(c.hour).padStart(2, '0')}:00`}</td>
                  <td>{c.value === null ? t('cellTooFew', c.n) : format(c.value)}</td>
                  <td>{c.n}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
