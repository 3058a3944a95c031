/**
 * Pinterest adapter. No real capture of Pinterest exists in ../shared: these tests run on hand-written
 * fixtures (tests/fixtures/pinterest, de and en) of today's markup and of the logged-out page state, so
 * they pin our reading of the platform, not the platform itself.
 */
import { describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { extractPage, extractWith, pageContext, readPosts } from '../../core/platforms/index';
import { pinterestAdapter } from '../../core/platforms/pinterest/adapter';
import { ownPage, parseHtml } from './load';

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
    expect(page.posts).toEqual([]);
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
