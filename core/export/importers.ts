/**
 * What 4CAT's Zeeschuimer importers read from each item, per 4CAT data source (keyed by Zeeschuimer
 * module id), and the small normalisations Zeeschuimer applies before storing an item. Read by hand
 * from digitalmethodsinitiative/4cat `datasources/<source>/search_<source>.py` (`map_item`) and
 * `backend/lib/search.py` (`import_from_file`: each line's `data` is spread into the item and the
 * envelope's other fields become `__import_meta`), and from digitalmethodsinitiative/zeeschuimer
 * `modules/*.js`.
 *
 * `missingFields(module, data)` lists the paths the importer reads without a default and that the
 * item lacks: an item with none missing maps through that importer without a KeyError/TypeError.
 * Optional reads (`.get(...)`) are not listed. The NDJSON export only writes a raw item whose list is
 * empty; others fall back to the Resonanz record, marked as such (see ndjson.ts).
 */

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Python's truthiness, which the importers' `if x:` use: {} and [] are false too. */
function truthy(v: Json): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

/**
 * Paths the item lacks: `a.b.c` must exist (any value, null included, unless `!` ends a segment:
 * then it must be an object/array/non-null value); `[]` applies the rest to every element of an array.
 */
function missing(root: Json, paths: readonly string[], prefix = ''): string[] {
  const out: string[] = [];
  for (const path of paths) {
    const walk = (value: Json, segments: string[], at: string): void => {
      if (segments.length === 0) return;
      const [head, ...rest] = segments as [string, ...string[]];
      if (head === '[]') {
        if (!Array.isArray(value)) out.push(`${at}[]`);
        else for (const [i, v] of value.entries()) walk(v, rest, `${at}[${i}]`);
        return;
      }
      const strict = head.endsWith('!');
      const key = strict ? head.slice(0, -1) : head;
      const here = at ? `${at}.${key}` : key;
      if (
        !isObject(value) ||
        !(key in value) ||
        (strict && (value[key] === null || value[key] === undefined))
      ) {
        out.push(here);
        return;
      }
      walk(value[key], rest, here);
    };
    walk(root, path.replaceAll('[]', '.[]').split('.').filter(Boolean), prefix);
  }
  return out;
}

function get(root: Json, path: string): Json {
  let v = root;
  for (const key of path.split('.')) {
    if (Array.isArray(v) && /^\d+$/.test(key)) v = v[Number(key)];
    else if (isObject(v)) v = v[key];
    else return undefined;
  }
  return v;
}

/** X/Twitter: `datasources/twitter-import/search_twitter.py` (map_item_modern / map_item_legacy). */
function twitterMissing(t: Json): string[] {
  if (!isObject(t)) return ['(item)'];
  if (t.type === 'adaptive') {
    return missing(t, [
      'legacy.created_at',
      'legacy.id_str',
      'legacy.conversation_id_str',
      'legacy.full_text',
      'legacy.source',
      'legacy.retweet_count',
      'legacy.reply_count',
      'legacy.favorite_count',
      'legacy.quote_count',
      'legacy.entities.hashtags[].text',
      'legacy.entities.urls',
      'legacy.entities.user_mentions[].screen_name',
      'user.screen_name',
      'user.name',
      'user.id_str',
    ]);
  }
  if (!t.rest_id) return ['rest_id'];
  const user = 'core.user_results.result.legacy';
  const out = missing(t, [
    'id',
    'rest_id',
    'source',
    'legacy.created_at',
    'legacy.conversation_id_str',
    'legacy.full_text',
    'legacy.user_id_str',
    'legacy.retweet_count',
    'legacy.reply_count',
    'legacy.favorite_count',
    'legacy.quote_count',
    'legacy.entities.hashtags[].text',
    'legacy.entities.urls[].display_url',
    'legacy.entities.user_mentions[].screen_name',
    `${user}.screen_name`,
    `${user}.name`,
    `${user}.profile_image_url_https`,
  ]);
  const media = get(t, 'legacy.entities.media');
  if (media !== undefined)
    out.push(...missing(media, ['[].media_url_https', '[].type'], 'legacy.entities.media'));
  if (truthy(get(t, 'legacy.place'))) out.push(...missing(t, ['legacy.place.bounding_box.coordinates']));
  const retweet = get(t, 'legacy.retweeted_status_result');
  if (truthy(retweet)) {
    const result = isObject(get(retweet, 'result.tweet'))
      ? get(retweet, 'result.tweet')
      : get(retweet, 'result');
    const at = 'legacy.retweeted_status_result.result';
    out.push(...missing(result, ['legacy.full_text', 'core.user_results.result!'], at));
    if (!truthy(get(result, 'legacy.withheld_scope')))
      out.push(...missing(result, ['core.user_results.result.legacy.screen_name'], at));
  }
  const quote = get(t, 'quoted_status_result');
  if (truthy(quote)) {
    const result = isObject(get(quote, 'result.tweet')) ? get(quote, 'result.tweet') : get(quote, 'result');
    if (!isObject(result)) out.push('quoted_status_result.result');
    else if (!('tombstone' in result))
      out.push(...missing(result, ['core.user_results.result!'], 'quoted_status_result.result'));
  }
  if (typeof t.legacy === 'object' && typeof get(t, 'legacy.created_at') === 'string') {
    // strptime "%a %b %d %H:%M:%S %z %Y", e.g. "Wed Oct 10 20:19:24 +0000 2018"
    if (
      !/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}$/.test(
        String(get(t, 'legacy.created_at')),
      )
    )
      out.push('legacy.created_at (format)');
  }
  return out;
}

