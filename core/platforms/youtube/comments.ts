/** Comments under the open YouTube video: top-level comments and the replies shown under them. */
import type { CommentSnapshot } from '../../model';
import { countInLabel, parseCount } from '../../parse/count';
import type { PageContext } from '../adapter';
import { cleanHandle } from '../adapter';
import { first, labelOf, visibleText } from '../dom';
import { channelOf, videoIdOf } from './ids';
import { activePage, bestCount, hiddenWithin } from './page';
import { timeFromText } from './phrases';
import { COMMENT } from './selectors';

function commentIdOf(item: Element, base: URL): string | null {
  for (const a of item.querySelectorAll(COMMENT.permalink)) {
    if (a.closest(COMMENT.item) !== item) continue; // a reply's link inside this comment's thread
    try {
      const lc = new URL(a.getAttribute('href') ?? '', base).searchParams.get('lc');
      if (lc) return lc;
    } catch {
      // Not a URL: try the next link.
    }
  }
  return null;
}

function commentLikes(item: Element, locale: string | null): number | null {
  const count = item.querySelector(COMMENT.likes);
  const button = item.querySelector(COMMENT.likeButton);
  const read = bestCount([
    countInLabel(labelOf(count) ?? '', locale),
    countInLabel(labelOf(button) ?? '', locale),
    parseCount(visibleText(count), locale),
  ]);
  if (read) return read.value;
  // YouTube leaves the number out at zero; without a like button nothing is shown at all.
  return button || count ? 0 : null;
}

function readComment(
  item: Element,
  page: PageContext,
  postId: string,
  postAuthor: string | null,
): CommentSnapshot | null {
  const id = commentIdOf(item, page.url);
  if (!id) return null;
  const authorLink =
    item.querySelector(`${COMMENT.author}[href]`) ?? item.querySelector('#header-author a[href]');
  const badge = item.querySelector(COMMENT.authorBadge);
  const handle = cleanHandle(channelOf(authorLink?.getAttribute('href'), page.url));
  const shown = visibleText(authorLink) || visibleText(badge);
  const thread = item.closest(COMMENT.thread);
  const top = thread?.querySelector(COMMENT.item);
  const parentId = id.includes('.')
    ? (id.split('.')[0] ?? null)
    : top && top !== item
      ? commentIdOf(top, page.url)
      : null;
  const time = first(item, COMMENT.time);
  return {
    id,
    postId,
    parentId,
    author: { handle, name: shown.replace(/^@/, '') || null },
    text: visibleText(item.querySelector(COMMENT.text)),
    // "vor 5 Stunden (bearbeitet)": the edit note is not part of the time.
    createdAt: timeFromText(visibleText(time).replace(/\s*\([^)]*\)\s*$/, ''), page),
    likes: commentLikes(item, page.locale),
    byPostAuthor:
      (badge !== null && !hiddenWithin(badge, item)) ||
      (!!handle && handle.toLowerCase() === postAuthor?.toLowerCase()),
  };
}

/** Every visible comment on a watch page, in page order. */
export function readComments(
  page: PageContext,
  posts: readonly { id: string; author: { handle: string | null } }[],
): CommentSnapshot[] {
  if (page.kind !== 'post') return [];
  const scope = activePage(page);
  const postId = videoIdOf(page.url.href);
  if (!scope || !postId) return [];
  const post = posts.find((p) => p.id === postId);
  const comments: CommentSnapshot[] = [];
  for (const item of scope.querySelectorAll(COMMENT.item)) {
    if (hiddenWithin(item, scope)) continue;
    const comment = readComment(item, page, postId, post?.author.handle ?? null);
    if (comment) comments.push(comment);
  }
  return comments;
}
