/**
 * The export row: one item of a research collection (a post, a comment or a profile), flattened from
 * the stored history and its collection provenance. Every writer (CSV, NDJSON, JSON) and the
 * pseudonymiser reads this shape and nothing else, so the stored schema can evolve without touching
 * the file formats.
 */
import { z } from 'zod';
import { Author, Count, IsoTime, MediaKind, Metrics, PlatformId, Provenance } from '../model';

/** Which reading of the counts an export carries: at first sighting, at last sighting, or all of them. */
export const METRIC_SNAPSHOTS = ['first', 'last', 'history'] as const;
export const MetricSnapshot = z.enum(METRIC_SNAPSHOTS);
export type MetricSnapshot = z.infer<typeof MetricSnapshot>;

/**
 * Per metric: `true` = the value was read from abbreviated text ("1.2K"), `false` = exact digits,
 * `null` = unknown (the metric was not shown, or the flag is not known for the reading exported).
 */
export const ApproxFlags = z.object({
  likes: z.boolean().nullable(),
  comments: z.boolean().nullable(),
  shares: z.boolean().nullable(),
  quotes: z.boolean().nullable(),
  views: z.boolean().nullable(),
  saves: z.boolean().nullable(),
});
export type ApproxFlags = z.infer<typeof ApproxFlags>;

/** One stored reading of a post's counts (epoch ms). */
export const MetricHistoryPoint = z.object({ at: z.number(), metrics: Metrics });
export type MetricHistoryPoint = z.infer<typeof MetricHistoryPoint>;

export const ExportItemType = z.enum(['post', 'comment', 'profile']);
export type ExportItemType = z.infer<typeof ExportItemType>;

export const ExportRecord = z.object({
  type: ExportItemType,
  platform: PlatformId,
  /** Post id, comment id, or (profiles) the handle. */
  id: z.string().min(1),
  /** The post a comment belongs to; the post itself for posts; the handle for profiles. */
  threadId: z.string().min(1),
  /** For replies to comments: the comment replied to. */
  parentId: z.string().nullable(),
  url: z.string().nullable(),
  author: Author,
  text: z.string(),
  createdAt: IsoTime.nullable(),
  metrics: Metrics,
  approx: ApproxFlags,
  metricSnapshot: MetricSnapshot,
  /** All readings between first and last sighting, oldest first; only when metricSnapshot = 'history'. */
  history: z.array(MetricHistoryPoint).nullable(),
  media: MediaKind.nullable(),
  hashtags: z.array(z.string()),
  mentions: z.array(z.string()),
  links: z.array(z.string()),
  promoted: z.boolean().nullable(),
  repostedBy: z.string().nullable(),
  /** Comments: whether the post's author wrote it. */
  byPostAuthor: z.boolean().nullable(),
  /** Profiles: the counts shown on the profile. */
  profile: z.object({ followers: Count, following: Count, posts: Count }).nullable(),
  first: Provenance,
  last: Provenance,
  timesSeen: z.number().int().positive(),
  collection: z.object({ id: z.string(), name: z.string() }),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export function emptyApprox(): ApproxFlags {
  return { likes: null, comments: null, shares: null, quotes: null, views: null, saves: null };
}
