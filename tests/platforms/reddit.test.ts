/**
 * Reddit adapter. The 2019-design captures and the shreddit <head> in ../shared/fixtures/reddit were
 * read by hand (vote counts, "2.8k comments", og:description "83,067 votes and 2,820 comments");
 * the shreddit and old.reddit pages in tests/fixtures/reddit are hand-written and carry the values of
 * the recorded JSON listing ../shared/fixtures/reddit/api/thread-2023.json.
 */
import { describe, expect, it } from 'vitest';
import { extractPage, extractWith, pageContext } from '../../core/platforms/index';
import { redditAdapter } from '../../core/platforms/reddit/adapter';
import { ownPage, parseHtml, sharedPage, sharedText } from './load';

describe('Reddit post page, 2018–2023 design (real capture, en)', () => {
  const url =
    'https://www.reddit.com/r/Showerthoughts/comments/awx46q/vanilla_becoming_the_default_flavour_of_ice_cream/';
  const page = extractPage(sharedPage('reddit/post-2019.html'), url);

  it('reads the open post with exact counts from the page description, not the rounded "83.1k"', () => {
    expect(page.platform).toBe('reddit');
    expect(page.kind).toBe('post');
    expect(page.posts[0]).toMatchObject({
      id: 'awx46q',
      url,
      author: { handle: 'benyacobi', name: null },
      metrics: { likes: 83_067, comments: 2820, shares: null, quotes: null, views: null, saves: null },
      approx: [],
      media: 'text',
      promoted: false,
    });
    expect(page.posts[0]?.text).toMatch(
      /^Vanilla becoming the default flavour of ice cream is the greatest underdog story of all time\. Edit: thank you/,
    );
  });

  it('reads the community posts shown below, marks the ad, and skips the ad without a post id', () => {
    expect(page.posts.map((p) => p.id)).toEqual([
      'awx46q',
      'ylmma8',
      'ymxurk',
      'ye0yrj',
      'ynv7ln',
      'yje88y',
      'yk6rgx',
      'ynl2tb',
      'ykc2y3',
      'ykm9qf',
      'ynke2w',
      'ylogg6',
    ]);
    expect(page.health).toMatchObject({ candidates: 13, extracted: 12 });
    expect(page.posts[1]).toMatchObject({
      author: { handle: 'MisterBowTies' },
      metrics: { likes: 8700, comments: 150 },
      approx: ['likes'],
    });
    expect(page.posts[3]).toMatchObject({
      author: { handle: 'joinyohana' },
      promoted: true,
      metrics: { likes: 39, comments: 0 },
    });
    expect(page.posts.filter((p) => p.promoted).map((p) => p.id)).toEqual(['ye0yrj']);
  });

  it('reads all 173 comments with their thread parents and rounded scores, and the author answering', () => {
    expect(page.comments).toHaveLength(173);
    expect(page.comments[0]).toEqual({
      id: 'ehq47gs',
      postId: 'awx46q',
      parentId: null,
      author: { handle: 'LorenzoPg', name: null },
      text: 'Fun fact: Vanilla (the real stuff) has a similar price to silver.',
      createdAt: expect.any(String),
      likes: 11_000, // shown as "11.0k"
      byPostAuthor: false,
    });
    expect(page.comments[1]).toMatchObject({
      id: 'ehq4og3',
      parentId: 'ehq47gs',
      author: { handle: 'emptyzombiekilla' },
      likes: 5700,
    });
    expect(
      page.comments
        .filter((c) => c.byPostAuthor)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['ehpvpgn', 'ehq5spf']);
  });

  it('dates posts from the relative time shown ("4 years ago")', () => {
    const read = extractWith(
      redditAdapter,
      sharedPage('reddit/post-2019.html'),
      new URL(url),
      new Date('2022-11-09T12:00:00Z'),
    );
    expect(read.posts[0]?.createdAt).toBe('2018-11-09T12:00:00.000Z');
    expect(read.posts[1]?.createdAt).toBe('2022-11-04T12:00:00.000Z'); // "5 days ago"
  });
});

