/**
 * Threads' own data: the post objects its pages stream into `<script type="application/json"
 * data-sjs>` blobs (`edges[].node.thread_items[].post`) and that `/graphql/query` responses carry
 * (profile threads, a thread and its replies, feeds). They hold exact counts where the DOM shows
 * "2.1K": `like_count`, `text_post_app_info.direct_reply_count`, `repost_count` and `quote_count`
 * (the page's repost button shows reposts and quotes together), and `taken_at`.
 *
 * Checked by hand against ../shared/fixtures/threads/profile-*-202*.html.
 */
import type { CommentSnapshot, PostSnapshot, RawItem } from '../../model';
import type { ParsedCount } from '../../parse/count';
import type { EmbeddedData, PageContext } from '../adapter';
import { buildPost } from '../adapter';
import { arr, at, epochIso, findJson, type Json, jsonScripts, num, obj, str } from '../page-json';
import { POST_PATH } from './selectors';

const ORIGIN = 'https://www.threads.com';

const isPost = (node: Json): boolean =>
  typeof node.code === 'string' &&
  /^[A-Za-z0-9_-]{5,40}$/.test(node.code) &&
  obj(node.text_post_app_info) !== null &&
  obj(node.user) !== null;

function exact(value: number | null): ParsedCount | null {
  return value === null ? null : { value, approx: false };
}

function mediaOf(post: Json): PostSnapshot['media'] {
  const type = num(post.media_type);
  if (type === 2) return 'video';
  if (type === 8) {
    const kinds = new Set(arr(post.carousel_media).map((c) => num(at(c, 'media_type'))));
    return kinds.has(2) ? (kinds.has(1) ? 'mixed' : 'video') : 'image';
  }
  if (type === 1) return 'image';
  if (obj(at(post, 'text_post_app_info', 'link_preview_attachment'))) return 'link';
  return 'text';
}

/** One Threads post object as a post. */
export function readThreadsPost(post: Json): PostSnapshot | null {
  const code = str(post.code);
  const user = obj(post.user);
  const handle = str(user?.username);
  if (!code || !handle) return null;
  const info = obj(post.text_post_app_info);
  const hidden = post.like_and_view_counts_disabled === true;
  return buildPost({
    id: code,
    url: `${ORIGIN}/@${handle}/post/${code}`,
    handle,
    name: str(user?.full_name),
    text: str(at(post, 'caption', 'text')) ?? '',
    createdAt: epochIso(post.taken_at),
    counts: {
      likes: hidden ? null : exact(num(post.like_count)),
      comments: exact(num(info?.direct_reply_count)),
      shares: exact(num(info?.repost_count)),
      quotes: exact(num(info?.quote_count)),
    },
    media: mediaOf(post),
    promoted: post.ad_id !== undefined && post.ad_id !== null,
  });
}

/** The posts (and, on a post page, the replies to the open post) in any Threads JSON. */
export function readThreadsJson(
  roots: readonly unknown[],
  page: PageContext,
  source: RawItem['source'],
): Required<Pick<EmbeddedData, 'posts' | 'comments' | 'raw'>> {
  const open = POST_PATH.exec(page.url.pathname)?.[2] ?? null;
  const posts = new Map<string, PostSnapshot>();
  const comments: CommentSnapshot[] = [];
  const raw: RawItem[] = [];
  for (const node of findJson(roots, isPost)) {
    const post = readThreadsPost(node);
    if (!post || posts.has(post.id)) continue;
    const replyTo = str(at(node, 'text_post_app_info', 'reply_to_author', 'username'));
    // On a post page, a reply to the open thread is a comment of it, not a post of its own.
    if (open && post.id !== open && replyTo) {
      if (comments.some((c) => c.id === post.id)) continue;
      comments.push({
        id: post.id,
        postId: open,
        parentId: null,
        author: post.author,
        text: post.text,
        createdAt: post.createdAt,
        likes: post.metrics.likes,
        byPostAuthor: false,
      });
      raw.push({ id: post.id, kind: 'comment', source, data: node });
      continue;
    }
    posts.set(post.id, post);
    raw.push({ id: post.id, kind: 'post', source, data: node });
  }
  const author = open ? posts.get(open)?.author.handle : undefined;
  for (const c of comments) c.byPostAuthor = !!author && c.author.handle === author;
  return { posts: [...posts.values()], comments, raw };
}

const cache = new WeakMap<Document, { roots: unknown[]; data: ReturnType<typeof readThreadsJson> }>();

/** The page's embedded data, read once per document until its JSON scripts change. */
export function embeddedThreads(page: PageContext): ReturnType<typeof readThreadsJson> {
  const roots = jsonScripts(page.doc, 'script[type="application/json"]');
  const hit = cache.get(page.doc);
  if (hit && hit.roots.length === roots.length && hit.roots.every((r, i) => r === roots[i])) return hit.data;
  const data = readThreadsJson(roots, page, 'embedded');
  cache.set(page.doc, { roots, data });
  return data;
}
