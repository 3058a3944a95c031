/**
 * AccountStats: per-account running state the service worker keeps, so a captured post updates the
 * scores without rescanning history.
 *
 * - `window`: the ≤ 30 newest mature posts with known interactions — the baseline, recomputed from
 *   these 30 in O(30) on demand.
 * - `weeks`: per UTC week (Monday 00:00 UTC) post count and interaction sum, for cadence and share of
 *   voice over week-aligned ranges.
 * - `entries`: each post's last contribution (a few numbers), so an update can subtract it first.
 *
 * Cost per addOrUpdatePost: O(30) in the common cases (new post, or new metrics for a known post).
 * Only when a post inside the window leaves it for another reason — its time changed, it lost every
 * metric, it was removed, or `now` went backwards — is the window rebuilt from `entries`: O(posts of
 * this account), no sorting, no database access.
 */
import { type Baseline, baselineFromFigures, compareTimeId, keepNewest } from './baseline';
import { type Cadence, cadenceOf } from './cadence';
import { type PostFigures, postFigures } from './engagement';
import type { Timed } from './maturity';
import { accountKey, normalizeHandle } from './maturity';
import { type ShareOfVoice, shareOfVoiceFromTotals } from './sov';
import type { SummaryPost } from './summary';
import { BASELINE_WINDOW, MATURE_AGE_MS, WEEK } from './thresholds';
import { type ViewsBaseline, viewsBaselineFromValues } from './views';

/** One post's contribution: its figures (NaN where unknown), times and week. */
export interface StatsEntry extends PostFigures, Timed {
  id: string;
  /** UTC week index (see weekIndex). */
  week: number;
  /** Views (plays); NaN where the page showed none. For the views baseline of views-first platforms. */
  views: number;
}

/** Posts and interactions of one UTC week. */
export interface WeekBucket {
  posts: number;
  /** Sum of known interactions. */
  interactions: number;
  /** Posts with known interactions. */
  n: number;
}

/** Running per-account state; mutate only through addOrUpdatePost / removePost. */
export interface AccountStats {
  platform: string | null;
  handle: string | null;
  /** The `now` of the last update. */
  now: number;
  entries: Map<string, StatsEntry>;
  /** ≤ BASELINE_WINDOW newest mature entries with known interactions, oldest first. */
  window: StatsEntry[];
  /** Entries whose metrics are final (read at ≥ 24 h) but which are not 24 h old at `now` yet. */
  pending: StatsEntry[];
  /** Entries mature at `now` with known interactions (window ⊆ these). */
  matureCount: number;
  weeks: Map<number, WeekBucket>;
  /** How often the O(n) rebuild ran (diagnostics). */
  rebuilds: number;
}

// 1970-01-05 was a Monday; weeks start there so week 0 is a full ISO week.
const MONDAY_EPOCH = 4 * 86_400_000;

/** Index of the UTC week (Monday 00:00 UTC … Sunday 24:00) containing epoch-ms t. */
export function weekIndex(t: number): number {
  return Math.floor((t - MONDAY_EPOCH) / WEEK);
}

/** Epoch ms at which UTC week `w` starts (Monday 00:00 UTC). */
export function weekStart(w: number): number {
  return MONDAY_EPOCH + w * WEEK;
}

/** A fresh accumulator; the first post added decides the account. */
export function emptyAccountStats(): AccountStats {
  return {
    platform: null,
    handle: null,
    now: Number.NEGATIVE_INFINITY,
    entries: new Map(),
    window: [],
    pending: [],
    matureCount: 0,
    weeks: new Map(),
    rebuilds: 0,
  };
}

/** Internal: final metrics (read at ≥ 24 h) and known interactions — the window's entry ticket, apart from age. */
function eligible(e: StatsEntry): boolean {
  return !Number.isNaN(e.inter) && e.lastSeen - e.time >= MATURE_AGE_MS;
}

function matureAt(e: StatsEntry, now: number): boolean {
  return now - e.time >= MATURE_AGE_MS;
}

function entryOf(post: SummaryPost): StatsEntry {
  const fig = postFigures(post);
  // A literal with a fixed shape, not a spread: V8 keeps it a fast object (the spread cost ~10× here).
  return {
    id: post.id,
    time: post.time,
    lastSeen: post.lastSeen,
    week: weekIndex(post.time),
    inter: fig.inter,
    f: fig.f,
    v: fig.v,
    views: post.metrics.views ?? Number.NaN,
  };
}

