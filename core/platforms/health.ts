/** Judging extraction health: when to tell the user a platform is not being read reliably. */
import type { ExtractionHealth, PageKind } from '../model';

export type HealthVerdict =
  | { status: 'ok' }
  | { status: 'empty' }
  | { status: 'degraded'; reason: 'noPosts'; candidates: number }
  | { status: 'degraded'; reason: 'noCounts'; extracted: number };

/**
 * Degraded when post-like elements were found but none could be read, or when most posts show no
 * count at all (views count: video grids show nothing else). A page without post-like elements is
 * just empty (e.g. settings).
 */
export function assessHealth(kind: PageKind, health: ExtractionHealth): HealthVerdict {
  if (health.extracted === 0) {
    if (health.candidates > 0)
      return { status: 'degraded', reason: 'noPosts', candidates: health.candidates };
    return { status: 'empty' };
  }
  if (kind !== 'other' && health.extracted >= 3) {
    const noneKnown = health.missing['metrics.all'] ?? 0;
    if (noneKnown / health.extracted > 0.5)
      return { status: 'degraded', reason: 'noCounts', extracted: health.extracted };
  }
  return { status: 'ok' };
}
