/**
 * LinkedIn's server-driven feed of 2026: hashed class names, one `div[role="listitem"]` per post, the
 * text in `[data-testid="expandable-text-box"]`, counts only as (partly visually hidden) phrases
 * ("Anna and 29 others reacted", "15 comments", "1 repost") and, on most cards, no urn in a link.
 *
 * What does name the post is the card's comment tools: their `componentkey` (and `data-testid`) starts
 * with a base64 protobuf of the post's id, e.g. `CgsIgMDU1PHd3tDOAQ-replaceableCommentTools…`:
 * field 1 holds an activity id, field 2 a ugcPost id, each a zigzag varint. Read by hand on
 * ../shared/fixtures/linkedin/feed-2026-hitman5050.html: the key of the card whose comments are
 * `urn:li:comment:(urn:li:activity:7444658505212661760,…)` decodes to activity 7444658505212661760, and
 * every decoded id's time (id >> 22) matches the card's shown age ("1h", "1w", "2w").
 */

/** The ids a key prefix names: `activity` (field 1) or `ugcPost` (field 2). */
export interface KeyUrn {
  type: 'activity' | 'ugcPost';
  digits: string;
}

const KEY_PREFIX =
  /^([A-Za-z0-9+/_-]{12,40})-(?:replaceableCommentTools|commentsSectionAnchorRef|commentList|replaceableLoadMoreComments|commentsSectionContainer)/;
const FIELDS: Record<number, KeyUrn['type']> = { 1: 'activity', 2: 'ugcPost' };

function base64Bytes(s: string): number[] | null {
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return [...atob(std + '='.repeat((4 - (std.length % 4)) % 4))].map((c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function varint(bytes: readonly number[], at: number): { value: bigint; next: number } | null {
  let value = 0n;
  let shift = 0n;
  for (let i = at; i < bytes.length && shift < 70n; i++) {
    const b = bytes[i]!;
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
    if ((b & 0x80) === 0) return { value, next: i + 1 };
  }
  return null;
}

/** The post id a comment-tools key names, or null when the key is not one of those protobufs. */
export function urnFromKey(key: string): KeyUrn | null {
  const prefix = KEY_PREFIX.exec(key)?.[1];
  const bytes = prefix ? base64Bytes(prefix) : null;
  if (!bytes || bytes.length < 4) return null;
  // Outer: a length-delimited field (tag = field << 3 | 2) holding { 1: zigzag varint }.
  const tag = bytes[0]!;
  const type = FIELDS[tag >> 3];
  if (!type || (tag & 7) !== 2 || bytes[2] !== 0x08) return null;
  const read = varint(bytes, 3);
  if (!read || read.next !== 2 + bytes[1]!) return null;
  const zigzag = read.value;
  const id = zigzag & 1n ? -(zigzag >> 1n) - 1n : zigzag >> 1n;
  return id > 0n ? { type, digits: id.toString() } : null;
}

/**
 * The card's own hash: its keys read `expanded<hash>FeedType_…`, and its comment tools'
 * `<id>-replaceableCommentTools<hash>FeedType_…`. Parsers that do not nest a card's video player as
 * Chromium does can leave the comment tools outside the card; the hash finds them anyway.
 */
function cardHashes(card: Element): string[] {
  const hashes = new Set<string>();
  for (const el of [card, ...card.querySelectorAll('[componentkey^="expanded"]')]) {
    const m = /^expanded([A-Za-z0-9_-]{20,80})FeedType_/.exec(el.getAttribute('componentkey') ?? '');
    if (m) hashes.add(m[1]!);
  }
  return [...hashes];
}

/** The post ids the card's keys and test ids name, activity first. */
export function keyUrns(card: Element): KeyUrn[] {
  const found: KeyUrn[] = [];
  const doc = card.ownerDocument;
  const elsewhere = cardHashes(card).flatMap((hash) => [
    ...doc.querySelectorAll(`[componentkey*="-replaceableCommentTools${hash}"]`),
  ]);
  for (const el of [card, ...card.querySelectorAll('[componentkey], [data-testid]'), ...elsewhere]) {
    for (const attr of ['componentkey', 'data-testid']) {
      const urn = urnFromKey(el.getAttribute(attr) ?? '');
      if (urn && !found.some((u) => u.digits === urn.digits)) found.push(urn);
    }
  }
  return found.sort((a, b) => Number(b.type === 'activity') - Number(a.type === 'activity'));
}

/** Activity urns the card's comments name: `replaceableComment_urn:li:comment:(urn:li:activity:X,…)`. */
export function commentActivity(card: Element): string | null {
  for (const el of card.querySelectorAll('[componentkey*="urn:li:comment:"]')) {
    const m = /urn:li:comment:\(urn:li:activity:(\d{10,}),/.exec(el.getAttribute('componentkey') ?? '');
    if (m) return m[1]!;
  }
  return null;
}

/** A 2026 feed card: a list item holding a post's text box or its comment tools. */
export function isCard2026(el: Element): boolean {
  return (
    el.matches('div[role="listitem"]') &&
    (el.querySelector('[data-testid="expandable-text-box"]') !== null ||
      el.querySelector('[componentkey*="FeedType_"], [componentkey*="replaceableCommentTools"]') !== null)
  );
}
