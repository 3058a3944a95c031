/**
 * TikTok's embedded page state: `__UNIVERSAL_DATA_FOR_REHYDRATION__` (2023+) and `SIGI_STATE`
 * (2021–2023). It holds exact ids, creation times and counts for the video or profile the page was
 * loaded for, and (2022) the first feed items.
 */
import type { ParsedCount } from '../../parse/count';
import { type Json, obj } from '../page-json';
import { objectEnd } from '../script-json';

/** One video as the state describes it. */
export interface StateItem {
  id: string;
  handle: string | null;
  name: string | null;
  desc: string;
  createTime: number | null;
  counts: {
    likes: ParsedCount | null;
    comments: ParsedCount | null;
    shares: ParsedCount | null;
    views: ParsedCount | null;
    saves: ParsedCount | null;
  };
  isPhoto: boolean;
  /** An ad placed in the feed. */
  isAd: boolean;
  /** The platform's own object, as 4CAT's TikTok importer reads it (research exports). */
  raw: Json;
}

export interface StateUser {
  handle: string;
  name: string | null;
  followers: number | null;
  following: number | null;
  posts: number | null;
}

export interface PageState {
  items: StateItem[];
  users: StateUser[];
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * A count from the state. `statsV2` holds exact strings; the older numeric `stats` are rounded the way
 * the page displays them (217200 for "217.2K"), so they count as approximate.
 */
function count(exact: unknown, rounded: unknown): ParsedCount | null {
  if (typeof exact === 'string' && /^\d+$/.test(exact)) return { value: Number(exact), approx: false };
  if (typeof rounded === 'number' && Number.isSafeInteger(rounded) && rounded >= 0)
    return { value: rounded, approx: true };
  return null;
}

/** One video object of the state or of an API response, or null when it is not one. */
export function item(raw: Json, authorFallback: Json | null): StateItem | null {
  const id = str(raw.id);
  if (!id || !/^\d+$/.test(id)) return null;
  const author = obj(raw.author) ?? authorFallback;
  const stats = obj(raw.stats);
  const v2 = obj(raw.statsV2);
  const created = Number(raw.createTime);
  return {
    id,
    handle: str(author?.uniqueId) ?? str(raw.author),
    name: str(author?.nickname) ?? str(raw.nickname),
    desc: str(raw.desc) ?? '',
    createTime: Number.isFinite(created) && created > 0 ? created : null,
    counts: {
      likes: count(v2?.diggCount, stats?.diggCount),
      comments: count(v2?.commentCount, stats?.commentCount),
      shares: count(v2?.shareCount, stats?.shareCount),
      views: count(v2?.playCount, stats?.playCount),
      saves: count(v2?.collectCount, typeof stats?.collectCount === 'number' ? stats.collectCount : null),
    },
    isPhoto: !!raw.imagePost,
    isAd: raw.isAd === true,
    raw,
  };
}

function user(raw: Json | null, rawStats: Json | null, rawStatsV2: Json | null): StateUser | null {
  const handle = str(raw?.uniqueId);
  if (!raw || !handle) return null;
  const exact = (key: string) => count(rawStatsV2?.[key], rawStats?.[key])?.value ?? null;
  return {
    handle,
    name: str(raw.nickname),
    followers: exact('followerCount'),
    following: exact('followingCount'),
    posts: exact('videoCount'),
  };
}

/** The object in a script, also when it is assigned (`window['SIGI_STATE']={…};window['SIGI_RETRY']=…`). */
function scriptJson(doc: Document, selector: string): Json | null {
  const source = doc.querySelector(selector)?.textContent ?? '';
  const start = source.indexOf('{');
  if (start < 0) return null;
  const end = objectEnd(source, start);
  if (end < 0) return null;
  const text = source.slice(start, end);
  try {
    return obj(JSON.parse(text));
  } catch {
    // Saved and re-formatted pages turn the JSON into a JavaScript literal: unquoted keys, 'strings'.
    try {
      return obj(JSON.parse(literalToJson(text)));
    } catch {
      return null;
    }
  }
}

const WORD = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const COLON_NEXT = /\s*:/y;
const CLOSE_NEXT = /\s*[}\]]/y;

/** A JavaScript object literal (as a formatter prints JSON) rewritten as JSON. */
function literalToJson(s: string): string {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c === "'" || c === '"') {
      let body = '';
      for (i++; i < s.length && s[i] !== c; i++) {
        if (s[i] === '\\') {
          const next = s[++i] ?? '';
          body += next === "'" ? "'" : `\\${next}`;
        } else body += s[i] === '"' ? '\\"' : s[i];
      }
      out.push(`"${body}"`);
    } else if (/[\p{L}_$]/u.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(s)?.[0] ?? c;
      i += word.length - 1;
      COLON_NEXT.lastIndex = i + 1;
      const isKey = COLON_NEXT.test(s);
      out.push(isKey ? `"${word}"` : word === 'undefined' ? 'null' : word);
    } else if (c === ',') {
      CLOSE_NEXT.lastIndex = i + 1;
      if (!CLOSE_NEXT.test(s)) out.push(c); // a trailing comma is dropped
    } else out.push(c);
  }
  return out.join('');
}

/** Everything the page's embedded state says about videos and users. */
export function readState(doc: Document): PageState {
  const items: StateItem[] = [];
  const users: StateUser[] = [];
  const universal = obj(scriptJson(doc, '#__UNIVERSAL_DATA_FOR_REHYDRATION__')?.__DEFAULT_SCOPE__);
  if (universal) {
    const detail = obj(obj(obj(universal['webapp.video-detail'])?.itemInfo)?.itemStruct);
    const video = detail ? item(detail, null) : null;
    if (video) items.push(video);
    const info = obj(obj(universal['webapp.user-detail'])?.userInfo);
    const u = user(obj(info?.user), obj(info?.stats), obj(info?.statsV2));
    if (u) users.push(u);
  }
  const sigi = scriptJson(doc, '#SIGI_STATE') ?? scriptJson(doc, '#sigi-persisted-data');
  if (sigi) {
    for (const raw of Object.values(obj(sigi.ItemModule) ?? {})) {
      const o = obj(raw);
      const video = o ? item(o, null) : null;
      if (video) items.push(video);
    }
    const userModule = obj(sigi.UserModule);
    for (const [key, raw] of Object.entries(obj(userModule?.users) ?? {})) {
      const u = user(obj(raw), obj(obj(userModule?.stats)?.[key]), null);
      if (u) users.push(u);
    }
  }
  return { items, users };
}
