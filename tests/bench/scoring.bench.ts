/**
 * Scoring micro-benchmark: summarizeSet over synthetic posts against a naive per-account
 * filter-and-sort implementation, measured in the same run. A plain function (no test runner, no
 * timing assertions) so `npm run bench` can call it and print the rows.
 */
import { emptyMetrics, type StoredPost } from '../../core/model';
import {
  accountBaseline,
  addOrUpdatePost,
  assessPost,
  engagementRate,
  interactions,
  isMature,
  statsByAccount,
  summarizeSet,
} from '../../core/scoring';

/** One measured benchmark: median wall time over the runs, and the number of posts it processed. */
export interface BenchRow {
  bench: string;
  median_ms: number;
  n: number;
}

const DAY = 86_400_000;

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` synthetic posts by `accounts` accounts over the year before `now`, with realistic gaps (nulls). */
export function syntheticPosts(n: number, accounts: number, now: number, seed = 42): StoredPost[] {
  const r = rng(seed);
  const out: StoredPost[] = [];
  for (let i = 0; i < n; i++) {
    const handle = `acct${i % accounts}`;
    const time = now - Math.floor(r() * 365 * DAY);
    const views = r() < 0.5 ? Math.floor(r() * 100_000) : null;
    const metrics = {
      ...emptyMetrics(),
      likes: r() < 0.95 ? Math.floor(r() * r() * 2_000) : null,
      comments: r() < 0.8 ? Math.floor(r() * 100) : null,
      shares: r() < 0.7 ? Math.floor(r() * 50) : null,
      views,
    };
    out.push({
      id: `${handle}-${i}`,
      url: null,
      author: { handle, name: null },
      text: '',
      createdAt: new Date(time).toISOString(),
      metrics,
      approx: [],
      media: 'text',
      hashtags: [],
      mentions: [],
      links: [],
      promoted: false,
      repostedBy: null,
      platform: 'x',
      authorKey: handle,
      time,
      firstSeen: time,
      // most posts read days later, some only in their first hours
      lastSeen: Math.min(now, time + Math.floor((r() < 0.8 ? 3 : 0.2) * DAY * (0.5 + r()))),
      followersAtCapture: r() < 0.8 ? 10_000 + (i % accounts) * 5_000 : null,
    });
  }
  return out;
}

/** Naive reference: per account, filter the full list, sort, and compute each figure separately. */
export function naiveSummarize(
  handles: readonly string[],
  posts: readonly StoredPost[],
  window: { from: number; to: number },
  now: number,
) {
  const sortedMedian = (xs: number[]) => {
    if (xs.length === 0) return null;
    const s = [...xs].sort((a, b) => a - b);
    const k = s.length >> 1;
    return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
  };
  const totals = handles.map((h) => {
    let t = 0;
    for (const p of posts) {
      if (p.authorKey !== h || p.time < window.from || p.time >= window.to) continue;
      t += interactions(p.metrics) ?? 0;
    }
    return t;
  });
  const total = totals.reduce((a, b) => a + b, 0);
  return handles.map((h, i) => {
    const own = posts.filter((p) => p.authorKey === h).sort((a, b) => b.time - a.time);
    const inWindow = own.filter((p) => p.time >= window.from && p.time < window.to);
    const mature = inWindow.filter((p) => isMature(p, now));
    const baseline = accountBaseline(own, now);
    const rates = mature.map((p) => engagementRate(p)).filter((x) => x !== null);
    return {
      handle: h,
      posts: inWindow.length,
      medianInteractions: sortedMedian(mature.map((p) => interactions(p.metrics)).filter((x) => x !== null)),
      medianErFollowers: sortedMedian(rates.filter((x) => x.denominator === 'followers').map((x) => x.value)),
      breakouts: mature.filter((p) => {
        const a = assessPost(p, baseline, now);
        return (a.status === 'ok' || a.status === 'thin') && a.breakout;
      }).length,
      share: total > 0 ? (totals[i]! / total) * 100 : null,
    };
  });
}

function medianMs(times: number[]): number {
  const s = [...times].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

/** Median ms of `runs` timed calls of `fn` on a fresh `setup()` state each (setup is not timed). */
function measure<S>(runs: number, setup: () => S, fn: (state: S) => unknown): number {
  fn(setup()); // warm-up: let the JIT compile before timing
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const state = setup();
    const t0 = performance.now();
    fn(state);
    times.push(performance.now() - t0);
  }
  return medianMs(times);
}

/**
 * Run the scoring benchmarks: summarizeSet over `posts` synthetic posts of `accounts` accounts
 * (default 100,000 × 10), the naive reference, building AccountStats from scratch, and 1,000
 * incremental updates. Each figure is the median of `runs` runs (default 7).
 */
export function benchScoring(options: { posts?: number; accounts?: number; runs?: number } = {}): BenchRow[] {
  const n = options.posts ?? 100_000;
  const accounts = options.accounts ?? 10;
  const runs = options.runs ?? 7;
  const now = Date.UTC(2025, 5, 16, 12);
  const posts = syntheticPosts(n, accounts, now);
  const handles = Array.from({ length: accounts }, (_, i) => `acct${i}`);
  const set = { members: handles.map((handle) => ({ platform: 'x', handle })) };
  const window = { from: now - 90 * DAY, to: now };

  // 1,000 captures: every other one fresh counts for a known post, the rest new posts.
  const fresh = syntheticPosts(1_000, accounts, now + DAY, 7);
  const updates = fresh.map((p, i) => {
    const known = posts[(i * 97) % posts.length]!;
    return i % 2 === 0
      ? {
          ...known,
          metrics: { ...known.metrics, likes: (known.metrics.likes ?? 0) + 10 },
          lastSeen: now + DAY,
        }
      : { ...p, id: `new-${i}` };
  });
  const none = () => undefined;
  return [
    {
      bench: 'scoring.summarizeSet',
      median_ms: measure(runs, none, () => summarizeSet(set, posts, window, now)),
      n,
    },
    {
      bench: 'scoring.summarizeSet.naive-filter-sort',
      median_ms: measure(runs, none, () => naiveSummarize(handles, posts, window, now)),
      n,
    },
    {
      bench: 'scoring.statsByAccount.from-scratch',
      median_ms: measure(runs, none, () => statsByAccount(posts, now)),
      n,
    },
    {
      bench: 'scoring.addOrUpdatePost.x1000',
      median_ms: measure(
        runs,
        () => statsByAccount(posts, now),
        (stats) => {
          for (const u of updates) addOrUpdatePost(stats.get(`x\u0000${u.authorKey}`)!, u, now + DAY);
        },
      ),
      n: updates.length,
    },
  ];
}
