import { describe, expect, it } from 'vitest';
import { BENCHMARKS, benchmarksFor } from '../../core/scoring';

describe('industry benchmarks (context only)', () => {
  it('every figure names its source, edition, data year, statistic and denominator', () => {
    for (const b of BENCHMARKS) {
      expect(b.source.length).toBeGreaterThan(0);
      expect(b.edition).toBeGreaterThanOrEqual(b.dataYear);
      expect(['median', 'average']).toContain(b.statistic);
      expect(['followers', 'views', 'reach']).toContain(b.denominator);
      expect(b.value).toBeGreaterThan(0);
      expect(b.value).toBeLessThan(100);
    }
  });

  it('no platform, source, edition and denominator appears twice', () => {
    const keys = BENCHMARKS.map((b) => `${b.platform}|${b.source}|${b.edition}|${b.denominator}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('looks figures up per platform and denominator, newest data first', () => {
    const tiktok = benchmarksFor('tiktok');
    expect(tiktok.map((b) => b.dataYear)).toEqual([...tiktok.map((b) => b.dataYear)].sort((a, b) => b - a));
    expect(benchmarksFor('tiktok', 'views').every((b) => b.denominator === 'views')).toBe(true);
    expect(benchmarksFor('xing')).toEqual([]);
  });
});
