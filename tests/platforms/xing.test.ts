/**
 * XING adapter. No real capture of XING was available, and the hand-written fixtures
 * (tests/fixtures/xing, German UI) are not modelled on one either: these tests pin the adapter's
 * assumptions (permalinks, author links, German count phrases), not XING's actual markup.
 */
import { describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { extractPage, extractWith, pageContext, readPosts } from '../../core/platforms/index';
import { xingAdapter } from '../../core/platforms/xing/adapter';
import { ownPage, parseHtml } from './load';

describe('XING news feed (hand-written, German UI)', () => {
  const now = new Date('2025-10-03T12:00:00Z');
  const page = extractWith(
    xingAdapter,
    ownPage('xing/de-feed.html'),
    new URL('https://www.xing.com/discover/updates'),
    now,
  );

  it('reads posts with a permalink and leaves the one without as a candidate', () => {
    expect(page.kind).toBe('feed');
    expect(page.posts.map((p) => p.id)).toEqual(['112233445.8f3a2b', '223344556.aa01bc', '334455667.cc02de']);
    expect(page.health).toMatchObject({ candidates: 4, extracted: 3 });
  });

  it('reads "34 Reaktionen", "12 Kommentare", "3 Mal geteilt" and the member who wrote it', () => {
    expect(page.posts[0]).toMatchObject({
      url: 'https://www.xing.com/discover/detail-activities/112233445.8f3a2b',
      author: { handle: 'Sabine_Beispiel', name: 'Sabine Beispiel' },
      text: 'Wir suchen ab sofort eine:n Werkstudent:in im Recruiting 🙌 Bewerbungen gern per Nachricht. #Karriere',
      createdAt: '2025-10-01T07:30:00.000Z',
      metrics: { likes: 34, comments: 12, shares: 3 },
      media: 'text',
    });
  });

  it('reads "Gefällt 7 Personen" and a relative time from a company post', () => {
    expect(page.posts[1]).toMatchObject({
      author: { handle: 'beispiel-logistik-gmbh', name: 'Beispiel Logistik GmbH' },
      createdAt: '2025-10-03T07:00:00.000Z', // "vor 5 Stunden"
      metrics: { likes: 7, comments: null, shares: null },
      media: 'image',
    });
  });

  it('marks the ad ("Anzeige")', () => {
    expect(page.posts[2]).toMatchObject({ author: { handle: 'weiterbildung-example' }, promoted: true });
    expect(page.posts.filter((p) => p.promoted)).toHaveLength(1);
  });
});

describe('XING company page (hand-written, German UI)', () => {
  it('reads "1.234 Follower" from the header, not the post\'s "1.000 Follower"', () => {
    const page = extractPage(
      ownPage('xing/de-company.html'),
      'https://www.xing.com/pages/beispiel-logistik-gmbh',
    );
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'beispiel-logistik-gmbh',
      name: 'Beispiel Logistik GmbH',
      followers: 1234,
      following: null,
      posts: null,
    });
    expect(page.posts[0]).toMatchObject({ id: '223344556.aa01bc', metrics: { comments: 1 } });
  });
});

describe('XING page kinds', () => {
  it.each([
    ['https://www.xing.com/discover/updates', 'feed'],
    ['https://www.xing.com/discover/detail-activities/112233445.8f3a2b', 'post'],
    ['https://www.xing.com/profile/Sabine_Beispiel', 'profile'],
    ['https://www.xing.com/pages/beispiel-logistik-gmbh', 'profile'],
    ['https://www.xing.com/jobs/search?keywords=data', 'other'],
  ])('%s is a %s page', (url, kind) => {
    expect(extractPage(parseHtml('<html></html>'), url).kind).toBe(kind);
  });
});

describe('xing on odd markup', () => {
  it.each([
    'https://www.xing.com/discover/updates',
    'https://www.xing.com/discover/detail-activities/1.a',
    'https://www.xing.com/pages/x',
  ])('never throws on %s, and what it returns meets the contract', (url) => {
    const doc = ownPage('facebook/odd-markup.html');
    // Each reader on its own: the registry would catch what they throw, which is not good enough.
    const page = pageContext(xingAdapter, doc, new URL(url));
    const posts = readPosts(xingAdapter, xingAdapter.findPosts(doc, page), page);
    for (const el of xingAdapter.findPosts(doc, page))
      expect(() => xingAdapter.readPost(el, page)).not.toThrow();
    expect(() => xingAdapter.readProfile?.(page)).not.toThrow();
    expect(() => xingAdapter.readComments?.(page, posts)).not.toThrow();
    expect(() => xingAdapter.readEmbedded?.(page)).not.toThrow();
    expect(() => PageExtraction.parse(extractPage(doc, url))).not.toThrow();
  });
});
