/**
 * Small robust-statistics helpers. Medians use quickselect (O(n) expected) on a private copy, so
 * callers never see their arrays reordered and summaries over 100k posts avoid a sort per account.
 */
import { MAD_SCALE, MEANAD_SCALE } from './thresholds';

/** k-th smallest (0-based) of a[0..len), reordering a in place; expected O(len). */
function select(a: Float64Array, len: number, k: number): number {
  let lo = 0;
  let hi = len - 1;
  while (hi > lo) {
    // Median-of-three pivot: sorted or reverse-sorted input (common: posts arrive in time order)
    // would otherwise make a first-element pivot quadratic.
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Median of a[0..len), reordering a in place (for callers that own a scratch buffer); null if len = 0. */
export function medianInPlace(a: Float64Array, len: number = a.length): number | null {
  if (len <= 0) return null;
  const upper = len >>> 1;
  const hi = select(a, len, upper);
  if (len % 2 === 1) return hi;
  // After select, everything left of `upper` is ≤ a[upper]; the lower middle is their maximum.
  let lo = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < upper; i++) if (a[i]! > lo) lo = a[i]!;
  return (lo + hi) / 2;
}

/** Median of the values (input untouched); null for an empty list. */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = values[i]!;
  return medianInPlace(a, n);
}

/** Median absolute deviation around `center` (unscaled); null for an empty list. */
export function mad(values: ArrayLike<number>, center: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = Math.abs(values[i]! - center);
  return medianInPlace(a, n);
}

/** Mean absolute deviation around `center`; null for an empty list. */
export function meanAbsDev(values: ArrayLike<number>, center: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(values[i]! - center);
  return s / n;
}

/** How a robust z was scaled: by MAD, by the MeanAD fallback, or not at all (no spread). */
export type ScaleSource = 'mad' | 'meanad' | 'none';

/** Spread used for robust z: 1.4826·MAD, else 1.253314·MeanAD when MAD = 0, else 0 (all values equal). */
export function robustScale(
  values: ArrayLike<number>,
  center: number,
): { mad: number | null; scale: number; source: ScaleSource } {
  const m = mad(values, center);
  if (m === null) return { mad: null, scale: 0, source: 'none' };
  if (m > 0) return { mad: m, scale: MAD_SCALE * m, source: 'mad' };
  const meanAd = meanAbsDev(values, center) ?? 0;
  if (meanAd > 0) return { mad: m, scale: MEANAD_SCALE * meanAd, source: 'meanad' };
  return { mad: m, scale: 0, source: 'none' };
}

/** Percentage change from `before` to `after`; null when either is unknown or `before` is 0. */
export function pctChange(before: number | null, after: number | null): number | null {
  if (before === null || after === null || before === 0) return null;
  return ((after - before) / before) * 100;
}
