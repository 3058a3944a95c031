/**
 * Instagram's own data: the media items and comments that logged-in pages stream into
 * `<script type="application/json" data-sjs>` blobs (`xdt_api__v1__media__shortcode__web_info`,
 * `xdt_api__v1__profile_timeline`, `xdt_api__v1__clips__home__connection_v2`,
 * `xdt_api__v1__media__media_id__comments__connection`) and that `/graphql/query` and `/api/v1/…`
 * responses carry while the user scrolls. They hold what the DOM abbreviates or hides: exact
 * `like_count`, `comment_count`, `play_count`, `taken_at`, the shortcode of a reel the viewer shows
 * without a permalink, and each comment's `created_at` and `comment_like_count`. Likes the author
 * hid (`like_and_view_counts_disabled`) stay null, never guessed.
 *
 * Two shapes: the API item (`code`, `pk`, `like_count`; Instagram's apps and today's web) and the
 * older GraphQL node (`shortcode`, `edge_media_preview_like.count`, `taken_at_timestamp`). Checked by
 * hand against ../shared/fixtures/instagram/post-ptbr-2025-*.html and reels-feed-loggedin-en-2026.html.
 */
import type { CommentSnapshot, Metric, PostSnapshot, RawItem } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { collapseWhitespace } from '../../parse/text';
import type { EmbeddedData, PageContext } from '../adapter';
import { buildPost } from '../adapter';
import { arr, at, epochIso, findJson, type Json, jsonScripts, num, obj, str } from '../page-json';
import { POST_PATH } from './selectors';

const ORIGIN = 'https://www.instagram.com';
const SHORTCODE = /^[A-Za-z0-9_-]{5,40}$/;
/** Instagram ids carry their creation time: milliseconds since this epoch, above 23 bits of shard and sequence. */
const IG_EPOCH = 1_314_220_021_721n;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The shortcode of a media id (`pk`): the id in base 64 with Instagram's alphabet. */
export function shortcodeOf(pk: string): string | null {
  if (!/^\d{5,25}$/.test(pk)) return null;
  let n = BigInt(pk);
  let code = '';
  while (n > 0n) {
    code = ALPHABET[Number(n % 64n)] + code;
    n /= 64n;
  }
  return code || null;
}

/** The time a media or comment id was created (a fallback where `taken_at` is missing). */
export function idTime(pk: string | null): string | null {
  if (!pk || !/^\d{15,25}$/.test(pk)) return null;
  return epochIso(Number((BigInt(pk) >> 23n) + IG_EPOCH));
}

const isMedia = (node: Json): boolean => {
  const code = str(node.code) ?? str(node.shortcode);
  if (!code || !SHORTCODE.test(code)) return false;
  return (
    node.like_count !== undefined ||
    node.comment_count !== undefined ||
    node.taken_at !== undefined ||
    node.edge_media_preview_like !== undefined ||
    node.taken_at_timestamp !== undefined
  );
};

const isComment = (node: Json): boolean =>
  typeof node.text === 'string' &&
  num(node.created_at) !== null &&
  (str(node.pk) !== null || str(node.id) !== null) &&
  (obj(node.user) !== null || obj(node.owner) !== null) &&
  node.code === undefined &&
  node.shortcode === undefined;

function exact(value: number | null): ParsedCount | null {
  return value === null ? null : { value, approx: false };
}

function mediaKind(item: Json): PostSnapshot['media'] {
  const type = num(item.media_type);
  if (type === 2 || item.is_video === true) return 'video';
  if (type === 8 || item.__typename === 'GraphSidecar') {
    const children = arr(item.carousel_media).concat(
      arr(at(item, 'edge_sidecar_to_children', 'edges')).map((e) => at(e, 'node')),
    );
    return children.some((c) => num(at(c, 'media_type')) === 2 || at(c, 'is_video') === true)
      ? 'mixed'
      : 'image';
  }
  return 'image';
}

