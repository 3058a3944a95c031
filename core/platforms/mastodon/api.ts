/**
 * Mastodon's REST responses on the instance (`/api/v1/timelines/…`, `/api/v1/accounts/:id/statuses`,
 * `/api/v1/statuses/:id` and its `/context`): statuses with exact replies, boosts and favourites. A
 * boost is read as the status it boosts, boosted by the booster; a thread's descendants are comments.
 */
import type { CommentSnapshot, RawItem } from '../../model';
import type { PostFields } from '../adapter';
import { exact, type Json, obj, str } from '../page-json';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

/** The text of a status's HTML content: paragraphs and line breaks as spaces, tags dropped, entities decoded. */
export function contentText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/\s+/g, ' ')
    .trim();
}

function isStatus(o: Json | null): o is Json {
  return !!o && /^\w+$/.test(String(o.id ?? '')) && !!obj(o.account) && 'content' in o;
}

/** A status as the fields of a post; `acct` turns an account's acct into the handle the DOM uses. */
function statusFields(
  s: Json,
  origin: string,
  acct: (raw: string | null) => string | null,
  boostedBy: string | null,
): PostFields {
  const id = String(s.id);
  const account = obj(s.account) ?? {};
  const handle = acct(str(account.acct));
  const types = (Array.isArray(s.media_attachments) ? s.media_attachments : []).map((m) => str(obj(m)?.type));
  const created = Date.parse(str(s.created_at) ?? '');
  return {
    id,
    url: handle ? `${origin}/@${handle}/${id}` : str(s.url),
    handle,
    name: str(account.display_name),
    text: [str(s.spoiler_text), contentText(str(s.content) ?? '')].filter(Boolean).join(' '),
    createdAt: Number.isNaN(created) ? null : new Date(created).toISOString(),
    counts: {
      comments: exact(s.replies_count),
      shares: exact(s.reblogs_count),
      likes: exact(s.favourites_count),
      quotes: exact(s.quotes_count),
    },
    media: types.some((t) => t === 'video' || t === 'gifv')
      ? 'video'
      : types.includes('image')
        ? 'image'
        : obj(s.poll)
          ? 'poll'
          : obj(s.card)
            ? 'link'
            : 'text',
    hashtags: (Array.isArray(s.tags) ? s.tags : []).map((t) => str(obj(t)?.name)).filter((t) => t !== null),
    mentions: (Array.isArray(s.mentions) ? s.mentions : [])
      .map((m) => acct(str(obj(m)?.acct)))
      .filter((m) => m !== null),
    repostedBy: boostedBy,
  };
}

export interface MastodonData {
  posts: PostFields[];
  comments: CommentSnapshot[];
  raw: RawItem[];
}

/** Every status of a response: a list, one status, or a thread context (descendants of `openId`). */
export function readStatuses(
  json: unknown,
  origin: string,
  acct: (raw: string | null) => string | null,
  open: { id: string; handle: string | null } | null,
): MastodonData {
  const out: MastodonData = { posts: [], comments: [], raw: [] };
  const add = (s: Json) => {
    const boosted = obj(s.reblog);
    const original = isStatus(boosted) ? boosted : s;
    const fields = statusFields(original, origin, acct, boosted ? acct(str(obj(s.account)?.acct)) : null);
    out.posts.push(fields);
    out.raw.push({ id: fields.id!, kind: 'post', source: 'response', data: s });
  };
  const root = obj(json);
  if (Array.isArray(json)) {
    for (const item of json) {
      const s = obj(item);
      if (isStatus(s)) add(s);
    }
  } else if (isStatus(root)) add(root);
  else {
    const descendants = obj(json)?.descendants;
    if (!open || !Array.isArray(descendants)) return out;
    for (const raw of descendants) {
      const s = obj(raw);
      if (!isStatus(s)) continue;
      const f = statusFields(s, origin, acct, null);
      const parent = str(s.in_reply_to_id);
      out.comments.push({
        id: f.id!,
        postId: open.id,
        parentId: parent && parent !== open.id ? parent : null,
        author: { handle: f.handle ?? null, name: f.name ?? null },
        text: f.text ?? '',
        createdAt: f.createdAt ?? null,
        likes: f.counts?.likes?.value ?? null,
        byPostAuthor: open.handle !== null && f.handle === open.handle,
      });
      out.raw.push({ id: f.id!, kind: 'comment', source: 'response', data: s });
    }
  }
  return out;
}
