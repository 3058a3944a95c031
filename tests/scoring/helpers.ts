/** Builders for scoring tests: StoredPost rows with only the fields a test cares about spelled out. */
import fc from 'fast-check';
import {
  emptyMetrics,
  type MediaKind,
  type Metrics,
  type PlatformId,
  type StoredPost,
} from '../../core/model';

export const MIN = 60_000;
export const H = 3_600_000;
export const D = 24 * H;
/** Monday 2025-06-16 12:00 UTC. */
export const NOW = Date.UTC(2025, 5, 16, 12, 0, 0);

/** Metrics with everything unknown except what is given. */
export function m(known: Partial<Metrics>): Metrics {
  return { ...emptyMetrics(), ...known };
}

export interface PostSpec {
  id?: string;
  platform?: PlatformId;
  handle?: string;
  /** Epoch ms of creation (default NOW − 3 days). */
  time?: number;
  /** Epoch ms metrics were last read (default NOW). */
  lastSeen?: number;
  /** false → createdAt null (time is then firstSeen). */
  dated?: boolean;
  metrics?: Metrics;
  followers?: number | null;
  media?: MediaKind;
  hashtags?: string[];
  text?: string;
}

let counter = 0;

/** A StoredPost; defaults: x/acme, 3 days old, read now, no metrics, no followers. */
export function post(spec: PostSpec = {}): StoredPost {
  const handle = spec.handle ?? 'acme';
  const time = spec.time ?? NOW - 3 * D;
  const dated = spec.dated ?? true;
  return {
    id: spec.id ?? `p${++counter}`,
    url: null,
    author: { handle, name: null },
    text: spec.text ?? '',
    createdAt: dated ? new Date(time).toISOString() : null,
    metrics: spec.metrics ?? emptyMetrics(),
    approx: [],
    media: spec.media ?? 'text',
    hashtags: spec.hashtags ?? [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    platform: spec.platform ?? 'x',
    authorKey: handle.toLowerCase(),
    time,
    firstSeen: Math.min(time, spec.lastSeen ?? NOW),
    lastSeen: spec.lastSeen ?? NOW,
    followersAtCapture: spec.followers ?? null,
  };
}

/** A mature post (ageDays old, read now) with `likes` likes and the given followers. */
export function likesPost(
  likes: number,
  ageDays: number,
  followers: number | null = 1000,
  extra: PostSpec = {},
) {
  return post({ time: NOW - ageDays * D, metrics: m({ likes }), followers, ...extra });
}

const count = fc.option(fc.nat({ max: 5_000 }), { nil: null, freq: 3 });

/** Arbitrary metrics, each metric unknown about a third of the time. */
export const metricsArb: fc.Arbitrary<Metrics> = fc.record({
  likes: count,
  comments: count,
  shares: count,
  quotes: count,
  views: fc.option(fc.nat({ max: 200_000 }), { nil: null, freq: 3 }),
  saves: count,
});

/** Arbitrary post of one of `handles`, ids from a small pool so that updates (same id) happen. */
export function postArb(
  handles: readonly string[],
  opts: { ids?: number; maxAgeDays?: number; settled?: boolean } = {},
) {
  const ids = opts.ids ?? 60;
  const maxAge = (opts.maxAgeDays ?? 60) * D;
  // settled: metrics mostly read after the first day, so most posts can enter the baseline
  const minReadAge = opts.settled ? D : 0;
  return fc
    .record({
      id: fc.integer({ min: 0, max: ids - 1 }),
      handle: fc.constantFrom(...handles),
      age: fc.integer({ min: -2 * H, max: maxAge }),
      // How old the post was when its metrics were last read: sometimes young, sometimes final.
      readAge: fc.integer({ min: minReadAge, max: Math.max(minReadAge, maxAge) }),
      metrics: metricsArb,
      followers: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null, freq: 4 }),
      media: fc.constantFrom<MediaKind>('text', 'image', 'video', 'link', 'poll', 'mixed'),
      dated: fc.boolean(),
    })
    .map((r) => {
      const time = NOW - r.age;
      return post({
        id: `${r.handle}-${r.id}`,
        handle: r.handle,
        time,
        lastSeen: Math.min(NOW, time + r.readAge),
        metrics: r.metrics,
        followers: r.followers,
        media: r.media,
        dated: r.dated,
      });
    });
}
