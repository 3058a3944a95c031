/**
 * X adapter. Expected values were read by hand off each capture (aria-labels, <time datetime>,
 * permalinks); see ../shared/fixtures/SOURCES.md for where the captures come from.
 */
import { describe, expect, it } from 'vitest';
import { extractPage, pageContext } from '../../core/platforms/index';
import { xAdapter } from '../../core/platforms/x/adapter';
import { ENDPOINTS as X_ENDPOINTS } from '../../core/platforms/x/endpoints';
import { timeFromStatusId } from '../../core/platforms/x/ids';
import { ownPage, parseHtml, sharedPage, sharedText } from './load';

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
      // The snowflake id's time; the capture's <time datetime> says 16:34:09.000Z, the same second.
      createdAt: '2025-10-23T16:34:09.398Z',
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
      createdAt: '2025-10-28T11:13:47.004Z', // id time; <time> agrees to the second
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
      createdAt: '2025-10-28T11:08:57.953Z', // id time; <time> agrees to the second
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
      // No time is shown on the ad, but its status id still encodes one.
      createdAt: '2024-10-26T02:22:25.994Z',
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

describe('X in other UI languages (hand-written: zh, ja, and Thai, whose words are not known)', () => {
  const page = extractPage(ownPage('x/cjk-th-timeline.html'), HOME);

  it('keeps the bookmarks of a Chinese post that only the label names ("28 书签")', () => {
    expect(page.posts[0]).toMatchObject({
      id: '1850000000000000101',
      metrics: { comments: 3, shares: 5, likes: 28, saves: 28, views: 1234 },
      approx: [],
    });
  });

  it('reads a Japanese label with 万 counts, and a repost count left out as 0', () => {
    expect(page.posts[1]?.metrics).toMatchObject({
      comments: 12,
      shares: 0,
      likes: 12_000,
      saves: 7,
      views: 34_000,
    });
  });

  it('reads the bookmarks of a label in unknown words by matching its numbers to the buttons', () => {
    expect(page.posts[2]?.metrics).toMatchObject({
      comments: 4,
      shares: 9,
      likes: 28,
      saves: 28,
      views: 5678,
    });
  });

  it('leaves bookmarks unknown, not 0, when an unknown label cannot be matched', () => {
    const html = `<html lang="th"><body><article data-testid="tweet">
      <div data-testid="User-Name"><a href="/a"><span>A</span></a><a href="/a/status/1850000000000000104"><time datetime="2024-10-26T02:22:50.000Z">x</time></a></div>
      <div role="group" aria-label="4 การตอบกลับ, 7 อย่างอื่น, 28 บุ๊กมาร์ก">
        <button data-testid="reply" aria-label="4"><span>4</span></button>
        <button data-testid="bookmark" aria-label="บุ๊กมาร์ก"><span></span></button>
      </div></article></body></html>`;
    const post = extractPage(new DOMParser().parseFromString(html, 'text/html'), HOME).posts[0];
    expect(post?.metrics.saves).toBeNull();
  });
});

