/**
 * Bluesky adapter. Values for the real captures were read by hand off the files in
 * ../shared/fixtures/bluesky (aria-labels, data-testid counts, twitter:label/value meta tags); the
 * German and English feed/profile pages are hand-written fixtures in tests/fixtures/bluesky.
 *
 * Times come from the post's record key (a TID, microseconds since 1970 in UTC); bsky.app prints them
 * in the reader's time zone ("January 27, 2026 at 1:28 AM"), which is only the fallback for keys that
 * are not TIDs: those expected instants are built with the local-time Date constructor, like the
 * browser would.
 */
import { describe, expect, it } from 'vitest';
import { blueskyAdapter } from '../../core/platforms/bluesky/adapter';
import { timeFromRkey } from '../../core/platforms/bluesky/ids';
import { extractPage, pageContext } from '../../core/platforms/index';
import { ownPage, sharedPage } from './load';

const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe('Bluesky post thread with an image (real capture, en)', () => {
  const url = 'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t';
  const page = extractPage(sharedPage('bluesky/post-image.html'), url);

  it('reads the open post with the exact counts from the button labels and the totals line', () => {
    expect(page.platform).toBe('bluesky');
    expect(page.kind).toBe('post');
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: '3mdegyw3ves2t',
      url,
      author: { handle: 'glendunlap.bsky.social', name: 'Glen Dunlap' },
      // The record key's time (TID 3mdegyw3ves2t → 23:55:27.431Z); article:published_time says 23:55:44.454Z
      // (the client's createdAt), the page "12:55 AM · Jan 27, 2026" in the capturing machine's zone (UTC+1).
      createdAt: '2026-01-26T23:55:27.431Z',
      // "Reply (95 replies)", "223 reposts", "16 quotes", "Like (3,121 likes)" (visible: 3.1K), "32 saves"
      metrics: { comments: 95, shares: 223, quotes: 16, likes: 3121, saves: 32, views: null },
      approx: [],
      media: 'image',
      hashtags: ['Birds', 'Raptors', 'Nature', 'Photography'],
      promoted: false,
      repostedBy: null,
    });
    expect(page.posts[0]?.text).toMatch(/^Owliver decided to fly to another branch/);
    expect(page.health).toMatchObject({ candidates: 1, extracted: 1 });
  });

  it('lists all 51 replies as comments, in page order, each once', () => {
    expect(page.comments).toHaveLength(51);
    expect(new Set(page.comments.map((c) => c.id)).size).toBe(51);
    expect(page.comments.every((c) => c.postId === '3mdegyw3ves2t')).toBe(true);
    expect(page.comments[0]).toEqual({
      id: '3mdeitsgznc24',
      postId: '3mdegyw3ves2t',
      parentId: null,
      author: { handle: 'dreece-ca.bsky.social', name: 'Reece Martin 🫘 🇺🇸' },
      text: "He's looking a little judge-y.",
      // TID 3mdeitsgznc24 → 00:28:23.313Z; the page printed "1:28 AM" in the capturing machine's zone.
      createdAt: '2026-01-27T00:28:23.313Z',
      likes: 16,
      byPostAuthor: false,
    });
    expect(page.comments.at(-1)).toMatchObject({
      id: '3mdeoybxwe22h',
      author: { handle: 'daisydo333.bsky.social' },
      likes: 2,
      createdAt: '2026-01-27T02:18:16.264Z', // TID; shown "3:18 AM" at UTC+1
    });
  });

  it('threads a chain of replies under the reply drawn above it, and marks the author answering', () => {
    const byId = new Map(page.comments.map((c) => [c.id, c]));
    expect(byId.get('3mdf67excpk2m')).toMatchObject({ parentId: null, likes: 9 });
    expect(byId.get('3mdf6kb6hrc2f')).toMatchObject({
      parentId: '3mdf67excpk2m',
      author: { handle: 'glendunlap.bsky.social', name: 'Glen Dunlap' },
      text: 'Okay, I love this!',
      likes: 1,
      byPostAuthor: true,
    });
    expect(byId.get('3mdf6s24opk2m')).toMatchObject({ parentId: '3mdf6kb6hrc2f', likes: 8 });
    expect(byId.get('3mdf7kdnhbs2m')).toMatchObject({ parentId: '3mdf6s24opk2m', likes: 1 });
    // A reply with "Like (0 likes)" has zero likes, not an unknown count.
    expect(byId.get('3mdetgbdlms2z')).toMatchObject({
      parentId: '3mdeon46bok2l',
      likes: 0,
      byPostAuthor: true,
    });
    // Glen Dunlap appears 9 times on the page: the open post and 8 answers.
    expect(page.comments.filter((c) => c.byPostAuthor)).toHaveLength(8);
  });
});

