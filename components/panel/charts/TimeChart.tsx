/**
 * A time-series line (followers, weekly engagement) drawn by uPlot. uPlot is imported on first use,
 * so the side panel's first view never waits for it; until it is drawn, and for screen readers
 * always, the same figures are in a visually hidden table, and the caption says what the line shows.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Point } from '../../../core/reports/account';
import { lang, t } from '../../i18n';

export interface TimeChartProps {
  id: string;
  points: readonly Point[];
  /** Caption (visible): what the line is, with its denominator and n. */
  caption: string;
  /** Column heading of the value in the text table. */
  valueLabel: string;
  /** Formats a value in the text table (exact). */
  format: (value: number | null) => string;
  /** Formats the axis ticks (may be compact); defaults to `format`. */
  axisFormat?: (value: number | null) => string;
  /** Show each point's n in the text table (weekly medians). */
  withN?: boolean;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatDate(t: number): string {
  let f = dateFormats.get(lang.value);
  if (!f) {
    f = new Intl.DateTimeFormat(lang.value, { day: 'numeric', month: 'short', year: '2-digit' });
    dateFormats.set(lang.value, f);
  }
  return f.format(t);
}

let drawable: boolean | null = null;
function canDraw(): boolean {
  drawable ??= !!document.createElement('canvas').getContext?.('2d');
  return drawable;
}

export function TimeChart(props: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const { points } = props;
  const axisFormat = props.axisFormat ?? props.format;
  const language = lang.value;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the axes are redrawn in a new language
  useEffect(() => {
    const el = host.current;
    // No 2D canvas (a test DOM, a locked-down browser): the text table carries the figures alone.
    if (!el || points.length < 2 || !canDraw()) return;
    let plot: { destroy(): void; setSize(s: { width: number; height: number }): void } | null = null;
    let observer: ResizeObserver | null = null;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const style = getComputedStyle(el);
        const fg = style.getPropertyValue('--fg').trim() || '#1c1917';
        const line = style.getPropertyValue('--chart-line').trim() || '#6d28d9';
        const grid = style.getPropertyValue('--line').trim() || '#e7e5e4';
        const width = Math.max(200, el.clientWidth || 360);
        const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
        plot = new UPlot(
          {
            width,
            height: 160,
            ms: 1,
            legend: { show: false },
            cursor: { show: true, drag: { x: false, y: false } },
            scales: { x: { time: true } },
            series: [{}, { stroke: line, width: 2, spanGaps: false, points: { show: true, size: 5 } }],
            axes: [
              { ...axis, values: (_u, splits) => splits.map((v) => formatDate(v)), space: 70 },
              { ...axis, values: (_u, splits) => splits.map((v) => axisFormat(v)), size: 64 },
            ],
          },
          [points.map((p) => p.t), points.map((p) => p.value)],
          el,
        );
        observer = new ResizeObserver(() => {
          if (el.clientWidth > 0) plot?.setSize({ width: el.clientWidth, height: 160 });
        });
        observer.observe(el);
      })
      .catch(() => {
        // No canvas (tests) or the chunk failed: the text table below still carries every figure.
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [points, axisFormat, language]);
  return (
    <figure class="chart" aria-labelledby={`cap-${props.id}`}>
      <figcaption id={`cap-${props.id}`}>{props.caption}</figcaption>
      {points.length >= 2 ? (
        <div ref={host} class="uplot-host" aria-hidden="true" />
      ) : (
        <p class="note">{t('chartOnePoint')}</p>
      )}
      <div class="sr-only">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colDate')}</th>
              <th scope="col">{props.valueLabel}</th>
              {props.withN && <th scope="col">{t('colN')}</th>}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.t}>
                <th scope="row">{formatDate(p.t)}</th>
                <td>{props.format(p.value)}</td>
                {props.withN && <td>{p.n}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