/** Instagram: `datasources/instagram/search_instagram.py` (parse_graph_item / parse_itemlist_item). */
function instagramMissing(n: Json): string[] {
  if (!isObject(n)) return ['(item)'];
  if (n.product_type === 'ad' || String(n.link ?? '').startsWith('https://www.facebook.com/ads/ig_redirect'))
    return ['(an ad: 4CAT refuses it)'];
  // `user.get(…, owner.get(…))` evaluates both: each must be an object (itemlist defaults them to {}).
  const graph = '__typename' in n && n.__typename !== 'XDTMediaDict';
  if (graph) {
    const out = missing(n, [
      '__typename',
      'shortcode',
      'taken_at_timestamp',
      'display_url',
      'edge_media_to_caption.edges',
      'edge_media_preview_like.count',
      'user!',
      'owner!',
    ]);
    if (n.__typename === 'GraphSidecar')
      out.push(...missing(n, ['edge_sidecar_to_children.edges[].node.__typename']));
    const media = n.__typename === 'GraphSidecar' ? get(n, 'edge_sidecar_to_children.edges.0.node') : n;
    if (isObject(media) && media.__typename === 'GraphVideo') out.push(...missing(media, ['video_url']));
    else if (isObject(media) && media.__typename !== 'GraphImage')
      out.push(...missing(media, ['display_url']));
    return out;
  }
  const out = missing(n, ['code', 'taken_at', 'like_count', 'media_type']);
  if (isObject(n.user) && isObject(n.owner) && get(n, 'user.username') !== get(n, 'owner.username'))
    out.push('user.username ≠ owner.username');
  if (n.media_type === 8) out.push(...missing(n, ['carousel_media[].media_type']));
  const media = n.media_type === 8 && Array.isArray(n.carousel_media) ? n.carousel_media[0] : n;
  if (isObject(media) && media.media_type === 2 && typeof get(media, 'video_versions.0.url') !== 'string')
    out.push('video_versions[0].url');
  return out;
}

/** TikTok: `datasources/tiktok/search_tiktok.py` (map_item / map_tiktok_item). */
function tiktokMissing(p: Json): string[] {
  if (!isObject(p)) return ['(item)'];
  const out = missing(p, [
    'id',
    'desc',
    'createTime',
    'author',
    'authorStats.followerCount',
    'duetInfo!',
    'music.title',
    'music.id',
    'music.playUrl',
    'video!',
    'stats.diggCount',
    'stats.commentCount',
    'stats.shareCount',
    'stats.playCount',
  ]);
  if (isObject(p.author)) out.push(...missing(p, ['author.uniqueId', 'author.nickname', 'author.id']));
  else out.push(...missing(p, ['nickname']));
  if (p.stickersOnItem !== undefined) out.push(...missing(p, ['stickersOnItem[].stickerText']));
  if (p.warnInfo !== undefined) out.push(...missing(p, ['warnInfo[].text']));
  return out;
}

/** Threads: `datasources/threads/search_threads.py`. */
function threadsMissing(p: Json): string[] {
  if (!isObject(p)) return ['(item)'];
  const out = missing(p, [
    'code',
    'taken_at',
    'carousel_media',
    'audio',
    'caption',
    'is_paid_partnership',
    'like_count',
    'user.username',
    'text_post_app_info!',
    'text_post_app_info.repost_count',
    'text_post_app_info.direct_reply_count',
    'text_post_app_info.quote_count',
  ]);
  if (truthy(p.carousel_media))
    out.push(...missing(p, ['carousel_media[].image_versions2', 'carousel_media[].video_versions']));
  else out.push(...missing(p, ['image_versions2', 'video_versions']));
  if (truthy(p.caption)) out.push(...missing(p, ['caption.text']));
  return out;
}