describe('Bluesky post page before the thread is drawn (real capture, en)', () => {
  const url = 'https://bsky.app/profile/stephenking.bsky.social/post/3mddvy5bv6k27';
  const page = extractPage(sharedPage('bluesky/post.html'), url);

  it('reads the post from the meta tags, with the exact counts Bluesky puts there', () => {
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: '3mddvy5bv6k27',
        url,
        author: { handle: 'stephenking.bsky.social', name: 'Stephen King' },
        createdAt: '2026-01-26T18:50:47.802Z', // TID 3mddvy5bv6k27; published_time 18:50:48.357Z
        metrics: { likes: 3819, comments: 124, shares: 602, quotes: null, views: null, saves: null },
        approx: [],
        media: 'text',
      }),
    ]);
    expect(page.posts[0]?.text).toMatch(/^The rightwing response to the murder of Alex Pretti/);
    expect(page.health).toMatchObject({ candidates: 0, extracted: 1 });
  });
});

describe('Bluesky home feed in the German UI (hand-written fixture)', () => {
  const page = extractPage(ownPage('bluesky/de-feed.html'), 'https://bsky.app/');

  it('reads only the visible screen: the hidden earlier screen and the deleted placeholder are not posts', () => {
    expect(page.kind).toBe('feed');
    expect(page.posts.map((p) => p.id)).toEqual([
      '3lbxq2ab3cd2k',
      '3lbxq2zz9yy2k',
      '3lbxvideo0v2k',
      '3lbxlink00l2k',
    ]);
    expect(page.health).toMatchObject({ candidates: 5, extracted: 4 });
  });

  it('reads German labels exactly and marks who reposted the post into the feed', () => {
    expect(page.posts[0]).toMatchObject({
      url: 'https://bsky.app/profile/anna.bsky.social/post/3lbxq2ab3cd2k',
      author: { handle: 'anna.bsky.social', name: 'Anna Beispiel' },
      // This invented key is a valid TID (2024-11-27T23:41:15Z): the key wins over the shown time.
      createdAt: '2024-11-27T23:41:15.002Z',
      metrics: { comments: 12, shares: 1234, likes: 3121, quotes: null, saves: null, views: null },
      approx: [],
      media: 'image',
      hashtags: ['Nachhaltigkeit'],
      mentions: ['partner.bsky.social'],
      links: ['https://example.de/laden-koeln'],
      repostedBy: 'beispiel.de',
    });
  });

  it('keeps the quoted post out of the quoting post, and takes "1,2 Mio." from the exact label', () => {
    expect(page.posts[1]).toMatchObject({
      author: { handle: 'beispiel.de', name: 'Beispiel GmbH' },
      text: 'Lest das hier 👇',
      createdAt: local(2026, 1, 27, 9, 30),
      metrics: { comments: 0, shares: 0, likes: 1_234_567 },
      approx: [],
      media: 'text',
      hashtags: [],
      repostedBy: null,
    });
  });

  it('recognises video and link-card posts', () => {
    expect(page.posts[2]).toMatchObject({
      media: 'video',
      metrics: { comments: 1, shares: 12_345, likes: 12_345 },
    });
    expect(page.posts[3]).toMatchObject({
      author: { handle: 'zeitung.example', name: 'Die Zeitung' },
      media: 'link',
      metrics: { comments: 4, shares: 2, likes: 27 },
    });
  });
});

