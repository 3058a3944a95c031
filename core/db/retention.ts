/**
 * Retention: raw observations older than the user's limit are thinned to one per post per day (the
 * day's last reading), so growth curves keep their shape while the history stops growing without
 * bound. The latest state of a post (the `posts` table) is never touched.
 */
import type { Observation } from '../model';
import type { ResonanzDb } from './schema';

const DAY = 86_400_000;
/** Rows deleted per transaction, so a large thinning never holds one long lock. */
const CHUNK = 2_000;

/** Thins observations older than `retentionDays` at `now`; returns how many rows were deleted. */
export async function thinObservations(db: ResonanzDb, retentionDays: number, now: number): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = now - retentionDays * DAY;
  const old = await db.observations.where('at').below(cutoff).toArray();
  const keep = new Map<string, Observation>();
  for (const row of old) {
    const key = `${row.platform}\u0000${row.id}\u0000${Math.floor(row.at / DAY)}`;
    const kept = keep.get(key);
    if (!kept || row.at > kept.at) keep.set(key, row);
  }
  const kept = new Set(keep.values());
  const doomed = old
    .filter((row) => !kept.has(row))
    .map((row) => [row.platform, row.id, row.at] as [Observation['platform'], string, number]);
  for (let i = 0; i < doomed.length; i += CHUNK) {
    await db.observations.bulkDelete(doomed.slice(i, i + CHUNK));
  }
  return doomed.length;
}

/** Runs `thinObservations` at most once a day, remembering the last run in `meta`. */
export async function thinIfDue(db: ResonanzDb, retentionDays: number, now: number): Promise<number | null> {
  const last = (await db.meta.get('lastRetentionRun'))?.value;
  if (typeof last === 'number' && now - last < DAY) return null;
  const deleted = await thinObservations(db, retentionDays, now);
  await db.meta.put({ key: 'lastRetentionRun', value: now });
  return deleted;
}
