/**
 * The JSON TikTok's web app fetches: video lists (`/api/post/item_list/` for a profile,
 * `/api/recommend/item_list/` for For You, search, hashtag, music and related lists: `itemList` or
 * `data[].item`) and a video's comments (`/api/comment/list/`, `/api/comment/list/reply/`). Video
 * objects are those 4CAT's TikTok importer reads (Zeeschuimer keeps them as they come).
 */
import type { CommentSnapshot } from '../../model';
import { type Json, obj } from '../page-json';
import { item, type StateItem } from './state';

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null;
}

function isVideo(o: Json): boolean {
  return (
    /^\d{5,25}$/.test(String(o.id ?? '')) && obj(o.author) !== null && (!!obj(o.stats) || !!obj(o.statsV2))
  );
}

/** Every video object of a response, in order (each id once). */
export function itemsIn(json: unknown): StateItem[] {
  const out: StateItem[] = [];
  const seen = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (depth > 30 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, depth + 1);
      return;
    }
    const o = node as Json;
    if (isVideo(o)) {
      const video = item(o, null);
      if (video && !seen.has(video.id)) {
        seen.add(video.id);
        out.push(video);
      }
      return; // a video's own parts (music, challenges) hold no other videos
    }
    for (const child of Object.values(o)) visit(child, depth + 1);
  };
  visit(json, 0);
  return out;
}

/**
 * The comments of a comment-list response. `create_time` is Unix seconds; `reply_id` "0" marks a
 * top-level comment; the post author's own comments are those by `postAuthor`.
 */
export function commentsIn(json: unknown, postAuthor: string | null): CommentSnapshot[] {
  const out: CommentSnapshot[] = [];
  const list = obj(json)?.comments;
  if (!Array.isArray(list)) return out;
  const author = postAuthor?.toLowerCase() ?? null;
  for (const raw of list) {
    const c = obj(raw);
    const id = str(c?.cid);
    const postId = str(c?.aweme_id);
    if (!c || !id || !postId || !/^\d+$/.test(id)) continue;
    const user = obj(c.user);
    const handle = str(user?.unique_id) ?? str(user?.uniqueId);
    const created = Number(c.create_time);
    const parent = str(c.reply_id);
    const likes = c.digg_count;
    out.push({
      id,
      postId,
      parentId: parent && parent !== '0' ? parent : null,
      author: { handle, name: str(user?.nickname) },
      text: str(c.text) ?? '',
      createdAt: Number.isFinite(created) && created > 0 ? new Date(created * 1000).toISOString() : null,
      likes: typeof likes === 'number' && Number.isSafeInteger(likes) && likes >= 0 ? likes : null,
      byPostAuthor: !!handle && handle.toLowerCase() === author,
    });
  }
  return out;
}
