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
export function documents(doc: Document): Entity[] {
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

/** The counts entity of an update: through its social detail, else the counts kept under its own or its share's urn. */
function countsOf(update: Entity, urns: readonly string[], byUrn: Map<string, Entity>): Entity | undefined {
  const detail = byUrn.get(str(update['*socialDetail']) ?? '');
  return (
    byUrn.get(str(detail?.['*totalSocialActivityCounts']) ?? '') ??
    urns.map((u) => byUrn.get(`urn:li:fsd_socialActivityCounts:${u}`)).find((e) => e !== undefined)
  );
}

function updateFields(update: Entity, byUrn: Map<string, Entity>): PostFields | null {
  // 2023 `UpdateV2.updateMetadata.urn`; 2025 dash `Update.metadata.backendUrn` (an activity, or an
  // aggregate of activities — then the first, as the feed card's own urn names it).
  const metadata = obj(update.updateMetadata) ?? obj(update.metadata);
  const urn = str(metadata?.urn) ?? str(metadata?.backendUrn);
  const m = urn ? POST_URN.exec(urn) : null;
  if (!urn || !m) return null;
  const own = `urn:li:${m[1]}:${m[2]}`;
  const detail = byUrn.get(str(update['*socialDetail']) ?? '');
  const counts = countsOf(update, [own, str(metadata?.shareUrn) ?? ''], byUrn);
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
    id: own,
    url: `${ORIGIN}/feed/update/${own}/`,
    handle: slug(str(obj(actor?.navigationContext)?.actionTarget)),
    name: textOf(actor?.name),
    text: textOf(obj(update.commentary)?.text) ?? '',
    // The content's own id dates it (within a second of its activity's); the feed activity may be a
    // later repost, like or comment ("Anna likes this").
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

const isUpdate = (e: Entity) => /(?:UpdateV2|\.feed\.Update)$/.test(str(e.$type) ?? '');

/** The list of updates a document names, in its order: `data['*elements']`, or one level deeper (dash). */
function elementOrder(data: unknown): unknown[] | null {
  const d = obj(data);
  if (!d) return null;
  if (Array.isArray(d['*elements'])) return d['*elements'];
  for (const value of Object.values(d)) {
    const inner = obj(value);
    if (inner && Array.isArray(inner['*elements'])) return inner['*elements'];
    const deeper = inner ? elementOrder(inner) : null;
    if (deeper) return deeper;
  }
  return null;
}

/**
 * An update with its `*`-references resolved into the objects they name, as Zeeschuimer stores
 * LinkedIn items for 4CAT (`id` = the update's entity urn). Depth-limited, and a reference already
 * on the path is left as its urn, so a cyclic document cannot recurse forever.
 */
function enrich(value: unknown, byUrn: Map<string, Entity>, path: Set<string>, depth: number): unknown {
  if (depth > 12 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => enrich(v, byUrn, path, depth + 1));
  const out: Entity = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.startsWith('*') && typeof v === 'string' && byUrn.has(v) && !path.has(v)) {
      out[key] = enrich(byUrn.get(v), byUrn, new Set([...path, v]), depth + 1);
    } else if (key.startsWith('*') && Array.isArray(v)) {
      out[key] = v.map((u) =>
        typeof u === 'string' && byUrn.has(u) && !path.has(u)
          ? enrich(byUrn.get(u), byUrn, new Set([...path, u]), depth + 1)
          : u,
      );
    } else out[key] = enrich(v, byUrn, path, depth + 1);
  }
  return out;
}

/** Posts of voyager documents (`{ data, included }`), in the feed's order, with their raw update. */
export function readVoyagerDocuments(docs: readonly Entity[]): { fields: PostFields; raw: Entity }[] {
  const out: { fields: PostFields; raw: Entity }[] = [];
  for (const document of docs) {
    const included = arr(document.included)
      .map(obj)
      .filter((e): e is Entity => e !== null);
    const byUrn = new Map(included.map((e) => [str(e.entityUrn) ?? '', e]));
    const order = elementOrder(document.data);
    const listed = order
      ? order.map((u) => byUrn.get(String(u))).filter((e): e is Entity => !!e && isUpdate(e))
      : [];
    const updates = listed.length > 0 ? listed : included.filter(isUpdate);
    for (const update of updates) {
      const fields = updateFields(update, byUrn);
      if (!fields) continue;
      const entityUrn = str(update.entityUrn) ?? '';
      const raw = enrich(update, byUrn, new Set([entityUrn]), 0) as Entity;
      out.push({ fields, raw: { ...raw, id: entityUrn || fields.id } });
    }
  }
  return out;
}

/** Posts of the embedded feed documents, in the feed's order. */
export function readVoyager(doc: Document): PostFields[] {
  return readVoyagerDocuments(documents(doc)).map((r) => r.fields);
}

/** The voyager documents in a response (one, or several in a batch array). */
export function responseDocuments(json: unknown): Entity[] {
  const list = Array.isArray(json) ? json : [json];
  return list.map(obj).filter((d): d is Entity => d !== null && Array.isArray(d.included));
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Activity ids by the share or ugcPost they publish, from the documents' social details
 * (`urn:li:fsd_socialDetail:(urn:li:ugcPost:X,urn:li:activity:Y,…)`) and updates (`shareUrn` →
 * `backendUrn`): a 2026 card names only its ugcPost; the page's data knows its activity.
 */
export function activitiesByShare(docs: readonly Entity[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const document of docs) {
    for (const e of arr(document.included).map(obj)) {
      const urn = str(e?.entityUrn) ?? '';
      const detail = /^urn:li:fsd_socialDetail:\(urn:li:(?:ugcPost|share):(\d+),urn:li:activity:(\d+)/.exec(
        urn,
      );
      if (detail) map.set(detail[1]!, detail[2]!);
      const metadata = obj(e?.metadata) ?? obj(e?.updateMetadata);
      const share = /urn:li:(?:ugcPost|share):(\d+)/.exec(str(metadata?.shareUrn) ?? '')?.[1];
      const activity = /^urn:li:activity:(\d+)$/.exec(
        str(metadata?.backendUrn) ?? str(metadata?.urn) ?? '',
      )?.[1];
      if (share && activity) map.set(share, activity);
    }
  }
  return map;
}