describe('Reddit video post, 2018–2023 design (real capture, en)', () => {
  const url = 'https://www.reddit.com/r/HumansBeingBros/comments/aybtf7/thanks_human/';
  const page = extractPage(sharedPage('reddit/post-video-2019.html'), url);

  it('reads the video post with the exact counts of its description (kept in value= attributes)', () => {
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: 'aybtf7',
        url,
        author: { handle: null, name: null }, // the capture shows no author
        text: 'Thanks! Human',
        metrics: { likes: 33_336, comments: 219, shares: null, quotes: null, views: null, saves: null },
        approx: [],
        media: 'video',
      }),
    ]);
  });

  it('reads the comments, leaving out the one removed by a moderator', () => {
    expect(page.comments).toHaveLength(18);
    expect(page.comments.map((c) => c.id)).not.toContain('ehzuzp8');
    expect(page.comments[0]).toMatchObject({
      id: 'ehznnqc',
      author: { handle: 'HR_Dragonfly' },
      likes: 2100,
      parentId: null,
    });
    expect(page.comments[1]).toMatchObject({ id: 'ei03oq8', likes: 38, parentId: 'ehznnqc' });
    expect(page.comments.find((c) => c.id === 'ei0lngd')?.text).toBe(
      'Pulled that wiener back from the drink FTFY',
    );
    // "[deleted]" is no handle.
    expect(page.comments.find((c) => c.id === 'ehzrws3')).toMatchObject({
      author: { handle: null },
      likes: 648,
    });
  });
});

describe('Reddit post page, shreddit 2025 server HTML (real capture, en)', () => {
  const url =
    'https://www.reddit.com/r/SaaS/comments/17hfimf/i_wish_there_was_a_website_that_just_had_a_list/';

  it('reads the post from its shreddit attributes, past the SVG logo that once cut the test DOM short', () => {
    // Read by hand from the capture's <shreddit-post>: score="20" comment-count="47"
    // created-timestamp="2023-10-27T04:31:22.144000+0000" id="t3_17hfimf" author="ifydav" post-type="text".
    const page = extractPage(sharedPage('reddit/post-2025-03.html'), url);
    expect(page.kind).toBe('post');
    expect(page.health.candidates).toBe(1);
    expect(page.posts).toHaveLength(1);
    const post = page.posts[0]!;
    expect(post.id).toBe('17hfimf');
    expect(post.author.handle).toBe('ifydav');
    expect(post.metrics.likes).toBe(20);
    expect(post.metrics.comments).toBe(47);
    expect(post.approx).toEqual([]);
    expect(post.createdAt).toBe('2023-10-27T04:31:22.144Z');
    expect(post.text).toMatch(/^I wish there was a website that just had a list of customer pain points/);
    expect(post.media).toBe('text');
  });
});

describe('Reddit page <head> only, shreddit 2026 (real capture, en)', () => {
  it('reads the post id, link and title from the meta tags, with no invented counts', () => {
    const url = 'https://www.reddit.com/r/lotus/comments/1pzbv0z/my_lotus_elise_72d_with_17_rays_volk_gtp/';
    const page = extractPage(sharedPage('reddit/shreddit-head-2026.html'), url);
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: '1pzbv0z',
        url,
        author: { handle: null, name: null },
        metrics: { likes: null, comments: null, shares: null, quotes: null, views: null, saves: null },
        media: 'text',
      }),
    ]);
    expect(page.posts[0]?.text).toMatch(
      /^My Lotus Elise 72D with 17” Rays Volk GT-P Just want to make a searchable/,
    );
    expect(page.health).toMatchObject({ candidates: 0, extracted: 1 });
  });
});

describe('Reddit post page, shreddit in the German UI (values from thread-2023.json)', () => {
  const url = 'https://www.reddit.com/r/holdmyredbull/comments/116yyx6/_/';
  const page = extractPage(ownPage('reddit/de-post.html'), url);

  it('reads the post from its attributes: score as likes, comment count, time, crossposted video', () => {
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: '116yyx6',
        url,
        author: { handle: 'low-vibe', name: null },
        text: '🔥😆',
        createdAt: '2023-02-20T05:45:13.000Z',
        metrics: { likes: 1659, comments: 25, shares: null, quotes: null, views: null, saves: null },
        approx: [],
        media: 'video',
        promoted: false,
      }),
    ]);
  });

  it('reads the 21 comments of the listing with exact scores, times and parents', () => {
    expect(page.comments).toHaveLength(21);
    expect(page.comments.map((c) => [c.id, c.parentId, c.likes]).slice(0, 10)).toEqual([
      ['j99ekok', null, 86],
      ['j99w7mc', 'j99ekok', 25],
      ['j9a7kjk', null, 44],
      ['j9atx1u', null, 17],
      ['j9bc52i', 'j9atx1u', 20],
      ['j9d3kog', 'j9bc52i', 8],
      ['j9d4q1z', 'j9d3kog', 12],
      ['j99d7u3', null, 25],
      ['j99xrpb', 'j99d7u3', 5],
      ['j9baevr', null, 7],
    ]);
    expect(page.comments[0]).toMatchObject({
      postId: '116yyx6',
      author: { handle: 'Doc-Zoidberg' },
      text: 'That looks fun as hell',
      createdAt: '2023-02-20T06:46:29.000Z',
      byPostAuthor: false,
    });
    expect(page.comments.at(-1)).toMatchObject({
      id: 'jc9d065',
      author: { handle: 'purplesupreme19' },
      likes: 1,
    });
  });
});

