/**
 * X adapter. Expected values were read by hand off each capture (aria-labels, <time datetime>,
 * permalinks); see ../shared/fixtures/SOURCES.md for where the captures come from.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../core/platforms/index';
import { ownPage, sharedPage } from './load';

const HOME = 'https://x.com/home';

describe('X timeline captures (real, en)', () => {
  it('reads a post with a link card: id, author, time and exact counts from the aria-labels', () => {
    const page = extractPage(sharedPage('x/tweet-article.html'), HOME);
    expect(page.platform).toBe('x');
    expect(page.kind).toBe('feed');
    expect(page.posts).toHaveLength(1);
    const [post] = page.posts;
    expect(post).toMatchObject({
      id: '1981398750557065646',
      url: 'https://x.com/TestUser123/status/1981398750557065646',
      author: { handle: 'TestUser123', name: 'Test User Account' },
      createdAt: '2025-10-23T16:34:09.000Z',
      metrics: { comments: 48, shares: 152, likes: 553, saves: 9, views: 30142, quotes: null },
      approx: [],
      media: 'link',
      promoted: false,
      repostedBy: null,
    });
    expect(post?.links).toContain('https://t.co/xYHSw5Tm00');
    expect(page.health).toMatchObject({ candidates: 1, extracted: 1 });
  });

  it('reads the quoting post, not the quoted one, and does not list the quoted post separately', () => {
    const page = extractPage(sharedPage('x/tweet-article-quote.html'), HOME);
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: '1983130065320780162',
      author: { handle: 'TestQuoter', name: 'Test Quoter' },
      text: 'This is a quote tweet with additional commentary',
      createdAt: '2025-10-28T11:13:47.000Z',
      // The bookmark button shows no number, but the post's summary label says 797.
      metrics: { comments: 2534, shares: 4483, likes: 25616, saves: 797, views: 2596467 },
      approx: [],
      media: 'text', // the image belongs to the quoted post
    });
  });

  it('reads a quote of a video post with its own counts', () => {
    const page = extractPage(sharedPage('x/tweet-article-quote-video.html'), HOME);
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: '1983128852952998358',
      author: { handle: 'QuotingUser', name: 'Quoting User' },
      createdAt: '2025-10-28T11:08:57.000Z',
      metrics: { comments: 972, shares: 2370, likes: 11313, saves: 732, views: 2195266 },
    });
    expect(page.posts[0]?.text).toMatch(/^How to share Example\.com links/);
  });
});

describe('X logged-out status pages (real, headless-rendered)', () => {
  it('falls back to Open Graph: the post id, author and text, with no invented counts', () => {
    const url = 'https://twitter.com/UaSmart/status/934106870834454529';
    const page = extractPage(sharedPage('x/status-logged-out-image.html'), url);
    expect(page.kind).toBe('post');
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: '934106870834454529',
      author: { handle: 'UaSmart', name: 'SmartUA' },
      media: 'image',
      metrics: { likes: null, comments: null, shares: null, quotes: null, views: null, saves: null },
    });
    expect(page.posts[0]?.hashtags).toEqual(['codemotion2017']);
    expect(page.posts[0]?.mentions).toEqual(['patoroco', 'flopezluis', 'codemotion_es']);
  });

  it('reads the GIF status page the same way', () => {
    const page = extractPage(
      sharedPage('x/status-logged-out-gif.html'),
      'https://twitter.com/Kikobeats/status/880139124791029763',
    );
    expect(page.posts[0]).toMatchObject({ id: '880139124791029763', author: { handle: 'Kikobeats' } });
  });
});

describe('X profile in the German UI (hand-written fixture)', () => {
  const page = extractPage(ownPage('x/de-profile.html'), 'https://x.com/beispiel_gmbh');

  it('reads the profile header with German number formats', () => {
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'beispiel_gmbh',
      name: 'Beispiel GmbH',
      followers: 12_300,
      following: 321,
      posts: 1234,
    });
  });

  it('reads German aria-labels exactly, with hashtags, mentions and emoji', () => {
    const pinned = page.posts[0];
    expect(pinned).toMatchObject({
      id: '1850000000000000001',
      metrics: { comments: 12, shares: 1234, likes: 5678, saves: 3, views: 45678, quotes: null },
      approx: [],
      media: 'image',
      hashtags: ['Nachhaltigkeit'],
      mentions: ['partner_ag'],
      repostedBy: null, // "Angeheftet" is a pin, not a repost
    });
    expect(pinned?.text).toContain('🌱');
  });

  it('treats counts X leaves out of the label as zero, and marks the reposter', () => {
    expect(page.posts[1]).toMatchObject({
      id: '1850000000000000002',
      author: { handle: 'kundin_anna' },
      metrics: { likes: 7, comments: 0, shares: 0, saves: 0, views: null },
      repostedBy: 'beispiel_gmbh',
    });
  });

  it('falls back to abbreviated visible counts, marked approximate', () => {
    expect(page.posts[2]).toMatchObject({
      id: '1850000000000000003',
      metrics: { comments: 4, shares: 2500, likes: 1_200_000, saves: 0 },
      media: 'poll',
    });
    expect(page.posts[2]?.approx.sort()).toEqual(['likes', 'shares']);
  });

  it('recognises the ad without a time permalink', () => {
    expect(page.posts[3]).toMatchObject({
      id: '1850000000000000004',
      promoted: true,
      createdAt: null,
      media: 'link',
      metrics: { comments: 5, likes: 9, shares: 0, saves: 0 },
    });
    expect(page.health).toMatchObject({ candidates: 4, extracted: 4 });
  });
});

describe('X page kinds', () => {
  const kind = (url: string) =>
    extractPage(new DOMParser().parseFromString('<html></html>', 'text/html'), url).kind;
  it.each([
    ['https://x.com/home', 'feed'],
    ['https://x.com/search?q=resonanz', 'search'],
    ['https://x.com/someone', 'profile'],
    ['https://x.com/someone/status/123456789', 'post'],
    ['https://x.com/settings/account', 'other'],
  ])('%s is a %s page', (url, expected) => {
    expect(kind(url)).toBe(expected);
  });
});
