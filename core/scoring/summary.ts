/**
 * The competitive-set table: one row per member with followers, cadence, median ER, median
 * interactions, breakouts and share of voice, each with its n. One pass over the posts (no per-account
 * filtering or sorting), so 100k posts summarise in a few tens of milliseconds.
 */
import { type Baseline, baselineFromFigures, compareTimeId, judge } from './baseline';
import { type Cadence, cadenceOf, type TimeWindow } from './cadence';
import { chooseDenominator, type Denominator, type PostFigures, type RatedPost } from './engagement';
import { interactions } from './interactions';
import { normalizeHandle } from './maturity';
import { type Member, type ShareOfVoice, shareOfVoiceFromTotals, uniqueMembers } from './sov';
import { medianInPlace } from './stats';
import { BASELINE_WINDOW, MATURE_AGE_MS, MEDIAN_MIN_N } from './thresholds';

/** What the summary reads from a post (StoredPost has it). */
export interface SummaryPost extends RatedPost {
  platform: string;
  authorKey: string;
  id: string;
  time: number;
  lastSeen: number;
}

/** One member's row. Medians use mature posts in the window; counts use every post in the window. */
export interface AccountSummary {
  platform: string;
  handle: string;
  /** From the account row when known, else the newest follower count captured with a post. */
  followers: number | null;
  followersSource: 'account' | 'post' | null;
  /** Posts in the window. */
  posts: number;
  postsPerWeek: Cadence;
  medianEr: { value: number | null; denominator: Denominator; n: number; thin: boolean };
  medianInteractions: { value: number | null; n: number; thin: boolean };
  /** The account's baseline at `now` (newest 30 mature posts, not limited to the window). */
  baseline: Baseline;
  /** Mature posts in the window judged breakouts against the baseline; n = posts that could be judged. */
  breakouts: { count: number; n: number; thin: boolean };
  /** Percent of the set's interactions in the window; null when the set has none. */
  shareOfVoice: { value: number | null; interactions: number; n: number; thin: boolean };
}

/** The set table plus the set-wide share-of-voice totals. */
export interface SetSummary {
  window: TimeWindow;
  now: number;
  accounts: AccountSummary[];
  shareOfVoice: ShareOfVoice;
}

/** Options for summarizeSet. */
export interface SummarizeOptions {
  /** Account rows (StoredAccount) for follower counts. */
  accounts?: readonly { platform: string; handle: string; followers: number | null }[];
  /** Force one ER denominator for every member's median, so rows are comparable. */
  denominator?: Denominator;
}

/** Internal per-member accumulator for the single pass. */
interface Acc {
  member: Member;
  postFollowers: number | null;
  postFollowersAt: number;
  postFollowersId: string;
  newest: (PostFigures & { time: number; id: string })[];
  posts: number;
  sovSum: number;
  sovN: number;
  // Mature posts in the window, one entry each; NaN where a figure is unknown.
  inter: number[];
  f: number[];
  v: number[];
}

/** Internal: median of the non-NaN values of `xs` (copied into `scratch`), and how many there were. */
function medianOf(xs: readonly number[], scratch: Float64Array): { value: number | null; n: number } {
  let n = 0;
  for (const x of xs) if (!Number.isNaN(x)) scratch[n++] = x;
  return { value: medianInPlace(scratch, n), n };
}

/**
 * Summarise a competitive set over [window.from, window.to) at `now`: per member followers,
 * posts/week, median ER (with its denominator), median interactions, baseline, breakouts and share of
 * voice — all with n. Posts by non-members are ignored.
 */
