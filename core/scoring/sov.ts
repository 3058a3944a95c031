/**
 * Share of voice over a competitive set: whose posts got the interactions, and whose name the
 * conversation uses. Both are shares of what the user has seen, not of the whole platform.
 */
import type { Metrics } from '../model';
import { inWindow, type TimeWindow } from './cadence';
import { interactions } from './interactions';
import { accountKey, normalizeHandle } from './maturity';
import { MENTION_MIN_POSTS, SOV_MIN_POSTS } from './thresholds';

/** A member of a competitive set. */
export interface Member {
  platform: string;
  handle: string;
}

/** One account's share of the set's interactions. */
export interface SovRow {
  platform: string;
  /** Normalised handle (lower-case, no '@'). */
  handle: string;
  /** Sum of known interactions of its posts in the window. */
  interactions: number;
  /** Posts in the window. */
  posts: number;
  /** Posts in the window with known interactions (the ones summed). */
  n: number;
  /** Percent of the set's interactions; null when the set total is 0. Rows sum to 100. */
  share: number | null;
}

/** Share of voice of each member, in member order. */
export interface ShareOfVoice {
  rows: SovRow[];
  /** The set's interactions in the window. */
  total: number;
  /** Posts with known interactions across the set. */
  n: number;
  thin: boolean;
}

/** What share of voice needs from a post. */
export interface SovPost {
  platform: string;
  authorKey: string;
  time: number;
  metrics: Metrics;
}

/** Internal: members without duplicates (first wins), normalised. */
export function uniqueMembers(members: readonly Member[]): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const m of members) {
    const key = accountKey(m.platform, m.handle);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ platform: m.platform, handle: normalizeHandle(m.handle) });
  }
  return out;
}

/** Share of voice from per-member sums (shared by shareOfVoice, summarizeSet and the accumulators). */
export function shareOfVoiceFromTotals(rows: readonly Omit<SovRow, 'share'>[]): ShareOfVoice {
  let total = 0;
  let n = 0;
  for (const r of rows) {
    total += r.interactions;
    n += r.n;
  }
  return {
    rows: rows.map((r) => ({ ...r, share: total > 0 ? (r.interactions / total) * 100 : null })),
    total,
    n,
    thin: n < SOV_MIN_POSTS,
  };
}

/**
 * Each member's interactions in [from, to) ÷ the set's total, in percent. Posts with no known
 * interaction metric add nothing (and are not counted in n); posts by non-members are ignored.
 */
export function shareOfVoice(
  posts: readonly SovPost[],
  members: readonly Member[],
  window: TimeWindow,
): ShareOfVoice {
  const unique = uniqueMembers(members);
  const index = new Map<string, number>();
  unique.forEach((m, i) => {
    index.set(accountKey(m.platform, m.handle), i);
  });
  const sums = unique.map((m) => ({
    platform: m.platform,
    handle: m.handle,
    interactions: 0,
    posts: 0,
    n: 0,
  }));
  for (const p of posts) {
    if (!inWindow(p.time, window)) continue;
    const i = index.get(accountKey(p.platform, p.authorKey));
    if (i === undefined) continue;
    const row = sums[i]!;
    row.posts++;
    const x = interactions(p.metrics);
    if (x !== null) {
      row.interactions += x;
      row.n++;
    }
  }
  return shareOfVoiceFromTotals(sums);
}

// ─── Mention share ───

/** One tracked term's share of the posts that mention any tracked term. */
export interface MentionRow {
  term: string;
  /** Posts mentioning this term. */
  posts: number;
  /** posts / posts mentioning any term × 100; null when none mentions any. Rows may sum to > 100. */
  share: number | null;
}

/** Mention share of each term, in term order. */
export interface MentionShare {
  rows: MentionRow[];
  /** Posts mentioning at least one term (the denominator). */
  n: number;
  /** Posts looked at (in the window). */
  scanned: number;
  thin: boolean;
}

/** What mention share reads from a post. */
export interface MentionPost {
  text: string;
  time: number;
  hashtags?: readonly string[];
  mentions?: readonly string[];
}

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

/**
 * A case-insensitive, whole-word matcher for a brand term: "Müller" matches "#müller", "@Müller" and
 * "MÜLLER!" but not "Müllers" or "Obermüller". Letters, marks and digits of any script count as word
 * characters (ASCII \b would split "Müller" at the ü). Text and term are NFC-normalised first.
 */
export function mentionMatcher(term: string): (text: string) => boolean {
  const re = termPattern(term);
  return re === null ? () => false : (text) => re.test(text.normalize('NFC'));
}

/** Internal: the whole-word, case-insensitive pattern for a term (matched against NFC text); null if blank. */
function termPattern(term: string): RegExp | null {
  const t = term.normalize('NFC').trim();
  if (t.length === 0) return null;
  // Only syntax characters may be escaped in a /u pattern ("\-" would be a SyntaxError).
  const escaped = t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, 'iu');
}

/**
 * Per term: posts in the window mentioning it ÷ posts mentioning any term, in percent. A post naming
 * two brands counts for both, so the rows can sum to more than 100 %. Hashtags and mentions are
 * searched along with the text. Without a window, every post counts.
 */
export function mentionShare(
  posts: readonly MentionPost[],
  terms: readonly string[],
  window?: TimeWindow,
): MentionShare {
  const seen = new Set<string>();
  const tracked: { term: string; re: RegExp }[] = [];
  for (const term of terms) {
    const key = term.normalize('NFC').trim().toLowerCase();
    const re = termPattern(term);
    if (re === null || seen.has(key)) continue;
    seen.add(key);
    tracked.push({ term, re });
  }
  const counts = tracked.map(() => 0);
  let any = 0;
  let scanned = 0;
  for (const p of posts) {
    if (window && !inWindow(p.time, window)) continue;
    scanned++;
    const haystack = [
      p.text,
      ...(p.hashtags ?? []).map((h) => `#${h.replace(/^#+/, '')}`),
      ...(p.mentions ?? []),
    ]
      .join('\n')
      .normalize('NFC');
    let hit = false;
    tracked.forEach((t, i) => {
      if (t.re.test(haystack)) {
        counts[i]!++;
        hit = true;
      }
    });
    if (hit) any++;
  }
  return {
    rows: tracked.map((t, i) => ({
      term: t.term,
      posts: counts[i]!,
      share: any > 0 ? (counts[i]! / any) * 100 : null,
    })),
    n: any,
    scanned,
    thin: any < MENTION_MIN_POSTS,
  };
}
