/**
 * LinkedIn's own feed data ("Voyager" API shape: `{ data, included }` with `UpdateV2`, `SocialDetail` and
 * `SocialActivityCounts` entities), which logged-in pages embed as JSON in `<code>` elements for their first
 * screen. Read behind the extraction contract when the DOM yields no posts. Checked against
 * ../shared/fixtures/linkedin/api/voyager-main-feed-2023.json (2023-05, en).
 */
import type { PostFields } from '../adapter';
import { POST_URN, PROMOTED_LABELS, REPOST_WORDS } from './selectors';
import { urnTime } from './urn';

type Entity = Record<string, unknown>;

const ORIGIN = 'https://www.linkedin.com';

function obj(value: unknown): Entity | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Entity) : null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** `{ text: "…" }` view models, as LinkedIn nests every string. */
function textOf(value: unknown): string | null {
  return str(obj(value)?.text);
}

function slug(url: string | null): string | null {
  const m = url ? /linkedin\.com\/(?:in|company|school|showcase)\/([^/?#]+)/.exec(url) : null;
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

/** Every `{ data, included }` document found in the page's `<code>` elements. */
function documents(doc: Document): Entity[] {
  const out: Entity[] = [];
  for (const code of doc.querySelectorAll('code')) {
    const raw = code.textContent?.trim() ?? '';
    if (!raw.startsWith('{') || !raw.includes('"included"')) continue;
    try {
      const parsed = obj(JSON.parse(raw));
      if (parsed && Array.isArray(parsed.included)) out.push(parsed);
    } catch {
      // Not JSON after all (LinkedIn also keeps HTML fragments in <code>): skip it.
    }
  }
  return out;
}

function updateFields(update: Entity, byUrn: Map<string, Entity>): PostFields | null {
  const metadata = obj(update.updateMetadata);
  const urn = str(metadata?.urn);
  const m = urn ? POST_URN.exec(urn) : null;
  if (!urn || !m) return null;
  const detail = byUrn.get(str(update['*socialDetail']) ?? '');
  const counts = byUrn.get(str(detail?.['*totalSocialActivityCounts']) ?? '');
  const actor = obj(update.actor);
  const header = obj(update.header);
  const headerText = (textOf(header?.text) ?? '').toLowerCase();
  const reposter = REPOST_WORDS.some((w) => headerText.includes(w))
    ? slug(str(obj(header?.imageNavigationContext)?.actionTarget))
    : null;
  // The content's own urn (the share or post) dates it; the feed activity may be a later repost or like.
  const content = POST_URN.exec(str(metadata?.shareUrn) ?? str(detail?.urn) ?? '')?.[2];
  const sub = textOf(actor?.subDescription) ?? '';
  const media = obj(update.content);
  const exact = (value: unknown) => {
    const n = num(value);
    return n === null ? null : { value: n, approx: false };
  };
  return {
    id: `urn:li:${m[1]}:${m[2]}`,
    url: `${ORIGIN}/feed/update/${urn}/`,
    handle: slug(str(obj(actor?.navigationContext)?.actionTarget)),
    name: textOf(actor?.name),
    text: textOf(obj(update.commentary)?.text) ?? '',
    createdAt: urnTime(content ?? m[2]),
    counts: {
      likes: exact(counts?.numLikes),
      comments: exact(counts?.numComments),
      shares: exact(counts?.numShares),
      views: exact(counts?.numImpressions) ?? exact(counts?.numViews),
    },
    media: mediaKind(media, str(media?.$type) ?? ''),
    promoted: PROMOTED_LABELS.some((w) => sub.includes(w)),
    repostedBy: reposter,
  };
}

function mediaKind(content: Entity | null, type: string): PostFields['media'] {
  if (!content) return 'text';
  if (/Video/.test(type) || '*videoPlayMetadata' in content) return 'video';
  if (/Poll/.test(type)) return 'poll';
  if (/Image|Document|Carousel/.test(type)) return 'image';
  // Articles, events, jobs: a card that links elsewhere.
  return 'link';
}

/** Posts of the embedded feed documents, in the feed's order. */
export function readVoyager(doc: Document): PostFields[] {
  const out: PostFields[] = [];
  for (const document of documents(doc)) {
    const included = (document.included as unknown[]).map(obj).filter((e): e is Entity => e !== null);
    const byUrn = new Map(included.map((e) => [str(e.entityUrn) ?? '', e]));
    const order = obj(document.data)?.['*elements'];
    const updates = Array.isArray(order)
      ? order.map((u) => byUrn.get(String(u))).filter((e): e is Entity => !!e)
      : included.filter((e) => /UpdateV2$/.test(str(e.$type) ?? ''));
    for (const update of updates) {
      const fields = updateFields(update, byUrn);
      if (fields) out.push(fields);
    }
  }
  return out;
}
