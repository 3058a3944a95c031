/**
 * Bluesky's own feed responses (`app.bsky.feed.getAuthorFeed`, `getTimeline`, `getFeed`,
 * `getListFeed`, `getPostThread`, `getPosts`, `searchPosts`, `getQuotes`): post views with exact
 * reply, repost, like, quote and bookmark counts. A thread's replies are comments of its post.
 */
import type { CommentSnapshot, RawItem } from '../../model';
import type { PostFields } from '../adapter';
import { exact, type Json, obj, str } from '../page-json';
import { timeFromRkey } from './ids';

const ORIGIN = 'https://bsky.app';

/** The record key of a post view's `at://<did>/app.bsky.feed.post/<rkey>` uri. */
function rkeyOf(view: Json): string | null {
  return /\/app\.bsky\.feed\.post\/([A-Za-z0-9._:~-]{1,512})$/.exec(str(view.uri) ?? '')?.[1] ?? null;
}

function isPostView(o: Json | null): o is Json {
  return !!o && rkeyOf(o) !== null && !!obj(o.author) && !!obj(o.record);
}

function mediaOf(view: Json): PostFields['media'] {
  const type = str(obj(view.embed)?.$type) ?? '';
  if (type.includes('video')) return 'video';
  if (type.includes('images')) return 'image';
  if (type.includes('recordWithMedia')) return 'mixed';
  if (type.includes('external')) return 'link';
  return 'text';
}

/** A post view as the fields of a post: the time its key encodes, else the record's own createdAt. */
export function postFields(view: Json, repostedBy: string | null = null): PostFields {
  const rkey = rkeyOf(view);
  const author = obj(view.author) ?? {};
  const record = obj(view.record) ?? {};
  const handle = str(author.handle);
  const created = Date.parse(str(record.createdAt) ?? '');
  const links: string[] = [];
  const mentions: string[] = [];
  const hashtags: string[] = [];
  for (const facet of Array.isArray(record.facets) ? record.facets : []) {
    const features = obj(facet)?.features;
    for (const feature of Array.isArray(features) ? features : []) {
      const f = obj(feature);
      const uri = str(f?.uri);
      const tag = str(f?.tag);
      if (uri) links.push(uri);
      if (tag) hashtags.push(tag);
    }
  }
  const external = str(obj(obj(view.embed)?.external)?.uri);
  if (external) links.push(external);
  for (const match of (str(record.text) ?? '').matchAll(/(?:^|\s)@([a-z0-9.-]+\.[a-z]{2,})/gi))
    mentions.push(match[1]!);
  return {
    id: rkey,
    url: rkey && handle ? `${ORIGIN}/profile/${handle}/post/${rkey}` : null,
    handle,
    name: str(author.displayName),
    text: str(record.text) ?? '',
    createdAt: timeFromRkey(rkey) ?? (Number.isNaN(created) ? null : new Date(created).toISOString()),
    counts: {
      comments: exact(view.replyCount),
      shares: exact(view.repostCount),
      likes: exact(view.likeCount),
      quotes: exact(view.quoteCount),
      saves: exact(view.bookmarkCount),
    },
    media: mediaOf(view),
    hashtags: [...new Set(hashtags)],
    mentions: [...new Set(mentions)],
    links: [...new Set(links)],
    repostedBy,
  };
}

export interface XrpcData {
  posts: PostFields[];
  comments: CommentSnapshot[];
  raw: RawItem[];
}

/** Feed items (`feed[].post`, with `reason` for reposts) and post lists (`posts[]`). */
function readFeed(json: Json, out: XrpcData): void {
  const entries = Array.isArray(json.feed) ? json.feed : [];
  for (const entry of entries) {
    const view = obj(obj(entry)?.post);
    if (!isPostView(view)) continue;
    const reason = obj(obj(entry)?.reason);
    const by = str(reason?.$type)?.includes('reasonRepost') ? str(obj(reason?.by)?.handle) : null;
    out.posts.push(postFields(view, by));
    out.raw.push({ id: rkeyOf(view)!, kind: 'post', source: 'response', data: entry });
  }
  for (const raw of Array.isArray(json.posts) ? json.posts : []) {
    const view = obj(raw);
    if (!isPostView(view)) continue;
    out.posts.push(postFields(view));
    out.raw.push({ id: rkeyOf(view)!, kind: 'post', source: 'response', data: view });
  }
}

/** A thread: its post, and every reply below it as a comment (parent null when it answers the post). */
function readThread(thread: Json, out: XrpcData): void {
  const view = obj(thread.post);
  if (!isPostView(view)) return;
  const post = postFields(view);
  out.posts.push(post);
  out.raw.push({ id: post.id!, kind: 'post', source: 'response', data: view });
  const walk = (node: Json, parentId: string | null, depth: number) => {
    if (depth > 50) return;
    for (const child of Array.isArray(node.replies) ? node.replies : []) {
      const reply = obj(obj(child)?.post);
      if (!isPostView(reply)) continue;
      const fields = postFields(reply);
      out.comments.push({
        id: fields.id!,
        postId: post.id!,
        parentId,
        author: { handle: fields.handle ?? null, name: fields.name ?? null },
        text: fields.text ?? '',
        createdAt: fields.createdAt ?? null,
        likes: fields.counts?.likes?.value ?? null,
        byPostAuthor: !!fields.handle && fields.handle === post.handle,
      });
      out.raw.push({ id: fields.id!, kind: 'comment', source: 'response', data: reply });
      walk(obj(child)!, fields.id!, depth + 1);
    }
  };
  walk(thread, null, 0);
}

/** Everything a feed or thread response holds. */
export function readXrpc(json: unknown): XrpcData {
  const out: XrpcData = { posts: [], comments: [], raw: [] };
  const root = obj(json);
  if (!root) return out;
  readFeed(root, out);
  const thread = obj(root.thread);
  if (thread) readThread(thread, out);
  return out;
}
