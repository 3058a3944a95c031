/**
 * Retention: raw observations older than the user's limit are thinned to one per post per day (the
 * day's last reading), so growth curves keep their shape while the history stops growing without
 * bound. The latest state of a post (the `posts` table) is never touched.
 *
 * A run reads one day at a time, from a cursor kept in `meta` (`retention.thinnedBefore`): the next
 * run starts at the day the last one stopped in, so already thinned history is never loaded again,
 * and only one run per database happens at a time (captures trigger it, and they come in bursts).
 */
import type { Observation } from '../model';
import type { ResonanzDb } from './schema';

const DAY = 86_400_000;
/** Where the last run stopped: observations before this day were thinned. */
export const RETENTION_CURSOR_KEY = 'retention.thinnedBefore';
export const LAST_RUN_KEY = 'lastRetentionRun';

/** What a run read (for tests and benchmarks). */
export interface RetentionStats {
  read: number;
  pages: number;
}

/** The run in progress per database: a second caller waits for nothing and does nothing. */
const running = new WeakMap<ResonanzDb, Promise<number>>();

/** Thins observations older than `retentionDays` at `now`; returns how many rows were deleted. */
export async function thinObservations(
  db: ResonanzDb,
  retentionDays: number,
  now: number,
  stats?: RetentionStats,
): Promise<number> {
  if (retentionDays <= 0) return 0;
  const cutoff = now - retentionDays * DAY;
  const stored = (await db.meta.get(RETENTION_CURSOR_KEY))?.value;
  let from: number;
  if (typeof stored === 'number' && Number.isFinite(stored) && stored <= cutoff) from = stored;
  else {
    const oldest = await db.observations.orderBy('at').first();
    if (!oldest) return 0;
    from = oldest.at;
  }
  // The day the cursor is in was thinned only up to the old cutoff: thin it again whole.
  from = Math.floor(from / DAY) * DAY;
  let deleted = 0;
  while (from < cutoff) {
    const to = Math.min(from + DAY, cutoff);
    const rows = await db.observations.where('at').between(from, to, true, false).toArray();
    if (stats) {
      stats.read += rows.length;
      stats.pages += 1;
    }
    deleted += await thinDay(db, rows);
    let next = to;
    if (rows.length === 0) {
      // Skip empty stretches in one step instead of a query per empty day.
      const following = await db.observations.where('at').aboveOrEqual(to).first();
      next = following && following.at < cutoff ? Math.floor(following.at / DAY) * DAY : cutoff;
      if (next < to) next = to;
    }
    from = next;
    await db.meta.put({ key: RETENTION_CURSOR_KEY, value: Math.min(from, cutoff) });
  }
  return deleted;
}

/** Keeps the last reading of each post among `rows` (all of one day); returns the rows deleted. */
async function thinDay(db: ResonanzDb, rows: readonly Observation[]): Promise<number> {
  const keep = new Map<string, Observation>();
  for (const row of rows) {
    const key = `${row.platform}\u0000${row.id}`;
    const kept = keep.get(key);
    if (!kept || row.at > kept.at) keep.set(key, row);
  }
  const kept = new Set(keep.values());
  const doomed = rows
    .filter((row) => !kept.has(row))
    .map((row) => [row.platform, row.id, row.at] as [Observation['platform'], string, number]);
  if (doomed.length) await db.observations.bulkDelete(doomed);
  return doomed.length;
}

/**
 * Runs `thinObservations` at most once a day, remembering the last run in `meta`; null when it did
 * not run (not due, or another run is in progress). A last run dated in the future (a restored or
 * tampered `meta`) counts as never: it must not switch thinning off.
 */
export async function thinIfDue(db: ResonanzDb, retentionDays: number, now: number): Promise<number | null> {
  if (running.has(db)) return null;
  const run = (async () => {
    const last = (await db.meta.get(LAST_RUN_KEY))?.value;
    if (typeof last === 'number' && last <= now && now - last < DAY) return null;
    const deleted = await thinObservations(db, retentionDays, now);
    await db.meta.put({ key: LAST_RUN_KEY, value: now });
    return deleted;
  })();
  running.set(
    db,
    run.then(
      (n) => n ?? 0,
      () => 0,
    ),
  );
  try {
    return await run;
  } finally {
    running.delete(db);
  }
}
