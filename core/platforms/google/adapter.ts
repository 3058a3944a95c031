/**
 * Google reviews (Google Maps place pages, the Reviews tab). In DESIGN terms a place is an account,
 * its reviews are the comments of one "post" that stands for the place, a review's star rating is
 * the comment's `rating`, and the owner's answer is a reply by the post's author. The place post's
 * `comments` metric is the place's total number of reviews; the profile carries the average rating
 * and the histogram.
 */
import type { CommentSnapshot, PageKind, PlaceSummary, ProfileSnapshot, TimePrecision } from '../../model';
import { countInLabel, normaliseDigits } from '../../parse/count';
import { parseTime, relativeUnit } from '../../parse/time';
import type { Adapter, PageContext, PostFields } from '../adapter';
import { labelOf, visibleText } from '../dom';
import {
  CONTRIB_ID,
  GM,
  OWNER_REPLY_TITLES,
  PHOTO_WORDS,
  PLACE_ID,
  STAR_LABEL,
  STARS_OUT_OF,
} from './selectors';

/** Whether a URL is a Google page Resonanz reads: Maps places and searches, never anything else. */
export function isReviewsPage(url: URL): boolean {
  return /^\/maps\/(place|search)\//.test(url.pathname) || /^\/maps\/?$/.test(url.pathname);
}

