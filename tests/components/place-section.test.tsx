/** The Account view of a place (Google reviews): rating and its trend, velocity, histogram, answers. */
import { describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { PlaceSection } from '../../components/panel/account/PlaceSection';
import type { AccountObservation, StoredAccount, StoredComment } from '../../core/model';
import { mount } from './render';

const DAY = 86_400_000;
const T0 = Date.parse('2026-10-01T10:00:00Z');
const PLACE = '0x47a84e373f7c0001:0x1d2c3b4a59687700';
const account: StoredAccount = {
  platform: 'google',
  handle: PLACE,
  name: 'Bäckerei Beispiel',
  role: 'competitor',
  followers: null,
  following: null,
  posts: null,
  lastSeen: T0 + 40 * DAY,
  place: { rating: 4.1, reviews: 87, histogram: { '5': 52, '4': 14, '3': 6, '2': 5, '1': 10 } },
};
const seen = (at: number, rating: number, reviews: number): AccountObservation => ({
  platform: 'google',
  handle: PLACE,
  at,
  followers: null,
  following: null,
  posts: null,
  rating,
  reviews,
});
const review = (id: string, answeredAfterDays: number | null): StoredComment => ({
  id,
  postId: PLACE,
  parentId: null,
  author: { handle: null, name: 'Kundin' },
  text: 'Gut.',
  createdAt: new Date(T0).toISOString(),
  timePrecision: 'day',
  likes: 0,
  byPostAuthor: false,
  rating: 4,
  platform: 'google',
  postAuthorKey: PLACE,
  firstSeen: T0,
  lastSeen: T0,
  answeredAt: answeredAfterDays === null ? null : T0 + answeredAfterDays * DAY,
  ...(answeredAfterDays === null ? {} : { answerCreatedAt: T0 + answeredAfterDays * DAY }),
});

describe('a place in the Account view', () => {
  it('shows the rating with its trend, reviews per month, the histogram and the owner answers (German)', async () => {
    lang.value = 'de';
    const view = await mount(
      <PlaceSection
        account={account}
        history={[seen(T0, 4.3, 80), seen(T0 + 30 * DAY, 4.1, 87)]}
        reviews={[review('a', 2), review('b', null)]}
      />,
    );
    const text = view.text();
    expect(text).toContain('4,1 ★');
    expect(text).toContain('von 4,3 auf 4,1 über 2 Besuche');
    // 7 new reviews in 30 days: 7.1 a month.
    expect(text).toMatch(/7,1\s*\(aus der Zahl der Rezensionen über 30 Tage\)/);
    expect(text).toContain('50 %');
    expect(text).toContain('1 von 2 gesehenen Rezensionen');
    expect(view.get('table.histogram').querySelectorAll('tr')).toHaveLength(5);
    expect(view.get('meter').getAttribute('value')).toBe('52');
  });

  it('says when the velocity cannot be measured yet instead of showing a number', async () => {
    lang.value = 'en';
    const view = await mount(<PlaceSection account={account} history={[seen(T0, 4.1, 87)]} reviews={[]} />);
    expect(view.text()).toContain('not measurable yet');
  });
});
