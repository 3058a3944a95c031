/**
 * TikTok adapter. Expected values were read by hand off each capture (data-e2e counts, the captions,
 * the embedded SIGI_STATE / __UNIVERSAL_DATA_FOR_REHYDRATION__ entries); trex's expected parses are
 * a second opinion. See ../shared/fixtures/SOURCES.md for where the captures come from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../core/parse/count';
import { extractPage, extractWith, pageContext } from '../../core/platforms/index';
import { readCard, tiktokAdapter, timeOfId } from '../../core/platforms/tiktok/adapter';
import { describeShared, OWN_FIXTURES, ownPage, parseHtml, sharedPage, sharedText } from './load';

const seconds = (s: number) => new Date(s * 1000).toISOString();

describe('TikTok For You feed (real, 2022)', () => {
  it("finds each card's video id in the page state by author and caption, and reads its counts", () => {
    const page = extractPage(sharedPage('tiktok/foryou-basic-2022.html'), 'https://www.tiktok.com/foryou');
    expect(page.kind).toBe('feed');
    expect(page.health).toMatchObject({ candidates: 9, extracted: 9 });
    const [trex] = JSON.parse(sharedText('tiktok/foryou-basic-2022.trex-expected.json')) as {
      videoId: string;
      author: { name: string; username: string };
      description: string;
      metrics: { liken: number; commentn: number; sharen: number };
    }[];
    expect(page.posts[0]).toMatchObject({
      id: trex?.videoId, // 7068327818786032901
      url: 'https://www.tiktok.com/@lenoutsaa/video/7068327818786032901',
      author: { handle: trex?.author.username, name: trex?.author.name },
      text: trex?.description,
      createdAt: seconds(1645723317), // createTime in SIGI_STATE
      metrics: { likes: 225500, comments: 1342, shares: 972, views: null, saves: null, quotes: null },
      approx: ['likes'], // "225.5K"
      media: 'video',
      promoted: false,
    });
    expect(page.posts[0]?.metrics).toMatchObject({
      likes: trex?.metrics.liken,
      comments: trex?.metrics.commentn,
      shares: trex?.metrics.sharen,
    });
    expect(page.posts[0]?.hashtags).toEqual(['comdab']);
  });

  it('reads a feed saved as re-formatted JavaScript, with abbreviated and exact counts', () => {
    const page = extractPage(sharedPage('tiktok/foryou-2022.html'), 'https://www.tiktok.com/foryou');
    expect(page.health).toMatchObject({ candidates: 9, extracted: 9 });
    expect(page.posts[0]).toMatchObject({
      id: '7073494001449569538',
      author: { handle: 'yuuna_1210', name: '悠那🌹🌕' },
      createdAt: seconds(1646926162),
      metrics: { likes: 10000, comments: 236, shares: 167 },
    });
    expect(page.posts.find((p) => p.author.handle === 'billel_grh')).toMatchObject({
      metrics: { likes: 7582, comments: 220, shares: 173 },
      approx: [],
    });
    expect(page.posts.find((p) => p.author.handle === 'shaq')).toMatchObject({
      metrics: { likes: 787400, comments: 15200, shares: 22200 },
      approx: ['likes', 'comments', 'shares'],
    });
  });
});

describeShared('TikTok For You cards, 85 items (real, 2022): conformance with trex', () => {
  const rows = sharedText('tiktok/foryou-items-2022.jsonl')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { html: string; href: string; trexExpected: Record<string, unknown> });
  const pageFor = (row: (typeof rows)[number]) =>
    parseHtml(`<!doctype html><html><body>${row.html}</body></html>`);

  it('turns search cards into posts with their permalink ids; For You cards have no id and are not invented', () => {
    let searchCards = 0;
    for (const row of rows) {
      const page = extractPage(pageFor(row), row.href);
      const link = /href="https:\/\/www\.tiktok\.com\/@([^/"]+)\/video\/(\d+)"/.exec(row.html);
      if (row.html.includes('data-e2e="search_top-item"')) {
        searchCards++;
        expect(page.posts).toHaveLength(1);
        expect(page.posts[0]).toMatchObject({ id: link?.[2], author: { handle: link?.[1] } });
        expect(page.posts[0]?.metrics.views).toBeGreaterThan(0); // the play count under the card
      } else if (row.html.includes('data-e2e="recommend-list-item-container"')) {
        // 2022 feed cards carry neither a permalink nor a player id: one candidate, no post.
        expect(page.health).toMatchObject({ candidates: 1, extracted: 0 });
      } else {
        expect(page.health.candidates).toBe(0); // "accounts to follow" cards are not posts
      }
    }
    expect(searchCards).toBe(38);
  });

  it('reads author, caption and counts of each feed card as trex does (agreement ≥ 97% per field)', () => {
    // The same reading code as extractPage, short of the id the 2022 cards do not show. trex reads
    // the same DOM, so a disagreement means the wrong element was read; 97% allows one card of 43.
    const fields = { handle: 0, name: 0, caption: 0, likes: 0, comments: 0, shares: 0 };
    let compared = 0;
    for (const row of rows) {
      const trex = row.trexExpected as {
        author?: { username: string; name: string };
        description: string;
        metrics: { liken: string; commentn: string; sharen: string };
      };
      if (!trex.author) continue;
      const doc = pageFor(row);
      const context = pageContext(tiktokAdapter, doc, new URL(row.href));
      const [card] = tiktokAdapter.findPosts(doc, context);
      if (!card) continue;
      const read = readCard(card, context);
      const noSpace = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');
      compared++;
      if (read.handle === trex.author.username) fields.handle++;
      if (read.name === trex.author.name) fields.name++;
      if (noSpace(read.text) === noSpace(trex.description)) fields.caption++;
      if (read.counts?.likes?.value === parseCount(trex.metrics.liken)?.value) fields.likes++;
      if (read.counts?.comments?.value === parseCount(trex.metrics.commentn)?.value) fields.comments++;
      if (read.counts?.shares?.value === parseCount(trex.metrics.sharen)?.value) fields.shares++;
    }
    expect(compared).toBe(43);
    for (const [field, agreed] of Object.entries(fields)) {
      expect(agreed / compared, `${field}: ${agreed}/${compared}`).toBeGreaterThanOrEqual(0.97);
    }
  });

  it("does not take a duet's link to the original video as the card's own id", () => {
    const row = rows.find((r) => r.html.includes('/@gzfoodqood/video/7036711143255133445'));
    const page = extractPage(pageFor(row!), row!.href);
    expect(page.posts).toEqual([]);
  });
});

describe('TikTok profiles (real)', () => {
  it('reads a 2022 profile header and its video grid with play counts', () => {
    const page = extractPage(sharedPage('tiktok/profile-2022.html'), 'https://www.tiktok.com/@alalei77');
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'alalei77',
      name: 'alalei',
      followers: 129800,
      following: 246,
      posts: null,
    });
    expect(page.health).toMatchObject({ candidates: 30, extracted: 30 });
    expect(page.posts[0]).toMatchObject({
      id: '7103486912966561029',
      url: 'https://www.tiktok.com/@alalei77/video/7103486912966561029',
      author: { handle: 'alalei77', name: 'alalei' },
      metrics: { views: 294, likes: null },
      approx: [],
    });
    expect(page.posts[5]).toMatchObject({
      id: '7101825977512135942',
      metrics: { views: 1000000 },
      approx: ['views'],
    }); // "1M"
    // The grid shows no date; the id's top 32 bits are its Unix time.
    expect(page.posts[0]?.createdAt).toBe('2022-05-30T11:17:10.000Z');
  });

  it('reads a 2025 profile: exact followers from the page state beat the shown "783.4K"', () => {
    const page = extractPage(sharedPage('tiktok/profile-2025.html'), 'https://www.tiktok.com/@illojuan');
    expect(page.profile).toEqual({
      handle: 'illojuan',
      name: 'IlloJuan',
      followers: 783427,
      following: 0,
      posts: 19,
    });
    expect(page.health).toMatchObject({ candidates: 18, extracted: 18 });
    expect(page.posts[0]).toMatchObject({
      id: '7571863205253778710',
      metrics: { views: 192100 },
      approx: ['views'],
    });
    // The thumbnail's alt text without the English "created by … with …" tail.
    expect(page.posts[1]?.text).toBe('Eau de IlloJuan, ya disponible en Mercadona 💅 #illojuan');
  });
});

describe('TikTok video page (real, 2022)', () => {
  const url = 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725';

  it('reads the open video with its creation time from the page state', () => {
    const page = extractPage(sharedPage('tiktok/video-2022.html'), url);
    expect(page.kind).toBe('post');
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: '7135383664971582725',
      author: { handle: 'merveilleux123', name: 'Merveilleux123' },
      text: 'Compétences de vie#tiktok #fyp #pourtoi #foryou #compétences',
      createdAt: seconds(1661335981),
      // Views only in the page state ("playCount":5800000, read in the capture), rounded there too.
      metrics: { likes: 217200, comments: 801, shares: 105600, views: 5800000 },
      approx: ['likes', 'shares', 'views'],
    });
  });

  it('reads the 20 visible comments: id, author, text, likes, and the time their id encodes', () => {
    const page = extractPage(sharedPage('tiktok/video-2022.html'), url);
    expect(page.comments).toHaveLength(20);
    expect(page.comments[0]).toEqual({
      id: '7136970338026177286',
      postId: '7135383664971582725',
      parentId: null,
      author: { handle: 'user698505160780cesca', name: 'user698505160780' },
      text: 'mesi',
      createdAt: '2022-08-28T16:49:57.000Z', // shown as "1d ago" on a page captured 2022-08-30
      likes: 0,
      byPostAuthor: false,
    });
    expect(page.comments[4]).toMatchObject({
      id: '7135392136946909958',
      author: { handle: 'khader_toure' },
      text: 'Pendant un an ?😒',
      likes: 216,
    });
  });
});

describe('TikTok 2025 markup (hand-written fixtures)', () => {
  const now = new Date('2025-11-22T10:00:00.000Z');

  it('reads the German For You feed: player ids, German numbers, saves, a sponsored card, a photo post', () => {
    const page = extractWith(
      tiktokAdapter,
      ownPage('tiktok/de-foryou-2025.html'),
      new URL('https://www.tiktok.com/foryou'),
      now,
    );
    expect(page.posts.map((p) => p.id)).toEqual([
      '7574714274388377642',
      '7575154938032947243',
      '7574493942566092844',
      '7573941180275097645',
    ]);
    expect(page.posts[0]).toMatchObject({
      url: 'https://www.tiktok.com/@gartenglueck/video/7574714274388377642',
      author: { handle: 'gartenglueck', name: 'Garten Glück 🌱' },
      text: "Tomaten richtig ausgeizen – so geht's #garten #tomaten",
      createdAt: '2025-11-20T08:00:00.000Z', // from the id
      metrics: { likes: 36500, comments: 1342, saves: 1234, shares: 972, views: null },
      approx: ['likes'],
      promoted: false,
    });
    // A duet links to the original in its caption; the card's own id is its player's.
    expect(page.posts[1]).toMatchObject({
      author: { handle: 'kochen.mit.ali' },
      metrics: { likes: 1200000, comments: 8980, saves: 15100 },
    });
    expect(page.posts[2]).toMatchObject({ author: { handle: 'stadtwerke_beispiel' }, promoted: true });
    expect(page.posts[3]).toMatchObject({
      url: 'https://www.tiktok.com/@reise.notizen/photo/7573941180275097645',
      media: 'image',
    });
  });

  it('counts a card whose player has not mounted as a candidate, not as a post with a made-up id', () => {
    const page = extractWith(
      tiktokAdapter,
      ownPage('tiktok/de-foryou-2025.html'),
      new URL('https://www.tiktok.com/foryou'),
      now,
    );
    expect(page.health).toMatchObject({ candidates: 5, extracted: 4 });
  });

  it('reads an Italian video page ("1,2 Mln") and its comment threads, including the author\'s reply', () => {
    const url = 'https://www.tiktok.com/@cucina.nonna.rosa/video/7480985396484754709';
    const page = extractWith(tiktokAdapter, ownPage('tiktok/it-video-2025.html'), new URL(url), now);
    expect(page.posts).toHaveLength(1); // the feed card still mounted behind the video is not the open video
    expect(page.posts[0]).toMatchObject({
      id: '7480985396484754709',
      author: { handle: 'cucina.nonna.rosa', name: 'Nonna Rosa' },
      text: 'La vera carbonara, senza panna #carbonara #ricetta',
      createdAt: '2025-03-12T18:04:05.000Z',
      metrics: { likes: 1200000, comments: 4120, saves: 88300, shares: 9876 },
      approx: ['likes', 'saves'],
    });
    expect(page.comments).toEqual([
      {
        id: '7481564164679270401',
        postId: '7480985396484754709',
        parentId: null,
        author: { handle: 'marco_b', name: 'Marco B.' },
        text: 'Finalmente qualcuno che usa il guanciale!',
        createdAt: '2025-03-14T07:30:00.000Z',
        likes: 2345,
        byPostAuthor: false,
      },
      {
        id: '7481591222973235202',
        postId: '7480985396484754709',
        parentId: '7481564164679270401',
        author: { handle: 'cucina.nonna.rosa', name: 'Nonna Rosa' },
        text: 'Sempre! 🥓',
        createdAt: '2025-03-14T09:15:00.000Z',
        likes: 1100,
        byPostAuthor: true,
      },
      {
        id: '7482499608556339203',
        postId: '7480985396484754709',
        parentId: '7481564164679270401',
        author: { handle: 'giulia.v', name: 'Giulia' },
        text: '@Marco B. concordo',
        createdAt: '2025-03-16T20:00:00.000Z',
        likes: 0,
        byPostAuthor: false,
      },
    ]);
  });
});

describe('TikTok odd markup', () => {
  it('never throws: empty pages, broken or re-formatted state, malformed escapes', () => {
    const odd = [
      '<html><body></body></html>',
      '<script id="SIGI_STATE">{"ItemModule": {"1": null, "2": {"id": 7}}, "UserModule": {"users": 3}</script>',
      "<script id=\"sigi-persisted-data\">window['SIGI_STATE'] = { ItemModule: { 'x': { id: '12', desc: 'a' } </script>",
      '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">{"__DEFAULT_SCOPE__": {"webapp.user-detail": {"userInfo": []}}}</script>',
      '<article data-e2e="recommend-list-item-container"><a href="/@%E0%A4%A/video/123456789"></a><strong data-e2e="like-count">1..2K</strong></article>',
      '<p data-e2e="comment-level-1">no block</p><div id="123456789012"><p data-e2e="comment-level-2">orphan reply</p></div>',
    ];
    for (const html of odd) {
      for (const url of [
        'https://www.tiktok.com/foryou',
        'https://www.tiktok.com/@%E0%A4%A',
        'https://www.tiktok.com/@a/video/7135383664971582725',
      ]) {
        expect(() => extractPage(parseHtml(html), url)).not.toThrow();
      }
    }
  });
});

describe('TikTok ids', () => {
  it('reads the upload time a video or comment id encodes, and refuses ids that encode none', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(timeOfId('7135383664971582725', now)).toBe('2022-08-24T10:12:51.000Z'); // createTime 10:13:01
    expect(timeOfId('123', now)).toBeNull();
    expect(timeOfId('9999999999999999999', now)).toBeNull(); // far in the future
  });
});

describe('TikTok 2025–26 captures (real)', () => {
  it('reads a 2026 profile whose title is the name and subtitle the handle, with exact counts', () => {
    // Read by hand: user-title "Jelly.here۶ৎ", user-subtitle "jelly.here10", followers-count 3666,
    // following-count 1255; the page state's videoCount 543; 38 user-post-item cards, the first "4M" views.
    const page = extractPage(
      sharedPage('tiktok/profile-2026-04.html'),
      'https://www.tiktok.com/@jelly.here10',
    );
    expect(page.profile).toEqual({
      handle: 'jelly.here10',
      name: 'Jelly.here۶ৎ',
      followers: 3666,
      following: 1255,
      posts: 543,
    });
    expect(page.posts).toHaveLength(38);
    expect(page.posts[0]).toMatchObject({
      id: '7545042112362958098',
      metrics: { views: 4_000_000 },
      approx: ['views'],
    });
  });

  it('reads a 2025 video page with the counts of its page state, and keeps the raw item', () => {
    // Read by hand: statsV2 {diggCount "36200", shareCount "5522", commentCount "242", playCount "1500000",
    // collectCount "1846"}, createTime 1748016486; the page shows 36.2K, 242, 1846, 5522.
    const url = 'https://www.tiktok.com/@chinese_artist176/video/7507673491211029803';
    const page = extractPage(sharedPage('tiktok/video-comments-2025.html'), url);
    expect(page.posts[0]).toMatchObject({
      id: '7507673491211029803',
      author: { handle: 'chinese_artist176' },
      metrics: { likes: 36_200, comments: 242, shares: 5522, views: 1_500_000, saves: 1846 },
      createdAt: seconds(1748016486),
    });
    const embedded = tiktokAdapter.readEmbedded!(
      pageContext(tiktokAdapter, sharedPage('tiktok/video-comments-2025.html'), new URL(url)),
    );
    expect(embedded.raw?.map((r) => [r.id, r.kind, r.source])).toEqual([
      ['7507673491211029803', 'post', 'embedded'],
    ]);
  });
});

describe('TikTok API responses', () => {
  const page = pageContext(
    tiktokAdapter,
    parseHtml('<html lang="en"><body></body></html>'),
    new URL('https://www.tiktok.com/@chinese_artist176/video/7507673491211029803'),
  );

  it('reads a video list (Zeeschuimer’s 96 recorded search items) with counts, time and the raw item', () => {
    const items = sharedText('tiktok/api/zeeschuimer-tiktok-items.ndjson')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { data: Record<string, unknown> }).data);
    const data = tiktokAdapter.readResponse!(
      { status_code: 0, itemList: items },
      new URL('https://www.tiktok.com/api/search/item/full/?keyword=fosfor'),
      page,
    );
    expect(data.posts).toHaveLength(96);
    // The first item, read by hand: id 7288995634328177926 by haberturktv, createTime 1697101549,
    // stats {diggCount 59, shareCount 0, commentCount 3, playCount 3597, collectCount 9}.
    expect(data.posts![0]).toMatchObject({
      id: '7288995634328177926',
      url: 'https://www.tiktok.com/@haberturktv/video/7288995634328177926',
      author: { handle: 'haberturktv' },
      createdAt: seconds(1697101549),
      metrics: { likes: 59, shares: 0, comments: 3, views: 3597, saves: 9 },
    });
    expect(data.raw).toHaveLength(96);
    expect(data.raw![0]!.data).toBe(items[0]);
  });

  it('reads a comment list: ids, parents, exact likes, times, and the post author answering', () => {
    const json: unknown = JSON.parse(
      readFileSync(join(OWN_FIXTURES, 'tiktok/api-comment-list.json'), 'utf8'),
    );
    const data = tiktokAdapter.readResponse!(
      json,
      new URL('https://www.tiktok.com/api/comment/list/?aweme_id=7507673491211029803'),
      page,
    );
    expect(data.comments).toEqual([
      {
        id: '7507700000000000001',
        postId: '7507673491211029803',
        parentId: null,
        author: { handle: 'kunst_fan', name: 'Kunst Fan' },
        text: 'Wunderschön gemalt!',
        createdAt: seconds(1748020000),
        likes: 1532,
        byPostAuthor: false,
      },
      {
        id: '7507700000000000002',
        postId: '7507673491211029803',
        parentId: '7507700000000000001',
        author: { handle: 'chinese_artist176', name: 'Artist' },
        text: 'Danke ❤️',
        createdAt: seconds(1748023600),
        likes: 0,
        byPostAuthor: true,
      },
    ]);
  });
});
