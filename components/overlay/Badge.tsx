/**
 * The compact in-feed badge: interactions, then how the post does for its account (× median, or
 * velocity while it is under 24 h old), and a breakout mark. Hovering or focusing it shows the
 * details, including the denominator and the sample behind the baseline.
 */
import type { PostScore } from '../../core/messages';
import type { PostSnapshot } from '../../core/model';
import { interactions } from '../../core/scoring/interactions';
import { formatCount, formatNumber, formatPercent, t, tn } from '../i18n';

export interface BadgeProps {
  post: PostSnapshot;
  score: PostScore | null;
}

export function Badge({ post, score }: BadgeProps) {
  const total = interactions(post.metrics);
  const views = post.metrics.views;
  // Views lead on YouTube, TikTok, Shorts and Reels, and wherever a page shows nothing but views.
  const byViews = views !== null && (score?.viewsFirst ?? total === null);
  const headline = byViews ? views : total;
  const approx = byViews ? post.approx.includes('views') : post.approx.some((m) => m !== 'views');
  const approxTotal = post.approx.some((m) => m !== 'views');
  const rate = score?.rate ?? null;
  const vs = score?.views ?? null;
  const xMedian = byViews ? (vs?.xMedian ?? null) : (score?.xMedian ?? null);
  const perHour = byViews ? (vs?.perHour ?? null) : (score?.velocity ?? null);
  const thin = byViews ? (vs?.thin ?? false) : (score?.thin ?? false);
  const n = byViews ? (vs?.n ?? 0) : (score?.baselineN ?? 0);
  const details = [
    total !== null ? t('badgeInteractions', `${approxTotal ? '≈' : ''}${formatCount(total)}`) : null,
    views !== null
      ? t('badgeViews', `${post.approx.includes('views') ? '≈' : ''}${formatCount(views)}`)
      : null,
    rate
      ? rate.denominator === 'followers'
        ? t('erFollowers', formatPercent(rate.value))
        : t('erViews', formatPercent(rate.value))
      : null,
    score?.xMedian != null ? t('badgeXMedianLong', formatNumber(score.xMedian, 1), score.baselineN) : null,
    vs?.xMedian != null ? t('badgeViewsXMedian', formatNumber(vs.xMedian, 1), vs.n) : null,
    score?.young && score.velocity !== null ? t('badgeVelocity', formatNumber(score.velocity, 1)) : null,
    vs?.perHour != null ? t('badgeViewsPerHour', formatNumber(vs.perHour, vs.perHour < 10 ? 1 : 0)) : null,
    headline !== null && thin ? tn('thinMarkerLong', n) : null,
    score?.breakout ? t('badgeBreakoutLong') : null,
  ].filter((line): line is string => line !== null);
  // A button: focusable and announced with its summary; the details show on hover and focus.
  // Clicks stop here, so the platform does not open the post underneath.
  const stop = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
  };
  // The second figure: pace while young, else × median (only against ≥ 8 mature posts).
  const young = score?.young ?? false;
  const second =
    young && perHour !== null
      ? `· ${formatNumber(perHour, perHour < 10 ? 1 : 0)}/h`
      : !young && xMedian !== null
        ? `· ${formatNumber(xMedian, xMedian >= 10 ? 0 : 1)}×`
        : null;
  return (
    <button
      type="button"
      class={`badge${score?.breakout ? ' breakout' : ''}`}
      aria-label={details.join('. ')}
      onClick={stop}
      onMouseDown={stop}
    >
      <span class="mark" aria-hidden="true">
        {score?.breakout ? '▲' : byViews ? '▶' : '◔'}
      </span>
      <span aria-hidden="true">{`${headline !== null && approx ? '≈' : ''}${formatCount(headline, true)}`}</span>
      {second && (
        <span class={young ? 'v' : 'x'} aria-hidden="true">
          {second}
        </span>
      )}
      {headline !== null && thin && second === null && (
        <span class="n" aria-hidden="true">
          {t('thinMarker', n)}
        </span>
      )}
      {score?.breakout && (
        <span class="flag" aria-hidden="true">
          {t('badgeBreakout')}
        </span>
      )}
      <span class="card" aria-hidden="true">
        {details.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </span>
    </button>
  );
}

/** Styles live inside the shadow root, so the page's CSS cannot reach them and ours cannot leak. */
export const BADGE_CSS = `
:host { all: initial; display: block; margin: 4px 0 2px; pointer-events: none; }
.badge { position: relative; pointer-events: auto; appearance: none; margin: 0; display: inline-flex; gap: 4px; align-items: center;
  font: 500 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #3b0764;
  background: #f3e8ff; border: 1px solid #d8b4fe; border-radius: 999px; padding: 1px 8px; cursor: default; }
.badge:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.mark { color: #7c3aed; }
.breakout { background: #dcfce7; border-color: #16a34a; color: #14532d; }
.breakout .mark { color: #15803d; }
.flag { font-weight: 700; }
.n { font-size: 11px; opacity: 0.8; white-space: nowrap; }
.card { display: none; position: absolute; z-index: 2147483647; left: 0; top: calc(100% + 4px); min-width: 220px;
  flex-direction: column; gap: 2px; padding: 8px 10px; border-radius: 8px; background: #ffffff; color: #1c1917;
  border: 1px solid #d6d3d1; box-shadow: 0 4px 16px rgb(0 0 0 / 0.15); font-weight: 400; }
.badge:hover .card, .badge:focus .card { display: flex; }
@media (prefers-color-scheme: dark) {
  .badge { color: #f3e8ff; background: #2e1065; border-color: #6d28d9; }
  .mark { color: #c4b5fd; }
  .breakout { background: #14532d; border-color: #22c55e; color: #dcfce7; }
  .card { background: #1c1917; color: #f5f5f4; border-color: #44403c; }
}
`;
