/**
 * Bluesky record keys. A post's key is usually a TID: 13 base32-sortable characters of a 64-bit
 * number whose top 53 bits (after a zero bit) are microseconds since 1970 and the last 10 a clock id
 * (atproto spec, "Record Key" / "TID"). So the key says when the post was written, in UTC — unlike
 * the time the page shows, which is in the reader's zone.
 */

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
/** Bluesky's network opened in 2023; a "TID" before 2022 is some other kind of key. */
const EARLIEST = Date.UTC(2022, 0, 1);

/** The creation time a post's record key encodes (ISO 8601 UTC), or null when it is not a TID. */
export function timeFromRkey(rkey: string | null | undefined, now: Date = new Date()): string | null {
  if (!rkey || !TID.test(rkey)) return null;
  let value = 0n;
  for (const c of rkey) value = (value << 5n) | BigInt(ALPHABET.indexOf(c));
  const ms = Number((value >> 10n) / 1000n);
  return ms >= EARLIEST && ms <= now.getTime() + 86_400_000 ? new Date(ms).toISOString() : null;
}