/** LinkedIn: `datasources/linkedin/search_linkedin.py` (Voyager V2 update, references resolved). */
function linkedinMissing(item: Json): string[] {
  if (!isObject(item)) return ['(item)'];
  if (!truthy(item.actor)) return ['actor'];
  const out = missing(item, [
    'content',
    'commentary',
    '*socialDetail!',
    'actor.navigationContext.actionTarget',
    'actor.name.text',
    'actor.image!',
  ]);
  const urn = String(
    get(item, 'updateMetadata.urn') ?? (isObject(item.updateMetadata) ? '' : (item.preDashEntityUrn ?? '')),
  );
  if (!urn.includes('urn:li:activity:')) out.push('updateMetadata.urn (urn:li:activity:…)');
  if (truthy(item.commentary)) out.push(...missing(item, ['commentary.text.text']));
  const social = item['*socialDetail'];
  if (typeof social === 'string') out.push('*socialDetail (an unresolved reference)');
  else if (isObject(social)) {
    if ('*totalSocialActivityCounts' in social)
      out.push(
        ...missing(
          social,
          [
            '*totalSocialActivityCounts.numLikes',
            '*totalSocialActivityCounts.numComments',
            '*totalSocialActivityCounts.numShares',
          ],
          '*socialDetail',
        ),
      );
    else
      out.push(
        ...missing(social, ['likes.paging.total', 'comments.paging.total', 'totalShares'], '*socialDetail'),
      );
  }
  return out;
}

/** Pinterest: `datasources/pinterest/search_pinterest.py` (map_item_from_json). */
function pinterestMissing(p: Json): string[] {
  if (!isObject(p)) return ['(item)'];
  if (p['_zs-origin'] === 'html') return missing(p, ['id', 'body', 'title', 'tags', 'image']);
  const out = missing(p, ['id', 'title!', 'pinner.username', 'board.name', 'board.url']);
  if (!('imageSpec_orig' in p)) out.push(...missing(p, ['images.orig.url']));
  else out.push(...missing(p, ['imageSpec_orig.url']));
  // `.get("description", "").strip()`: present but null fails.
  if ('description' in p && typeof p.description !== 'string') out.push('description (a string)');
  if (truthy(p.nativeCreator)) out.push(...missing(p, ['nativeCreator.username']));
  if (truthy(p.pinJoin)) out.push(...missing(p, ['pinJoin.visualAnnotation']));
  return out;
}

/** Facebook: `datasources/facebook/search_facebook.py`. */
function facebookMissing(p: Json): string[] {
  if (!isObject(p)) return ['(item)'];
  const story = 'comet_sections.content.story';
  const out = missing(p, [
    `${story}.post_id`,
    `${story}.wwwURL`,
    `${story}.actors[]`,
    `${story}.attachments[].target.__typename`,
    'comet_sections.context_layout.story.comet_sections.metadata[].__typename',
  ]);
  const actor = get(p, `${story}.actors.0`);
  if (!isObject(actor) || typeof actor.url !== 'string') out.push(`${story}.actors[0].url`);
  const message = get(p, `${story}.message`);
  if (message !== undefined && !isObject(message)) out.push(`${story}.message (an object)`);
  const metadata = get(p, 'comet_sections.context_layout.story.comet_sections.metadata');
  const stamp = Array.isArray(metadata)
    ? metadata.find((m) => isObject(m) && m.__typename === 'CometFeedStoryMinimizedTimestampStrategy')
    : undefined;
  if (!stamp) out.push('…metadata[CometFeedStoryMinimizedTimestampStrategy]');
  else out.push(...missing(stamp, ['story.creation_time', 'story.url'], '…metadata[timestamp]'));
  return out;
}

/** The 4CAT data sources whose Zeeschuimer importer we check, by Zeeschuimer module id. */
export const IMPORTER_CHECKS: Readonly<Record<string, (data: Json) => string[]>> = {
  'twitter.com': twitterMissing,
  'instagram.com': instagramMissing,
  'tiktok.com': tiktokMissing,
  'threads.net': threadsMissing,
  'linkedin.com': linkedinMissing,
  'pinterest.com': pinterestMissing,
  'facebook.com': facebookMissing,
};