describe('Bluesky profiles (hand-written fixtures)', () => {
  it('reads the German profile header and the profile feed', () => {
    const page = extractPage(ownPage('bluesky/de-profile.html'), 'https://bsky.app/profile/beispiel.de');
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'beispiel.de',
      name: 'Beispiel GmbH',
      followers: 12_345,
      following: 321,
      posts: 1234,
    });
    expect(page.posts.map((p) => p.id)).toEqual(['3lbpinned0p2k', '3lbreply00r2k']);
    expect(page.posts[0]).toMatchObject({
      createdAt: local(2025, 10, 3, 8, 15),
      metrics: { comments: 5, shares: 8, likes: 41 },
      hashtags: ['Köln'],
      repostedBy: null, // "Angeheftet" is a pin
    });
    expect(page.posts[1]).toMatchObject({
      text: 'Danke für dein Feedback!',
      metrics: { comments: 0, shares: 0, likes: 1 },
    });
  });

  it('reads compact English header counts and a logged-out repost button', () => {
    const page = extractPage(ownPage('bluesky/en-profile.html'), 'https://bsky.app/profile/news.example.com');
    expect(page.profile).toEqual({
      handle: 'news.example.com',
      name: 'Example News',
      followers: 12_000,
      following: 87,
      posts: 1200,
    });
    expect(page.posts[0]).toMatchObject({
      id: '3lbrepost0r2k',
      author: { handle: 'reporter.bsky.social', name: 'Rita Reporter' },
      createdAt: local(2026, 1, 26, 18, 30),
      metrics: { comments: 34, shares: 1500, likes: 2048 },
      approx: ['shares'],
      repostedBy: 'news.example.com',
    });
  });
});

