/** The account view: figures with their n and denominator, plain-language findings, and every state. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { AccountView } from '../../components/panel/account/AccountView';
import type { PageState } from '../../components/panel/source';
import type { StoredPost } from '../../core/model';
import { account, D, followerReading, H, NOW, storedPost } from './data';
import { fakeSource } from './fake-source';
import { click, mount, setValue } from './render';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  lang.value = 'en';
});
afterEach(() => {
  vi.useRealTimers();
});

const W = 7 * D;
const none: PageState = { status: 'none' };

/**
 * @acme over 14 weeks: 14 videos on Tuesdays 10:00 UTC at 2.4 % of followers (#Öko), 26 text posts on
 * Thursdays 15:00 and Fridays 09:00 at 1 % (four of them #rabatt). NOW is a Monday 12:00 UTC.
 */
function acmeHistory(): StoredPost[] {
  const posts: StoredPost[] = [];
  for (let w = 0; w < 14; w++)
    posts.push(
      storedPost({
        id: `v${w}`,
        time: NOW - 6 * D - 2 * H - w * W,
        likes: 24,
        media: 'video',
        hashtags: ['#Öko'],
      }),
    );
  for (let w = 0; w < 13; w++) {
    posts.push(
      storedPost({
        id: `t${w}`,
        time: NOW - 4 * D + 3 * H - w * W,
        likes: 10,
        hashtags: w < 4 ? ['rabatt'] : [],
      }),
    );
    posts.push(storedPost({ id: `f${w}`, time: NOW - 3 * D - 3 * H - w * W, likes: 10 }));
  }
  return posts;
}

const history = [
  followerReading('acme', 60, 900),
  followerReading('acme', 40, 950),
  followerReading('acme', 20, 980),
  followerReading('acme', 1, 1000),
];

