/**
 * X's own GraphQL responses (UserTweets, TweetDetail, HomeTimeline, SearchTimeline, …): the tweets
 * the web app loads, with exact counts. Entries are found as Zeeschuimer finds them
 * (modules/twitter.js): every timeline item's `itemContent.tweet_results.result`, unwrapped from
 * `TweetWithVisibilityResults`, promoted when the item has `promotedMetadata`. The raw item kept for
 * research is that tweet object with Zeeschuimer's `id` and `promoted` added, which is what 4CAT's
 * X importer reads.
 */
import type { ProfileSnapshot, RawItem } from '../../model';
import type { PostFields } from '../adapter';
import { exact, type Json, obj, str } from '../page-json';
import { timeFromStatusId } from './ids';

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The tweet inside a result: `TweetWithVisibilityResults` wraps it once more; gone tweets are null. */
function unwrap(result: unknown): Json | null {
  const r = obj(result);
  if (!r) return null;
  const tweet = obj(r.tweet) ?? r;
  return obj(tweet.legacy) ? tweet : null;
}

/** One timeline item's tweet, with whether X placed it as an ad. */
interface Found {
  tweet: Json;
  promoted: boolean;
}

/** Every tweet a response's timeline items hold, in order (retweets as the retweeting item). */
export function tweetsIn(json: unknown): Found[] {
  const found: Found[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 60 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const o = node as Json;
    const content = obj(o.itemContent);
    const results = obj(content?.tweet_results);
    if (content && results) {
      const tweet = unwrap(results.result);
      if (tweet) found.push({ tweet, promoted: 'promotedMetadata' in content });
      return; // quoted and retweeted tweets inside are part of this one, not timeline items
    }
    for (const child of Object.values(o)) visit(child, depth + 1);
  };
  visit(json, 0);
  return found;
}

/** The author of a tweet: older responses keep screen_name in `legacy`, newer ones in `core`. */
function authorOf(tweet: Json): { handle: string | null; name: string | null } {
  const user = obj(obj(obj(tweet.core)?.user_results)?.result);
  const legacy = obj(user?.legacy);
  const core = obj(user?.core);
  return {
    handle: str(core?.screen_name) ?? str(legacy?.screen_name),
    name: str(core?.name) ?? str(legacy?.name),
  };
}

const ENTITY = /&(amp|lt|gt|quot|#39);/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/**
 * The text as the page shows it: a long post's full note, else `full_text` within its display range
 * (without the leading @replies and trailing media link), t.co links as their targets, entities decoded.
 */
function textOf(tweet: Json, legacy: Json): string {
  const note = str(obj(obj(obj(tweet.note_tweet)?.note_tweet_results)?.result)?.text);
  let text = note ?? str(legacy.full_text) ?? '';
  const range = arr(legacy.display_text_range);
  if (!note && range.length === 2 && typeof range[0] === 'number' && typeof range[1] === 'number') {
    // The range counts code points, not UTF-16 units.
    text = Array.from(text).slice(range[0], range[1]).join('');
  }
  for (const url of arr(obj(legacy.entities)?.urls)) {
    const short = str(obj(url)?.url);
    const long = str(obj(url)?.expanded_url);
    if (short && long) text = text.split(short).join(long);
  }
  return text.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '');
}

function mediaOf(tweet: Json, legacy: Json): PostFields['media'] {
  const types = arr(obj(legacy.extended_entities)?.media ?? obj(legacy.entities)?.media).map((m) =>
    str(obj(m)?.type),
  );
  const card = str(obj(obj(tweet.card)?.legacy)?.name) ?? '';
  const kinds = new Set<PostFields['media']>();
  if (types.some((t) => t === 'video' || t === 'animated_gif')) kinds.add('video');
  else if (types.includes('photo')) kinds.add('image');
  if (/^poll/.test(card)) kinds.add('poll');
  if (kinds.size === 0 && card) kinds.add('link');
  if (kinds.size > 1) return 'mixed';
  return [...kinds][0] ?? 'text';
}

/** A tweet as the fields of a post: exact counts, the time its id encodes. */
export function tweetFields(tweet: Json, promoted: boolean, repostedBy: string | null = null): PostFields {
  const legacy = obj(tweet.legacy) ?? {};
  const id = str(tweet.rest_id) ?? str(legacy.id_str);
  const { handle, name } = authorOf(tweet);
  const entities = obj(legacy.entities) ?? {};
  const created = Date.parse(str(legacy.created_at) ?? '');
  return {
    id,
    url: id && handle ? `https://x.com/${handle}/status/${id}` : null,
    handle,
    name,
    text: textOf(tweet, legacy),
    createdAt: timeFromStatusId(id) ?? (Number.isNaN(created) ? null : new Date(created).toISOString()),
    counts: {
      comments: exact(legacy.reply_count),
      shares: exact(legacy.retweet_count),
      likes: exact(legacy.favorite_count),
      quotes: exact(legacy.quote_count),
      saves: exact(legacy.bookmark_count),
      views: exact(obj(tweet.views)?.count),
    },
    media: mediaOf(tweet, legacy),
    hashtags: arr(entities.hashtags)
      .map((h) => str(obj(h)?.text))
      .filter((h) => h !== null),
    mentions: arr(entities.user_mentions)
      .map((m) => str(obj(m)?.screen_name))
      .filter((m) => m !== null),
    links: arr(entities.urls)
      .map((u) => str(obj(u)?.expanded_url))
      .filter((u) => u !== null),
    promoted,
    repostedBy,
  };
}

/**
 * The posts and raw items of a response. A retweet is read as the post it reposts (what the page
 * shows, under the original's id), reposted by the retweeting account.
 */
export function readTweets(json: unknown): { fields: PostFields[]; raw: RawItem[] } {
  const fields: PostFields[] = [];
  const raw: RawItem[] = [];
  for (const { tweet, promoted } of tweetsIn(json)) {
    const legacy = obj(tweet.legacy) ?? {};
    const original = unwrap(obj(legacy.retweeted_status_result)?.result);
    const post = original
      ? tweetFields(original, promoted, authorOf(tweet).handle)
      : tweetFields(tweet, promoted);
    if (!post.id) continue;
    fields.push(post);
    raw.push({
      id: post.id,
      kind: 'post',
      source: 'response',
      data: { ...tweet, id: legacy.id_str, promoted },
    });
  }
  return { fields, raw };
}

/** A profile from a UserByScreenName response (exact followers, following and post counts). */
export function readUser(json: unknown): ProfileSnapshot | null {
  const user = obj(obj(obj(obj(json)?.data)?.user)?.result);
  const legacy = obj(user?.legacy);
  if (!user || !legacy) return null;
  const core = obj(user.core);
  const handle = str(core?.screen_name) ?? str(legacy.screen_name);
  if (!handle) return null;
  return {
    handle,
    name: str(core?.name) ?? str(legacy.name),
    followers: exact(legacy.followers_count)?.value ?? null,
    following: exact(legacy.friends_count)?.value ?? null,
    posts: exact(legacy.statuses_count)?.value ?? null,
  };
}
