/**
 * A research collection → export files. Reads the collection's items page by page through the
 * primary key (`[collectionId+type+platform+itemId]` ranges, never an offset and never the whole
 * collection), joins each page with its posts, comments, profiles and — where the chosen counts need
 * them — the posts' observations, and hands the records to the streaming writers in core/export.
 * Read-only: the side panel runs this on its own connection.
 */
import Dexie, { type Table } from 'dexie';
import {
  type CsvColumnName,
  type CsvDelimiter,
  type CsvMode,
  codebookMarkdown,
  collectHandles,
  commentToExportRecord,
  createExport,
  type ExportFormat,
  type ExportRecord,
  type MetricSnapshot,
  type PseudonymMode,
  type PseudonymModeKind,
  postToExportRecord,
  profileToExportRecord,
} from '../export/index';
import type { Collection, CollectionItem, Observation, PlatformId, StoredPost } from '../model';
import { secretFromBase64 } from './collections';
import type { ResonanzDb } from './schema';

const PROGRESS_EVERY = 500;

/** Posts first, then comments, then profiles (profiles have no creation time; 4CAT reads row 1's). */
const TYPE_ORDER: readonly CollectionItem['type'][] = ['post', 'comment', 'profile'];

export interface CollectionExportOptions {
  format: ExportFormat;
  snapshot: MetricSnapshot;
  pseudonymisation: PseudonymModeKind;
  /** CSV columns besides the 4CAT-required ones; all when omitted. */
  columns?: readonly CsvColumnName[];
  delimiter?: CsvDelimiter;
  /** CSV for spreadsheets (formulas neutralised, the default) or for analysis tools (values exact). */
  csvMode?: CsvMode;
  timestampFallback?: 'none' | 'first-seen';
  userAgent?: string;
  extensionVersion?: string | null;
  /** Items read per database round trip. */
  pageSize?: number;
  now?: number;
  /**
   * Progress: records read so far and in all (twice the items when pseudonymising or redacting,
   * which reads the collection twice). Called every `PROGRESS_EVERY` records.
   */
  onProgress?: (done: number, total: number) => void;
}

export interface CollectionExport {
  collection: Collection;
  /** Items in the collection when the export started. */
  itemCount: number;
  chunks: AsyncGenerator<string, void, undefined>;
  /** The codebook (Markdown); call after the chunks are consumed. */
  codebook(): Promise<string>;
  /** Items whose post, comment or profile row no longer exists (skipped); final after the chunks. */
  skipped(): number;
  filename: string;
  codebookFilename: string;
  mime: string;
}

/** Thrown when pseudonymising a collection whose secret was destroyed. */
export class SecretDestroyedError extends Error {
  constructor() {
    super(
      "this collection's pseudonymisation secret was destroyed: export it redacted or without pseudonyms",
    );
    this.name = 'SecretDestroyedError';
  }
}

/** The collection's items as ExportRecords, `pageSize` items per read transaction. */
export async function* collectionRecords(
  db: ResonanzDb,
  collection: Pick<Collection, 'id' | 'name'>,
  snapshot: MetricSnapshot,
  options: { pageSize?: number; onSkip?: (item: CollectionItem) => void; onRecord?: () => void } = {},
): AsyncGenerator<ExportRecord, void, undefined> {
  const pageSize = options.pageSize ?? 500;
  const ref = { id: collection.id, name: collection.name };
  for (const type of TYPE_ORDER) {
    // [id, type] sorts before every item of the type, [id, type, maxKey] after (see collectionCounts).
    let lower: string[] = [collection.id, type];
    let includeLower = true;
    for (;;) {
      const page = await db.transaction(
        'r',
        [db.collectionItems, db.posts, db.comments, db.accounts, db.observations],
        async () => {
          const items = await db.collectionItems
            .where('[collectionId+type+platform+itemId]')
            .between(lower, [collection.id, type, Dexie.maxKey], includeLower, true)
            .limit(pageSize)
            .toArray();
          return { items, records: await recordsOf(db, type, items, ref, snapshot, options.onSkip) };
        },
      );
      for (const record of page.records) {
        options.onRecord?.();
        yield record;
      }
      const last = page.items[page.items.length - 1];
      if (!last || page.items.length < pageSize) break;
      lower = [last.collectionId, last.type, last.platform, last.itemId];
      includeLower = false;
    }
  }
}