/** One media item (API or GraphQL shape) as a post. */
export function readMedia(item: Json): PostSnapshot | null {
  const code = str(item.code) ?? str(item.shortcode);
  if (!code) return null;
  const user = obj(item.user) ?? obj(item.owner);
  const pk =
    str(item.pk) ??
    (typeof item.pk === 'number' ? String(item.pk) : null) ??
    str(item.id)?.split('_')[0] ??
    null;
  const hidden = item.like_and_view_counts_disabled === true;
  const likes = hidden
    ? null
    : (num(item.like_count) ??
      num(at(item, 'edge_media_preview_like', 'count')) ??
      num(at(item, 'edge_liked_by', 'count')));
  const comments =
    num(item.comment_count) ??
    num(at(item, 'edge_media_to_comment', 'count')) ??
    num(at(item, 'edge_media_to_parent_comment', 'count'));
  const views = hidden
    ? null
    : (num(item.play_count) ??
      num(item.ig_play_count) ??
      num(item.video_play_count) ??
      num(item.video_view_count));
  const counts: Partial<Record<Metric, ParsedCount | null>> = {
    likes: exact(likes),
    comments: exact(comments),
    views: exact(views),
    shares: exact(num(item.reshare_count)),
  };
  const reel = item.product_type === 'clips';
  return buildPost({
    id: code,
    url: `${ORIGIN}/${reel ? 'reel' : 'p'}/${code}/`,
    handle: str(user?.username),
    name: str(user?.full_name),
    text:
      str(at(item, 'caption', 'text')) ??
      str(at(arr(at(item, 'edge_media_to_caption', 'edges'))[0], 'node', 'text')) ??
      '',
    createdAt: epochIso(item.taken_at) ?? epochIso(item.taken_at_timestamp) ?? idTime(pk),
    counts,
    media: mediaKind(item),
    // Ads carry an `ad_id`; organic posts have the key with null.
    promoted: item.ad_id !== undefined && item.ad_id !== null,
  });
}

function readComment(node: Json, postId: string, author: string | null): CommentSnapshot | null {
  const id = str(node.pk) ?? str(node.id);
  if (!id) return null;
  const user = obj(node.user) ?? obj(node.owner);
  const handle = str(user?.username);
  const parent =
    str(node.parent_comment_id) ??
    (typeof node.parent_comment_id === 'number' ? String(node.parent_comment_id) : null);
  return {
    id,
    postId,
    parentId: parent,
    author: { handle, name: str(user?.full_name) },
    text: collapseWhitespace(str(node.text) ?? ''),
    createdAt: epochIso(node.created_at),
    likes: num(node.comment_like_count) ?? num(at(node, 'edge_liked_by', 'count')),
    byPostAuthor: handle !== null && handle === author,
  };
}

/** The shortcode of the post page being read, if it is one. */
function pageCode(page: PageContext): string | null {
  const m = POST_PATH.exec(page.url.pathname);
  return m?.[2] ?? null;
}

/** The media items and comments in any Instagram JSON (embedded blobs, a GraphQL or API response). */
export function readInstagramJson(
  roots: readonly unknown[],
  page: PageContext,
  source: RawItem['source'],
): Required<Pick<EmbeddedData, 'posts' | 'comments' | 'raw'>> {
  const posts = new Map<string, PostSnapshot>();
  const raw: RawItem[] = [];
  const byPk = new Map<string, string>();
  for (const item of findJson(roots, isMedia)) {
    const post = readMedia(item);
    if (!post) continue;
    const pk = str(item.pk) ?? str(item.id)?.split('_')[0];
    if (pk) byPk.set(pk, post.id);
    const known = posts.get(post.id);
    if (known) {
      // The post page's own item has `taken_at`; its copy in the profile timeline beside it may not.
      for (const key of Object.keys(known.metrics) as Metric[]) known.metrics[key] ??= post.metrics[key];
      continue;
    }
    posts.set(post.id, post);
    raw.push({ id: post.id, kind: 'post', source, data: item });
  }
  // Comments name their media only in some shapes; on a post page the comments are the open post's.
  const fallback = pageCode(page);
  const comments = new Map<string, CommentSnapshot>();
  for (const node of findJson(roots, isComment)) {
    const mediaPk = str(node.media_id) ?? (typeof node.media_id === 'number' ? String(node.media_id) : null);
    const postId = (mediaPk ? (byPk.get(mediaPk) ?? shortcodeOf(mediaPk)) : null) ?? fallback;
    if (!postId) continue;
    const comment = readComment(node, postId, posts.get(postId)?.author.handle ?? null);
    if (comment && !comments.has(comment.id)) comments.set(comment.id, comment);
    // Replies nested under their comment (`preview_child_comments`) are found by the same walk.
    for (const child of arr(node.preview_child_comments)) {
      const c = obj(child);
      const reply = c
        ? readComment(
            { ...c, parent_comment_id: c.parent_comment_id ?? node.pk },
            postId,
            posts.get(postId)?.author.handle ?? null,
          )
        : null;
      if (reply && !comments.has(reply.id)) comments.set(reply.id, reply);
    }
  }
  return { posts: [...posts.values()], comments: [...comments.values()], raw };
}

const cache = new WeakMap<Document, { roots: unknown[]; data: ReturnType<typeof readInstagramJson> }>();

/** The page's embedded data, read once per document until its JSON scripts change. */
export function embeddedMedia(page: PageContext): ReturnType<typeof readInstagramJson> {
  const roots = jsonScripts(page.doc, 'script[type="application/json"]');
  const hit = cache.get(page.doc);
  if (hit && hit.roots.length === roots.length && hit.roots.every((r, i) => r === roots[i])) return hit.data;
  const data = readInstagramJson(roots, page, 'embedded');
  cache.set(page.doc, { roots, data });
  return data;
}
