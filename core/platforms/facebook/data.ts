/**
 * Facebook's own data: the `Story` nodes (with `comet_sections`) and `Comment` nodes that today's
 * pages stream into `<script type="application/json" data-sjs>` blobs (`__bbox` → `result.data`) and
 * that `/api/graphql/` responses carry while the user scrolls. They hold what the DOM hides: the
 * post's own id (`post_id`; a feed post's link often names its photo instead), `creation_time`
 * (the visible time is obfuscated letter by letter), exact counts (the DOM shows "1.1K"), and each
 * comment's `created_time`.
 *
 * Shapes checked by hand against ../shared/fixtures/facebook/*-2024-*.html and *-2025*.html: the
 * counts sit in `comet_ufi_summary_and_actions_renderer.feedback` (`reaction_count.count`,
 * `share_count.count`, `comment_rendering_instance.comments.total_count`, or `total_comment_count` in
 * 2024), the time in `comet_sections.timestamp.story.creation_time` or the context layout's metadata.
 */
import type { CommentSnapshot, Metric, PostSnapshot, RawItem } from '../../model';
import type { ParsedCount } from '../../parse/count';
import { collapseWhitespace } from '../../parse/text';
import type { EmbeddedData, PageContext } from '../adapter';
import { buildPost } from '../adapter';
import { arr, at, epochIso, findJson, type Json, jsonScripts, num, obj, str, walkJson } from '../page-json';
import { canonical, handleOf, postIdOf } from './ids';

/** One story as read from the data, with the keys a DOM unit can be matched to it by. */
export interface StoryRecord {
  post: PostSnapshot;
  /** The author's numeric id, to tell which comments are the author's own. */
  actorId: string | null;
  /** Ids a DOM unit's links may name instead of the post id: pfbid permalinks, photo and video ids. */
  aliases: string[];
  /** The message, normalised, to match a unit that has no usable link. */
  textKey: string | null;
  raw: Json;
}

const isStory = (node: Json) =>
  node.__typename === 'Story' && obj(node.comet_sections) !== null && str(node.post_id) !== null;

const isComment = (node: Json) => node.__typename === 'Comment' && str(node.legacy_fbid) !== null;

/** The text a DOM unit and a story are compared by: the message's first 120 letters, spaces collapsed. */
export function textKey(text: string | null | undefined): string | null {
  const t = collapseWhitespace(text ?? '')
    .replace(/…\s*(see more|mehr anzeigen|voir plus|ver más|altro)?$/i, '')
    .slice(0, 120)
    .toLowerCase();
  return t.length >= 12 ? t : null;
}

/** The first value `pick` returns for any object below `root` (a bounded walk). */
function firstBelow<T>(root: unknown, pick: (node: Json) => T | null): T | null {
  let found: T | null = null;
  walkJson(
    [root],
    (node) => {
      if (found !== null) return 'skip';
      found = pick(node);
      return undefined;
    },
    200_000,
  );
  return found;
}

function exact(value: number | null): ParsedCount | null {
  return value === null ? null : { value, approx: false };
}

/** Counts from the story's feedback section: the reaction total, comments, shares. */
function storyCounts(story: Json): Partial<Record<Metric, ParsedCount | null>> {
  const feedback = at(story, 'comet_sections', 'feedback');
  const ufi = firstBelow(feedback, (n) => (num(at(n, 'reaction_count', 'count')) !== null ? n : null));
  const likes = num(at(ufi, 'reaction_count', 'count'));
  const shares = num(at(ufi, 'share_count', 'count'));
  const comments =
    num(at(ufi, 'comment_rendering_instance', 'comments', 'total_count')) ??
    num(
      at(
        ufi,
        'comments_count_summary_renderer',
        'feedback',
        'comment_rendering_instance',
        'comments',
        'total_count',
      ),
    ) ??
    firstBelow(feedback, (n) => num(n.total_comment_count)) ??
    firstBelow(feedback, (n) => num(at(n, 'comment_rendering_instance', 'comments', 'total_count')));
  // `play_count` is what the page shows as views ("96K"); `video_view_count` beside it is another figure.
  const views = num(at(ufi, 'video_view_count_renderer', 'feedback', 'play_count'));
  return { likes: exact(likes), comments: exact(comments), shares: exact(shares), views: exact(views) };
}