export async function recordsOf(
  db: ResonanzDb,
  type: CollectionItem['type'],
  items: CollectionItem[],
  ref: { id: string; name: string },
  snapshot: MetricSnapshot,
  onSkip?: (item: CollectionItem) => void,
): Promise<ExportRecord[]> {
  const keys = items.map((i) => [i.platform, i.itemId] as [PlatformId, string]);
  const out: ExportRecord[] = [];
  if (type === 'post') {
    const posts = await rowsByKey(db.posts, keys, (p) => p.id);
    // The counts at first sighting and the history need the post's readings; the last sighting's
    // counts are the stored ones unless the post was seen again (outside the collection) since.
    const needed = posts.filter(
      (post, i): post is StoredPost =>
        post !== undefined && (snapshot !== 'last' || post.lastSeen > items[i]!.last.seenAt),
    );
    const histories = await observationsOf(db, needed);
    for (const [i, item] of items.entries()) {
      const post = posts[i];
      const observations = (post && histories.get(`${post.platform}\u0000${post.id}`)) || [];
      if (post) out.push(postToExportRecord({ post, observations, item, collection: ref, snapshot }));
      else onSkip?.(item);
    }
  } else if (type === 'comment') {
    const comments = await rowsByKey(db.comments, keys, (c) => c.id);
    for (const [i, item] of items.entries()) {
      const comment = comments[i];
      if (comment) out.push(commentToExportRecord({ comment, item, collection: ref }));
      else onSkip?.(item);
    }
  } else {
    const accounts = await rowsByKey(db.accounts, keys, (a) => a.handle);
    for (const [i, item] of items.entries()) {
      const account = accounts[i];
      if (account) out.push(profileToExportRecord({ account, item, collection: ref }));
      else onSkip?.(item);
    }
  }
  return out;
}

/**
 * The rows for `keys`, which are sorted as the table's primary key `[platform+id]` (collection items
 * are). IndexedDB answers a key range in one round trip but needs one per `get`, so per platform the
 * range from the first to the last key is read at once when it holds few rows besides these (a
 * collection is usually most of what was seen in that range), and key by key otherwise.
 */
async function rowsByKey<T>(
  table: Table<T, [PlatformId, string]>,
  keys: readonly [PlatformId, string][],
  idOf: (row: T) => string,
): Promise<(T | undefined)[]> {
  const out: (T | undefined)[] = [];
  for (let start = 0; start < keys.length; ) {
    const platform = keys[start]![0];
    let end = start;
    while (end < keys.length && keys[end]![0] === platform) end++;
    const run = keys.slice(start, end);
    const range = table.where(':id').between(run[0]!, run[run.length - 1]!, true, true);
    if (run.length > 1 && (await range.count()) <= 2 * run.length) {
      const byId = new Map((await range.toArray()).map((row) => [idOf(row), row]));
      for (const [, id] of run) out.push(byId.get(id));
    } else out.push(...(await table.bulkGet(run)));
    start = end;
  }
  return out;
}

/** Readings that make an average history "short" enough to read a whole id range at once. */
const READINGS_PER_POST = 16;

