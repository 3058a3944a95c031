/**
 * Threads adapter. No real capture of Threads exists in ../shared: these tests run on hand-written
 * fixtures of today's markup (tests/fixtures/threads, de and en), so they pin our reading of the
 * platform, not the platform itself.
 */
import { describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { extractPage, extractWith, pageContext, readPosts } from '../../core/platforms/index';
import { threadsAdapter } from '../../core/platforms/threads/adapter';
import { ownPage, parseHtml } from './load';

describe('Threads home feed (hand-written, German UI)', () => {
  const page = extractPage(ownPage('threads/de-feed.html'), 'https://www.threads.com/');

  it('finds four posts by their permalinks, not the quoted post inside one of them', () => {
    expect(page.kind).toBe('feed');
    expect(page.posts.map((p) => p.id)).toEqual(['DBx1aAaAaAa', 'DBx2bBbBbBb', 'DBx3cCcCcCc', 'DBx4dDdDdDd']);
    expect(page.health).toMatchObject({ candidates: 4, extracted: 4 });
  });

  it('reads counts beside the icons: "1,2 Tsd." approximate, small counts exact', () => {
    expect(page.posts[0]).toMatchObject({
      url: 'https://www.threads.com/@stadtwerke_ulm/post/DBx1aAaAaAa',
      author: { handle: 'stadtwerke_ulm' },
      text: 'Ab Montag fahren die Busse der Linie 4 wieder nach Fahrplan 🚌 Danke für eure Geduld! #ulm',
      createdAt: '2025-10-01T06:30:00.000Z',
      metrics: { likes: 1200, comments: 87, shares: 14 },
      approx: ['likes'],
      hashtags: ['ulm'],
      media: 'text',
    });
  });

  it("keeps the quoting post's own text and counts; a button without a number is 0", () => {
    expect(page.posts[1]).toMatchObject({
      author: { handle: 'lena.schreibt' },
      text: 'Genau das! 👇',
      metrics: { likes: 56, comments: 3, shares: 0 },
      approx: [],
      media: 'image',
    });
  });

  it('names who reposted a post into the feed', () => {
    expect(page.posts[2]).toMatchObject({
      author: { handle: 'polizei.ulm' },
      repostedBy: 'stadtwerke_ulm',
      metrics: { likes: 0, comments: 0, shares: 2 },
    });
  });

  it('marks the ad', () => {
    expect(page.posts[3]).toMatchObject({
      author: { handle: 'reisebuero_example' },
      promoted: true,
      media: 'video',
      metrics: { likes: 41, comments: 0 },
    });
    expect(page.posts.filter((p) => p.promoted)).toHaveLength(1);
  });
});

describe('Threads post page (hand-written, English UI)', () => {
  const page = extractPage(
    ownPage('threads/en-post.html'),
    'https://www.threads.com/@green.energy.news/post/DCmain11111',
  );

  it('reads the open post with "2.4K" likes and its views line', () => {
    expect(page.kind).toBe('post');
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: 'DCmain11111',
      author: { handle: 'green.energy.news' },
      metrics: { likes: 2400, comments: 118, shares: 305, views: 12_500 },
      approx: expect.arrayContaining(['likes', 'views']),
    });
  });

  it("reads the replies as comments, marking the author's own answer", () => {
    expect(page.comments).toEqual([
      {
        id: 'DCreply2222',
        postId: 'DCmain11111',
        parentId: null,
        author: { handle: 'mark.t', name: null },
        text: 'Source for this?',
        createdAt: '2025-10-03T14:20:00.000Z',
        likes: 7,
        byPostAuthor: false,
      },
      {
        id: 'DCreply3333',
        postId: 'DCmain11111',
        parentId: null,
        author: { handle: 'green.energy.news', name: null },
        text: "@mark.t Ember's European Electricity Review, link in bio.",
        createdAt: '2025-10-03T14:31:00.000Z',
        likes: 15,
        byPostAuthor: true,
      },
    ]);
  });
});

describe('Threads profile (hand-written, English UI)', () => {
  const page = extractPage(ownPage('threads/en-profile.html'), 'https://www.threads.net/@green.energy.news');

  it('takes the exact follower count from the title, not "48.2K" nor a number in a post', () => {
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'green.energy.news',
      name: 'Green Energy News',
      followers: 48_210,
      following: null,
      posts: null,
    });
    expect(page.posts.map((p) => p.id)).toEqual(['DCmain11111']);
  });
});

describe('Threads profile in the German UI', () => {
  it('reads "12.345 Follower"', () => {
    const doc = parseHtml(
      '<html lang="de"><body><main><h1>Stadtwerke Ulm</h1><span>stadtwerke_ulm</span><div><span>12.345 Follower</span></div></main></body></html>',
    );
    const page = extractPage(doc, 'https://www.threads.com/@stadtwerke_ulm');
    expect(page.profile).toEqual({
      handle: 'stadtwerke_ulm',
      name: 'Stadtwerke Ulm',
      followers: 12_345,
      following: null,
      posts: null,
    });
  });
});

describe('Threads pages that do not read cleanly', () => {
  it('counts post containers without a permalink as candidates only', () => {
    const doc = parseHtml(
      '<html lang="de"><body><div data-pressable-container="true"><a href="/@anna">anna</a><span>Hallo</span></div></body></html>',
    );
    const page = extractWith(threadsAdapter, doc, new URL('https://www.threads.com/'));
    expect(page.health).toMatchObject({ candidates: 1, extracted: 0 });
  });

  it.each([
    ['https://www.threads.com/', 'feed'],
    ['https://www.threads.net/@someone', 'profile'],
    ['https://www.threads.net/@someone/post/ABC123', 'post'],
    ['https://www.threads.com/search?q=energie', 'search'],
    ['https://www.threads.com/settings', 'other'],
  ])('%s is a %s page', (url, kind) => {
    expect(extractPage(parseHtml('<html></html>'), url).kind).toBe(kind);
  });
});

describe('threads on odd markup', () => {
  it.each([
    'https://www.threads.com/',
    'https://www.threads.com/@someone/post/ABC',
    'https://www.threads.com/@someone',
  ])('never throws on %s, and what it returns meets the contract', (url) => {
    const doc = ownPage('facebook/odd-markup.html');
    // Each reader on its own: the registry would catch what they throw, which is not good enough.
    const page = pageContext(threadsAdapter, doc, new URL(url));
    const posts = readPosts(threadsAdapter, threadsAdapter.findPosts(doc, page), page);
    for (const el of threadsAdapter.findPosts(doc, page))
      expect(() => threadsAdapter.readPost(el, page)).not.toThrow();
    expect(() => threadsAdapter.readProfile?.(page)).not.toThrow();
    expect(() => threadsAdapter.readComments?.(page, posts)).not.toThrow();
    expect(() => threadsAdapter.readEmbedded?.(page)).not.toThrow();
    expect(() => PageExtraction.parse(extractPage(doc, url))).not.toThrow();
  });
});
