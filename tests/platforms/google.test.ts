/**
 * Google reviews (Maps place pages). The French capture is real (a place's Reviews tab, 2025-12);
 * every value below was read by hand from it. The German and English pages in tests/fixtures/google
 * are hand-written after its structure, for what the capture does not show: low ratings, unanswered
 * reviews, edited dates, helpful counts, singular "1 Stern", the owner's reply box.
 */
import { describe, expect, it } from 'vitest';
import { PageExtraction } from '../../core/model';
import { isReviewsPage, ratingOf, reviewerMeta } from '../../core/platforms/google/adapter';
import { extractPage } from '../../core/platforms/index';
import { ownPage, sharedPage } from './load';

const GENEVA =
  'https://www.google.com/maps/place/Agence+Web+Gen%C3%A8ve+%E2%AD%90+Cr%C3%A9ation+de+site+web,+SEO+%26+marketing+digital/data=!4m7!3m6!1s0xa0474ce3f342f843:0xd847038d59573114!8m2!3d46.1905111!4d6.1387503!16s%2Fg%2F11rvfz06qx';
const PLACE = '0xa0474ce3f342f843:0xd847038d59573114';

describe('Google Maps place, Reviews tab (real capture, French UI)', () => {
  const page = extractPage(sharedPage('google-reviews/place-reviews-fr-agence-web-geneve.html'), GENEVA);

  it('is the place: name, average rating, number of reviews and the histogram', () => {
    expect(PageExtraction.safeParse(page).success).toBe(true);
    expect(page.platform).toBe('google');
    expect(page.kind).toBe('post');
    expect(page.profile).toEqual({
      handle: PLACE,
      name: 'Agence Web Genève ⭐ Création de site web, SEO & marketing digital',
      followers: null,
      following: null,
      posts: null,
      // "5,0" beside the name, "(30)" with the label "30 avis", histogram rows "5 étoiles, 30 avis" … "1 étoiles, 0 avis".
      place: { rating: 5, reviews: 30, histogram: { '5': 30, '4': 0, '3': 0, '2': 0, '1': 0 } },
    });
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({ id: PLACE, author: { handle: PLACE }, metrics: { comments: 30 } });
  });

  it('reads all three reviews shown, with reviewer, stars, relative date and text', () => {
    const reviews = page.comments.filter((c) => c.parentId === null);
    expect(reviews.map((r) => r.author.name)).toEqual(['Jerome Regolatti', 'CLAIRE MAJOREK', 'Paola Mosca']);
    expect(reviews.map((r) => r.rating)).toEqual([5, 5, 5]);
    expect(reviews.map((r) => r.reviewer)).toEqual([
      { reviews: 19, photos: null, localGuide: true }, // "Local Guide · 19 avis"
      { reviews: 214, photos: 96, localGuide: true }, // "Local Guide · 214 avis · 96 photos"
      { reviews: 3, photos: null, localGuide: false }, // "3 avis"
    ]);
    expect(reviews[0]).toMatchObject({
      id: 'Ci9DQUlRQUNvZENodHljRjlvT21SZk1GbDVRM1Y0UkVaWFRWaDBXbUV6VkhRd2NHYxAB',
      postId: PLACE,
      author: { handle: '117239259266187848793' },
      timePrecision: 'month',
      byPostAuthor: false,
    });
    // Cut by Google ("… Plus"): the page holds only this much.
    expect(reviews[0]!.text).toMatch(/^J’ai fait appel à l’Agence Web Genève .* un service de qualité …$/);
    expect(reviews[2]!.text).toMatch(/sans hésiter\.$/);
    // "il y a 5 mois", "il y a 5 mois", "il y a 7 mois": month precision, five and seven months back.
    const months = reviews.map((r) => r.createdAt?.slice(0, 7));
    const now = new Date();
    const back = (n: number) =>
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
    expect(months).toEqual([back(5), back(5), back(7)]);
  });

  it('reads every owner answer as a reply by the place, with its own date', () => {
    const replies = page.comments.filter((c) => c.parentId !== null);
    expect(replies).toHaveLength(3);
    expect(
      replies.every((r) => r.byPostAuthor && r.author.handle === PLACE && r.timePrecision === 'month'),
    ).toBe(true);
    expect(replies.map((r) => r.parentId)).toEqual(
      page.comments.filter((c) => c.parentId === null).map((c) => c.id),
    );
    expect(replies[1]!.text).toBe(
      "Chère Madame Majorek, nous sommes ravis d'avoir pu répondre à vos attentes. Merci beaucoup pour votre gentil message et votre excellent avis.",
    );
  });
});