describe('old.reddit.com post page (values from thread-2023.json)', () => {
  const url = 'https://old.reddit.com/r/holdmyredbull/comments/116yyx6/_/';
  const page = extractPage(ownPage('reddit/en-old.html'), url);

  it('reads the post from its data attributes', () => {
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: '116yyx6',
        url,
        author: { handle: 'low-vibe', name: null },
        text: '🔥😆',
        createdAt: '2023-02-20T05:45:13.000Z',
        metrics: { likes: 1659, comments: 25, shares: null, quotes: null, views: null, saves: null },
        media: 'video',
      }),
    ]);
  });

  it('reads nested comments with their parents and exact points', () => {
    expect(page.comments.map((c) => [c.id, c.parentId, c.author.handle, c.likes])).toEqual([
      ['j99ekok', null, 'Doc-Zoidberg', 86],
      ['j99w7mc', 'j99ekok', 'fiskfisk', 25],
      ['j9a7kjk', null, 'RayZinnet', 44],
      ['j9atx1u', null, 'ybahman', 17],
      ['j9bc52i', 'j9atx1u', 'omfgitsjeff', 20],
      ['j9d3kog', 'j9bc52i', 'Iamonreddit', 8],
      ['j9d4q1z', 'j9d3kog', 'omfgitsjeff', 12],
      ['j99d7u3', null, 'Gorgan_Organ', 25],
      ['j99xrpb', 'j99d7u3', 'Shop-S-Mart89', 5],
      ['j9baevr', null, 'zyxzevn', 7],
      ['j9cbjt2', 'j9baevr', 'DonChaote', 3],
    ]);
    expect(page.comments[1]?.createdAt).toBe('2023-02-20T10:47:47.000Z');
  });
});

describe('Reddit subreddit feed, shreddit in the German UI (hand-written, invented values)', () => {
  const page = extractPage(ownPage('reddit/de-feed.html'), 'https://www.reddit.com/r/de/');

  it('reads each post of the feed, and counts the placeholder without an id as not extracted', () => {
    expect(page.kind).toBe('feed');
    expect(page.posts.map((p) => p.id)).toEqual(['1abcde1', '1abcde2', '1abcde3', '1abcde4', '1adxyz9']);
    expect(page.health).toMatchObject({ candidates: 6, extracted: 5 });
  });

  it('reads title and body, shreddit timestamps, and hashtags in the text', () => {
    expect(page.posts[0]).toMatchObject({
      author: { handle: 'koeln_fan' },
      text: 'Wie findet ihr den neuen Radweg in Köln? Seit Montag ist er offen. Meinungen? #Verkehrswende',
      createdAt: '2026-01-27T18:04:02.483Z',
      metrics: { likes: 1234, comments: 56 },
      media: 'text',
      hashtags: ['Verkehrswende'],
    });
  });

  it('tells images, links and galleries apart, and leaves a hidden score unknown', () => {
    expect(page.posts[1]).toMatchObject({ media: 'image', metrics: { likes: 8901, comments: 3 } });
    expect(page.posts[2]).toMatchObject({
      media: 'link',
      links: ['https://www.zeitung.example/mietpreisbremse-studie'],
    });
    expect(page.posts[3]).toMatchObject({ media: 'image', metrics: { likes: null, comments: 0 } });
  });

  it('marks the ad as promoted', () => {
    expect(page.posts[4]).toMatchObject({
      author: { handle: 'ein_shop' },
      promoted: true,
      metrics: { likes: 17 },
    });
    expect(page.posts.slice(0, 4).every((p) => !p.promoted)).toBe(true);
  });
});

describe('Reddit odd markup', () => {
  it('reads fragments of posts and comments without throwing and without inventing numbers', () => {
    const doc = new DOMParser().parseFromString(
      `<html><body>
        <shreddit-post id="t3_1odd001" score="" comment-count="viele" created-timestamp="gestern"></shreddit-post>
        <div data-testid="post-container" id="t3_"><div id="vote-arrows-t3_"><div>Vote</div></div></div>
        <shreddit-comment thingid="t1_1c" depth="x"><div slot="comment">ok</div></shreddit-comment>
        <shreddit-comment thingid="t1_2c" parentid="t1_" depth="1"></shreddit-comment>
        <div class="Comment t1_"><span>level two</span></div>
      </body></html>`,
      'text/html',
    );
    const page = extractPage(doc, 'https://www.reddit.com/r/x/comments/1odd001/titel/');
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: '1odd001',
        createdAt: null,
        metrics: expect.objectContaining({ likes: null, comments: null }),
      }),
    ]);
    expect(page.health).toMatchObject({ candidates: 2, extracted: 1 });
    expect(page.comments.map((c) => [c.id, c.parentId, c.likes])).toEqual([
      ['1c', null, null],
      ['2c', null, null],
    ]);
  });
});

