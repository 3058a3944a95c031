/** The places of a competitive set side by side (Google reviews): rating, reviews, velocity, answers. */
import type { PlaceRow } from '../../../core/reports/places';
import { formatCount, formatNumber, t, tn } from '../../i18n';
import { accountLabel } from '../common';

export function PlacesTable(props: { rows: readonly PlaceRow[]; language: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section class="table-wrap" tabIndex={0} aria-label={t('placesTableCaption')}>
      <table class="posts compare places">
        <caption class="sr-only">{t('placesTableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPlace')}</th>
            <th scope="col" class="num">
              {t('placeRating')}
            </th>
            <th scope="col" class="num">
              {t('placeReviews')}
            </th>
            <th scope="col" class="num">
              {t('placeVelocity')}
            </th>
            <th scope="col" class="num">
              {t('placeResponse')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ platform, handle, name, figures }) => (
            <tr key={`${platform}:${handle}`}>
              <th scope="row">{accountLabel({ platform, handle, name })}</th>
              <td class="num">{figures.rating === null ? '—' : `${formatNumber(figures.rating, 1)} ★`}</td>
              <td class="num">{formatCount(figures.reviews)}</td>
              <td class="num">
                {figures.reviewsPerMonth === null ? '—' : formatNumber(figures.reviewsPerMonth, 1)}
                {figures.velocitySpanDays !== null && (
                  <>
                    <br />
                    <small>{tn('placeSpanDays', figures.velocitySpanDays)}</small>
                  </>
                )}
              </td>
              <td class="num">
                {figures.response.rate === null ? '—' : `${formatNumber(figures.response.rate, 0)} %`}
                <br />
                <small>{t('sampleN', figures.response.n)}</small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="note">{t('placesTableNote')}</p>
    </section>
  );
}
