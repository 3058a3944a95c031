/**
 * Pinterest's own pin objects, wherever the page holds them: the server-rendered state
 * (`__PWS_DATA__`, `__PWS_INITIAL_PROPS__`: REST-style snake_case, `type: "pin"`), the Relay
 * responses embedded in the HTML (`data-relay-response` scripts and
 * `__PWS_RELAY_REGISTER_COMPLETED_REQUEST__(…)` calls: GraphQL camelCase, `entityId`), and the same
 * two shapes in the responses the page fetches (`/resource/<Name>Resource/get/`, `/_graphql/`).
 * Recognised as Zeeschuimer does (modules/pinterest.js): `type === "pin"`, `__typename`/`__isNode`
 * "Pin", with a `pinner`.
 */
import type { RawItem } from '../../model';
import type { PostFields } from '../adapter';
import { exact, type Json, obj } from '../page-json';
import { objectEnd } from '../script-json';

const ORIGIN = 'https://www.pinterest.com';

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The pin's id: GraphQL objects carry it as `entityId` (their `id` is an opaque node id). */
export function pinIdOf(pin: Json): string | null {
  const id = String(pin.entityId ?? pin.id ?? '');
  return /^\d{3,25}$/.test(id) ? id : null;
}

function isPin(o: Json): boolean {
  if (!obj(o.pinner)) return false;
  if (o.type === 'pin' || o.__typename === 'Pin' || o.__isNode === 'Pin') return true;
  // The pin page's own query (v3GetPinQuery) and the redux state's `pins` map carry no type name:
  // a numeric id with a pin's counts.
  if (typeof o.entityId === 'string') return 'aggregatedPinData' in o || 'reactionCountsData' in o;
  return pinIdOf(o) !== null && ('reaction_counts' in o || 'aggregated_pin_data' in o || 'repin_count' in o);
}

/** Every pin object in a JSON value, in document order, the most complete per id (max depth 40). */
export function pinsIn(value: unknown): Json[] {
  const byId = new Map<string, Json>();
  const visit = (node: unknown, depth: number) => {
    if (depth > 40 || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const o = node as Json;
    if (isPin(o)) {
      const id = pinIdOf(o);
      const known = id ? byId.get(id) : undefined;
      // A pin appears several times (grid tile and closeup): keep the copy that knows most.
      if (id && (!known || Object.keys(o).length > Object.keys(known).length)) byId.set(id, o);
    }
    for (const child of Object.values(o)) visit(child, depth + 1);
  };
  visit(value, 0);
  return [...byId.values()];
}

/** The sum of counts per reaction type; an empty map is the page saying "no reactions": 0. */
function sum(values: unknown[]): number | null {
  if (!values.every((n) => typeof n === 'number')) return null;
  return (values as number[]).reduce((a, b) => a + b, 0);
}

/** Reactions in total: `totalReactionCount`, else the sum per reaction type (`reaction_counts` {"1": 113}). */
function reactionsOf(pin: Json): number | null {
  if (typeof pin.totalReactionCount === 'number') return pin.totalReactionCount;
  if (typeof pin.total_reaction_count === 'number') return pin.total_reaction_count;
  const snake = obj(pin.reaction_counts);
  if (snake) return sum(Object.values(snake));
  if (Array.isArray(pin.reactionCountsData))
    return sum(pin.reactionCountsData.map((r) => obj(r)?.reactionCount));
  return null;
}

/** A pin object as the fields of a post: exact counts, time, pinner. */
export function pinFields(pin: Json): PostFields {
  const id = pinIdOf(pin);
  const pinner = obj(pin.pinner) ?? {};
  const aggregated = obj(pin.aggregatedPinData) ?? obj(pin.aggregated_pin_data) ?? {};
  const stats = obj(aggregated.aggregatedStats) ?? obj(aggregated.aggregated_stats) ?? {};
  const created = Date.parse(str(pin.createdAt) ?? str(pin.created_at) ?? '');
  const title =
    str(pin.title) ??
    str(pin.gridTitle) ??
    str(pin.grid_title) ??
    str(pin.unauthOnPageTitle) ??
    str(pin.unauth_on_page_title);
  const description =
    str(pin.description) ?? str(pin.closeupUnifiedDescription) ?? str(pin.closeup_unified_description);
  return {
    id,
    url: id ? `${ORIGIN}/pin/${id}/` : null,
    handle: str(pinner.username),
    name: str(pinner.fullName) ?? str(pinner.full_name),
    text: [title, description].filter((t) => t !== null && t.trim() !== '.').join(' '),
    createdAt: Number.isNaN(created) ? null : new Date(created).toISOString(),
    counts: {
      likes: exact(reactionsOf(pin)),
      comments: exact(
        aggregated.commentCount ?? aggregated.comment_count ?? pin.comment_count ?? pin.commentCount,
      ),
      // What the pin page shows as "saves" is the count over every copy of the image.
      saves: exact(stats.saves ?? pin.repin_count ?? pin.repinCount),
      shares: exact(pin.shareCount ?? pin.share_count),
    },
    media: pin.videos || pin.isVideo || pin.videoList ? 'video' : 'image',
    promoted: pin.is_promoted === true || pin.isPromoted === true,
  };
}

/** The pins a JSON value holds, as post fields with their raw objects (for research exports). */
export function readPins(
  value: unknown,
  source: RawItem['source'],
): { fields: PostFields[]; raw: RawItem[] } {
  const fields: PostFields[] = [];
  const raw: RawItem[] = [];
  for (const pin of pinsIn(value)) {
    const f = pinFields(pin);
    if (!f.id) continue;
    fields.push(f);
    raw.push({ id: f.id, kind: 'post', source, data: pin });
  }
  return { fields, raw };
}

const RELAY_CALL = '__PWS_RELAY_REGISTER_COMPLETED_REQUEST__(';

/** The JSON values the page embeds: server state, Relay responses (scripts and registration calls). */
export function embeddedStates(doc: Document): unknown[] {
  const states: unknown[] = [];
  for (const script of doc.querySelectorAll(
    'script#__PWS_DATA__, script#__PWS_INITIAL_PROPS__, script[data-relay-response="true"], script[data-relay-completed-request]',
  )) {
    const source = script.textContent ?? '';
    // A registration call: its first argument is the URL-encoded request, its second the response.
    const call = source.indexOf(RELAY_CALL);
    const start = call >= 0 ? source.indexOf('{', call) : source.indexOf('{');
    if (start < 0) continue;
    const end = call >= 0 ? objectEnd(source, start) : source.length;
    try {
      states.push(JSON.parse(source.slice(start, end)));
    } catch {
      // Not the JSON we know: the DOM reader still has the page.
    }
  }
  return states;
}

/** All pins the page embeds, by id (first kept). */
export function embeddedPins(doc: Document): Map<string, Json> {
  const pins = new Map<string, Json>();
  for (const state of embeddedStates(doc)) {
    for (const pin of pinsIn(state)) {
      const id = pinIdOf(pin);
      const known = id ? pins.get(id) : undefined;
      if (id && (!known || Object.keys(pin).length > Object.keys(known).length)) pins.set(id, pin);
    }
  }
  return pins;
}
