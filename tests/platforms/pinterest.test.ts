/**
 * Pinterest adapter: real 2025–26 captures from ../shared (pin page, search, profile) and hand-written
 * fixtures (tests/fixtures/pinterest, de and en) for markup and responses no capture shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { extractPage, extractWith, pageContext, readPosts } from '../../core/platforms/index';
import { pinterestAdapter } from '../../core/platforms/pinterest/adapter';
import { ENDPOINTS } from '../../core/platforms/pinterest/endpoints';
import { OWN_FIXTURES, ownPage, parseHtml, sharedPage } from './load';

describe('Pinterest home feed (hand-written, German UI)', () => {
  const page = extractPage(ownPage('pinterest/de-home.html'), 'https://www.pinterest.de/');

  it('reads each grid tile as a pin by its /pin/<id>/ link; a tile still loading is not a pin', () => {
    expect(page.kind).toBe('feed');
    expect(page.posts.map((p) => [p.id, p.url])).toEqual([
      ['1122334455667788', 'https://www.pinterest.com/pin/1122334455667788/'],
      ['2233445566778899', 'https://www.pinterest.com/pin/2233445566778899/'],
      ['3344556677889900', 'https://www.pinterest.com/pin/3344556677889900/'],
    ]);
    expect(page.health).toMatchObject({ candidates: 4, extracted: 3 });
  });

  it('reads title, pinner, video, and the ad ("Gesponsert von …"), with no counts where the grid shows none', () => {
    expect(page.posts[0]).toMatchObject({
      text: 'Herbstlicher Kürbiskuchen',
      author: { handle: 'backfee_de', name: 'Backfee' },
      media: 'image',
      promoted: false,
    });
    expect(page.posts[1]).toMatchObject({
      text: 'Skandinavisches Wohnzimmer',
      author: { handle: null },
      media: 'video',
    });
    expect(page.posts[2]).toMatchObject({
      author: { handle: 'gartenshop_example', name: 'Gartenshop Example' },
      promoted: true,
    });
    for (const post of page.posts)
      expect(post.metrics).toEqual({
        likes: null,
        comments: null,
        shares: null,
        quotes: null,
        views: null,
        saves: null,
      });
  });
});

describe('Pinterest pin page (hand-written, English UI)', () => {
  const page = extractPage(
    ownPage('pinterest/en-pin.html'),
    'https://www.pinterest.com/pin/5566778899001122/',
  );

  it('reads the open pin first: exact reactions from the label, "3.4k saves" approximate, comments', () => {
    expect(page.kind).toBe('post');
    expect(page.posts[0]).toMatchObject({
      id: '5566778899001122',
      author: { handle: 'studio_nordlicht', name: 'Studio Nordlicht' },
      text: 'Minimalist home office ideas 12 ways to make a small desk work harder. Plants included 🌿 #homeoffice',
      metrics: { likes: 1234, saves: 3400, comments: 18, shares: null },
      approx: ['saves'],
      hashtags: ['homeoffice'],
    });
  });

  it('lists the "More like this" pins after it', () => {
    expect(page.posts.map((p) => p.id)).toEqual(['5566778899001122', '9988776655443322', '8877665544332211']);
  });
});

describe('Pinterest pin page, logged out (hand-written page state)', () => {
  it('reads counts, date and pinner from the page state when nothing is rendered yet', () => {
    const page = extractPage(
      ownPage('pinterest/en-pin-logged-out.html'),
      'https://www.pinterest.com/pin/5566778899001122/',
    );
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({
      id: '5566778899001122',
      author: { handle: 'studio_nordlicht', name: 'Studio Nordlicht' },
      text: 'Minimalist home office ideas 12 ways to make a small desk work harder.',
      createdAt: '2025-09-02T08:30:00.000Z',
      metrics: { likes: 1234, saves: 3412, comments: 18 },
      approx: [],
    });
  });

  it("does not take another pin's state for the open one", () => {
    const page = extractPage(
      ownPage('pinterest/en-pin-logged-out.html'),
      'https://www.pinterest.com/pin/1111111111111111/',
    );
    expect(page.posts.find((p) => p.id === '1111111111111111')).toBeUndefined();
    // The other pin the page loaded is kept as loaded, not as seen.
    expect(page.posts.every((p) => p.seenOnScreen === false)).toBe(true);
  });
});

describe('Pinterest pin page, logged out 2026 (real capture, streamed server HTML)', () => {
  const url = 'https://www.pinterest.com/pin/166492517477700109/';

  it('reads the open pin with the exact counts, time and pinner of the page state', () => {
    // Read by hand from the capture's Relay response (v3GetPinQuery, entityId 166492517477700109):
    // totalReactionCount 113, aggregatedPinData {aggregatedStats {saves 1711}, commentCount 0},
    // shareCount 4, createdAt "Wed, 17 Dec 2025 06:24:41 +0000", pinner.username "pedrometal7",
    // unauthOnPageTitle "Healing Books"; the JSON-LD agrees (Saves 1711, datePublished 2025-12-17T06:24:41Z).
    const page = extractPage(sharedPage('pinterest/pin-guest-2026-astronomia.html'), url);
    expect(page.kind).toBe('post');
    const pin = page.posts[0]!;
    expect(pin.id).toBe('166492517477700109');
    expect(pin.author.handle).toBe('pedrometal7');
    expect(pin.metrics).toMatchObject({ likes: 113, comments: 0, shares: 4, saves: 1711 });
    expect(pin.approx).toEqual([]);
    expect(pin.createdAt).toBe('2025-12-17T06:24:41.000Z');
    expect(pin.text).toContain('Healing Books');
  });

  it('keeps the pin object for research exports', () => {
    const doc = sharedPage('pinterest/pin-guest-2026-astronomia.html');
    const embedded = pinterestAdapter.readEmbedded!(pageContext(pinterestAdapter, doc, new URL(url)));
    const raw = embedded.raw?.find((r) => r.id === '166492517477700109');
    expect(raw?.kind).toBe('post');
    expect(JSON.stringify(raw?.data)).toContain('"totalReactionCount":113');
  });
});

describe('Pinterest search, logged out 2025 (real capture)', () => {
  it('reads all 36 tiles, with exact reactions where the page state holds the pin', () => {
    const page = extractPage(
      sharedPage('pinterest/search-guest-2025-nature.html'),
      'https://www.pinterest.com/search/pins/?q=nature',
    );
    // 36 `data-test-id="pin"` cards, counted by hand; the first, 424534702394862227, has
    // "reaction_counts":{"1":3} and pinner whileweareyoungm in __PWS_DATA__.
    expect(page.posts).toHaveLength(36);
    const doc = sharedPage('pinterest/search-guest-2025-nature.html');
    const tagged = [...doc.querySelectorAll('[data-test-pin-id]')].map((el) =>
      el.getAttribute('data-test-pin-id'),
    );
    expect(page.posts.map((p) => p.id)).toEqual([...new Set(tagged)]);
    const first = page.posts[0]!;
    expect(first.id).toBe('424534702394862227');
    expect(first.metrics.likes).toBe(3);
    expect(first.author.handle).toBe('whileweareyoungm');
  });
});

describe('Pinterest resource responses (hand-written BaseSearchResource JSON)', () => {
  const json: unknown = JSON.parse(
    readFileSync(join(OWN_FIXTURES, 'pinterest/resource-base-search.json'), 'utf8'),
  );
  const url = 'https://www.pinterest.de/search/pins/?q=schlafzimmer';
  const doc = new DOMParser().parseFromString('<html lang="de"><body></body></html>', 'text/html');
  const page = pageContext(pinterestAdapter, doc, new URL(url));
  const data = pinterestAdapter.readResponse!(
    json,
    new URL('https://www.pinterest.de/resource/BaseSearchResource/get/?data=%7B%7D'),
    page,
  );

  it('reads every complete pin: reactions summed over types, saves, comments, shares, time, pinner', () => {
    expect(data.posts?.map((p) => p.id)).toEqual(['1074741898596702957', '20758848277497516']);
    const pin = data.posts![0]!;
    expect(pin.metrics).toMatchObject({ likes: 15, saves: 250, comments: 7, shares: 2 });
    expect(pin.createdAt).toBe('2025-06-02T10:00:00.000Z');
    expect(pin.author).toEqual({ handle: 'wohnideen_de', name: 'Wohnideen' });
    expect(pin.hashtags).toContain('schlafzimmer');
    expect(pin.url).toBe('https://www.pinterest.com/pin/1074741898596702957/');
  });

  it('reads an empty reaction map as no reactions, and a video pin as video; leaves unknown counts unknown', () => {
    const video = data.posts![1]!;
    expect(video.metrics.likes).toBe(0);
    expect(video.metrics.comments).toBeNull();
    expect(video.media).toBe('video');
  });

  it('returns the raw pin objects for research exports, and nothing for stories or incomplete pins', () => {
    expect(data.raw?.map((r) => [r.id, r.source])).toEqual([
      ['1074741898596702957', 'response'],
      ['20758848277497516', 'response'],
    ]);
  });

  it('is allowlisted only for pin resources, never conversations or notifications', () => {
    const allowed = (path: string) => ENDPOINTS.some((e) => e.path.test(path));
    expect(allowed('/resource/BaseSearchResource/get/')).toBe(true);
    expect(allowed('/resource/UserHomefeedResource/get/')).toBe(true);
    expect(allowed('/resource/ConversationsResource/get/')).toBe(false);
    expect(allowed('/resource/NewsHubResource/get/')).toBe(false);
    expect(allowed('/resource/UserSettingsResource/get/')).toBe(false);
  });
});

describe('Pinterest profile (hand-written, German UI)', () => {
  it('reads "1,2 Tsd. Follower" and "56 gefolgt", not the monthly views', () => {
    const page = extractPage(ownPage('pinterest/de-profile.html'), 'https://www.pinterest.de/backfee_de/');
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'backfee_de',
      name: 'Backfee',
      followers: 1200,
      following: 56,
      posts: null,
    });
    expect(page.posts.map((p) => p.id)).toEqual(['1122334455667788']);
  });
});

describe('Pinterest pages that do not read cleanly', () => {
  it('counts tiles without a pin link as candidates only', () => {
    const doc = parseHtml(
      '<html><body><div data-grid-item="true"><img alt="" src="data:,"></div></body></html>',
    );
    const page = extractWith(pinterestAdapter, doc, new URL('https://www.pinterest.com/'));
    expect(page.health).toMatchObject({ candidates: 1, extracted: 0 });
  });

  it.each([
    ['https://www.pinterest.com/', 'feed'],
    ['https://www.pinterest.de/pin/1122334455667788/', 'post'],
    ['https://www.pinterest.com/search/pins/?q=kuchen', 'search'],
    ['https://www.pinterest.com/backfee_de/', 'profile'],
    ['https://www.pinterest.com/backfee_de/_created/', 'profile'],
    ['https://www.pinterest.com/backfee_de/kuchen/', 'feed'],
    ['https://www.pinterest.com/settings/', 'other'],
  ])('%s is a %s page', (url, kind) => {
    expect(extractPage(parseHtml('<html></html>'), url).kind).toBe(kind);
  });
});

describe('pinterest on odd markup', () => {
  it.each([
    'https://www.pinterest.com/',
    'https://www.pinterest.com/pin/123/',
    'https://www.pinterest.com/someone/',
  ])('never throws on %s, and what it returns meets the contract', (url) => {
    const doc = ownPage('facebook/odd-markup.html');
    // Each reader on its own: the registry would catch what they throw, which is not good enough.
    const page = pageContext(pinterestAdapter, doc, new URL(url));
    const posts = readPosts(pinterestAdapter, pinterestAdapter.findPosts(doc, page), page);
    for (const el of pinterestAdapter.findPosts(doc, page))
      expect(() => pinterestAdapter.readPost(el, page)).not.toThrow();
    expect(() => pinterestAdapter.readProfile?.(page)).not.toThrow();
    expect(() => pinterestAdapter.readComments?.(page, posts)).not.toThrow();
    expect(() => pinterestAdapter.readEmbedded?.(page)).not.toThrow();
    expect(() => PageExtraction.parse(extractPage(doc, url))).not.toThrow();
  });
});
