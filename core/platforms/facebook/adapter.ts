/**
 * Facebook: news feed, pages and profiles, groups, single posts (with their comments), search; today's
 * design, the touch site (m.facebook.com) and, cheaply, the classic 2018 desktop feed.
 */
import type { CommentSnapshot, Metric, PageKind, PostSnapshot, ProfileSnapshot } from '../../model';
import { countInLabel, type ParsedCount, parseCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import type { Adapter, EmbeddedData, PageContext, PostFields } from '../adapter';
import { first, visibleText } from '../dom';
import { normalizePhrase, phraseCounts, spellsOut, statementOf } from '../phrase-counts';
import { embeddedStories, readFacebookJson, storyForUnit } from './data';
import { canonical, handleOf, parse, postIdOf } from './ids';
import {
  COMMENT_LABELS,
  COMMENT_REACTIONS,
  FB,
  METRIC_PHRASES,
  PROFILE_PHRASES,
  PROMOTED_LABELS,
  REACTION_TOTAL,
  RESERVED_PATHS,
} from './selectors';

const ZERO: ParsedCount = { value: 0, approx: false };

function pageKind(url: URL): PageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0]?.toLowerCase();
  if (postIdOf(url.href, url)) return 'post';
  if (!head || head === 'home.php' || head === 'watch' || head === 'reels') return 'feed';
  if (head === 'search') return 'search';
  if (head === 'groups') return 'feed';
  if (head === 'profile.php' || head === 'people') return 'profile';
  if (RESERVED_PATHS.has(head)) return 'other';
  return 'profile';
}

function isComment(el: Element): boolean {
  if (el.getAttribute('data-sigil') === 'comment') return true;
  const label = el.getAttribute('aria-label')?.toLowerCase() ?? '';
  return el.getAttribute('role') === 'article' && COMMENT_LABELS.some((w) => label.startsWith(w));
}

function findPosts(root: ParentNode): Element[] {
  const all = [...root.querySelectorAll(FB.post)].filter((el) => !isComment(el));
  return all.filter((el) => !all.some((outer) => outer !== el && outer.contains(el)));
}

/**
 * The post's permalink: the link around its time (`<abbr>`, `<time>`) first, else the first link that names
 * a post outside the header line, whose links go to the author and to a shared post ("shared a post").
 */
function permalinkOf(root: Element, base: URL): { id: string; link: Element } | null {
  const links: { id: string; link: Element }[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    if (a.closest(FB.comment) && a.closest(FB.comment) !== root) continue;
    if (a.closest('h2, h3, h4, h5')) continue;
    const id = postIdOf(a.getAttribute('href'), base);
    if (id) links.push({ id, link: a });
  }
  return links.find((l) => l.link.querySelector('abbr, time')) ?? links[0] ?? null;
}

/** Touch-site stories carry `data-ft` JSON with the publish time (epoch seconds). */
function publishTime(root: Element): string | null {
  const raw = root.getAttribute('data-ft');
  if (!raw) return null;
  const m = /"publish_time"\s*:\s*(\d{9,10})/.exec(raw);
  return m ? new Date(Number(m[1]) * 1000).toISOString() : null;
}

function createdAt(root: Element, link: Element | null, page: PageContext): string | null {
  const utime = root.querySelector(FB.classicTime)?.getAttribute('data-utime');
  if (utime) return parseTime(utime, page.now, page.locale);
  const published = publishTime(root);
  if (published) return published;
  // Classic ads carry the publish time only in their tracking links ("…[publish_time]=1521129675").
  const tracked = root.querySelector('a[href*="[publish_time]="]')?.getAttribute('href') ?? '';
  const epoch = /\[publish_time\]=(\d{9,10})/.exec(tracked)?.[1];
  if (epoch) return new Date(Number(epoch) * 1000).toISOString();
  if (!link) return null;
  // Today's design: the time link's label or text ("3 Std.", "12. Oktober um 10:00").
  for (const text of [link.getAttribute('aria-label'), visibleText(link.querySelector('abbr') ?? link)]) {
    const at = text ? parseTime(text, page.now, page.locale) : null;
    if (at) return at;
  }
  return null;
}