/** The observation rows of `posts` (sorted by key), by `platform\u0000id`. */
async function observationsOf(
  db: ResonanzDb,
  posts: readonly StoredPost[],
): Promise<Map<string, Observation[]>> {
  const byPost = new Map<string, Observation[]>();
  const add = (o: Observation) => {
    const key = `${o.platform}\u0000${o.id}`;
    const list = byPost.get(key);
    if (list) list.push(o);
    else byPost.set(key, [o]);
  };
  const ofPost = (p: StoredPost) =>
    db.observations
      .where('[platform+id+at]')
      .between([p.platform, p.id, Dexie.minKey], [p.platform, p.id, Dexie.maxKey], true, true)
      .toArray();
  for (let start = 0; start < posts.length; ) {
    const platform = posts[start]!.platform;
    let end = start;
    while (end < posts.length && posts[end]!.platform === platform) end++;
    const run = posts.slice(start, end);
    const range = db.observations
      .where('[platform+id+at]')
      .between(
        [platform, run[0]!.id, Dexie.minKey],
        [platform, run[run.length - 1]!.id, Dexie.maxKey],
        true,
        true,
      );
    if (run.length > 1 && (await range.count()) <= READINGS_PER_POST * run.length) {
      const wanted = new Set(run.map((p) => p.id));
      for (const o of await range.toArray()) if (wanted.has(o.id)) add(o);
    } else for (const rows of await Promise.all(run.map(ofPost))) for (const o of rows) add(o);
    start = end;
  }
  return byPost;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  ndjson: 'application/x-ndjson;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

/** A file name from the collection's name: letters, digits and dashes only. */
export function exportBaseName(collection: Pick<Collection, 'name' | 'startedAt'>): string {
  const slug =
    collection.name
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'collection';
  return `resonanz-${slug}-${new Date(collection.startedAt).toISOString().slice(0, 10)}`;
}

/**
 * Prepares the export of one collection. With pseudonymisation or redaction, the collection is read
 * twice: once to learn every handle (so a bare mention of an account met only later is caught), then
 * for the file.
 */
export async function exportCollection(
  db: ResonanzDb,
  collectionId: string,
  options: CollectionExportOptions,
): Promise<CollectionExport> {
  const collection = await db.collections.get(collectionId);
  if (!collection) throw new Error('no such collection');
  const itemCount = await db.collectionItems.where('collectionId').equals(collectionId).count();
  let mode: PseudonymMode = { kind: 'none' };
  if (options.pseudonymisation === 'pseudonymise') {
    const secret = await db.collectionSecrets.get(collectionId);
    if (!secret) throw new SecretDestroyedError();
    mode = { kind: 'pseudonymise', secret: secretFromBase64(secret.secret) };
  } else if (options.pseudonymisation === 'redact') mode = { kind: 'redact' };

  const total = mode.kind === 'none' ? itemCount : 2 * itemCount;
  let done = 0;
  const read = {
    pageSize: options.pageSize,
    onRecord: () => {
      done += 1;
      if (done % PROGRESS_EVERY === 0) options.onProgress?.(done, total);
    },
  };
  options.onProgress?.(0, total);
  const knownHandles =
    mode.kind === 'none'
      ? undefined
      : await collectHandles(collectionRecords(db, collection, options.snapshot, read));
  let skipped = 0;
  const records = collectionRecords(db, collection, options.snapshot, {
    ...read,
    onSkip: () => {
      skipped += 1;
    },
  });
  const delimiter = options.delimiter ?? ',';
  const timestampFallback = options.timestampFallback ?? 'none';
  const { chunks, pseudonymiser } = await createExport(records, {
    format: options.format,
    pseudonymisation: mode,
    knownHandles,
    csv: { columns: options.columns, delimiter, timestampFallback, mode: options.csvMode ?? 'spreadsheet' },
    ndjson: { userAgent: options.userAgent ?? '' },
  });
  const base = exportBaseName(collection);
  return {
    collection,
    itemCount,
    chunks,
    skipped: () => skipped,
    codebook: () =>
      codebookMarkdown({
        columns: options.columns,
        collection,
        pseudonymisation: mode.kind,
        snapshot: options.snapshot,
        timestampFallback,
        itemCount: itemCount - skipped,
        generatedAt: options.now ?? Date.now(),
        extensionVersion: options.extensionVersion ?? null,
        delimiter,
        csvMode: options.csvMode ?? 'spreadsheet',
        pseudonymiser,
      }),
    filename: `${base}.${options.format}`,
    codebookFilename: `${base}-codebook.md`,
    mime: MIME[options.format],
  };
}
