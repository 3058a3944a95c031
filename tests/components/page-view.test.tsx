/** "This page": what a marketer sees for the posts on the open tab, in every state. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { PageView } from '../../components/panel/PageView';
import type { PageState } from '../../components/panel/source';
import type { TabState } from '../../core/db/schema';
import type { StoredPost } from '../../core/model';
import { NOW, storedPost } from './data';
import { fakeSource } from './fake-source';
import { click, mount } from './render';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  lang.value = 'en';
});
afterEach(() => {
  vi.useRealTimers();
});

function tab(posts: StoredPost[]): TabState {
  return {
    tabId: 7,
    url: 'https://x.com/acme',
    platform: 'x',
    kind: 'profile',
    postIds: posts.map((p) => p.id),
    profileHandle: 'acme',
    health: { candidates: posts.length, extracted: posts.length, missing: {} },
    updatedAt: NOW,
  };
}

const ready = (posts: StoredPost[]): PageState => ({
  status: 'ready',
  tab: tab(posts),
  posts,
  fallback: false,
});

/** 12 ordinary posts of @acme (10 likes, 1,000 followers: 1 %) and one with 80 likes. */
function accountWithBreakout() {
  const usual = Array.from({ length: 12 }, (_, i) =>
    storedPost({ id: `u${i}`, ageDays: 2 + i, likes: 9 + (i % 3) }),
  );
  const spike = storedPost({ id: 'spike', ageDays: 1.5, likes: 80, text: 'Unser neues Produkt' });
  return [...usual.slice(0, 3), spike, ...usual.slice(3)];
}