describe('Reddit page kinds', () => {
  const kind = (url: string) =>
    extractPage(new DOMParser().parseFromString('<html></html>', 'text/html'), url).kind;
  it.each([
    ['https://www.reddit.com/', 'feed'],
    ['https://www.reddit.com/r/de/', 'feed'],
    ['https://www.reddit.com/r/de/top/?t=week', 'feed'],
    ['https://www.reddit.com/search/?q=resonanz', 'search'],
    ['https://www.reddit.com/user/low-vibe/', 'profile'],
    ['https://www.reddit.com/r/de/comments/1abcde1/titel/', 'post'],
    ['https://old.reddit.com/r/holdmyredbull/comments/116yyx6/_/', 'post'],
    ['https://www.reddit.com/settings/', 'other'],
  ])('%s is a %s page', (url, expected) => {
    expect(kind(url)).toBe(expected);
  });
});

describe('Reddit JSON the page fetched (real: thread-2023.json)', () => {
  const url = 'https://www.reddit.com/r/holdmyredbull/comments/116yyx6/_/';
  const page = pageContext(redditAdapter, parseHtml('<html lang="en"><body></body></html>'), new URL(url));
  const data = redditAdapter.readResponse!(
    JSON.parse(sharedText('reddit/api/thread-2023.json')),
    new URL('https://www.reddit.com/r/holdmyredbull/comments/116yyx6/_/.json'),
    page,
  );

  it("reads the crosspost with its own score and comments, not the original's", () => {
    // Read by hand: id 116yyx6 by low-vibe, score 1659, num_comments 25, created_utc 1676871913,
    // crosspost of 116mn1j (score 1935, num_comments 97), a v.redd.it video.
    expect(data.posts).toHaveLength(1);
    expect(data.posts?.[0]).toMatchObject({
      id: '116yyx6',
      url,
      author: { handle: 'low-vibe' },
      metrics: { likes: 1659, comments: 25 },
      approx: [],
      createdAt: '2023-02-20T05:45:13.000Z',
      media: 'video',
    });
  });

  it('reads all 21 comments of the tree with exact scores, parents and times', () => {
    expect(data.comments).toHaveLength(21);
    // The first top-level comment, read by hand: j99ekok by Doc-Zoidberg, score 86, created_utc 1676875589.
    expect(data.comments?.[0]).toEqual({
      id: 'j99ekok',
      postId: '116yyx6',
      parentId: null,
      author: { handle: 'Doc-Zoidberg', name: null },
      text: 'That looks fun as hell',
      createdAt: '2023-02-20T06:46:29.000Z',
      likes: 86,
      byPostAuthor: false,
    });
    const ids = new Set(data.comments?.map((c) => c.id));
    for (const c of data.comments ?? []) if (c.parentId) expect(ids.has(c.parentId)).toBe(true);
    expect(data.raw?.filter((r) => r.kind === 'comment')).toHaveLength(21);
  });

  it('keeps a negative score unknown rather than 0', () => {
    const listing = {
      kind: 'Listing',
      data: {
        children: [
          { kind: 't3', data: { id: 'abc12', title: 'x', score: -3, num_comments: 0, created_utc: 1 } },
        ],
      },
    };
    const read = redditAdapter.readResponse!(listing, new URL('https://www.reddit.com/r/x/.json'), page);
    expect(read.posts?.[0]?.metrics.likes).toBeNull();
    expect(read.posts?.[0]?.metrics.comments).toBe(0);
  });
});

describe('old.reddit.com subreddit listing, 2024 (real capture, en)', () => {
  it('reads every listed post from its data attributes, the ad marked', () => {
    const page = extractPage(
      sharedPage('reddit/old-listing-2024-10.html'),
      'https://old.reddit.com/r/Python/',
    );
    // 30 `.thing.link` rows, counted by hand; the first t3_1g2d9f2 by AutoModerator has
    // data-score="8" data-comments-count="8"; t3_179gq0a is the promoted row.
    expect(page.posts).toHaveLength(30);
    expect(page.posts[0]).toMatchObject({
      id: '1g2d9f2',
      author: { handle: 'AutoModerator' },
      metrics: { likes: 8, comments: 8 },
    });
    expect(page.posts.find((p) => p.id === '179gq0a')?.promoted).toBe(true);
  });
});
