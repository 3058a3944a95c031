/** Compare with places (Google reviews): rating, reviews, velocity and answers side by side. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { CompareView } from '../../components/panel/compare/CompareView';
import type { PageState } from '../../components/panel/source';
import type { AccountObservation, CompetitiveSet, StoredComment } from '../../core/model';
import { account, D, NOW } from './data';
import { fakeSource } from './fake-source';
import { mount } from './render';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  lang.value = 'de';
});
afterEach(() => vi.useRealTimers());

const none: PageState = { status: 'none' };
const OURS = '0x1:0xa';
const THEIRS = '0x2:0xb';
const places: CompetitiveSet = {
  id: 'p1',
  name: 'Bäckereien in der Altstadt',
  members: [
    { platform: 'google', handle: OURS },
    { platform: 'google', handle: THEIRS },
  ],
  createdAt: NOW - 60 * D,
};
const seen = (handle: string, ageDays: number, rating: number, reviews: number): AccountObservation => ({
  platform: 'google',
  handle,
  at: NOW - ageDays * D,
  followers: null,
  following: null,
  posts: null,
  rating,
  reviews,
});
const review = (id: string, place: string, answered: boolean): StoredComment => ({
  id,
  postId: place,
  parentId: null,
  author: { handle: null, name: 'Gast' },
  text: 'Gut.',
  createdAt: new Date(NOW - 10 * D).toISOString(),
  timePrecision: 'day',
  likes: null,
  byPostAuthor: false,
  rating: 4,
  platform: 'google',
  postAuthorKey: place,
  firstSeen: NOW - 10 * D,
  lastSeen: NOW,
  answeredAt: answered ? NOW - 9 * D : null,
});

describe('Compare: a set of places', () => {
  it('shows each place by name with rating, reviews, new reviews per month and the share answered', async () => {
    const { source } = fakeSource({
      sets: [places],
      accounts: [
        account(OURS, {
          platform: 'google',
          name: 'Bäckerei Beispiel',
          followers: null,
          place: { rating: 4.1, reviews: 87, histogram: null },
        }),
        account(THEIRS, {
          platform: 'google',
          name: 'Café Konkurrenz',
          followers: null,
          place: { rating: 4.6, reviews: 240, histogram: null },
        }),
      ],
      history: [seen(OURS, 30, 4.2, 80), seen(OURS, 0, 4.1, 87), seen(THEIRS, 0, 4.6, 240)],
      reviews: [review('a', OURS, true), review('b', OURS, false), review('c', THEIRS, true)],
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    const rows = ui.all('table.places tbody tr').map((tr) => tr.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Bäckerei Beispiel');
    expect(rows[0]).toContain('4,1 ★');
    expect(rows[0]).toContain('87');
    expect(rows[0]).toContain('7,1'); // 7 reviews in 30 days
    expect(rows[0]).toContain('50 %');
    expect(rows[1]).toContain('Café Konkurrenz');
    expect(rows[1]).toContain('—'); // one visit: no velocity yet
    expect(rows[1]).toContain('100 %');
    // Places are not compared by posts: no engagement table, no window controls.
    expect(ui.all('table.compare:not(.places)')).toHaveLength(0);
  });
});