describe('X GraphQL responses (real: twscrape recordings of UserTweets and TweetDetail)', () => {
  const read = (file: string, operation: string) => {
    const page = pageContext(xAdapter, parseHtml('<html lang="en"><body></body></html>'), new URL(HOME));
    return xAdapter.readResponse!(
      JSON.parse(sharedText(file)),
      new URL(`https://x.com/i/api/graphql/abc123/${operation}?variables=%7B%7D`),
      page,
    );
  };

  it('reads every post of UserTweets with exact counts and the time its id encodes', () => {
    const data = read('x/api/graphql-user-tweets.json', 'UserTweets');
    expect(data.posts).toHaveLength(21);
    // Read by hand from the pinned tweet's legacy object: favorite_count 5569, retweet_count 832,
    // reply_count 783, quote_count 573, bookmark_count 2810, views.count "2525462",
    // created_at "Fri Feb 06 21:09:45 +0000 2026"; its text ends in t.co/FS66GuIYJD → developer.x.com.
    const pinned = data.posts![0]!;
    expect(pinned).toMatchObject({
      id: '2019881223666233717',
      url: 'https://x.com/XDevelopers/status/2019881223666233717',
      author: { handle: 'XDevelopers' },
      metrics: { likes: 5569, shares: 832, comments: 783, quotes: 573, saves: 2810, views: 2_525_462 },
      approx: [],
      media: 'link',
      promoted: false,
      repostedBy: null,
    });
    expect(pinned.createdAt?.slice(0, 19)).toBe('2026-02-06T21:09:45');
    expect(pinned.text).toMatch(/^Officially launching X API Pay-Per-Use/);
    expect(pinned.text).toContain('http://developer.x.com');
    expect(pinned.links).toEqual(['http://developer.x.com']);
  });

  it('reads a retweet as the original post, reposted by the profile (not its own zero counts)', () => {
    const data = read('x/api/graphql-user-tweets.json', 'UserTweets');
    // Entry 2083305234688803178 retweets 2083289084567724316 by benjitaylor: 674 likes, 31 retweets,
    // 44 replies, 13 quotes, 117 bookmarks, 104358 views (read by hand).
    const rt = data.posts![1]!;
    expect(rt).toMatchObject({
      id: '2083289084567724316',
      author: { handle: 'benjitaylor' },
      repostedBy: 'XDevelopers',
      metrics: { likes: 674, shares: 31, comments: 44, quotes: 13, saves: 117, views: 104_358 },
    });
    expect(rt.createdAt?.slice(0, 19)).toBe('2026-07-31T20:29:58');
  });

  it('reads the thread and its replies of TweetDetail, without the reply mentions in the text', () => {
    const data = read('x/api/graphql-tweet-detail.json', 'TweetDetail');
    expect(data.posts).toHaveLength(37);
    expect(data.posts![0]).toMatchObject({
      id: '1649191520250245121',
      metrics: { likes: 426, shares: 202, comments: 93, quotes: 118, saves: 73, views: 979_440 },
    });
    // A reply's display range starts at 12, after "@XDevelopers ".
    const reply = data.posts!.find((p) => p.id === '1649263296434806785');
    expect(reply?.author.handle).toBe('ashevat');
    expect(reply?.text.startsWith('@XDevelopers')).toBe(false);
  });

  it('keeps each tweet object as Zeeschuimer stores it, which is what 4CAT imports', () => {
    const lines = sharedText('x/api/zeeschuimer-twitter-items.ndjson').trim().split('\n');
    expect(lines).toHaveLength(104);
    for (const line of lines) {
      const item = JSON.parse(line) as { item_id: string; data: Record<string, unknown> };
      const { id: _id, promoted, ...tweet } = item.data;
      const response = {
        data: {
          search_by_raw_query: {
            search_timeline: {
              timeline: {
                instructions: [
                  {
                    type: 'TimelineAddEntries',
                    entries: [
                      {
                        entryId: `tweet-${item.item_id}`,
                        content: {
                          itemContent: {
                            itemType: 'TimelineTweet',
                            tweet_results: { result: tweet },
                            ...(promoted ? { promotedMetadata: {} } : {}),
                          },
                        },
                      },
                    ],
                  },
                ],
              },
            },
          },
        },
      };
      const data = read2(response);
      // Today's Zeeschuimer also records `promoted` (this 2023 export predates it).
      expect(data.raw?.[0]?.data).toEqual({ ...item.data, promoted: promoted ?? false });
      expect(data.raw?.[0]?.id).toBe(data.posts?.[0]?.id);
    }
  });

  it('reads the viewed profile from UserByScreenName', () => {
    const page = pageContext(xAdapter, parseHtml('<html lang="en"><body></body></html>'), new URL(HOME));
    const data = xAdapter.readResponse!(
      {
        data: {
          user: {
            result: {
              __typename: 'User',
              core: { screen_name: 'beispiel_gmbh', name: 'Beispiel GmbH' },
              legacy: { followers_count: 12_345, friends_count: 321, statuses_count: 1234 },
            },
          },
        },
      },
      new URL('https://x.com/i/api/graphql/xyz/UserByScreenName?variables=%7B%7D'),
      page,
    );
    expect(data.profile).toEqual({
      handle: 'beispiel_gmbh',
      name: 'Beispiel GmbH',
      followers: 12_345,
      following: 321,
      posts: 1234,
    });
  });

  it('allowlists post timelines and the profile, never bookmarks, likes, notifications or messages', () => {
    const allowed = (op: string) => X_ENDPOINTS.some((e) => e.path.test(`/i/api/graphql/Ab-c_1/${op}`));
    for (const op of ['UserTweets', 'TweetDetail', 'HomeTimeline', 'HomeLatestTimeline', 'SearchTimeline'])
      expect(allowed(op), op).toBe(true);
    for (const op of ['Bookmarks', 'Likes', 'NotificationsTimeline', 'DMInboxTimeline', 'Viewer'])
      expect(allowed(op), op).toBe(false);
  });
});