function pageKind(url: URL): PageKind {
  if (url.pathname.startsWith('/maps/place/')) return 'post';
  if (url.pathname.startsWith('/maps/search/')) return 'search';
  return 'other';
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * The place's feature id: from the URL's data parameter, else from the page's own links to itself
 * (the sign-in link's `continue` carries the place URL), never from a link to another place.
 */
export function placeIdOf(page: PageContext): string | null {
  const fromUrl = PLACE_ID.exec(decoded(page.url.href))?.[1];
  if (fromUrl) return fromUrl.toLowerCase();
  for (const a of page.doc.querySelectorAll('a[href*="continue="]')) {
    const id = PLACE_ID.exec(decoded(decoded(a.getAttribute('href') ?? '')))?.[1];
    if (id) return id.toLowerCase();
  }
  return null;
}

/** A star rating from a label: "5 étoiles", "4,5 Sterne", "星 5 つ" → 5, 4.5, 5; null when not 0–5. */
export function ratingOf(label: string | null): number | null {
  const text = normaliseDigits(label ?? '');
  const m = STARS_OUT_OF.map((re) => re.exec(text)).find((hit) => hit) ?? STAR_LABEL.exec(text);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  return value >= 0 && value <= 5 ? value : null;
}

/** The outermost element of each review (inner elements repeat the id), in page order. */
function findReviews(root: ParentNode): Element[] {
  const out: Element[] = [];
  const seen = new Set<string>();
  for (const el of root.querySelectorAll(GM.review)) {
    const id = el.getAttribute('data-review-id');
    if (!id || seen.has(id) || el.tagName === 'BUTTON') continue;
    seen.add(id);
    out.push(el);
  }
  return out;
}

/** The owner's answer block inside a review: by its class, else by its title phrase. */
function ownerBlock(review: Element): Element | null {
  const id = review.getAttribute('data-review-id');
  const mine = (el: Element) =>
    el.parentElement?.closest('[data-review-id]')?.getAttribute('data-review-id') === id;
  const byClass = [...review.querySelectorAll(GM.ownerReply)].find(mine);
  if (byClass) return byClass;
  for (const el of review.querySelectorAll('span, div')) {
    if (el.childElementCount > 0) continue;
    const text = visibleText(el);
    if (OWNER_REPLY_TITLES.some((t) => text.startsWith(t)) && mine(el))
      return el.parentElement?.parentElement ?? null;
  }
  return null;
}

interface Reviewer {
  reviews: number | null;
  photos: number | null;
  localGuide: boolean;
}

/** "Local Guide · 214 avis · 96 photos" → 214 reviews, 96 photos, a Local Guide. */
export function reviewerMeta(text: string, locale: string | null): Reviewer {
  const out: Reviewer = { reviews: null, photos: null, localGuide: false };
  for (const part of text.split('·').map((p) => p.trim())) {
    if (/local\s*guide/i.test(part)) {
      out.localGuide = true;
      continue;
    }
    const n = countInLabel(part, locale)?.value ?? null;
    if (n === null) continue;
    if (PHOTO_WORDS.test(part)) out.photos ??= n;
    else out.reviews ??= n;
  }
  return out;
}

interface TimeRead {
  at: string | null;
  precision: TimePrecision | null;
}

/** A displayed review date ("il y a 5 mois", "vor 2 Wochen", "Edited 3 days ago") with its precision. */
function timeRead(text: string, page: PageContext): TimeRead {
  const s = text
    .replace(/^[^\d\p{L}]*(edited|bearbeitet|modifié|modificado|modificato)\s*:?\s*/iu, '')
    .trim();
  const at = parseTime(s, page.now, page.locale);
  return { at, precision: at ? (relativeUnit(s, page.locale) ?? 'exact') : null };
}

/** The review's own date: its class first, else the first short leaf that reads as a time. */
function reviewTime(review: Element, owner: Element | null, page: PageContext): TimeRead {
  const el = review.querySelector(GM.date);
  if (el && !owner?.contains(el)) return timeRead(visibleText(el), page);
  for (const leaf of review.querySelectorAll('span')) {
    if (leaf.childElementCount > 0 || owner?.contains(leaf)) continue;
    const text = visibleText(leaf);
    if (text.length > 40) continue;
    const read = timeRead(text, page);
    if (read.at) return read;
  }
  return { at: null, precision: null };
}

function reviewText(review: Element, owner: Element | null): string {
  const el = [...review.querySelectorAll(GM.text)].find((t) => !owner?.contains(t));
  // Google cuts long reviews ("… Plus"); the full text is only on the page after "More" was clicked.
  return visibleText(el ?? null);
}

function readReview(
  review: Element,
  placeId: string,
  place: { name: string | null },
  page: PageContext,
): CommentSnapshot[] {
  const id = review.getAttribute('data-review-id');
  if (!id) return [];
  const owner = ownerBlock(review);
  const link = review.querySelector(GM.reviewerLink);
  const contrib =
    CONTRIB_ID.exec(link?.getAttribute('data-href') ?? link?.getAttribute('href') ?? '')?.[1] ?? null;
  const name =
    visibleText(review.querySelector(GM.reviewerName)) || review.getAttribute('aria-label') || null;
  const stars = [...review.querySelectorAll('[role="img"][aria-label]')].find((el) => !owner?.contains(el));
  const time = reviewTime(review, owner, page);
  const helpful = review.querySelector(GM.helpful);
  const helpfulCount = helpful ? (countInLabel(visibleText(helpful), page.locale)?.value ?? null) : null;
  const comments: CommentSnapshot[] = [
    {
      id,
      postId: placeId,
      parentId: null,
      author: { handle: contrib, name },
      text: reviewText(review, owner),
      createdAt: time.at,
      timePrecision: time.precision ?? undefined,
      // Google shows a number on the thumbs-up once someone found the review helpful, and the bare
      // word before that. Without a number the count is not shown: null, never a guessed 0.
      likes: helpfulCount,
      byPostAuthor: false,
      rating: ratingOf(labelOf(stars ?? null)),
      reviewer: reviewerMeta(visibleText(review.querySelector(GM.reviewerMeta)), page.locale),
    },
  ];
  if (owner) {
    const replyTime = timeRead(visibleText(owner.querySelector(GM.ownerReplyDate)), page);
    const texts = [...owner.querySelectorAll(GM.text)];
    const text = texts.length
      ? texts.map((t) => visibleText(t)).join(' ')
      : visibleText(owner.lastElementChild ?? null);
    comments.push({
      id: `${id}:owner`,
      postId: placeId,
      parentId: id,
      author: { handle: placeId, name: place.name },
      text,
      createdAt: replyTime.at,
      timePrecision: replyTime.precision ?? undefined,
      likes: null,
      byPostAuthor: true,
    });
  }
  return comments;
}

/** The place panel's name, rating, review count and histogram. */
export function readPlace(page: PageContext): { name: string | null; summary: PlaceSummary } {
  const doc = page.doc;
  const h1 = doc.querySelector(GM.placeName);
  const name = visibleText(h1) || null;
  const summaryEl = doc.querySelector(GM.placeSummary);
  const labels = [...(summaryEl ?? doc).querySelectorAll('[role="img"][aria-label]')].map(
    (el) => labelOf(el) ?? '',
  );
  const histogram: Record<string, number> = {};
  for (const row of doc.querySelectorAll(GM.histogramRow)) {
    const label = normaliseDigits(labelOf(row) ?? '');
    const numbers = [...label.matchAll(/\d[\d.,\s\u202f\u00a0]*/g)].map((m) => m[0].trim());
    const stars = Number(numbers[0]);
    const count = countInLabel(numbers.slice(1).join(' '), page.locale)?.value;
    if (stars >= 1 && stars <= 5 && count !== undefined) histogram[String(stars)] = count;
  }
  const histTotal = Object.values(histogram).reduce((a, b) => a + b, 0);
  const rating = summaryEl ? (labels.map(ratingOf).find((r) => r !== null) ?? null) : null;
  // The review count sits in a label of its own ("30 avis") whose visible text is "(30)".
  const countLabel = summaryEl
    ? [...summaryEl.querySelectorAll('[role="img"][aria-label]')].find((el) =>
        /^\(?[\d.,\s\u202f]+\)?$/.test(visibleText(el)),
      )
    : null;
  const reviews =
    (countLabel ? countInLabel(labelOf(countLabel) ?? '', page.locale)?.value : undefined) ??
    (histTotal > 0 ? histTotal : null);
  return {
    name,
    summary: {
      rating,
      reviews: reviews ?? null,
      histogram: Object.keys(histogram).length === 5 ? histogram : null,
    },
  };
}

/** On a place page: one post that stands for the place (its reviews are the comments). */
function findPosts(_root: ParentNode, page: PageContext): Element[] {
  if (page.kind === 'post') {
    const h1 = page.doc.querySelector(GM.placeName);
    return h1 && placeIdOf(page) ? [h1] : [];
  }
  if (page.kind === 'search') return [...page.doc.querySelectorAll(GM.searchResult)];
  return [];
}

function readPost(el: Element, page: PageContext): PostFields | null {
  if (page.kind === 'post') {
    const id = placeIdOf(page);
    const place = readPlace(page);
    if (!id) return null;
    return {
      id,
      url: `https://www.google.com/maps/place/data=!4m2!3m1!1s${id}`,
      handle: id,
      name: place.name,
      text: place.name ?? '',
      counts:
        place.summary.reviews === null ? {} : { comments: { value: place.summary.reviews, approx: false } },
      media: 'text',
      hashtags: [],
      mentions: [],
      links: [],
    };
  }
  // A place in a search result list: its rating and review count sit in the card's labels.
  const href = el.getAttribute('href') ?? '';
  const id = PLACE_ID.exec(decoded(href))?.[1]?.toLowerCase();
  if (!id) return null;
  const card = el.parentElement ?? el;
  const label = [...card.querySelectorAll('[role="img"][aria-label]')]
    .map((e) => labelOf(e) ?? '')
    .find((l) => ratingOf(l) !== null);
  const reviews = label ? countInLabel(normaliseDigits(label).replace(STAR_LABEL, ''), page.locale) : null;
  return {
    id,
    url: `https://www.google.com/maps/place/data=!4m2!3m1!1s${id}`,
    handle: id,
    name: labelOf(el),
    text: labelOf(el) ?? '',
    counts: reviews ? { comments: reviews } : {},
    media: 'text',
    hashtags: [],
    mentions: [],
    links: [],
  };
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'post') return null;
  const id = placeIdOf(page);
  if (!id) return null;
  const place = readPlace(page);
  return {
    handle: id,
    name: place.name,
    followers: null,
    following: null,
    posts: null,
    place: place.summary,
  };
}

function readComments(page: PageContext): CommentSnapshot[] {
  if (page.kind !== 'post') return [];
  const id = placeIdOf(page);
  if (!id) return [];
  const place = readPlace(page);
  return findReviews(page.doc).flatMap((review) => readReview(review, id, place, page));
}

export const googleAdapter: Adapter = {
  id: 'google',
  version: '1.0.0',
  reads: isReviewsPage,
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments: (page) => readComments(page),
};