describe('Google Maps search list (real capture, French UI, Morocco)', () => {
  it('reads each place of the list with its review count, and no reviews', () => {
    const page = extractPage(
      sharedPage('google-reviews/maps-search-list-fr-MA-fes.html'),
      'https://www.google.com/maps/search/Concepteur+de+sites+Web+fes',
    );
    expect(page.kind).toBe('search');
    expect(page.posts).toHaveLength(8);
    // "Appbox", label "4,4 étoiles 14 avis".
    expect(page.posts[0]).toMatchObject({
      id: '0xd9f8b3f4fb30863:0xcc978bcc6d098499',
      author: { name: 'Appbox' },
      metrics: { comments: 14 },
    });
    expect(page.comments).toEqual([]);
  });
});

describe('Google Maps place, German UI (hand-written)', () => {
  const now = new Date();
  const page = extractPage(
    ownPage('google/place-reviews-de.html'),
    'https://www.google.de/maps/place/B%C3%A4ckerei+Beispiel/data=!4m7!3m6!1s0x47a84e373f7c0001:0x1d2c3b4a59687700',
  );
  const reviews = page.comments.filter((c) => c.parentId === null);

  it('reads "1 Stern", "2 Sterne", "Bearbeitet vor 3 Monaten", helpful counts and unanswered reviews', () => {
    expect(page.profile?.place).toEqual({
      rating: 4.1,
      reviews: 87,
      histogram: { '5': 52, '4': 14, '3': 6, '2': 5, '1': 10 },
    });
    expect(reviews.map((r) => [r.author.name, r.rating, r.timePrecision, r.likes])).toEqual([
      ['Jonas Beispiel', 1, 'week', null],
      ['Maria Muster', 5, 'month', 3],
      ['K. Schulz', 2, 'month', null],
      ['Lea', 4, 'year', null],
    ]);
    expect(reviews[2]!.reviewer).toEqual({ reviews: 214, photos: 96, localGuide: true });
    const twoWeeksAgo = now.getTime() - 14 * 86_400_000;
    expect(Math.abs(Date.parse(reviews[0]!.createdAt!) - twoWeeksAgo)).toBeLessThan(60_000);
    const answered = new Set(page.comments.filter((c) => c.byPostAuthor).map((c) => c.parentId));
    expect(reviews.filter((r) => !answered.has(r.id)).map((r) => r.rating)).toEqual([1, 2]);
  });
});

describe('Google Maps place, English UI (hand-written)', () => {
  const page = extractPage(
    ownPage('google/place-reviews-en.html'),
    'https://www.google.com/maps/place/Ramen+Example/data=!4m7!3m6!1s0x47a851e0a1b2c3d4:0x5e6f708192a3b4c5',
  );

  it('reads thousands separators in counts and the owner reply', () => {
    expect(page.profile?.place).toMatchObject({ rating: 4.3, reviews: 1532 });
    const [first, second] = page.comments;
    expect(first).toMatchObject({ rating: 1, reviewer: { reviews: 1204, photos: 3381, localGuide: true } });
    expect(second).toMatchObject({ rating: 5, likes: 12, timePrecision: 'week' });
    expect(page.comments.find((c) => c.byPostAuthor)).toMatchObject({
      parentId: second!.id,
      text: 'Thank you, Priya! We will tell the kitchen.',
      timePrecision: 'day',
    });
  });
});

describe('what Google pages are read', () => {
  it('only Maps places and searches: never Search, Mail or anything else on google.com', () => {
    expect(isReviewsPage(new URL('https://www.google.com/maps/place/X/data=!1s0x1:0x2'))).toBe(true);
    expect(isReviewsPage(new URL('https://www.google.de/maps/search/B%C3%A4ckerei'))).toBe(true);
    expect(isReviewsPage(new URL('https://www.google.com/search?q=mail'))).toBe(false);
    expect(isReviewsPage(new URL('https://mail.google.com/mail/u/0/'))).toBe(false);
  });

  it('reads star labels in the languages Google ships', () => {
    for (const [label, stars] of [
      ['5 stars', 5],
      ['1 Stern', 1],
      ['4,5 étoiles', 4.5],
      ['3 estrellas', 3],
      ['2 stelle', 2],
      ['星 4 つ', 4],
      ['별표 5개 중 3개', 3],
      ['4 von 5 Sternen', 4],
      ['5つ星のうち4.0', 4],
      ['5,0 étoiles 1 avis', 5],
      ['٤ نجوم', 4],
    ] as const)
      expect(ratingOf(label), label).toBe(stars);
    expect(ratingOf('Photo de Jerome')).toBeNull();
    expect(ratingOf('30 avis')).toBeNull();
  });

  it('reads the reviewer line in several languages', () => {
    expect(reviewerMeta('Local Guide · 56 Rezensionen · 120 Fotos', 'de')).toEqual({
      reviews: 56,
      photos: 120,
      localGuide: true,
    });
    expect(reviewerMeta('12 reseñas · 4 fotos', 'es')).toEqual({ reviews: 12, photos: 4, localGuide: false });
  });
});