function readCounts(
  root: Element,
  textEl: Element | null,
  page: PageContext,
): Partial<Record<Metric, ParsedCount | null>> {
  const nested = new Set([...root.querySelectorAll(`${FB.post}, ${FB.comment}`)].filter((el) => el !== root));
  const skip = (el: Element) => el === textEl || nested.has(el) || el.matches(FB.reactionBreakdown);
  const counts: Partial<Record<Metric, ParsedCount | null>> = phraseCounts(
    root,
    METRIC_PHRASES,
    page.locale,
    { skip },
  );
  const total =
    besideTotalLabel(root, skip, page) ??
    phraseCounts(root, { likes: REACTION_TOTAL }, page.locale, { skip }).likes ??
    parseCount(
      // The total is written twice (for sighted and screen-reader users): "1K" in each of two spans.
      [...(root.querySelector(FB.classicReactionTotal)?.querySelectorAll('span') ?? [])].find(
        (span) => span.childElementCount === 0 && span.textContent?.trim(),
      )?.textContent ?? '',
      page.locale,
    );
  if (total) counts.likes = total;
  else if (!counts.likes) counts.likes = besideReactionIcons(root, nested, page);
  // The touch site's counts bar leaves out what is 0 ("32 Likes" and no comment count).
  if (root.querySelector(FB.touchCounts)) {
    for (const metric of ['likes', 'comments', 'shares'] as const) counts[metric] ??= ZERO;
  }
  return counts;
}

/** The labels of the reaction total without their number ("all reactions:"), normalised. */
const TOTAL_LABELS = REACTION_TOTAL.filter((t) => t.endsWith('#')).map((t) =>
  normalizePhrase(t.slice(0, -1))
    .replace(/[:：]$/, '')
    .trim(),
);

/**
 * Today's design writes the total as a label leaf ("All reactions:") followed by the number twice, once
 * for sighted and once for screen-reader users ("1.1K", "1.1K"): read the first number after the label,
 * so the two are never run together ("١٤٢١٤٢").
 */
function besideTotalLabel(
  root: Element,
  skip: (el: Element) => boolean,
  page: PageContext,
): ParsedCount | null {
  const leaves = [...root.querySelectorAll('span, div')].filter((el) => el.childElementCount === 0);
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    const label = normalizePhrase(leaf.textContent ?? '')
      .replace(/[:：]$/, '')
      .trim();
    if (!label || !TOTAL_LABELS.includes(label) || skip(leaf)) continue;
    for (const next of leaves.slice(i + 1, i + 4)) {
      const count = parseCount(next.textContent ?? '', page.locale);
      if (count) return count;
    }
  }
  return null;
}

/**
 * Without an "All reactions" phrase: the bare count shown beside the reaction icons ("1,2 Tsd."), or, when
 * only one reaction type is shown, that type's labelled count ("Gefällt mir: 7 Personen"), which is then
 * the total.
 */
function besideReactionIcons(root: Element, nested: Set<Element>, page: PageContext): ParsedCount | null {
  const toolbar = [...root.querySelectorAll(FB.reactionBreakdown)].find(
    (t) => ![...nested].some((n) => n.contains(t)),
  );
  if (!toolbar) return null;
  for (let next = toolbar.nextElementSibling; next; next = next.nextElementSibling) {
    const count = parseCount(visibleText(next), page.locale);
    if (count) return count;
  }
  const types = [...toolbar.querySelectorAll('[aria-label]')]
    .map((el) => countInLabel(el.getAttribute('aria-label') ?? '', page.locale))
    .filter((c): c is ParsedCount => c !== null);
  return types.length === 1 ? types[0]! : null;
}

