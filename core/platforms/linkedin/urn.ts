/** LinkedIn ids (activities, posts, comments) carry their creation time: epoch milliseconds in the top bits. */
export function urnTime(digits: string | null | undefined): string | null {
  if (!digits || !/^\d{15,20}$/.test(digits)) return null;
  const ms = Number(BigInt(digits) >> 22n);
  // Ids from before LinkedIn used this scheme would decode to nonsense: accept 2010..2100 only.
  return ms > 1_262_304_000_000 && ms < 4_102_444_800_000 ? new Date(ms).toISOString() : null;
}