describe('Account view', () => {
  it('says it is loading while the accounts are read', async () => {
    const { source } = fakeSource({ accounts: 'loading' });
    const ui = await mount(<AccountView source={source} page={none} />);
    expect(ui.get('[role="status"]').textContent).toBe('Loading…');
  });

  it('says it is loading while one account is read', async () => {
    const { source } = fakeSource({ accounts: [account('acme')], account: 'loading' });
    const ui = await mount(<AccountView source={source} page={none} />);
    expect(ui.get('select')).toBeTruthy();
    expect(ui.get('[role="status"]').textContent).toBe('Loading…');
  });

  it('explains how to get an account when none is stored', async () => {
    const { source } = fakeSource({ accounts: [] });
    const ui = await mount(<AccountView source={source} page={none} />);
    expect(ui.text()).toContain('No accounts stored yet. Open a profile');
  });

  it('says when an account has no posts yet', async () => {
    const { source } = fakeSource({ accounts: [account('acme')] });
    const ui = await mount(<AccountView source={source} page={none} />);
    expect(ui.text()).toContain('No posts of @acme · X stored yet');
  });

  it('shows a read error as an alert', async () => {
    const { source } = fakeSource({ accounts: { error: 'database closed' } });
    const ui = await mount(<AccountView source={source} page={none} />);
    expect(ui.get('[role="alert"]').textContent).toContain('database closed');
    const second = fakeSource({ accounts: [account('acme')], account: { error: 'cursor failed' } });
    const ui2 = await mount(<AccountView source={second.source} page={none} />);
    expect(ui2.get('[role="alert"]').textContent).toContain('cursor failed');
  });

  it('says the sample is thin instead of drawing conclusions from 3 posts', async () => {
    const posts = [
      storedPost({ id: 'a', ageDays: 2, likes: 30, media: 'video' }),
      storedPost({ id: 'b', ageDays: 3, likes: 10 }),
      storedPost({ id: 'c', ageDays: 4, likes: 10 }),
    ];
    const { source } = fakeSource({ accounts: [account('acme')], posts });
    const ui = await mount(<AccountView source={source} page={none} />);
    const text = ui.text();
    expect(text).toContain('Thin data (n = 3)');
    expect(text).toContain('Only 3 posts older than 24 h: too few to compare (at least 8 needed)');
    expect(text).toContain('No weekday and hour has 3 posts yet');
    expect(text).toContain('No trend yet');
    expect(text).not.toContain('get 3× the median');
  });

  it('shows every figure with its n and denominator, and states format lift in plain words', async () => {
    const { source } = fakeSource({
      accounts: [account('acme', { name: 'Acme GmbH', role: 'competitor' })],
      posts: acmeHistory(),
      history,
      settings: { timeZone: 'UTC' },
    });
    const ui = await mount(<AccountView source={source} page={none} />);
    const text = ui.text();
    expect(text).toContain('40 posts of this account seen, 40 of them older than 24 h');
    expect(text).not.toContain('Thin data');
    expect(text).toContain('Median engagement: 1% of followers (n = 40 posts older than 24 h)');
    expect(text).toContain('Engagement rate here = interactions ÷ followers');
    expect(text).toContain('Videos get 2.4× the median engagement — 14 videos, 26 other posts');
    expect(text).toContain('Text posts get 1× the median engagement — 26 text posts, 14 other posts');
    expect(text).toContain('Posts with #öko get 2.4× the median engagement — 14 with it, 26 without');
    expect(text).toContain('Posts with #rabatt get 1× the median engagement — 4 with it, 36 without');
    expect(text).toContain('Strongest slots: Tuesday 10:00 (2.4%, n = 14)');
    expect(text).toContain('+100 over 4 readings');
    // Industry context with source and year, labelled with its denominator.
    expect(text).toContain('Socialinsider Social Media Industry Benchmarks, 2026 edition (2025 data)');
    expect(text).toContain('0.12% of followers');

    // Heatmap: 7 × 24 cells, only the two slots with ≥ 3 posts filled; a text table for screen readers.
    const cells = ui.all('svg.heatmap rect');
    expect(cells).toHaveLength(168);
    expect(cells.filter((c) => !c.classList.contains('empty'))).toHaveLength(3);
    expect(ui.get('svg.heatmap').getAttribute('aria-label')).toContain('time zone UTC');
    // Followers and ER trend have text tables behind the (lazy, canvas) uPlot charts.
    const tables = ui.all('figure .sr-only table');
    expect(tables.length).toBeGreaterThanOrEqual(3);
    expect(tables[0]!.textContent).toContain('1,000');
  });

  it('sets the role with the role buttons (pressed state is announced)', async () => {
    const { source, commands } = fakeSource({
      accounts: [account('acme', { role: 'competitor' })],
      posts: acmeHistory(),
    });
    const ui = await mount(<AccountView source={source} page={none} />);
    expect(ui.button('Competitor').getAttribute('aria-pressed')).toBe('true');
    expect(ui.button('Own').getAttribute('aria-pressed')).toBe('false');
    await click(ui.button('Own'));
    await click(ui.button('Competitor'));
    expect(commands).toEqual([
      { type: 'setAccountRole', platform: 'x', handle: 'acme', role: 'own' },
      { type: 'setAccountRole', platform: 'x', handle: 'acme', role: null },
    ]);
  });

  it('opens on the profile on screen and lets the user pick any stored account', async () => {
    const posts = [...acmeHistory(), storedPost({ id: 'o1', handle: 'other', ageDays: 2 })];
    const page: PageState = {
      status: 'ready',
      fallback: false,
      posts: [],
      tab: {
        tabId: 1,
        url: 'https://x.com/other',
        platform: 'x',
        kind: 'profile',
        postIds: [],
        profileHandle: 'other',
        health: { candidates: 0, extracted: 0, missing: {} },
        updatedAt: NOW,
      },
    };
    const { source } = fakeSource({ accounts: [account('acme'), account('other')], posts });
    const ui = await mount(<AccountView source={source} page={page} />);
    expect(ui.get<HTMLSelectElement>('select').value).toBe('x\u0000other');
    expect(ui.text()).toContain('1 posts of this account seen');
    await setValue(ui.get<HTMLSelectElement>('select'), 'x\u0000acme');
    expect(ui.text()).toContain('40 posts of this account seen');
  });

  it('states findings in German', async () => {
    lang.value = 'de';
    const { source } = fakeSource({
      accounts: [account('acme')],
      posts: acmeHistory(),
      settings: { timeZone: 'UTC' },
    });
    const ui = await mount(<AccountView source={source} page={none} />);
    const text = ui.text();
    expect(text).toContain(
      'Videos erhalten das 2,4-Fache des mittleren Engagements – 14 Videos, 26 andere Beiträge',
    );
    expect(text).toMatch(/Median-Engagement: 1\s% der Follower \(n = 40 Beiträge älter als 24 h\)/);
    expect(text).toContain('Stärkste Zeitfenster: Dienstag 10:00');
  });

  it('shows a views-only channel by its views first (TikTok grid), with n, and no thin-data warning', async () => {
    const posts = Array.from({ length: 10 }, (_, i) =>
      storedPost({ id: `v${i}`, platform: 'tiktok', ageDays: 2 + i, likes: null, views: 1000 + i * 100 }),
    );
    const { source } = fakeSource({ accounts: [account('acme', { platform: 'tiktok' })], posts });
    const ui = await mount(<AccountView source={source} page={none} />);
    const text = ui.text();
    // Views 1,000 … 1,900 → median 1,450.
    expect(text).toContain('Median views: 1,450 (n = 10 posts older than 24 h)');
    expect(text).not.toContain('Thin data');
  });
});