function isPromoted(root: Element, textEl: Element | null): boolean {
  if (root.querySelector('a[href*="is_sponsored]=1"], a[href*="is_sponsored%5D=1"]')) return true;
  for (const el of root.querySelectorAll('a, span, div')) {
    const label = el.getAttribute('aria-label')?.trim();
    // Links and leaves only: the label is spelt out inside a link, or stands in a leaf of its own.
    const text = el.tagName === 'A' || el.childElementCount === 0 ? (el.textContent ?? '').trim() : '';
    const byLabel = !!label && PROMOTED_LABELS.includes(label);
    const byText =
      text.length <= 20 && PROMOTED_LABELS.some((word) => text === word || spellsOut(text, word));
    if ((byLabel || byText) && !textEl?.contains(el) && !el.closest(FB.comment)) return true;
  }
  return false;
}

function mediaOf(root: Element, link: Element | null, base: URL): PostFields['media'] {
  const href = link?.getAttribute('href') ?? '';
  // The touch site states the attachment: "video_inline", "album", "photo", "share", "cover_photo".
  const style = /"story_attachment_style"\s*:\s*"(\w+)"/.exec(root.getAttribute('data-ft') ?? '')?.[1] ?? '';
  const videoThumb = [
    ...root.querySelectorAll('a[href*="/videos/"], a[href*="/reel/"], a[href*="video_redirect"]'),
  ].some((a) => !a.closest(FB.comment) && a.querySelector('img'));
  if (
    root.querySelector(FB.video) ||
    /\/(videos|reel|watch)\b/.test(href) ||
    /video/.test(style) ||
    videoThumb
  )
    return 'video';
  if (/album|photo/.test(style)) return 'image';
  const images = [...root.querySelectorAll('img')].filter((img) => {
    const alt = img.getAttribute('alt') ?? '';
    return !/profil|profile/i.test(alt) && Number(img.getAttribute('width') ?? 100) > 40;
  });
  const external = [...root.querySelectorAll('a[href]')].some((a) => {
    const url = parse(a.getAttribute('href'), base);
    return (
      url !== null &&
      (/^l[m]?\.facebook\.com$/.test(url.hostname) || !/facebook\.com$/.test(url.hostname)) &&
      a.querySelector('img')
    );
  });
  if (external) return 'link';
  return images.length > 0 ? 'image' : 'text';
}

/** Every post-ish id the unit's own links name (not its comments'): matched against the page's data. */
function unitLinkIds(root: Element, base: URL): string[] {
  const ids = new Set<string>();
  for (const a of root.querySelectorAll('a[href]')) {
    if (a.closest(FB.comment) && a.closest(FB.comment) !== root) continue;
    const url = parse(a.getAttribute('href'), base);
    const id = postIdOf(a.getAttribute('href'), base);
    if (id) ids.add(id);
    const fbid = url?.searchParams.get('fbid');
    if (fbid) ids.add(fbid);
  }
  return [...ids];
}