/** Whether 4CAT has a Zeeschuimer importer for this module id (Send to 4CAT is offered only then). */
export function hasImporter(module: string): boolean {
  return module in IMPORTER_CHECKS;
}

/**
 * The fields 4CAT's importer for `module` reads and `data` lacks; [] = maps completely. For modules
 * without an importer: [] (nothing is read).
 */
export function missingFields(module: string, data: Json): string[] {
  const check = IMPORTER_CHECKS[module];
  return check ? check(data) : [];
}

/**
 * The item as Zeeschuimer stores it, from the platform's object as the page loaded it (a deep copy;
 * the input is not changed):
 * - X: `tweet.tweet` unwrapped (TweetWithVisibilityResults), `id` = `legacy.id_str` and `promoted`
 *   as modules/twitter.js sets them; and since X moved the author's `screen_name`/`name` to
 *   `core.user_results.result.core` and the avatar to `.avatar.image_url` (2025), those are copied
 *   back into `.legacy` when missing there, where 4CAT's importer reads them; entity lists the
 *   response left out (`hashtags`, `urls`, `user_mentions`) are written as empty lists.
 * - LinkedIn: `*key` references are resolved by the reader from the response's `included` (see
 *   resolveVoyagerReferences); nothing else changes.
 */
export function zeeschuimerData(module: string, raw: Json, promoted = false): Json {
  let data = structuredClone(raw);
  if (module === 'twitter.com' && isObject(data)) {
    if (isObject(data.tweet) && data.__typename === 'TweetWithVisibilityResults') data = data.tweet;
    if (!isObject(data)) return data;
    const legacy = data.legacy;
    if (isObject(legacy) && data.id === undefined && typeof legacy.id_str === 'string')
      data.id = legacy.id_str;
    if (data.id === undefined && typeof data.rest_id === 'string') data.id = data.rest_id;
    if (data.promoted === undefined) data.promoted = promoted;
    // Responses leave out empty entity lists; the importer indexes them: absent means none.
    const entities = get(data, 'legacy.entities');
    if (isObject(entities))
      for (const key of ['hashtags', 'urls', 'user_mentions'])
        if (entities[key] === undefined) entities[key] = [];
    restoreLegacyUser(get(data, 'core.user_results.result'));
    for (const nested of ['legacy.retweeted_status_result.result', 'quoted_status_result.result']) {
      const result = get(data, nested);
      const tweet = isObject(get(result, 'tweet')) ? get(result, 'tweet') : result;
      restoreLegacyUser(get(tweet, 'core.user_results.result'));
    }
  }
  return data;
}

function restoreLegacyUser(user: Json): void {
  if (!isObject(user)) return;
  if (!isObject(user.legacy)) user.legacy = {};
  const legacy = user.legacy as Record<string, Json>;
  const core = isObject(user.core) ? user.core : {};
  if (legacy.screen_name === undefined && typeof core.screen_name === 'string')
    legacy.screen_name = core.screen_name;
  if (legacy.name === undefined && typeof core.name === 'string') legacy.name = core.name;
  const avatar = get(user, 'avatar.image_url');
  if (legacy.profile_image_url_https === undefined && typeof avatar === 'string')
    legacy.profile_image_url_https = avatar;
}

/**
 * LinkedIn's Voyager responses are normalised: an update's `*socialDetail` is the urn of an object in
 * the response's `included` list. Zeeschuimer (modules/linkedin.js) puts the objects in place,
 * recursively, before storing the update; 4CAT's importer reads them in place.
 */
export function resolveVoyagerReferences(item: Json, included: readonly Json[]): Json {
  const byUrn = new Map<string, Json>();
  for (const entity of included)
    if (isObject(entity) && typeof entity.entityUrn === 'string') byUrn.set(entity.entityUrn, entity);
  const resolve = (value: Json, depth: number, seen: ReadonlySet<string>): Json => {
    if (depth > 12) return value;
    if (Array.isArray(value)) return value.map((v) => resolve(v, depth + 1, seen));
    if (!isObject(value)) return value;
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key.startsWith('*') && typeof v === 'string' && byUrn.has(v) && !seen.has(v))
        out[key] = resolve(byUrn.get(v), depth + 1, new Set([...seen, v]));
      else if (key.startsWith('*') && Array.isArray(v))
        out[key] = v.map((u) =>
          typeof u === 'string' && byUrn.has(u) && !seen.has(u)
            ? resolve(byUrn.get(u), depth + 1, new Set([...seen, u]))
            : u,
        );
      else out[key] = resolve(v, depth + 1, seen);
    }
    return out;
  };
  return resolve(item, 0, new Set());
}
