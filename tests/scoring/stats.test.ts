import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mad, meanAbsDev, median, pctChange, robustScale } from '../../core/scoring';

function sortedMedian(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

describe('robust statistics', () => {
  it('median and MAD of a worked example', () => {
    const xs = [1, 2, 3, 10, 20];
    // median of [1,2,3,10,20] = 3; MAD = median(|x−3|) = median([2,1,0,7,17]) = 2
    expect(median(xs)).toBe(3);
    expect(mad(xs, 3)).toBe(2);
    // MeanAD = (2+1+0+7+17)/5 = 27/5 = 5.4
    expect(meanAbsDev(xs, 3)).toBeCloseTo(5.4, 12);
  });

  it('even-length median is the mean of the two middle values', () => {
    // sorted [1,4,6,9] → (4+6)/2 = 5
    expect(median([9, 1, 6, 4])).toBe(5);
  });

  it('the median of nothing is unknown, not 0', () => {
    expect(median([])).toBeNull();
    expect(mad([], 0)).toBeNull();
  });

  it('does not reorder its input', () => {
    const xs = [5, 3, 9, 1];
    median(xs);
    expect(xs).toEqual([5, 3, 9, 1]);
  });

  it('property: quickselect median equals the sort-based median', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), (xs) => {
        // `+ 0` folds −0 into +0: both are the same median.
        expect((median(xs) ?? Number.NaN) + 0).toBe((sortedMedian(xs) ?? Number.NaN) + 0);
      }),
    );
  });

  it('property: quickselect median is right on sorted, reversed and constant-heavy arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const asc = [...xs].sort((a, b) => a - b);
        expect(median(asc)).toBe(sortedMedian(xs));
        expect(median([...asc].reverse())).toBe(sortedMedian(xs));
      }),
    );
  });

  it('scale is 1.4826·MAD, falling back to 1.253314·MeanAD when MAD is 0, and none without spread', () => {
    // [1,2,3,10,20]: MAD 2 → 2.9652
    expect(robustScale([1, 2, 3, 10, 20], 3)).toEqual({ mad: 2, scale: 1.4826 * 2, source: 'mad' });
    // [2,2,2,9]: median 2, |x−2| = [0,0,0,7] → MAD 0; MeanAD = 7/4 = 1.75 → 1.253314·1.75
    const r = robustScale([2, 2, 2, 9], 2);
    expect(r.source).toBe('meanad');
    expect(r.scale).toBeCloseTo(1.253314 * 1.75, 12);
    expect(robustScale([4, 4, 4], 4)).toEqual({ mad: 0, scale: 0, source: 'none' });
  });

  it('percentage change: (15 − 10) / 10 × 100 = 50; from 0 or unknown it is unknown', () => {
    expect(pctChange(10, 15)).toBe(50);
    expect(pctChange(0, 5)).toBeNull();
    expect(pctChange(null, 5)).toBeNull();
  });
});