function readPost(root: Element, page: PageContext): PostFields | null {
  const authorLink = first(root, FB.author);
  const textEl = first(root, FB.text);
  // The touch site names the post in `data-ft`; its own links to it (story.php, group permalink) carry that id.
  const declared = /"top_level_post_id"\s*:\s*"?(\d+)/.exec(root.getAttribute('data-ft') ?? '')?.[1];
  const own = declared
    ? [...root.querySelectorAll('a[href]')].find(
        (a) => postIdOf(a.getAttribute('href'), page.url) === declared,
      )
    : undefined;
  const permalink = declared ? (own ? { id: declared, link: own } : null) : permalinkOf(root, page.url);
  // The page's data names the post by its own id; the unit's links often name a photo or a pfbid.
  const story = storyForUnit(page, unitLinkIds(root, page.url), visibleText(textEl));
  const counts = readCounts(root, textEl, page);
  // The data's figures are exact ("1188" where the unit shows "1.1K"): they win wherever they exist.
  for (const metric of ['likes', 'comments', 'shares', 'views'] as const) {
    const exact = story?.post.metrics[metric];
    if (exact !== null && exact !== undefined) counts[metric] = { value: exact, approx: false };
  }
  return {
    id: story?.post.id ?? declared ?? permalink?.id ?? null,
    url: story?.post.url ?? (permalink ? canonical(permalink.link.getAttribute('href'), page.url) : null),
    handle: handleOf(authorLink?.getAttribute('href') ?? null, page.url) ?? story?.post.author.handle,
    name: visibleText(authorLink) || story?.post.author.name,
    text: visibleText(textEl) || story?.post.text,
    // The visible time is obfuscated letter by letter: the data's creation_time is the time.
    createdAt: story?.post.createdAt ?? createdAt(root, permalink?.link ?? null, page),
    counts,
    media:
      story && story.post.media !== 'text'
        ? story.post.media
        : mediaOf(root, permalink?.link ?? null, page.url),
    promoted: isPromoted(root, textEl),
  };
}

/** A comment's id and its parent's from its links (`comment_id`, `reply_comment_id`) or the touch site's attributes. */
function commentIds(
  el: Element,
  base: URL,
): { id: string; parentId: string | null; postId: string | null } | null {
  const touch = el.querySelector('[data-commentid]')?.getAttribute('data-commentid');
  if (touch) {
    const [postId, id] = touch.split('_');
    return id ? { id, parentId: null, postId: postId ?? null } : null;
  }
  for (const a of el.querySelectorAll('a[href*="comment_id="]')) {
    if (a.closest(FB.comment) !== el) continue;
    const url = parse(a.getAttribute('href'), base);
    const id = decodeId(url?.searchParams.get('comment_id'));
    if (!url || !id) continue;
    const reply = decodeId(url.searchParams.get('reply_comment_id'));
    return { id: reply ?? id, parentId: reply ? id : null, postId: postIdOf(url.href, base) };
  }
  return null;
}

/** Comment ids come as digits or as base64 of "comment:<post>_<comment>". */
function decodeId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return raw;
  try {
    const m = /^comment:\d+_(\d+)$/.exec(atob(raw));
    if (m) return m[1]!;
  } catch {
    // Not base64: keep it as the page wrote it.
  }
  return raw;
}

function readComments(page: PageContext, posts: readonly PostSnapshot[]): CommentSnapshot[] {
  const out: CommentSnapshot[] = [];
  const units = findPosts(page.doc);
  const unitIds = new Map<Element, string | null>();
  const unitId = (unit: Element) => {
    if (!unitIds.has(unit)) unitIds.set(unit, readPost(unit, page)?.id ?? null);
    return unitIds.get(unit) ?? null;
  };
  for (const el of page.doc.querySelectorAll(FB.comment)) {
    if (!isComment(el)) continue;
    const ids = commentIds(el, page.url);
    if (!ids) continue;
    const unit = ids.postId ? undefined : units.find((u) => u.contains(el));
    const named = ids.postId ? (storyForUnit(page, [ids.postId], null)?.post.id ?? ids.postId) : null;
    const postId =
      (named && posts.some((p) => p.id === named) ? named : null) ??
      (unit ? unitId(unit) : page.kind === 'post' ? posts[0]?.id : null) ??
      named;
    const post = posts.find((p) => p.id === postId);
    if (!postId) continue;
    const parent = el.parentElement?.closest(FB.comment);
    const authorLink = [...el.querySelectorAll('a[href]')].find(
      (a) => a.closest(FB.comment) === el && visibleText(a) && handleOf(a.getAttribute('href'), page.url),
    );
    const name = authorLink
      ? visibleText(authorLink)
      : visibleText(el.querySelector('[data-sigil="comment-body"]')?.previousElementSibling ?? null);
    const body =
      el.querySelector('[data-sigil="comment-body"]') ??
      [...el.querySelectorAll('div[dir="auto"], span[dir="auto"]')].find((d) => d.closest(FB.comment) === el);
    const likes = commentLikes(el, body ?? null, page);
    const fromData = embeddedStories(page).comments?.find((c) => c.id === ids.id);
    const handle = authorLink ? handleOf(authorLink.getAttribute('href'), page.url) : null;
    out.push({
      id: ids.id,
      postId,
      parentId:
        ids.parentId ?? (parent && isComment(parent) ? (commentIds(parent, page.url)?.id ?? null) : null),
      author: { handle, name: name || null },
      text: visibleText(body ?? null),
      // The data's created_time is exact; the visible "53m" is relative and may be misread.
      createdAt: fromData?.createdAt ?? commentTime(el, authorLink ?? null, page),
      likes: fromData ? fromData.likes : (likes?.value ?? null),
      byPostAuthor:
        post !== undefined &&
        ((handle !== null && handle === post.author.handle) || (!!name && name === post.author.name)),
    });
  }
  return out;
}

