/**
 * A research collection as Zeeschuimer files, one per platform (4CAT imports one platform per
 * dataset): each post or comment whose platform object was kept (raw-items.ts) and carries every
 * field 4CAT's importer for that platform reads (core/export/importers.ts) is a line with that object
 * in `data`, in Zeeschuimer's envelope, named `<4CAT module id>.ndjson`. Items read only from the
 * page (or whose object lacks a field the importer needs) keep the Resonanz record, marked
 * `data_origin: "resonanz-dom"`, in a companion file `<module id>.dom.ndjson`, so every line of the
 * 4CAT file maps through 4CAT's importer. Read-only; the panel runs it on its own connection.
 */
import Dexie from 'dexie';
import { missingFields, zeeschuimerData } from '../export/importers';
import type { ExportRecord } from '../export/record';
import type { Collection, CollectionItem, PlatformId } from '../model';
import { platformInfo } from '../platforms/registry';
import { recordsOf } from './collection-export';
import { decodeRaw, type StoredRawItem } from './raw-items';
import type { ResonanzDb } from './schema';

/** Where a line's `data` came from (envelope field `data_origin`; the codebook explains both). */
export type DataOrigin = 'platform' | 'resonanz-dom';

export interface PlatformEnvelope {
  id: number;
  nav_index: string;
  item_id: string;
  timestamp_collected: number;
  last_updated: number;
  source_platform: string;
  source_platform_url: string;
  source_url: string;
  user_agent: string;
  data_origin: DataOrigin;
  /** DOM lines: why there is no platform object ('none kept', or the importer fields it lacked). */
  dom_reason?: string;
  data: unknown;
}

export interface PlatformFileSummary {
  platform: PlatformId;
  /** Zeeschuimer module id: `source_platform`, the `X-Zeeschuimer-Platform` header, the file name. */
  module: string;
  /** Lines with the platform's own object (the 4CAT file). */
  platformLines: number;
  /** Items with only the Resonanz record (the .dom file). */
  domLines: number;
}

/** The module id of a platform (a Mastodon collection uses Zeeschuimer-style `mastodon`). */
export function moduleOf(platform: PlatformId): string {
  return platformInfo(platform)?.zeeschuimerModule ?? platform;
}

const TYPES: readonly ('post' | 'comment')[] = ['post', 'comment'];

interface Line {
  origin: DataOrigin;
  envelope: Omit<PlatformEnvelope, 'id'>;
}

/** Every post and comment of `platform` in the collection as a line, `pageSize` items per read. */
async function* platformLines(
  db: ResonanzDb,
  collection: Pick<Collection, 'id' | 'name'>,
  platform: PlatformId,
  options: { userAgent: string; pageSize?: number },
): AsyncGenerator<Line, void, undefined> {
  const module = moduleOf(platform);
  const pageSize = options.pageSize ?? 200;
  const ref = { id: collection.id, name: collection.name };
  for (const type of TYPES) {
    let lower: (string | number)[] = [collection.id, type, platform, Dexie.minKey as unknown as string];
    let includeLower = true;
    for (;;) {
      const page = await db.transaction(
        'r',
        [db.collectionItems, db.rawItems, db.posts, db.comments, db.accounts, db.observations],
        async () => {
          const items = await db.collectionItems
            .where('[collectionId+type+platform+itemId]')
            .between(lower, [collection.id, type, platform, Dexie.maxKey], includeLower, true)
            .limit(pageSize)
            .toArray();
          const raws = await db.rawItems.bulkGet(
            items.map(
              (i) => [collection.id, platform, type, i.itemId] as [string, PlatformId, typeof type, string],
            ),
          );
          // Records for all (an item whose platform object does not map falls back to its record).
          const records = items.length ? await recordsOf(db, type, items, ref, 'last') : [];
          return { items, raws, records };
        },
      );
      const records = new Map(page.records.map((r) => [r.id, r]));
      for (const [i, item] of page.items.entries()) {
        const line = await lineOf(item, page.raws[i], records.get(item.itemId), module, options.userAgent);
        if (line) yield line;
      }
      const last = page.items[page.items.length - 1];
      if (!last || page.items.length < pageSize) break;
      lower = [last.collectionId, last.type, last.platform, last.itemId];
      includeLower = false;
    }
  }
}

