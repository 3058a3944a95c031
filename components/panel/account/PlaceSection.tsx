/**
 * The Account view of a place (Google reviews): its average rating and how it moved over the visits
 * Resonanz saw, the number of reviews and how fast new ones come, the histogram, and how many of
 * the reviews seen the owner answered, and how fast. Every figure says what it rests on.
 */
import type { AccountObservation, StoredAccount, StoredComment } from '../../../core/model';
import { placeFigures } from '../../../core/scoring/places';
import { formatCount, formatNumber, t, tn } from '../../i18n';
import { Section } from '../common';
import { formatDuration } from '../replies/format';

const STARS = ['5', '4', '3', '2', '1'] as const;

export function PlaceSection(props: {
  account: StoredAccount | null;
  history: readonly AccountObservation[];
  reviews: readonly StoredComment[];
}) {
  const { account, history, reviews } = props;
  if (!account) return null;
  const figures = placeFigures(account, history, reviews);
  const histogram = account.place?.histogram ?? null;
  const total = histogram ? STARS.reduce((n, s) => n + (histogram[s] ?? 0), 0) : 0;
  const trend = figures.ratingTrend;
  const { response } = figures;
  const time = formatDuration(response.medianMs);
  return (
    <Section id="place" title={t('placeTitle')}>
      <dl class="place-figures">
        <dt>{t('placeRating')}</dt>
        <dd>
          {figures.rating === null ? '—' : `${formatNumber(figures.rating, 1)} ★`}
          {trend.length >= 2 && (
            <span class="muted">
              {' '}
              {t(
                'placeRatingTrend',
                formatNumber(trend[0]!.rating, 1),
                formatNumber(trend.at(-1)!.rating, 1),
                trend.length,
              )}
            </span>
          )}
        </dd>
        <dt>{t('placeReviews')}</dt>
        <dd>{formatCount(figures.reviews)}</dd>
        <dt>{t('placeVelocity')}</dt>
        <dd>
          {figures.reviewsPerMonth === null ? (
            <span class="muted">{t('placeVelocityThin')}</span>
          ) : (
            <>
              {formatNumber(figures.reviewsPerMonth, 1)}{' '}
              <span class="muted">{tn('placeVelocityBasis', figures.velocitySpanDays ?? 0)}</span>
            </>
          )}
        </dd>
        <dt>{t('placeResponse')}</dt>
        <dd>
          {response.rate === null ? '—' : `${formatNumber(response.rate, 0)} %`}{' '}
          <span class="muted">{tn('placeResponseBasis', response.n, response.answered)}</span>
          {time && (
            <>
              {' · '}
              {t('placeResponseTime', time, response.timedN)}
            </>
          )}
        </dd>
      </dl>
      {histogram && total > 0 && (
        <table class="histogram">
          <caption>{t('placeHistogram')}</caption>
          <tbody>
            {STARS.map((s) => (
              <tr key={s}>
                <th scope="row">{s} ★</th>
                <td>
                  <meter min={0} max={total} value={histogram[s] ?? 0} aria-label={t('reviewStars', s)} />
                </td>
                <td>{formatCount(histogram[s] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{t('placeHint')}</p>
    </Section>
  );
}