function bucketAdd(stats: AccountStats, e: StatsEntry, sign: 1 | -1): void {
  let b = stats.weeks.get(e.week);
  if (!b) {
    b = { posts: 0, interactions: 0, n: 0 };
    stats.weeks.set(e.week, b);
  }
  b.posts += sign;
  if (!Number.isNaN(e.inter)) {
    b.interactions += sign * e.inter;
    b.n += sign;
  }
  // Drop empty weeks so that a stats object that saw a post come and go equals one that never saw it.
  if (b.posts === 0) stats.weeks.delete(e.week);
}

function claim(stats: AccountStats, post: SummaryPost): void {
  // Fast path: authorKey is already lower-case without '@' (StoredPost convention).
  if (post.authorKey === stats.handle && post.platform === stats.platform) return;
  const handle = normalizeHandle(post.authorKey);
  if (stats.platform === null) {
    stats.platform = post.platform;
    stats.handle = handle;
  } else if (accountKey(stats.platform, stats.handle ?? '') !== accountKey(post.platform, handle)) {
    throw new Error(
      `AccountStats of ${stats.platform}/${stats.handle} got a post by ${post.platform}/${handle}`,
    );
  }
}

/** Internal: recompute window, pending and matureCount from entries — the O(n) slow path. */
function rebuild(stats: AccountStats): void {
  stats.window = [];
  stats.pending = [];
  stats.matureCount = 0;
  for (const e of stats.entries.values()) {
    if (!eligible(e)) continue;
    if (matureAt(e, stats.now)) {
      stats.matureCount++;
      keepNewest(stats.window, e, BASELINE_WINDOW);
    } else stats.pending.push(e);
  }
  stats.rebuilds++;
}

/** Internal: move the clock; posts that turned 24 h old join the window. */
function advance(stats: AccountStats, now: number): void {
  if (now === stats.now) return;
  if (now < stats.now) {
    stats.now = now;
    rebuild(stats);
    return;
  }
  stats.now = now;
  if (stats.pending.length === 0) return;
  const still: StatsEntry[] = [];
  for (const e of stats.pending) {
    if (matureAt(e, now)) {
      stats.matureCount++;
      keepNewest(stats.window, e, BASELINE_WINDOW);
    } else still.push(e);
  }
  stats.pending = still;
}

/** Internal: take an entry out of window/pending bookkeeping; true if the window lost a member. */
function detach(stats: AccountStats, old: StatsEntry): boolean {
  if (!eligible(old)) return false;
  if (!matureAt(old, stats.now)) {
    const i = stats.pending.indexOf(old);
    if (i >= 0) stats.pending.splice(i, 1);
    return false;
  }
  stats.matureCount--;
  const i = stats.window.indexOf(old);
  if (i < 0) return false;
  stats.window.splice(i, 1);
  return true;
}

/**
 * Add a post, or replace an earlier version of it (same id), at `now`; mutates and returns `stats`.
 * Throws if the post belongs to a different account than the ones already added.
 */
export function addOrUpdatePost(stats: AccountStats, post: SummaryPost, now: number): AccountStats {
  claim(stats, post);
  advance(stats, now);
  const e = entryOf(post);
  const old = stats.entries.get(post.id);
  let replacedInPlace = false;
  let lostMember = false;
  if (old) {
    bucketAdd(stats, old, -1);
    const slot = stats.window.indexOf(old);
    if (slot >= 0 && eligible(e) && e.time === old.time) {
      // The common update (fresh counts for a recent post): same (time, id) → same place in the window.
      stats.window[slot] = e;
      replacedInPlace = true;
    } else lostMember = detach(stats, old);
  }
  stats.entries.set(post.id, e);
  bucketAdd(stats, e, 1);
  if (replacedInPlace) return stats;
  if (lostMember) {
    // The window is one short and its 31st-newest post is unknown here: rebuild (rare).
    rebuild(stats);
    return stats;
  }
  if (eligible(e)) {
    if (matureAt(e, now)) {
      stats.matureCount++;
      keepNewest(stats.window, e, BASELINE_WINDOW);
    } else stats.pending.push(e);
  }
  return stats;
}

