/**
 * The competitive-set table from each member's maintained aggregates (no post rows read): what the
 * side panel shows at once however large the history is. Compared with `summarizeSet` over posts,
 * two things are coarser, by design and labelled as such:
 * - counts, cadence and share of voice cover whole UTC weeks overlapping the window;
 * - medians and breakouts are those of the account baseline (its newest 30 mature posts), the same
 *   yardstick the badges use.
 */
import type { AccountStats } from './accumulator';
import { baselineFromFigures, judge } from './baseline';
import { cadenceOf, type TimeWindow } from './cadence';
import { figureFor } from './engagement';
import { type Member, shareOfVoiceFromTotals, uniqueMembers } from './sov';
import { medianInPlace } from './stats';
import type { AccountSummary, SetSummary } from './summary';
import { MEDIAN_MIN_N, WEEK } from './thresholds';

/** A member's aggregates as the worker stores them (see AccountStatsRow in core/model). */
export interface StatsSnapshot {
  platform: string;
  handle: string;
  /** [UTC week index, posts, sum of known interactions, posts with known interactions]. */
  weeks: [number, number, number, number][];
  /** Figures of the newest ≤ 30 mature posts (NaN-free: null where unknown). */
  window: { inter: number | null; f: number | null; v: number | null; time: number; id: string }[];
}

const nullIfNaN = (x: number) => (Number.isNaN(x) ? null : x);

/** The storable part of an account's running statistics (week buckets and baseline window). */
export function statsSnapshot(stats: AccountStats): StatsSnapshot {
  return {
    platform: stats.platform ?? '',
    handle: stats.handle ?? '',
    weeks: [...stats.weeks].map(([week, b]): [number, number, number, number] => [
      week,
      b.posts,
      b.interactions,
      b.n,
    ]),
    window: stats.window.map((e) => ({
      inter: nullIfNaN(e.inter),
      f: nullIfNaN(e.f),
      v: nullIfNaN(e.v),
      time: e.time,
      id: e.id,
    })),
  };
}

// 1970-01-05 was a Monday (see accumulator.ts weekIndex).
const MONDAY_EPOCH = 4 * 86_400_000;

/** Summarise a set over the UTC weeks overlapping [window.from, window.to) from stored aggregates. */
export function summarizeSetFromStats(
  set: { members: readonly Member[] },
  snapshots: readonly StatsSnapshot[],
  window: TimeWindow,
  now: number,
  accounts: readonly { platform: string; handle: string; followers: number | null }[] = [],
): SetSummary {
  const fromWeek = Math.floor((window.from - MONDAY_EPOCH) / WEEK);
  const toWeek = Math.ceil((window.to - MONDAY_EPOCH) / WEEK);
  const weeksWindow = { from: MONDAY_EPOCH + fromWeek * WEEK, to: MONDAY_EPOCH + toWeek * WEEK };
  const byKey = new Map(snapshots.map((s) => [`${s.platform}\u0000${s.handle}`, s]));
  const followersOf = new Map(accounts.map((a) => [`${a.platform}\u0000${a.handle}`, a.followers]));
  const scratch = new Float64Array(64);
  const rows: AccountSummary[] = uniqueMembers(set.members).map((member) => {
    const key = `${member.platform}\u0000${member.handle}`;
    const snap = byKey.get(key);
    let posts = 0;
    let interactions = 0;
    let n = 0;
    for (const [week, p, i, k] of snap?.weeks ?? []) {
      if (week < fromWeek || week >= toWeek) continue;
      posts += p;
      interactions += i;
      n += k;
    }
    const figures = (snap?.window ?? []).map((e) => ({
      inter: e.inter ?? Number.NaN,
      f: e.f ?? Number.NaN,
      v: e.v ?? Number.NaN,
    }));
    const baseline = baselineFromFigures(figures);
    let m = 0;
    for (const fig of figures) if (!Number.isNaN(fig.inter)) scratch[m++] = fig.inter;
    const medianInteractions = medianInPlace(scratch, m);
    let breakouts = 0;
    let judged = 0;
    for (const fig of figures) {
      const value = figureFor(fig, baseline.denominator);
      if (Number.isNaN(value)) continue;
      judged++;
      if (judge(value, baseline).breakout) breakouts++;
    }
    const followers = followersOf.get(key) ?? null;
    return {
      platform: member.platform,
      handle: member.handle,
      followers,
      followersSource: followers === null ? null : 'account',
      posts,
      postsPerWeek: cadenceOf(posts, weeksWindow),
      medianEr: {
        value: baseline.median,
        denominator: baseline.denominator,
        n: baseline.n,
        thin: baseline.n < MEDIAN_MIN_N,
      },
      medianInteractions: { value: medianInteractions, n: m, thin: m < MEDIAN_MIN_N },
      baseline,
      breakouts: { count: breakouts, n: judged, thin: baseline.thin },
      shareOfVoice: { value: null, interactions, n, thin: false },
    };
  });
  const sov = shareOfVoiceFromTotals(
    rows.map((r) => ({
      platform: r.platform,
      handle: r.handle,
      interactions: r.shareOfVoice.interactions,
      posts: r.posts,
      n: r.shareOfVoice.n,
    })),
  );
  rows.forEach((row, i) => {
    const share = sov.rows[i];
    if (share)
      row.shareOfVoice = { value: share.share, interactions: share.interactions, n: share.n, thin: sov.thin };
  });
  return { window: weeksWindow, now, accounts: rows, shareOfVoice: sov };
}
