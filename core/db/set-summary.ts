/** The competitive-set table for the side panel, from maintained aggregates. Read-only. */
import type { CompetitiveSet, PlatformId } from '../model';
import { type SetSummary, summarizeSetFromStats, type TimeWindow } from '../scoring/index';
import type { ResonanzDb } from './schema';

/**
 * The competitive-set table from the aggregates the worker maintains per account: one row read per
 * member, whatever the size of the history.
 */
export async function loadSetSummary(
  db: ResonanzDb,
  set: CompetitiveSet,
  window: TimeWindow,
  now: number,
): Promise<SetSummary> {
  const keys = set.members.map((m) => [m.platform, m.handle.toLowerCase()] as [PlatformId, string]);
  const [snapshots, accounts] = await Promise.all([db.accountStats.bulkGet(keys), db.accounts.bulkGet(keys)]);
  return summarizeSetFromStats(
    { members: keys.map(([platform, handle]) => ({ platform, handle })) },
    snapshots.filter((s) => s !== undefined),
    window,
    now,
    accounts.filter((a) => a !== undefined),
  );
}
