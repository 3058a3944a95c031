/**
 * Reddit's JSON listings (`…/.json`: a feed is one Listing of `t3` posts, a thread is
 * `[Listing of its post, Listing of its comments]`, replies nested in `replies`). likes = score; a
 * negative score cannot be a count and stays unknown, as in the DOM. A crosspost carries its own
 * `score` and `num_comments`; the original's (in `crosspost_parent_list`) are never taken for it.
 */
import type { CommentSnapshot, MediaKind, RawItem } from '../../model';
import type { PostFields } from '../adapter';
import { exact, type Json, obj, str } from '../page-json';

const ORIGIN = 'https://www.reddit.com';

function iso(seconds: unknown): string | null {
  return typeof seconds === 'number' && seconds > 0 ? new Date(seconds * 1000).toISOString() : null;
}

/** A user name, or null for deleted accounts ("[deleted]"). */
function author(value: unknown): string | null {
  const name = str(value);
  return name && name !== '[deleted]' ? name : null;
}

function mediaOf(p: Json): MediaKind {
  if (p.is_video === true || p.post_hint === 'hosted:video' || p.post_hint === 'rich:video') return 'video';
  if (p.is_gallery === true || p.post_hint === 'image') return 'image';
  if (obj(p.poll_data)) return 'poll';
  if (p.is_self === true) return 'text';
  const domain = str(p.domain) ?? '';
  if (/^(v\.redd\.it)$/.test(domain)) return 'video';
  if (/^(i\.redd\.it|i\.imgur\.com)$/.test(domain)) return 'image';
  return str(p.url) ? 'link' : 'text';
}

/** A `t3` post object as the fields of a post. */
export function postFields(p: Json): PostFields {
  const id = str(p.id)?.toLowerCase() ?? null;
  const permalink = str(p.permalink);
  const url = str(p.url);
  const media = mediaOf(p);
  return {
    id: id && /^[a-z0-9]{2,16}$/.test(id) ? id : null,
    url: permalink ? `${ORIGIN}${permalink}` : id ? `${ORIGIN}/comments/${id}/` : null,
    handle: author(p.author),
    text: [str(p.title), str(p.selftext)].filter((t) => t !== null).join(' '),
    createdAt: iso(p.created_utc),
    counts: { likes: exact(p.score), comments: exact(p.num_comments) },
    media,
    links: media === 'link' && url && /^https?:\/\//.test(url) ? [url] : undefined,
    promoted: p.promoted === true,
  };
}

export interface RedditData {
  posts: PostFields[];
  comments: CommentSnapshot[];
  raw: RawItem[];
}

function children(listing: unknown): Json[] {
  const list = obj(obj(listing)?.data)?.children;
  return Array.isArray(list) ? list.map(obj).filter((c): c is Json => c !== null) : [];
}

/** Every post and comment of a listing or a thread (`[post listing, comment listing]`). */
export function readListing(json: unknown): RedditData {
  const out: RedditData = { posts: [], comments: [], raw: [] };
  const listings = Array.isArray(json) ? json : [json];
  const authors = new Map<string, string | null>();
  const visitComment = (thing: Json, depth: number) => {
    const c = obj(thing.data);
    if (thing.kind !== 't1' || !c || depth > 100) return;
    const id = str(c.id)?.toLowerCase();
    const postId = str(c.link_id)?.replace(/^t3_/, '').toLowerCase();
    const parent = str(c.parent_id);
    if (!id || !postId) return;
    const handle = author(c.author);
    out.comments.push({
      id,
      postId,
      parentId: parent?.startsWith('t1_') ? parent.slice(3).toLowerCase() : null,
      author: { handle, name: null },
      text: str(c.body) ?? '',
      createdAt: iso(c.created_utc),
      likes: exact(c.score)?.value ?? null,
      byPostAuthor: c.is_submitter === true || (!!handle && handle === authors.get(postId)),
    });
    out.raw.push({ id, kind: 'comment', source: 'response', data: c });
    for (const reply of children(c.replies)) visitComment(reply, depth + 1);
  };
  for (const listing of listings) {
    for (const thing of children(listing)) {
      if (thing.kind === 't3') {
        const p = obj(thing.data);
        if (!p) continue;
        const fields = postFields(p);
        if (!fields.id) continue;
        authors.set(fields.id, fields.handle ?? null);
        out.posts.push(fields);
        out.raw.push({ id: fields.id, kind: 'post', source: 'response', data: p });
      } else visitComment(thing, 0);
    }
  }
  return out;
}
