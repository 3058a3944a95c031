/** When the side panel calls a platform degraded. */
import { describe, expect, it } from 'vitest';
import { assessHealth } from '../../core/platforms/health';

describe('extraction health', () => {
  it('calls a page degraded when it has post-like elements but none could be read', () => {
    expect(assessHealth('feed', { candidates: 12, extracted: 0, missing: {} })).toEqual({
      status: 'degraded',
      reason: 'noPosts',
      candidates: 12,
    });
  });

  it('calls a page degraded when most posts show no count at all', () => {
    const verdict = assessHealth('feed', { candidates: 10, extracted: 10, missing: { 'metrics.all': 8 } });
    expect(verdict).toMatchObject({ status: 'degraded', reason: 'noCounts' });
  });

  it('accepts video grids that show only views', () => {
    const missing = { 'metrics.likes': 10, 'metrics.comments': 10, 'metrics.shares': 10 };
    expect(assessHealth('feed', { candidates: 10, extracted: 10, missing })).toEqual({ status: 'ok' });
  });

  it('treats a page without post-like elements as empty, not broken', () => {
    expect(assessHealth('other', { candidates: 0, extracted: 0, missing: {} })).toEqual({ status: 'empty' });
  });
});