export function summarizeSet(
  set: { members: readonly Member[] },
  posts: readonly SummaryPost[],
  window: TimeWindow,
  now: number,
  options: SummarizeOptions = {},
): SetSummary {
  const members = uniqueMembers(set.members);
  const accs: Acc[] = members.map((member) => ({
    member,
    postFollowers: null,
    postFollowersAt: Number.NEGATIVE_INFINITY,
    postFollowersId: '',
    newest: [],
    posts: 0,
    sovSum: 0,
    sovN: 0,
    inter: [],
    f: [],
    v: [],
  }));
  // platform → raw authorKey → member index (−1 = not a member); memoises the handle normalisation.
  const byPlatform = new Map<string, Map<string, number>>();
  members.forEach((m, i) => {
    let m2 = byPlatform.get(m.platform);
    if (!m2) {
      m2 = new Map();
      byPlatform.set(m.platform, m2);
    }
    m2.set(m.handle, i);
  });

  const matureBefore = now - MATURE_AGE_MS;
  const { from, to } = window;
  for (const p of posts) {
    const handles = byPlatform.get(p.platform);
    if (handles === undefined) continue;
    let idx = handles.get(p.authorKey);
    if (idx === undefined) {
      idx = handles.get(normalizeHandle(p.authorKey)) ?? -1;
      handles.set(p.authorKey, idx);
    }
    if (idx < 0) continue;
    const acc = accs[idx]!;

    const fol = p.followersAtCapture;
    // Newest reading wins; ties go to the larger id so the result does not depend on input order.
    if (
      fol !== null &&
      fol !== undefined &&
      (p.lastSeen > acc.postFollowersAt || (p.lastSeen === acc.postFollowersAt && p.id > acc.postFollowersId))
    ) {
      acc.postFollowers = fol;
      acc.postFollowersAt = p.lastSeen;
      acc.postFollowersId = p.id;
    }

    const inter = interactions(p.metrics);
    const mature = p.time <= matureBefore && p.lastSeen - p.time >= MATURE_AGE_MS;
    const inWin = p.time >= from && p.time < to;
    if (inter === null) {
      if (inWin) acc.posts++;
      continue;
    }
    if (!mature && !inWin) continue;
    const views = p.metrics.views;
    // Same expressions as postFigures(), so figures agree bit for bit with the per-function API.
    const f = fol !== null && fol !== undefined && fol > 0 ? (inter / fol) * 100 : Number.NaN;
    const v = views !== null && views > 0 ? (inter / views) * 100 : Number.NaN;
    if (mature) {
      const newest = acc.newest;
      // Cheap reject before allocating: most posts are older than the 30 newest kept so far.
      if (newest.length < BASELINE_WINDOW || compareTimeId(p, newest[0]!) > 0) {
        if (newest.length >= BASELINE_WINDOW) newest.shift();
        const item = { inter, f, v, time: p.time, id: p.id };
        let i = newest.length;
        while (i > 0 && compareTimeId(newest[i - 1]!, item) > 0) i--;
        newest.splice(i, 0, item);
      }
    }
    if (inWin) {
      acc.posts++;
      acc.sovSum += inter;
      acc.sovN++;
      if (mature) {
        acc.inter.push(inter);
        acc.f.push(f);
        acc.v.push(v);
      }
    }
  }

  const sov = shareOfVoiceFromTotals(
    accs.map((a) => ({
      platform: a.member.platform,
      handle: a.member.handle,
      interactions: a.sovSum,
      posts: a.posts,
      n: a.sovN,
    })),
  );
  const accountFollowers = new Map<string, number | null>();
  for (const a of options.accounts ?? []) {
    accountFollowers.set(`${a.platform}\u0000${normalizeHandle(a.handle)}`, a.followers);
  }
  let maxLen = 0;
  for (const a of accs) maxLen = Math.max(maxLen, a.inter.length);
  const scratch = new Float64Array(maxLen);

  const rows = accs.map((a, i): AccountSummary => {
    const baseline = baselineFromFigures(a.newest);
    let withF = 0;
    let withV = 0;
    for (let k = 0; k < a.inter.length; k++) {
      if (!Number.isNaN(a.f[k]!)) withF++;
      if (!Number.isNaN(a.v[k]!)) withV++;
    }
    const denominator = options.denominator ?? chooseDenominator(withF, withV, a.inter.length);
    const pick = (d: Denominator) => (d === 'followers' ? a.f : d === 'views' ? a.v : a.inter);
    const er = medianOf(pick(denominator), scratch);
    const mi = medianOf(a.inter, scratch);

    let judged = 0;
    let breakouts = 0;
    for (const x of pick(baseline.denominator)) {
      if (Number.isNaN(x)) continue;
      judged++;
      if (judge(x, baseline).breakout) breakouts++;
    }

    const fromAccount = accountFollowers.get(`${a.member.platform}\u0000${a.member.handle}`) ?? null;
    const sovRow = sov.rows[i]!;
    return {
      platform: a.member.platform,
      handle: a.member.handle,
      followers: fromAccount ?? a.postFollowers,
      followersSource: fromAccount !== null ? 'account' : a.postFollowers !== null ? 'post' : null,
      posts: a.posts,
      postsPerWeek: cadenceOf(a.posts, window),
      medianEr: { value: er.value, denominator, n: er.n, thin: er.n < MEDIAN_MIN_N },
      medianInteractions: { value: mi.value, n: mi.n, thin: mi.n < MEDIAN_MIN_N },
      baseline,
      breakouts: { count: breakouts, n: judged, thin: baseline.thin },
      shareOfVoice: { value: sovRow.share, interactions: sovRow.interactions, n: sovRow.n, thin: sov.thin },
    };
  });
  return { window, now, accounts: rows, shareOfVoice: sov };
}
