/**
 * Velocity: interactions gained per hour. It is how young posts are judged — a 3-hour-old post's total
 * is not comparable with a 3-day-old post's total, but its pace is comparable with other posts' pace
 * at a similar age.
 */
import type { Metrics } from '../model';
import { interactions, interactionsOver, knownInteractionMask } from './interactions';
import { median } from './stats';
import {
  EARLY_AGE_MATCH_FACTOR,
  EARLY_MIN_AGE_MS,
  EARLY_VELOCITY_MIN_N,
  HOUR,
  YOUNG_AGE_MS,
} from './thresholds';

/** A metrics reading at a moment (Observation rows have this shape). */
export interface Reading {
  at: number;
  metrics: Metrics;
}

/** Interactions gained between two readings, per hour. */
export interface VelocityStep {
  from: number;
  to: number;
  /** Interactions gained (may be negative: unlikes, deleted comments). */
  gained: number;
  perHour: number;
}

/** createdAt (ISO 8601) as epoch ms; null when absent or unparseable. */
export function createdAtMs(post: { createdAt: string | null }): number | null {
  if (post.createdAt === null) return null;
  const t = Date.parse(post.createdAt);
  return Number.isNaN(t) ? null : t;
}

/**
 * Per-hour gain between consecutive readings (sorted by time; input untouched), each over the metrics
 * known in both readings; pairs sharing no metric or no time gap are skipped.
 */
export function velocitySeries(readings: readonly Reading[]): VelocityStep[] {
  const sorted = [...readings].sort((a, b) => a.at - b.at);
  const out: VelocityStep[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const dt = b.at - a.at;
    if (dt <= 0) continue;
    const mask = knownInteractionMask(a.metrics) & knownInteractionMask(b.metrics);
    const before = interactionsOver(a.metrics, mask);
    const after = interactionsOver(b.metrics, mask);
    if (before === null || after === null) continue;
    const gained = after - before;
    out.push({ from: a.at, to: b.at, gained, perHour: gained / (dt / HOUR) });
  }
  return out;
}

/** Interactions per hour since createdAt, for metrics read at `at`; null if unknown or at ≤ createdAt. */
export function velocitySinceCreated(metrics: Metrics, createdAt: number | null, at: number): number | null {
  const i = interactions(metrics);
  if (i === null || createdAt === null || !(at > createdAt)) return null;
  return i / ((at - createdAt) / HOUR);
}

/** A velocity since creation, and the post's age when it was read. */
export interface EarlyReading {
  perHour: number;
  ageMs: number;
}

/**
 * A post's velocity since creation in its first 24 h: from the reading aged ≥ 15 min and ≤ 24 h that
 * is closest to `atAgeMs` (within a factor of 2), or, without `atAgeMs`, the latest such reading.
 */
export function earlyVelocity(
  readings: readonly Reading[],
  createdAt: number | null,
  atAgeMs?: number,
): EarlyReading | null {
  if (createdAt === null) return null;
  let best: Reading | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const r of readings) {
    const age = r.at - createdAt;
    if (age < EARLY_MIN_AGE_MS || age > YOUNG_AGE_MS) continue;
    if (interactions(r.metrics) === null) continue;
    let score: number;
    if (atAgeMs === undefined) {
      score = -age; // latest reading wins
    } else {
      if (age < atAgeMs / EARLY_AGE_MATCH_FACTOR || age > atAgeMs * EARLY_AGE_MATCH_FACTOR) continue;
      score = Math.abs(age - atAgeMs);
    }
    // Ties (equal score) go to the later reading, so the choice does not depend on input order.
    if (score < bestScore || (score === bestScore && best !== null && r.at > best.at)) {
      best = r;
      bestScore = score;
    }
  }
  if (best === null) return null;
  const perHour = velocitySinceCreated(best.metrics, createdAt, best.at);
  return perHour === null ? null : { perHour, ageMs: best.at - createdAt };
}

/** A post's creation time and its readings (its Observation rows, grouped by post). */
export interface PostReadings {
  createdAt: number | null;
  readings: readonly Reading[];
}

/** The account's typical early pace: median early velocity of other posts, with n. */
export interface TypicalVelocity {
  value: number | null;
  n: number;
  thin: boolean;
  /** The age the readings were matched to, if any. */
  atAgeMs: number | null;
}

/** Median early velocity over other posts' first-24-h readings (matched to `atAgeMs` when given). */
export function typicalEarlyVelocity(others: readonly PostReadings[], atAgeMs?: number): TypicalVelocity {
  const values: number[] = [];
  for (const o of others) {
    const e = earlyVelocity(o.readings, o.createdAt, atAgeMs);
    if (e !== null) values.push(e.perHour);
  }
  return {
    value: median(values),
    n: values.length,
    thin: values.length < EARLY_VELOCITY_MIN_N,
    atAgeMs: atAgeMs ?? null,
  };
}

/** A young post's pace compared with the account's typical pace at the same age. */
export type YoungComparison =
  /** ≥ 24 h old: judge it against the baseline instead. */
  | { status: 'mature' }
  | { status: 'unknown'; reason: 'no-created-at' | 'no-interactions' | 'too-early' }
  | {
      status: 'ok' | 'thin';
      thin: boolean;
      /** Interactions per hour since creation, as last read. */
      perHour: number;
      /** Age of the post when its metrics were last read. */
      ageMs: number;
      typical: TypicalVelocity;
      /** perHour / typical; null when typical is unknown or 0. */
      ratio: number | null;
    };

/**
 * Compare a young post (< 24 h at `now`) by velocity: its interactions per hour since creation (as
 * read at lastSeen) against the median of the other posts' early velocity at a similar age.
 */
export function compareYoungPost(
  post: { createdAt: string | null; metrics: Metrics; lastSeen: number },
  others: readonly PostReadings[],
  now: number,
): YoungComparison {
  const created = createdAtMs(post);
  if (created === null) return { status: 'unknown', reason: 'no-created-at' };
  if (now - created >= YOUNG_AGE_MS) return { status: 'mature' };
  const ageMs = post.lastSeen - created;
  if (ageMs < EARLY_MIN_AGE_MS) return { status: 'unknown', reason: 'too-early' };
  const perHour = velocitySinceCreated(post.metrics, created, post.lastSeen);
  if (perHour === null) return { status: 'unknown', reason: 'no-interactions' };
  const typical = typicalEarlyVelocity(others, ageMs);
  const ratio = typical.value !== null && typical.value > 0 ? perHour / typical.value : null;
  return { status: typical.thin ? 'thin' : 'ok', thin: typical.thin, perHour, ageMs, typical, ratio };
}

/** Group Observation rows by post id (a convenience for building PostReadings). */
export function groupReadings<T extends Reading & { id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r);
    else out.set(r.id, [r]);
  }
  return out;
}
