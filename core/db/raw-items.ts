import type { PageExtraction, PlatformId, RawItem } from '../model';
// The row schema lives apart so schema.ts can name the row type without importing this module back.
import { StoredRawItem } from './raw-item-row';
import type { ResonanzDb } from './schema';

export { StoredRawItem };

/** A raw item larger than this (JSON characters) is not kept: no post object is anywhere near it. */
export const MAX_RAW_JSON_CHARS = 512 * 1024;
/** Default budget for all raw items together. */
export const DEFAULT_RAW_BUDGET_MB = 200;

export const RAW_BUDGET_KEY = 'research.rawBudgetMB';
export const BYTES_PREFIX = 'research.rawBytes.';
export const SKIPPED_PREFIX = 'research.rawSkipped.';

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The JSON as stored: gzip + base64 where the browser can compress. */
export async function encodeRaw(json: string): Promise<Pick<StoredRawItem, 'encoding' | 'data' | 'bytes'>> {
  if (typeof CompressionStream === 'undefined') return { encoding: 'json', data: json, bytes: json.length };
  const data = toBase64(await pipe(new TextEncoder().encode(json), new CompressionStream('gzip')));
  return { encoding: 'gzip', data, bytes: data.length };
}

/** The platform's object back from a stored row. */
export async function decodeRaw(row: Pick<StoredRawItem, 'encoding' | 'data'>): Promise<unknown> {
  if (row.encoding === 'json') return JSON.parse(row.data);
  const bytes = await pipe(fromBase64(row.data), new DecompressionStream('gzip'));
  return JSON.parse(new TextDecoder().decode(bytes));
}

export interface RawUsage {
  bytes: number;
  budgetBytes: number;
  /** Raw items left out because the budget was full (the items themselves are recorded). */
  skipped: number;
}

/** The raw items' stored size over all collections, the budget, and what was left out. */
export async function rawUsage(db: ResonanzDb): Promise<RawUsage> {
  const rows = await db.meta.where('key').startsWith('research.raw').toArray();
  let bytes = 0;
  let skipped = 0;
  let budgetMb = DEFAULT_RAW_BUDGET_MB;
  for (const row of rows) {
    const value = typeof row.value === 'number' ? row.value : 0;
    if (row.key.startsWith(BYTES_PREFIX)) bytes += value;
    else if (row.key.startsWith(SKIPPED_PREFIX)) skipped += value;
    else if (row.key === RAW_BUDGET_KEY && value > 0) budgetMb = value;
  }
  return { bytes, budgetBytes: budgetMb * 1024 * 1024, skipped };
}

export async function setRawBudgetMb(db: ResonanzDb, mb: number): Promise<void> {
  await db.meta.put({ key: RAW_BUDGET_KEY, value: Math.max(1, Math.round(mb)) });
}

/**
 * Keeps the batch's raw items in the running collection (none records: nothing is kept). Compresses
 * first (outside the transaction: IndexedDB commits a transaction that waits on anything else),
 * then writes rows and counters in one transaction. Returns how many were kept and left out.
 */
export async function storeRawItems(
  db: ResonanzDb,
  extraction: Pick<PageExtraction, 'platform' | 'url' | 'raw'>,
  now: number,
): Promise<{ kept: number; skipped: number }> {
  const raw = extraction.raw ?? [];
  if (raw.length === 0) return { kept: 0, skipped: 0 };
  const collection = await db.collections.filter((c) => c.stoppedAt === null).first();
  if (!collection) return { kept: 0, skipped: 0 };
  // The last object per item wins (a later response carries fresher counts).
  const latest = new Map<string, RawItem>();
  for (const item of raw) latest.set(`${item.kind}\u0000${item.id}`, item);
  const encoded: { item: RawItem; stored: Pick<StoredRawItem, 'encoding' | 'data' | 'bytes'> }[] = [];
  let tooLarge = 0;
  for (const item of latest.values()) {
    const json = JSON.stringify(item.data);
    if (json === undefined || json.length > MAX_RAW_JSON_CHARS) tooLarge += 1;
    else encoded.push({ item, stored: await encodeRaw(json) });
  }
  const bytesKey = `${BYTES_PREFIX}${collection.id}`;
  const skippedKey = `${SKIPPED_PREFIX}${collection.id}`;
  return db.transaction('rw', db.rawItems, db.meta, async () => {
    const usage = await rawUsage(db);
    const keys = encoded.map(
      ({ item }) =>
        [collection.id, extraction.platform, item.kind, item.id] as [
          string,
          PlatformId,
          'post' | 'comment',
          string,
        ],
    );
    const existing = await db.rawItems.bulkGet(keys);
    let total = usage.bytes;
    let added = 0;
    let skipped = tooLarge;
    const rows: StoredRawItem[] = [];
    for (const [i, { item, stored }] of encoded.entries()) {
      const before = existing[i];
      const growth = stored.bytes - (before?.bytes ?? 0);
      if (total + growth > usage.budgetBytes) {
        skipped += 1;
        continue;
      }
      total += growth;
      added += growth;
      rows.push({
        collectionId: collection.id,
        platform: extraction.platform,
        kind: item.kind,
        id: item.id,
        source: item.source,
        firstSeen: before?.firstSeen ?? now,
        lastSeen: now,
        pageUrl: extraction.url,
        ...stored,
      });
    }
    if (rows.length) await db.rawItems.bulkPut(rows);
    const counters = await db.meta.bulkGet([bytesKey, skippedKey]);
    const bytesBefore = typeof counters[0]?.value === 'number' ? counters[0].value : 0;
    const skippedBefore = typeof counters[1]?.value === 'number' ? counters[1].value : 0;
    await db.meta.bulkPut([
      { key: bytesKey, value: bytesBefore + added },
      ...(skipped ? [{ key: skippedKey, value: skippedBefore + skipped }] : []),
    ]);
    return { kept: rows.length, skipped };
  });
}

/** Deletes a collection's raw items and counters (call inside a transaction over rawItems and meta). */
export async function deleteRawItems(db: ResonanzDb, collectionId: string): Promise<void> {
  await db.rawItems.where('collectionId').equals(collectionId).delete();
  await db.meta.bulkDelete([`${BYTES_PREFIX}${collectionId}`, `${SKIPPED_PREFIX}${collectionId}`]);
}

/** A collection's stored raw item count per platform. */
export async function rawCounts(
  db: ResonanzDb,
  collectionId: string,
): Promise<Partial<Record<PlatformId, number>>> {
  const out: Partial<Record<PlatformId, number>> = {};
  await db.rawItems
    .where('collectionId')
    .equals(collectionId)
    .eachPrimaryKey((key) => {
      const platform = (key as unknown as [string, PlatformId])[1];
      out[platform] = (out[platform] ?? 0) + 1;
    });
  return out;
}
