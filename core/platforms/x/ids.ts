/** X's ids: a status id since November 2010 is a "snowflake" that encodes when it was made. */

/** X's snowflake epoch (2010-11-04T01:42:54.657Z), in ms. */
const TWEPOCH = 1_288_834_974_657n;
/** Ids below this were handed out in sequence before snowflakes (the last ones were ~2.97·10^10). */
const FIRST_SNOWFLAKE = 30_000_000_000n;

/** The creation time a status id encodes (ISO 8601 UTC), or null for pre-2010 ids and non-ids. */
export function timeFromStatusId(id: string | null | undefined): string | null {
  if (!id || !/^\d{1,20}$/.test(id)) return null;
  const value = BigInt(id);
  if (value < FIRST_SNOWFLAKE) return null;
  const ms = Number((value >> 22n) + TWEPOCH);
  return Number.isFinite(ms) && ms < 8.64e15 ? new Date(ms).toISOString() : null;
}
