/**
 * Threads adapter. Real captures: two logged-out profiles of 2025–26 (../shared/fixtures/threads;
 * values read by hand from the rendered counts and the embedded JSON's `like_count`,
 * `text_post_app_info` and `taken_at`). Hand-written fixtures of today's markup (tests/fixtures/threads,
 * de and en) pin the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { extractPage, extractWith, pageContext, readPosts } from '../../core/platforms/index';
import { threadsAdapter } from '../../core/platforms/threads/adapter';
import { OWN_FIXTURES, ownPage, parseHtml, sharedPage } from './load';

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

describe('Threads profiles of 2025–26 with their embedded data (real captures)', () => {
  it('@zuck: seven posts with exact counts ("2.1K" is 2,190); the repost button\'s 161 is 140 reposts + 21 quotes', () => {
    const page = extractPage(
      sharedPage('threads/profile-zuck-2025-12.html'),
      'https://www.threads.com/@zuck',
    );
    expect(page.posts).toHaveLength(7);
    expect(page.posts[0]).toMatchObject({
      id: 'DSVRshjkbtK',
      author: { handle: 'zuck' },
      createdAt: '2025-12-16T17:18:28.000Z',
      metrics: { likes: 2190, comments: 287, shares: 140, quotes: 21 },
      approx: [],
    });
    // The page shows 4.8K, 1K and 683 (= 389 reposts + 294 quotes).
    expect(page.posts.find((p) => p.id === 'DR0F9gkEj1q')).toMatchObject({
      createdAt: '2025-12-03T20:00:59.000Z',
      metrics: { likes: 4890, comments: 1053, shares: 389, quotes: 294 },
    });
  });

  it('@openai: the two rendered posts, and two more the page loaded but did not render', () => {
    const page = extractPage(
      sharedPage('threads/profile-openai-2026-02.html'),
      'https://www.threads.com/@openai',
    );
    expect(page.posts.filter((p) => p.seenOnScreen !== false).map((p) => p.id)).toEqual([
      'DUymotDEj6b',
      'DUtzj_PkklS',
    ]);
    expect(page.posts.find((p) => p.id === 'DUtyxJhCCNI')).toMatchObject({
      seenOnScreen: false,
      createdAt: '2026-02-13T22:52:05.000Z',
      metrics: { likes: 38, comments: 2, shares: 2, quotes: 1 },
    });
    expect(page.raw?.find((r) => r.id === 'DUymotDEj6b')?.data).toMatchObject({
      code: 'DUymotDEj6b',
      like_count: 9,
    });
  });
});

describe('Threads responses (hand-written, German)', () => {
  it('reads a post page response: the open thread as the post, replies to it as its comments', () => {
    const json: unknown = JSON.parse(
      readFileSync(join(OWN_FIXTURES, 'threads/graphql-post-page-de.json'), 'utf8'),
    );
    const page = pageContext(
      threadsAdapter,
      parseHtml('<html lang="de"></html>'),
      new URL('https://www.threads.com/@kaffeehaus.wien/post/DAbCdEfGhIj'),
    );
    const data = threadsAdapter.readResponse!(json, new URL('https://www.threads.com/graphql/query'), page);
    expect(data.posts).toEqual([
      expect.objectContaining({
        id: 'DAbCdEfGhIj',
        url: 'https://www.threads.com/@kaffeehaus.wien/post/DAbCdEfGhIj',
        createdAt: '2025-10-09T08:53:20.000Z',
        metrics: expect.objectContaining({ likes: 1234, comments: 2, shares: 5, quotes: 3 }),
      }),
    ]);
    expect(data.comments?.map((c) => [c.id, c.postId, c.author.handle, c.likes, c.byPostAuthor])).toEqual([
      ['DAbCdEfGhIk', 'DAbCdEfGhIj', 'leserin_a', 4, false],
      ['DAbCdEfGhIl', 'DAbCdEfGhIj', 'kaffeehaus.wien', 1, true],
    ]);
    expect(data.comments?.[0]?.createdAt).toBe('2025-10-09T09:53:20.000Z');
  });
});
