/**
 * Research collections in the database: starting and stopping a recording (at most one records at a
 * time), adding what a capture saw to it with its provenance, deleting, and retention. The worker is
 * the only writer; `recordSeen` runs inside storeCapture's transaction, so a batch is stored and
 * recorded together or not at all.
 */
import Dexie from 'dexie';
import { generateSecret } from '../export/pseudonymise';
import type { Collection, CollectionItem, PageExtraction, PlatformId, Provenance } from '../model';
import { accountKey } from './keys';
import { deleteRawItems } from './raw-items';
import type { ResonanzDb } from './schema';

const DAY_MS = 86_400_000;

/** Where the retention setting lives in the `meta` table. */
export const RETENTION_KEY = 'research.retentionDays';

/** What a capture does not know about itself, and the recording needs as provenance. */
export interface RecordingContext {
  uiLanguage: string | null;
  extensionVersion: string;
  adapterVersion: string;
}

/** The collection being recorded, if any. */
export async function runningCollection(db: ResonanzDb): Promise<Collection | undefined> {
  return db.collections.filter((c) => c.stoppedAt === null).first();
}

/** The secret as stored (base64), and back. */
export function secretToBase64(secret: Uint8Array): string {
  let binary = '';
  for (const byte of secret) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function secretFromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Starts a new recording: any running one stops now, and the collection's pseudonymisation secret
 * is created with it (kept in its own table, so destroying it leaves the data alone).
 */
export async function startCollection(
  db: ResonanzDb,
  input: { name: string; notes: string; now: number; id?: string; secret?: Uint8Array },
): Promise<Collection> {
  const collection: Collection = {
    id: input.id ?? crypto.randomUUID(),
    name: input.name,
    notes: input.notes,
    startedAt: input.now,
    stoppedAt: null,
  };
  const secret = secretToBase64(input.secret ?? generateSecret());
  await db.transaction('rw', db.collections, db.collectionSecrets, async () => {
    await db.collections.filter((c) => c.stoppedAt === null).modify({ stoppedAt: input.now });
    await db.collections.add(collection);
    await db.collectionSecrets.put({ collectionId: collection.id, secret, createdAt: input.now });
  });
  return collection;
}

/** Stops a recording; stopping a stopped or unknown collection changes nothing. */
export async function stopCollection(db: ResonanzDb, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.collections, async () => {
    const collection = await db.collections.get(id);
    if (collection && collection.stoppedAt === null) await db.collections.update(id, { stoppedAt: now });
  });
}

/** Deletes a collection with its items and secret. The posts themselves stay in the history. */
export async function deleteCollection(db: ResonanzDb, id: string): Promise<void> {
  await db.transaction(
    'rw',
    [db.collections, db.collectionItems, db.collectionSecrets, db.rawItems, db.meta],
    async () => {
      await db.collectionItems.where('collectionId').equals(id).delete();
      await deleteRawItems(db, id);
      await db.collectionSecrets.delete(id);
      await db.collections.delete(id);
    },
  );
}

/** Destroys the pseudonym mapping: without the secret nobody can reproduce or reverse the codes. */
export async function destroySecret(db: ResonanzDb, id: string): Promise<void> {
  await db.collectionSecrets.delete(id);
}

export async function retentionDays(db: ResonanzDb): Promise<number> {
  const entry = await db.meta.get(RETENTION_KEY);
  return typeof entry?.value === 'number' && entry.value >= 0 ? entry.value : 0;
}

export async function setRetentionDays(db: ResonanzDb, days: number): Promise<void> {
  await db.meta.put({ key: RETENTION_KEY, value: days });
}

/**
 * Deletes the collections that stopped recording more than `days` days before `now` (0 = keep
 * everything). A running collection is never deleted. Returns the ids deleted.
 */
export async function applyRetention(db: ResonanzDb, days: number, now: number): Promise<string[]> {
  if (days <= 0) return [];
  const cutoff = now - days * DAY_MS;
  const old = await db.collections.filter((c) => c.stoppedAt !== null && c.stoppedAt < cutoff).toArray();
  for (const c of old) await deleteCollection(db, c.id);
  return old.map((c) => c.id);
}

/** Item counts of a collection, by type (read through the primary key, never loading the items). */
export async function collectionCounts(
  db: ResonanzDb,
  id: string,
): Promise<{ post: number; comment: number; profile: number; total: number }> {
  const count = (type: CollectionItem['type']) =>
    db.collectionItems
      .where('[collectionId+type+platform+itemId]')
      // A shorter array sorts before its extensions, and Dexie.maxKey after any string: the range is
      // exactly this collection's items of this type. (Dexie.maxKey may appear once per key only.)
      .between([id, type], [id, type, Dexie.maxKey], true, true)
      .count();
  const [post, comment, profile] = await Promise.all([count('post'), count('comment'), count('profile')]);
  return { post, comment, profile, total: post + comment + profile };
}

/**
 * Adds what one capture batch showed to the running collection, if any: a new item with its first
 * sighting, or, for an item seen before, the new `last` sighting and `timesSeen + 1`. The counts
 * themselves are the post's history (observations), which storeCapture already keeps. Must run inside
 * a transaction that includes `collections` and `collectionItems`. Returns the items touched.
 *
 * `postOrder` is the page order of post ids (the tab's merged order when the batch is only what
 * changed), so `position` is the post's index on the page, not in the batch.
 */
export async function recordSeen(
  db: ResonanzDb,
  extraction: PageExtraction,
  options: { now: number; postOrder: readonly string[]; context: RecordingContext },
): Promise<number> {
  const collection = await runningCollection(db);
  if (!collection) return 0;
  const { platform } = extraction;
  const base: Omit<Provenance, 'position'> = {
    seenAt: options.now,
    pageUrl: extraction.url,
    platform,
    pageKind: extraction.kind,
    uiLanguage: options.context.uiLanguage,
    extensionVersion: options.context.extensionVersion,
    adapterVersion: options.context.adapterVersion,
  };
  const order = new Map<string, number>();
  options.postOrder.forEach((id, i) => {
    if (!order.has(id)) order.set(id, i);
  });

  const seen = new Map<string, { type: CollectionItem['type']; itemId: string; position: number | null }>();
  const add = (type: CollectionItem['type'], itemId: string, position: number | null) => {
    const key = `${type}\u0000${itemId}`;
    if (itemId && !seen.has(key)) seen.set(key, { type, itemId, position });
  };
  for (const [i, p] of extraction.posts.entries()) add('post', p.id, order.get(p.id) ?? i);
  for (const [i, c] of extraction.comments.entries()) add('comment', c.id, i);
  if (extraction.profile) add('profile', accountKey(extraction.profile.handle), null);
  if (seen.size === 0) return 0;

  const entries = [...seen.values()];
  const keys = entries.map(
    (e) => [collection.id, e.type, platform, e.itemId] as [string, string, PlatformId, string],
  );
  const existing = await db.collectionItems.bulkGet(keys);
  const rows: CollectionItem[] = entries.map((e, i) => {
    const sighting: Provenance = { ...base, position: e.position };
    const before = existing[i];
    return before
      ? { ...before, last: sighting, timesSeen: before.timesSeen + 1 }
      : {
          collectionId: collection.id,
          type: e.type,
          platform,
          itemId: e.itemId,
          first: sighting,
          last: sighting,
          timesSeen: 1,
        };
  });
  await db.collectionItems.bulkPut(rows);
  return rows.length;
}