function read2(response: unknown) {
  const page = pageContext(xAdapter, parseHtml('<html lang="en"><body></body></html>'), new URL(HOME));
  return xAdapter.readResponse!(response, new URL('https://x.com/i/api/graphql/abc/SearchTimeline'), page);
}

describe('X status ids', () => {
  it('give the time the post was made, to the millisecond; pre-2010 ids give none', () => {
    // 1981398750557065646 >> 22 = 692563634741 ms after the epoch 1288834974657 → 2025-10-23T16:34:09.398Z,
    // the second shown by the capture's <time datetime="2025-10-23T16:34:09.000Z">.
    expect(timeFromStatusId('1981398750557065646')).toBe('2025-10-23T16:34:09.398Z');
    expect(timeFromStatusId('20')).toBeNull(); // jack's first tweet, 2006: sequential, no time in it
    expect(timeFromStatusId('abc')).toBeNull();
  });
});

describe('X profile, logged out, 2025 (real capture, en UI, Japanese posts)', () => {
  const page = extractPage(sharedPage('x/profile-loggedout-en-2025-11.html'), 'https://x.com/skiinfomation');

  it('reads the four top posts with the counts of their labels; the quoted post is not a post of its own', () => {
    // Labels read by hand: "20 replies, 140 reposts, 745 likes, 39 bookmarks, 78370 views",
    // "1 reply, 57 reposts, 748 likes, 4 bookmarks, 39181 views", "5 replies, 131 reposts, 741 likes,
    // 4 bookmarks, 61944 views", "11 replies, 41 reposts, 735 likes" (2020: no views then). The third
    // quotes 1845390646913401002.
    expect(
      page.posts.map((p) => [
        p.id,
        p.metrics.comments,
        p.metrics.shares,
        p.metrics.likes,
        p.metrics.saves,
        p.metrics.views,
      ]),
    ).toEqual([
      ['1740011049041179005', 20, 140, 745, 39, 78_370],
      ['1862059193269997740', 1, 57, 748, 4, 39_181],
      ['1845418062138184050', 5, 131, 741, 4, 61_944],
      ['1322328737442983937', 11, 41, 735, 0, null],
    ]);
    expect(page.posts.every((p) => p.author.handle === 'skiinfomation' && p.approx.length === 0)).toBe(true);
  });

  it('reads the profile header', () => {
    expect(page.profile).toMatchObject({ handle: 'skiinfomation', name: 'スキー場情報局' });
  });
});

describe('X profile post counts in other UI languages (hand-written top bar)', () => {
  const profile = (lang: string, line: string) => {
    const html = `<html lang="${lang}"><body><div><h2 role="heading"><span>Marke</span></h2><div><span>${line}</span></div></div>
      <div data-testid="UserName"><div><span>Marke</span></div><div><span>@marke</span></div></div></body></html>`;
    return extractPage(parseHtml(html), 'https://x.com/marke').profile?.posts;
  };

  it('reads "1.234 Beiträge", "7.5万件のポスト", "1.2万 帖子", "1,234 게시물" and "1,234 posts"', () => {
    expect(profile('de', '1.234 Beiträge')).toBe(1234);
    expect(profile('ja', '7.5万件のポスト')).toBe(75_000);
    expect(profile('zh', '1.2万 帖子')).toBe(12_000);
    expect(profile('ko', '1,234 게시물')).toBe(1234);
    expect(profile('en', '1,234 posts')).toBe(1234);
    expect(profile('en', 'Joined March 2020')).toBeNull();
  });
});