describe('Bluesky odd markup', () => {
  it('reads fragments of posts without throwing and without inventing numbers', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body>
        <div data-testid="postThreadScreen">
          <div data-testid="postThreadItem-by-"><button data-testid="likeBtn" aria-label="Like"></button></div>
          <div data-testid="postThreadItem-by-a.example"><a href="/profile/a.example/post/%E0%A4%A">x</a></div>
          <div data-testid="postThreadItem-by-b.example"><a href="/profile/b.example/post/3lbodd000a2k" aria-label="gestern">gestern</a>
            <button data-testid="replyBtn"></button></div>
        </div></body></html>`,
      'text/html',
    );
    const page = extractPage(doc, 'https://bsky.app/profile/a.example/post/3lbanchor0a2k');
    expect(page.posts).toEqual([
      expect.objectContaining({ id: '3lbanchor0a2k', metrics: expect.objectContaining({ likes: null }) }),
    ]);
    expect(page.comments).toEqual([expect.objectContaining({ id: '3lbodd000a2k', likes: null })]);
  });
});

describe('Bluesky page kinds', () => {
  const kind = (url: string) =>
    extractPage(new DOMParser().parseFromString('<html></html>', 'text/html'), url).kind;
  it.each([
    ['https://bsky.app/', 'feed'],
    ['https://bsky.app/profile/bsky.app/feed/whats-hot', 'feed'],
    ['https://bsky.app/search?q=resonanz', 'search'],
    ['https://bsky.app/hashtag/Köln', 'search'],
    ['https://bsky.app/profile/anna.bsky.social', 'profile'],
    ['https://bsky.app/profile/anna.bsky.social/post/3lbxq2ab3cd2k', 'post'],
    ['https://bsky.app/settings', 'other'],
  ])('%s is a %s page', (url, expected) => {
    expect(kind(url)).toBe(expected);
  });
});

describe('Bluesky record keys', () => {
  it('give the time a post was written, whatever zone the reader is in', () => {
    const zone = process.env.TZ;
    try {
      const read = (tz: string) => {
        process.env.TZ = tz;
        return extractPage(
          ownPage('bluesky/post-tid.html'),
          'https://bsky.app/profile/anna.bsky.social/post/3mdeitsgznc24',
        ).posts[0]?.createdAt;
      };
      // The page prints "27. Jan. 2026 um 01:28" (Berlin); the key says 00:28:23.313Z.
      expect(read('Europe/Berlin')).toBe('2026-01-27T00:28:23.313Z');
      expect(read('UTC')).toBe('2026-01-27T00:28:23.313Z');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('decode TIDs only: other keys and keys before 2022 give no time', () => {
    expect(timeFromRkey('3mdeitsgznc24')).toBe('2026-01-27T00:28:23.313Z');
    expect(timeFromRkey('self')).toBeNull();
    expect(timeFromRkey('3lbreply00r2k')).toBeNull(); // '0' is not in the base32-sortable alphabet
    expect(timeFromRkey('2222222222222')).toBeNull(); // 1970
  });
});

describe('Bluesky API responses (hand-written app.bsky.feed JSON)', () => {
  const page = pageContext(
    blueskyAdapter,
    new DOMParser().parseFromString('<html lang="de"><body></body></html>', 'text/html'),
    new URL('https://bsky.app/profile/anna.bsky.social/post/3mdeitsgznc24'),
  );
  const view = (rkey: string, handle: string, counts: Record<string, number>, text = 'Hallo') => ({
    uri: `at://did:plc:abc/app.bsky.feed.post/${rkey}`,
    cid: 'bafy',
    author: { did: 'did:plc:abc', handle, displayName: handle.split('.')[0] },
    record: { $type: 'app.bsky.feed.post', text, createdAt: '2026-01-27T00:28:40.000Z' },
    indexedAt: '2026-01-27T00:28:41.000Z',
    ...counts,
  });

  it('reads a feed with exact counts, reposts and the raw feed items', () => {
    const data = blueskyAdapter.readResponse!(
      {
        feed: [
          {
            post: view('3mdeitsgznc24', 'anna.bsky.social', {
              replyCount: 3,
              repostCount: 5,
              likeCount: 1234,
              quoteCount: 1,
              bookmarkCount: 7,
            }),
          },
          {
            post: view('3mdeoybxwe22h', 'bert.bsky.social', {
              replyCount: 0,
              repostCount: 0,
              likeCount: 2,
              quoteCount: 0,
            }),
            reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: { handle: 'anna.bsky.social' } },
          },
        ],
        cursor: 'x',
      },
      new URL('https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=anna.bsky.social'),
      page,
    );
    expect(data.posts?.[0]).toMatchObject({
      id: '3mdeitsgznc24',
      url: 'https://bsky.app/profile/anna.bsky.social/post/3mdeitsgznc24',
      createdAt: '2026-01-27T00:28:23.313Z',
      metrics: { comments: 3, shares: 5, likes: 1234, quotes: 1, saves: 7, views: null },
      approx: [],
    });
    expect(data.posts?.[1]).toMatchObject({
      id: '3mdeoybxwe22h',
      repostedBy: 'anna.bsky.social',
      metrics: { saves: null },
    });
    expect(data.raw?.map((r) => r.id)).toEqual(['3mdeitsgznc24', '3mdeoybxwe22h']);
  });

  it('reads a thread: the post, and its replies as comments with their parents', () => {
    const data = blueskyAdapter.readResponse!(
      {
        thread: {
          $type: 'app.bsky.feed.defs#threadViewPost',
          post: view('3mdegyw3ves2t', 'anna.bsky.social', {
            replyCount: 2,
            repostCount: 0,
            likeCount: 10,
            quoteCount: 0,
          }),
          replies: [
            {
              post: view('3mdeitsgznc24', 'bert.bsky.social', { likeCount: 4 }, 'Schön'),
              replies: [{ post: view('3mdeoybxwe22h', 'anna.bsky.social', { likeCount: 1 }, 'Danke') }],
            },
          ],
        },
      },
      new URL('https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fx'),
      page,
    );
    expect(data.posts?.map((p) => p.id)).toEqual(['3mdegyw3ves2t']);
    expect(data.comments?.map((c) => [c.id, c.parentId, c.likes, c.byPostAuthor])).toEqual([
      ['3mdeitsgznc24', null, 4, false],
      ['3mdeoybxwe22h', '3mdeitsgznc24', 1, true],
    ]);
    expect(data.comments?.[0]?.postId).toBe('3mdegyw3ves2t');
  });
});