function creationTime(story: Json): string | null {
  const stamped = epochIso(at(story, 'comet_sections', 'timestamp', 'story', 'creation_time'));
  if (stamped) return stamped;
  for (const meta of arr(
    at(story, 'comet_sections', 'context_layout', 'story', 'comet_sections', 'metadata'),
  )) {
    const t = epochIso(at(meta, 'story', 'creation_time'));
    if (t) return t;
  }
  return epochIso(story.creation_time);
}

/** Every URL and media id in the story's own content (not in its comments): the aliases a DOM link may use. */
function aliasesOf(content: unknown, base: URL): { aliases: string[]; media: PostSnapshot['media'] } {
  const aliases = new Set<string>();
  let video = false;
  let photo = false;
  let link = false;
  walkJson(
    [content],
    (node) => {
      const type = str(node.__typename);
      if (type === 'Comment' || type === 'Feedback') return 'skip';
      const id = str(node.id);
      if (type === 'Video') video = true;
      if (type === 'Photo') photo = true;
      if (type === 'ExternalUrl' || type === 'GenericAttachmentMedia') link = true;
      if ((type === 'Photo' || type === 'Video') && id && /^\d+$/.test(id)) aliases.add(id);
      for (const key of ['url', 'wwwURL', 'permalink_url', 'shareable_url']) {
        const url = str(node[key]);
        const named = url ? postIdOf(url, base) : null;
        if (named) aliases.add(named);
        if (url && /\/(reel|videos)\//.test(url)) video = true;
      }
      return undefined;
    },
    200_000,
  );
  return { aliases: [...aliases], media: video ? 'video' : photo ? 'image' : link ? 'link' : 'text' };
}

/** Reads one Story node. */
export function readStory(story: Json, page: PageContext): StoryRecord | null {
  const postId = str(story.post_id);
  if (!postId || !/^\d+$/.test(postId)) return null;
  const content = obj(at(story, 'comet_sections', 'content', 'story'));
  const actor = obj(arr(content?.actors ?? story.actors)[0]);
  const actorUrl = str(actor?.url);
  const text =
    str(at(content, 'message', 'text')) ??
    str(at(content, 'comet_sections', 'message', 'story', 'message', 'text')) ??
    str(at(story, 'message', 'text')) ??
    '';
  const metaUrl = arr(at(story, 'comet_sections', 'context_layout', 'story', 'comet_sections', 'metadata'))
    .map((m) => str(at(m, 'story', 'url')))
    .find((u) => u !== null);
  const url = str(content?.wwwURL) ?? metaUrl ?? str(story.url);
  const { aliases, media } = aliasesOf(content, page.url);
  const post = buildPost({
    id: postId,
    url: canonical(url, page.url),
    handle: (actorUrl ? handleOf(actorUrl, page.url) : null) ?? str(actor?.id),
    name: str(actor?.name),
    text,
    createdAt: creationTime(story),
    counts: storyCounts(story),
    media,
    promoted: obj(story.sponsored_data) !== null,
  });
  if (!post) return null;
  return { post, actorId: str(actor?.id), aliases, textKey: textKey(text), raw: story };
}

/** Comment ids come as `comment:<post>_<comment>` in base64; the legacy token says `<post>_<comment>`. */
function commentPostId(comment: Json): string | null {
  const token = str(comment.legacy_token);
  const fromToken = token ? /^(\d+)_\d+$/.exec(token)?.[1] : undefined;
  return fromToken ?? str(at(comment, 'parent_feedback', 'share_fbid'));
}

function decodedCommentId(id: string | null): string | null {
  if (!id) return null;
  try {
    return /^comment:\d+_(\d+)$/.exec(atob(id))?.[1] ?? null;
  } catch {
    return null;
  }
}

function commentTime(comment: Json): string | null {
  for (const link of arr(comment.comment_action_links)) {
    const t = epochIso(at(link, 'comment', 'created_time'));
    if (t) return t;
  }
  return epochIso(comment.created_time);
}

function commentLikes(comment: Json): number | null {
  for (const link of arr(comment.comment_action_links)) {
    const n = num(at(link, 'comment', 'feedback', 'reactors', 'count'));
    if (n !== null) return n;
  }
  return (
    num(at(comment, 'feedback', 'reactors', 'count')) ??
    num(at(comment, 'feedback', 'reactors', 'count_reduced'))
  );
}

function readComment(
  comment: Json,
  page: PageContext,
  stories: Map<string, StoryRecord>,
): CommentSnapshot | null {
  const id = str(comment.legacy_fbid);
  const postId = commentPostId(comment);
  if (!id || !postId) return null;
  const author = obj(comment.author);
  const authorUrl = str(author?.url);
  const handle = (authorUrl ? handleOf(authorUrl, page.url) : null) ?? str(author?.id);
  const parent = obj(comment.comment_parent);
  const story = stories.get(postId);
  return {
    id,
    postId,
    parentId: str(parent?.legacy_fbid) ?? decodedCommentId(str(parent?.id)),
    author: { handle, name: str(author?.name) },
    text: collapseWhitespace(
      str(at(comment, 'body', 'text')) ?? str(at(comment, 'preferred_body', 'text')) ?? '',
    ),
    createdAt: commentTime(comment),
    likes: commentLikes(comment),
    byPostAuthor:
      story !== undefined &&
      ((story.actorId !== null && story.actorId === str(author?.id)) ||
        (handle !== null && handle === story.post.author.handle)),
  };
}

/** The stories and comments in any Facebook JSON (embedded blobs, a GraphQL response). */
export function readFacebookJson(
  roots: readonly unknown[],
  page: PageContext,
  source: RawItem['source'],
): EmbeddedData & { stories: StoryRecord[] } {
  const stories = new Map<string, StoryRecord>();
  for (const node of findJson(roots, isStory)) {
    const record = readStory(node, page);
    if (!record) continue;
    const known = stories.get(record.post.id);
    // The same story is streamed more than once (feed unit and dialog): keep what each copy knows.
    stories.set(record.post.id, known ? mergeRecords(known, record) : record);
  }
  const comments = new Map<string, CommentSnapshot>();
  for (const node of findJson(roots, isComment)) {
    const comment = readComment(node, page, stories);
    if (comment && !comments.has(comment.id)) comments.set(comment.id, comment);
  }
  const list = [...stories.values()];
  return {
    stories: list,
    posts: list.map((s) => s.post),
    comments: [...comments.values()],
    raw: list.map((s) => ({ id: s.post.id, kind: 'post', source, data: s.raw })),
  };
}

function mergeRecords(a: StoryRecord, b: StoryRecord): StoryRecord {
  const metrics = { ...a.post.metrics };
  for (const key of Object.keys(metrics) as Metric[]) metrics[key] ??= b.post.metrics[key];
  return {
    ...a,
    post: {
      ...a.post,
      createdAt: a.post.createdAt ?? b.post.createdAt,
      text: a.post.text || b.post.text,
      url: a.post.url ?? b.post.url,
      metrics,
    },
    aliases: [...new Set([...a.aliases, ...b.aliases])],
    textKey: a.textKey ?? b.textKey,
  };
}

const cache = new WeakMap<Document, { roots: unknown[]; data: ReturnType<typeof readFacebookJson> }>();

/** The page's embedded data, read once per document until its JSON scripts change. */
export function embeddedStories(page: PageContext): ReturnType<typeof readFacebookJson> {
  const roots = jsonScripts(page.doc, 'script[type="application/json"]');
  const hit = cache.get(page.doc);
  if (hit && hit.roots.length === roots.length && hit.roots.every((r, i) => r === roots[i])) return hit.data;
  const data = readFacebookJson(roots, page, 'embedded');
  cache.set(page.doc, { roots, data });
  return data;
}

/** The canonical post id for a DOM unit: the story whose aliases include a link's id, else whose text matches. */
export function storyForUnit(
  page: PageContext,
  linkIds: readonly string[],
  text: string | null,
): StoryRecord | null {
  const { stories } = embeddedStories(page);
  if (stories.length === 0) return null;
  for (const id of linkIds) {
    const hit = stories.find((s) => s.post.id === id || s.aliases.includes(id));
    if (hit) return hit;
  }
  const key = textKey(text);
  if (!key) return null;
  const matches = stories.filter(
    (s) => s.textKey && (s.textKey.startsWith(key) || key.startsWith(s.textKey)),
  );
  return matches.length === 1 ? matches[0]! : null;
}