/**
 * A comment's time: the text of its own timestamp link (the link to the post with `comment_id`, not
 * the author's name link) and nothing else; null when that text is not a time. Any other text of the
 * comment ("3m" in a name, a reply's stamp) is never taken for it.
 */
function commentTime(el: Element, authorLink: Element | null, page: PageContext): string | null {
  const stamp = [...el.querySelectorAll('a[href*="comment_id="], abbr')].find(
    (t) =>
      t.closest(FB.comment) === el &&
      t !== authorLink &&
      !handleOfLink(t, page.url) &&
      /\d/.test(visibleText(t)),
  );
  return stamp ? parseTime(visibleText(stamp), page.now, page.locale) : null;
}

/** An author link (to a profile, with `comment_id`): its text is a name, never a time. */
function handleOfLink(a: Element, base: URL): boolean {
  const url = parse(a.getAttribute('href'), base);
  return !!url && !postIdOf(url.href, base) && handleOf(url.href, base) !== null;
}

/** A comment's reactions: only a label that says so ("1 reaction; see who reacted"), never a bare number. */
function commentLikes(el: Element, body: Element | null, page: PageContext): ParsedCount | null {
  return (
    phraseCounts(el, { likes: COMMENT_REACTIONS }, page.locale, {
      skip: (d) => d === body || (d !== el && d.matches(FB.comment)),
    }).likes ?? null
  );
}

function readProfile(page: PageContext): ProfileSnapshot | null {
  if (page.kind !== 'profile') return null;
  const parts = page.url.pathname.split('/').filter(Boolean);
  const handle =
    parts[0] === 'profile.php'
      ? page.url.searchParams.get('id')
      : parts[0] === 'people'
        ? parts[2]
        : parts[0];
  const main = page.doc.querySelector('[role="main"]') ?? page.doc.body;
  if (!handle || !main) return null;
  const skip = (el: Element) => el.matches(FB.post);
  const followers = statementOf(main, PROFILE_PHRASES.followers ?? [], page.locale, skip);
  const following = statementOf(main, PROFILE_PHRASES.following ?? [], page.locale, skip);
  const name = main.querySelector('h1');
  if (!name && !followers) return null;
  return {
    handle,
    name: visibleText(name) || null,
    followers: followers?.count.value ?? null,
    following: following?.count.value ?? null,
    posts: null,
  };
}

function readEmbedded(page: PageContext): EmbeddedData {
  const { posts, comments, raw } = embeddedStories(page);
  return { posts, comments, raw };
}

function readResponse(json: unknown, _url: URL, page: PageContext): EmbeddedData {
  const { posts, comments, raw } = readFacebookJson([json], page, 'response');
  return { posts, comments, raw };
}

export const facebookAdapter: Adapter = {
  id: 'facebook',
  version: '1.1.0',
  pageKind,
  findPosts,
  readPost,
  readProfile,
  readComments,
  readEmbedded,
  readResponse,
};