/** Forget a post (erase); mutates and returns `stats`. */
export function removePost(stats: AccountStats, id: string, now: number): AccountStats {
  advance(stats, now);
  const old = stats.entries.get(id);
  if (!old) return stats;
  bucketAdd(stats, old, -1);
  stats.entries.delete(id);
  if (detach(stats, old)) rebuild(stats);
  return stats;
}

/**
 * Build the same state from scratch (independently of addOrUpdatePost, so each checks the other):
 * the last version of each id wins, as if the posts were added in array order.
 */
export function statsFromPosts(posts: readonly SummaryPost[], now: number): AccountStats {
  const stats = emptyAccountStats();
  stats.now = now;
  const latest = new Map<string, SummaryPost>();
  for (const p of posts) {
    claim(stats, p);
    latest.set(p.id, p);
  }
  const mature: StatsEntry[] = [];
  for (const p of latest.values()) {
    const e = entryOf(p);
    stats.entries.set(p.id, e);
    bucketAdd(stats, e, 1);
    if (!eligible(e)) continue;
    if (matureAt(e, now)) mature.push(e);
    else stats.pending.push(e);
  }
  stats.matureCount = mature.length;
  mature.sort(compareTimeId);
  stats.window = mature.slice(Math.max(0, mature.length - BASELINE_WINDOW));
  return stats;
}

/** One AccountStats per account found in `posts`, keyed by accountKey(platform, handle). */
export function statsByAccount(posts: readonly SummaryPost[], now: number): Map<string, AccountStats> {
  const groups = new Map<string, SummaryPost[]>();
  for (const p of posts) {
    const key = accountKey(p.platform, p.authorKey);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const out = new Map<string, AccountStats>();
  for (const [key, g] of groups) out.set(key, statsFromPosts(g, now));
  return out;
}

/** The account baseline from the accumulator (O(30)); equals accountBaseline(posts, stats.now). */
export function statsBaseline(stats: AccountStats): Baseline {
  return baselineFromFigures(stats.window);
}

/**
 * The views baseline (median views of the newest 30 mature posts with a view count) from the entries.
 * O(posts of the account): views-first accounts are scored per batch, not per post, so this runs once
 * per capture batch and account.
 */
export function statsViewsBaseline(stats: AccountStats): ViewsBaseline {
  const newest: StatsEntry[] = [];
  for (const e of stats.entries.values()) {
    if (Number.isNaN(e.views) || e.lastSeen - e.time < MATURE_AGE_MS || !matureAt(e, stats.now)) continue;
    keepNewest(newest, e, BASELINE_WINDOW);
  }
  return viewsBaselineFromValues(newest.map((e) => e.views));
}

/** Posts and interactions in UTC weeks [fromWeek, toWeek). */
export function statsWeeks(stats: AccountStats, fromWeek: number, toWeek: number): WeekBucket {
  const sum = { posts: 0, interactions: 0, n: 0 };
  const add = (b: WeekBucket) => {
    sum.posts += b.posts;
    sum.interactions += b.interactions;
    sum.n += b.n;
  };
  if (toWeek - fromWeek > stats.weeks.size) {
    for (const [w, b] of stats.weeks) if (w >= fromWeek && w < toWeek) add(b);
  } else {
    for (let w = fromWeek; w < toWeek; w++) {
      const b = stats.weeks.get(w);
      if (b) add(b);
    }
  }
  return sum;
}

/** Posts per week over UTC weeks [fromWeek, toWeek). */
export function statsCadence(stats: AccountStats, fromWeek: number, toWeek: number): Cadence {
  return cadenceOf(statsWeeks(stats, fromWeek, toWeek).posts, {
    from: weekStart(fromWeek),
    to: weekStart(toWeek),
  });
}

/** Share of voice across accumulators over UTC weeks [fromWeek, toWeek), in the given order. */
export function statsShareOfVoice(
  all: readonly AccountStats[],
  fromWeek: number,
  toWeek: number,
): ShareOfVoice {
  return shareOfVoiceFromTotals(
    all.map((s) => {
      const w = statsWeeks(s, fromWeek, toWeek);
      return {
        platform: s.platform ?? '',
        handle: s.handle ?? '',
        interactions: w.interactions,
        posts: w.posts,
        n: w.n,
      };
    }),
  );
}