describe('This page', () => {
  it('says it is loading before the tab is read', async () => {
    const { source } = fakeSource();
    const ui = await mount(<PageView state={{ status: 'loading' }} source={source} />);
    expect(ui.get('[role="status"]').textContent).toBe('Loading…');
  });

  it('explains what to do when no supported page is open', async () => {
    const { source } = fakeSource();
    const ui = await mount(<PageView state={{ status: 'none' }} source={source} />);
    expect(ui.text()).toContain('Open a post, profile or feed on a supported platform');
    expect(ui.all('table')).toHaveLength(0);
  });

  it('says no posts were read yet on a page without posts', async () => {
    const { source } = fakeSource();
    const ui = await mount(<PageView state={ready([])} source={source} />);
    expect(ui.text()).toContain('No posts read on this page yet');
  });

  it('reports a database error as an alert', async () => {
    const { source } = fakeSource();
    const ui = await mount(
      <PageView state={{ status: 'error', message: 'quota exceeded' }} source={source} />,
    );
    expect(ui.get('[role="alert"]').textContent).toContain('quota exceeded');
  });

  it('shows raw counts and one "n = 3" marker instead of × median on a thin baseline, and calls no breakout', async () => {
    // Three posts only: the account baseline is too thin (< 8 mature posts) to call breakouts.
    const posts = [
      storedPost({ id: 'a', ageDays: 2, likes: 10 }),
      storedPost({ id: 'b', ageDays: 3, likes: 10 }),
      storedPost({ id: 'c', ageDays: 4, likes: 200 }),
    ];
    const { source } = fakeSource({ posts });
    const ui = await mount(<PageView state={ready(posts)} source={source} />);
    expect(ui.text()).toContain('fewer than 8 posts older than 24 h');
    const spike = ui.get('tr[data-post-id="c"]');
    expect(spike.className).not.toContain('breakout');
    // The raw count is there; × median waits for 8 mature posts.
    expect(spike.textContent).toContain('200 likes');
    expect(spike.textContent).not.toContain('×');
    expect(spike.querySelector('.n-marker')?.textContent).toBe('n = 3');
    expect(ui.text()).not.toContain('Breakout');
  });

  it('highlights a breakout with ▲ and the word, and sorts by × median', async () => {
    const posts = accountWithBreakout();
    const { source, scrolled, baselineCalls } = fakeSource({ posts });
    const ui = await mount(<PageView state={ready(posts)} source={source} />);
    expect(baselineCalls).toEqual([[{ platform: 'x', handle: 'acme' }]]);

    const spike = ui.get('tr[data-post-id="spike"]');
    expect(spike.className).toBe('breakout');
    expect(spike.textContent).toContain('▲');
    expect(spike.textContent).toContain('Breakout');
    expect(spike.textContent).toContain('8×'); // 80 likes / median 10
    expect(spike.textContent).toContain('8% F'); // 80 / 1,000 followers
    expect(ui.text()).toContain('1 breakout');

    // Page order first; the × median heading sorts highest first.
    expect(ui.all('tbody tr')[0]!.getAttribute('data-post-id')).toBe('u0');
    await click(ui.button('× median'));
    expect(ui.all('tbody tr')[0]!.getAttribute('data-post-id')).toBe('spike');
    expect(ui.get('th[aria-sort="descending"]').textContent).toContain('× median');

    await click(ui.button('Per hour'));
    expect(ui.get('th[aria-sort="descending"]').textContent).toContain('Per hour');

    // A click on a post scrolls the page to it.
    await click(spike.querySelector('button.link')!);
    expect(scrolled).toEqual([{ tabId: 7, postId: 'spike' }]);
  });

  it('labels every engagement rate with its denominator, and shows — when neither is known', async () => {
    const posts = [
      storedPost({ id: 'f', likes: 50, followers: 1000 }),
      storedPost({ id: 'v', likes: 50, followers: null, views: 10_000 }),
      storedPost({ id: 'n', likes: 50, followers: null }),
    ];
    const { source } = fakeSource({ posts });
    const ui = await mount(<PageView state={ready(posts)} source={source} />);
    const cells = (id: string) => [...ui.get(`tr[data-post-id="${id}"]`).querySelectorAll('td')];
    expect(cells('f').at(-1)!.textContent).toBe('5% F');
    expect(cells('v').at(-1)!.textContent).toBe('0.5% V');
    expect(cells('n').at(-1)!.textContent).toBe('—');
  });

  it('still shows the table when the baselines cannot be read', async () => {
    const posts = accountWithBreakout();
    const { source } = fakeSource({ posts, baselines: 'fail' });
    const ui = await mount(<PageView state={ready(posts)} source={source} />);
    expect(ui.all('tbody tr')).toHaveLength(13);
    expect(ui.get('[role="alert"]').textContent).toContain('× median is not shown');
  });

  it('reads in German with German number formats', async () => {
    lang.value = 'de';
    const posts = accountWithBreakout();
    const { source } = fakeSource({ posts });
    const ui = await mount(<PageView state={ready(posts)} source={source} />);
    expect(ui.text()).toContain('13 Beiträge auf dieser Seite');
    expect(ui.get('tr[data-post-id="spike"]').textContent).toContain('Ausreißer');
    expect(ui.get('tr[data-post-id="spike"]').textContent).toMatch(/8\s%\sF/);
  });

  it('leads with views on a views-only TikTok grid: a Views column, × median views, views per hour', async () => {
    // Ten videos, views only (as a TikTok profile grid shows them); the 8,000-view one is 8× the median.
    const posts = Array.from({ length: 10 }, (_, i) =>
      storedPost({
        id: `v${i}`,
        platform: 'tiktok',
        ageDays: 2 + i,
        likes: null,
        views: i === 0 ? 8000 : 1000,
      }),
    );
    const { source } = fakeSource({ posts });
    const ui = await mount(<PageView state={ready(posts)} source={source} />);
    const headings = ui.all('thead th').map((th) => th.textContent?.replaceAll('\u00ad', ''));
    expect(headings.join('|')).toContain('Views');
    // No post has an interaction: that column gives its room away, and so does engagement.
    expect(headings.join('|')).not.toContain('Interactions');
    expect(headings.join('|')).not.toContain('Engagement');
    const top = ui.get('tr[data-post-id="v0"]');
    expect(top.textContent).toContain('8,000');
    expect(top.textContent).toContain('8×');
    // 8,000 views over 2 days = 166.7 views per hour.
    expect(top.textContent).toContain('167/h');
  });
});