async function lineOf(
  item: CollectionItem,
  raw: StoredRawItem | undefined,
  record: ExportRecord | undefined,
  module: string,
  userAgent: string,
): Promise<Line | null> {
  const envelope = {
    nav_index: '',
    item_id: item.itemId,
    timestamp_collected: item.first.seenAt,
    last_updated: item.last.seenAt,
    source_platform: module,
    source_platform_url: raw?.pageUrl ?? item.first.pageUrl,
    source_url: raw?.pageUrl ?? item.first.pageUrl,
    user_agent: userAgent,
  };
  let reason = 'no platform object was kept for this item';
  if (raw) {
    // X: `promoted` as Zeeschuimer sets it, from what the page showed (the record's flag).
    const data = zeeschuimerData(module, await decodeRaw(raw), record?.promoted === true);
    const missing = missingFields(module, data);
    if (missing.length === 0)
      return { origin: 'platform', envelope: { ...envelope, data_origin: 'platform', data } };
    reason = `the platform object lacks what 4CAT reads: ${missing.slice(0, 5).join(', ')}`;
  }
  if (!record) return null; // its post or comment row is gone (skipped, as in every export)
  return {
    origin: 'resonanz-dom',
    envelope: { ...envelope, data_origin: 'resonanz-dom', dom_reason: reason, data: record },
  };
}

/** Per platform of the collection: how many lines each file will have (reads every item once). */
export async function platformFileSummaries(
  db: ResonanzDb,
  collectionId: string,
): Promise<PlatformFileSummary[]> {
  const collection = await db.collections.get(collectionId);
  if (!collection) throw new Error('no such collection');
  const platforms = new Set<PlatformId>();
  await db.collectionItems
    .where('collectionId')
    .equals(collectionId)
    .eachPrimaryKey((key) => {
      const [, type, platform] = key as unknown as [string, string, PlatformId];
      if (type !== 'profile') platforms.add(platform);
    });
  const out: PlatformFileSummary[] = [];
  for (const platform of [...platforms].sort()) {
    let platformLinesN = 0;
    let domLines = 0;
    for await (const line of platformLines(db, collection, platform, { userAgent: '' }))
      if (line.origin === 'platform') platformLinesN += 1;
      else domLines += 1;
    out.push({ platform, module: moduleOf(platform), platformLines: platformLinesN, domLines });
  }
  return out;
}

/**
 * One platform's file as NDJSON chunks: the 4CAT file (`origin` 'platform') or the companion file of
 * Resonanz records ('resonanz-dom'). Lazy; `id` counts from 1 per file, as a fresh Zeeschuimer does.
 */
export async function* platformNdjson(
  db: ResonanzDb,
  collectionId: string,
  platform: PlatformId,
  origin: DataOrigin,
  options: { userAgent?: string; pageSize?: number; chunkChars?: number } = {},
): AsyncGenerator<string, void, undefined> {
  const collection = await db.collections.get(collectionId);
  if (!collection) throw new Error('no such collection');
  let id = 1;
  let buffer = '';
  const chunkChars = options.chunkChars ?? 65_536;
  for await (const line of platformLines(db, collection, platform, {
    userAgent: options.userAgent ?? '',
    pageSize: options.pageSize,
  })) {
    if (line.origin !== origin) continue;
    buffer += `${JSON.stringify({ id: id++, ...line.envelope })}\n`;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

/** File names: `<base>-<module>.ndjson` and `<base>-<module>.dom.ndjson`. */
export function platformFileName(base: string, module: string, origin: DataOrigin): string {
  return `${base}-${module}${origin === 'platform' ? '' : '.dom'}.ndjson`;
}
