/**
 * What a language model is told besides the comment, so that its draft answers this comment in this
 * conversation: the post the comment is under, the thread around it, and the brand's own earlier
 * replies as examples of its voice. Built from stored rows (the worker) or the panel's queue data —
 * one pure function for both, so the two model paths are grounded alike.
 *
 * Sizes are capped: a local model has a small context window, and nothing beyond what a reply needs
 * leaves the machine.
 */
import type { StoredComment } from '../model';

/** Characters kept of the post, and of each thread comment or example reply. */
export const POST_CHARS = 1_200;
export const ITEM_CHARS = 400;
/** Thread comments around the one being answered, and earlier brand replies, at most. */
export const THREAD_MAX = 6;
export const EXAMPLES_MAX = 5;

export interface ThreadItem {
  author: string | null;
  text: string;
  /** Written by the brand (the post's author). */
  byBrand: boolean;
  /** The comment this one answers (its parent). */
  parent?: boolean;
}

export interface Grounding {
  platform: string | null;
  post: { author: string | null; text: string } | null;
  /** Comments around the one being answered, oldest first. */
  thread: ThreadItem[];
  /** The brand's own earlier replies, newest first. */
  examples: string[];
}

export const EMPTY_GROUNDING: Grounding = { platform: null, post: null, thread: [], examples: [] };

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const timeOf = (c: Pick<StoredComment, 'createdAt' | 'firstSeen'>) => {
  const t = c.createdAt ? Date.parse(c.createdAt) : Number.NaN;
  return Number.isNaN(t) ? c.firstSeen : t;
};

const who = (c: Pick<StoredComment, 'author'>) =>
  c.author.handle ? `@${c.author.handle.replace(/^@/, '')}` : c.author.name;

/**
 * The grounding for `comment`: `around` are other stored comments (same platform; any post — those
 * under other posts by the same account supply the brand's earlier replies), `post` the post it is
 * under, `remembered` replies the user inserted earlier (used as examples when the page showed few).
 */
export function groundingFor(
  comment: Pick<StoredComment, 'platform' | 'id' | 'postId' | 'parentId' | 'postAuthorKey'>,
  around: readonly StoredComment[],
  post: { author: string | null; text: string } | null,
  remembered: readonly string[] = [],
): Grounding {
  const samePost = around.filter(
    (c) => c.platform === comment.platform && c.postId === comment.postId && c.id !== comment.id,
  );
  const parent = comment.parentId ? samePost.find((c) => c.id === comment.parentId) : undefined;
  // Its siblings (same parent, or top-level comments for a top-level one), nearest in time first.
  const self = around.find((c) => c.platform === comment.platform && c.id === comment.id);
  const anchor = self ? timeOf(self) : Date.now();
  const siblings = samePost
    .filter((c) => c.parentId === comment.parentId && c.text.trim())
    .sort((a, b) => Math.abs(timeOf(a) - anchor) - Math.abs(timeOf(b) - anchor))
    .slice(0, parent ? THREAD_MAX - 1 : THREAD_MAX);
  const threadRows = [...(parent ? [parent] : []), ...siblings].sort((a, b) => timeOf(a) - timeOf(b));
  const thread: ThreadItem[] = threadRows.map((c) => ({
    author: who(c),
    text: clip(c.text, ITEM_CHARS),
    byBrand: c.byPostAuthor,
    ...(c === parent ? { parent: true } : {}),
  }));

  const brandReplies = around
    .filter(
      (c) =>
        c.platform === comment.platform &&
        c.byPostAuthor &&
        c.postAuthorKey === comment.postAuthorKey &&
        c.parentId !== null &&
        c.text.trim().length >= 15,
    )
    .sort((a, b) => timeOf(b) - timeOf(a))
    .map((c) => clip(c.text, ITEM_CHARS));
  const examples: string[] = [];
  for (const text of [...brandReplies, ...remembered.map((r) => clip(r, ITEM_CHARS))]) {
    if (examples.length >= EXAMPLES_MAX) break;
    if (text && !examples.includes(text)) examples.push(text);
  }
  return {
    platform: comment.platform,
    post: post?.text.trim() ? { author: post.author, text: clip(post.text, POST_CHARS) } : null,
    thread,
    examples,
  };
}
