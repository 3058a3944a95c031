/** The compact in-feed badge: interactions and, when known, engagement rate with its denominator. */
import type { EngagementRate } from '../../core/messages';
import type { PostSnapshot } from '../../core/model';
import { interactions } from '../../core/scoring/interactions';
import { formatCount, formatPercent, t } from '../i18n';

export interface BadgeProps {
  post: PostSnapshot;
  rate: EngagementRate | null;
}

export function Badge({ post, rate }: BadgeProps) {
  const total = interactions(post.metrics);
  const approx = post.approx.some((m) => m !== 'views');
  return (
    <span class="badge" role="note" title={t('badgeTitle')}>
      <span class="mark" aria-hidden="true">
        ◔
      </span>
      <span>{t('badgeInteractions', `${approx ? '≈' : ''}${formatCount(total)}`)}</span>
      {rate && (
        <span class="rate">
          {' · '}
          {rate.denominator === 'followers'
            ? t('erFollowers', formatPercent(rate.value))
            : t('erViews', formatPercent(rate.value))}
        </span>
      )}
    </span>
  );
}

/** Styles live inside the shadow root, so the page's CSS cannot reach them and ours cannot leak. */
export const BADGE_CSS = `
:host { all: initial; display: block; margin: 4px 0 2px; pointer-events: none; }
.badge { pointer-events: auto; display: inline-flex; gap: 4px; align-items: center;
  font: 500 12px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #3b0764;
  background: #f3e8ff; border: 1px solid #d8b4fe; border-radius: 999px; padding: 1px 8px; }
.mark { color: #7c3aed; }
@media (prefers-color-scheme: dark) {
  .badge { color: #f3e8ff; background: #2e1065; border-color: #6d28d9; }
  .mark { color: #c4b5fd; }
}
`;
