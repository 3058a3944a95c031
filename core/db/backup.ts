/**
 * Backup and restore of the whole database, as NDJSON:
 *
 *   {"format":"resonanz-backup","formatVersion":1,"schemaVersion":2,"createdAt":…,"extensionVersion":"…","tables":[…]}
 *   {"table":"posts","row":{…}}                      one line per row, table after table
 *   …
 *   {"end":true,"counts":{"posts":123,…}}           the last line: a file without it was cut short
 *
 * Left out: `tabs` (what this browser's open tabs show; rebuilt as pages are read) and the restore
 * marker in `meta`.
 *
 * Restore policy (decided here, shown in the UI and README): a backup is restored only into an EMPTY
 * database — erase first. That needs no merge rules, and makes a failed restore undoable: every chunk
 * is validated row by row with the zod schemas and written in one transaction, and if any chunk fails
 * (invalid row, duplicate key, full disk, a file cut short, the worker stopped mid-way) every table is
 * emptied again. Files from a newer schema version are refused; older ones restore into the current
 * schema (their tables are a subset).
 */
import Dexie, { type IndexableType, type Table } from 'dexie';
import { z } from 'zod';
import {
  AccountObservation,
  AccountStatsRow,
  Collection,
  CollectionItem,
  CompetitiveSet,
  Observation,
  PlatformId,
  StoredAccount,
  StoredComment,
  StoredPost,
} from '../model';
import { RETENTION_KEY } from './collections';
import { BYTES_PREFIX, RAW_BUDGET_KEY, SKIPPED_PREFIX, StoredRawItem } from './raw-items';
import { LAST_RUN_KEY, RETENTION_CURSOR_KEY } from './retention';
import {
  type Alert,
  type CollectionSecret,
  type MetaEntry,
  type ReplyMemory,
  type ResonanzDb,
  SCHEMA_VERSIONS,
  type TriageCorrection,
} from './schema';

export const BACKUP_FORMAT = 'resonanz-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** The schema version this build writes (the newest Dexie version). */
export const SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
/** The `meta` key that marks a restore in progress (never backed up). */
export const RESTORE_MARKER = 'restore.inProgress';

const CollectionSecretRow = z.object({
  collectionId: z.string().min(1),
  secret: z.string().min(1),
  createdAt: z.number(),
});
const ReplyMemoryRow = z.object({
  id: z.number().int().positive(),
  at: z.number(),
  text: z.string(),
  kind: z.enum(['suggested', 'inserted']),
});
const AlertRow = z.object({
  id: z.string().min(1),
  at: z.number(),
  platform: PlatformId,
  postId: z.string(),
  kind: z.enum(['negativeSurge', 'fastSpreadNegative']),
  detail: z.string(),
  dismissed: z.boolean(),
});
const TriageCorrectionRow = z.object({
  platform: PlatformId,
  commentId: z.string().min(1).max(400),
  account: z.string().max(400),
  text: z.string().max(100_000),
  label: z.enum(['urgent', 'spam', 'complaint', 'question', 'purchase', 'praise', 'other']),
  at: z.number(),
});
// JSON.stringify drops an undefined value, so a row may come back without one.
const MetaRow = z.object({ key: z.string().min(1), value: z.json().optional() });
/** A moment as Date can hold it (9e15, once restored as the last retention run, switched thinning off). */
const Moment = z.number().int().nonnegative().max(8.64e15);
const Counter = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const exactly = (key: string) => (candidate: string) => candidate === key;
const prefixed = (prefix: string) => (candidate: string) =>
  candidate.startsWith(prefix) && candidate.length <= prefix.length + 100;
/**
 * The `meta` keys a backup may bring back, each with its type; anything else is refused. A new meta
 * key must be added here, or backups of it cannot be restored (tests/hardening/audit-restore.test.ts).
 */
const META_VALUES: readonly [(key: string) => boolean, z.ZodType][] = [
  [exactly(LAST_RUN_KEY), Moment],
  [exactly(RETENTION_CURSOR_KEY), Moment],
  [exactly(RETENTION_KEY), z.number().int().min(0).max(36_500)],
  [exactly(RAW_BUDGET_KEY), z.number().int().positive().max(1_000_000)],
  [prefixed(BYTES_PREFIX), Counter],
  [prefixed(SKIPPED_PREFIX), Counter],
];
const KnownMetaRow = MetaRow.superRefine((row, ctx) => {
  const rule = META_VALUES.find(([matches]) => matches(row.key));
  if (!rule) ctx.addIssue({ code: 'custom', message: `unknown meta key ${row.key.slice(0, 100)}` });
  else if (!rule[1].safeParse(row.value).success)
    ctx.addIssue({ code: 'custom', message: `${row.key} has a value of the wrong type or range` });
});
/**
 * Longest line a restore reads (a post with 100,000 characters of text and its raw platform object
 * stays far below): anything longer is refused before it is parsed, in the panel and in the worker.
 */
export const MAX_LINE_CHARS = 8 << 20;

// The row schemas of the tables typed only in schema.ts must describe exactly those types: a field
// added there and not here would be dropped by a restore.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _secretRowMatches: Same<z.infer<typeof CollectionSecretRow>, CollectionSecret> = true;
const _replyRowMatches: Same<z.infer<typeof ReplyMemoryRow>, Required<ReplyMemory>> = true;
const _alertRowMatches: Same<z.infer<typeof AlertRow>, Alert> = true;
const _metaRowMatches: Same<z.infer<typeof MetaRow>['key'], MetaEntry['key']> = true;
const _correctionRowMatches: Same<z.infer<typeof TriageCorrectionRow>, TriageCorrection> = true;
void [_secretRowMatches, _replyRowMatches, _alertRowMatches, _metaRowMatches, _correctionRowMatches];

/** Every backed-up table, in the order it is written and restored, with its row schema. */
export const BACKUP_SCHEMAS = {
  posts: StoredPost,
  observations: Observation,
  accounts: StoredAccount,
  accountObservations: AccountObservation,
  accountStats: AccountStatsRow,
  comments: StoredComment,
  sets: CompetitiveSet,
  collections: Collection,
  collectionItems: CollectionItem,
  collectionSecrets: CollectionSecretRow,
  replyMemory: ReplyMemoryRow,
  alerts: AlertRow,
  rawItems: StoredRawItem,
  triageCorrections: TriageCorrectionRow,
  meta: KnownMetaRow,
} as const satisfies Record<string, z.ZodType>;
export type BackupTable = keyof typeof BACKUP_SCHEMAS;
export const BACKUP_TABLES = Object.keys(BACKUP_SCHEMAS) as BackupTable[];
/** Tables deliberately left out of backups (a test checks every other table is in BACKUP_SCHEMAS). */
export const NOT_BACKED_UP = ['tabs'] as const;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: z.number().int().positive(),
  createdAt: z.number(),
  extensionVersion: z.string(),
  tables: z.array(z.string()),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

const RowLine = z.object({
  table: z.enum(BACKUP_TABLES as [BackupTable, ...BackupTable[]]),
  row: z.unknown(),
});
const EndLine = z.object({
  end: z.literal(true),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

function tableOf(db: ResonanzDb, name: BackupTable): Table<unknown, IndexableType> {
  return db.table(name);
}

function primaryKeyOf(table: Table<unknown, IndexableType>, row: unknown): IndexableType {
  const keyPath = table.schema.primKey.keyPath;
  if (!keyPath) throw new Error(`table ${table.name} has no inbound primary key`);
  return Dexie.getByKeyPath(row as object, keyPath) as IndexableType;
}

/** Rows of a table in primary-key order, `pageSize` at a time: memory stays flat however big it is. */
async function* tableRows(table: Table<unknown, IndexableType>, pageSize: number): AsyncGenerator<unknown[]> {
  let after: IndexableType | undefined;
  for (;;) {
    const collection =
      after === undefined ? table.orderBy(':id') : table.where(':id').above(after as IndexableType);
    const rows = await collection.limit(pageSize).toArray();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageSize) return;
    after = primaryKeyOf(table, rows[rows.length - 1]);
  }
}

/** The backup file as text chunks (about `chunkChars` each), streamed table by table. */
export async function* backupChunks(
  db: ResonanzDb,
  options: {
    now: number;
    extensionVersion: string;
    pageSize?: number;
    chunkChars?: number;
    /**
     * Whether the collections' pseudonymisation keys go into the file. Off unless the user asks:
     * destroying a key is promised to make its pseudonyms irreproducible, and a backup would keep it.
     */
    includePseudonymKeys?: boolean;
  },
): AsyncGenerator<string, void, undefined> {
  const pageSize = options.pageSize ?? 1_000;
  const tables = BACKUP_TABLES.filter((t) => options.includePseudonymKeys || t !== 'collectionSecrets');
  const chunkChars = options.chunkChars ?? 1 << 20;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: options.now,
    extensionVersion: options.extensionVersion,
    tables,
  };
  yield `${JSON.stringify(header)}\n`;
  const counts: Record<string, number> = {};
  let parts: string[] = [];
  let size = 0;
  for (const name of tables) {
    counts[name] = 0;
    for await (const rows of tableRows(tableOf(db, name), pageSize)) {
      for (const row of rows) {
        if (name === 'meta' && (row as MetaEntry).key === RESTORE_MARKER) continue;
        const line = `${JSON.stringify({ table: name, row })}\n`;
        parts.push(line);
        size += line.length;
        counts[name] += 1;
      }
      if (size >= chunkChars) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
    }
  }
  parts.push(`${JSON.stringify({ end: true, counts })}\n`);
  yield parts.join('');
}

/** The lines of a text stream (the file being restored), without their line ends. */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string, void, undefined> {
  let rest = '';
  let line = 1;
  for await (const chunk of chunks) {
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      const text = rest.slice(start, nl);
      if (text.length > MAX_LINE_CHARS) throw tooLong(line);
      yield text.endsWith('\r') ? text.slice(0, -1) : text;
      start = nl + 1;
      line++;
    }
    rest = rest.slice(start);
    // A file without line breaks must not be gathered whole into memory.
    if (rest.length > MAX_LINE_CHARS) throw tooLong(line);
  }
  if (rest !== '') yield rest;
}

const tooLong = (line: number) =>
  new RestoreError(`line ${line} is too long (over ${MAX_LINE_CHARS / (1 << 20)} MB): not a Resonanz backup`);

/** A refusal the user can act on (wrong file, newer version, database not empty, bad row). */
export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

interface Marker {
  id: string;
  startedAt: number;
  /** The meta rows there were before (settings such as retention), put back on rollback. */
  metaBefore: MetaEntry[];
}

/** Parses and checks a backup's first line. */
export function parseBackupHeader(line: string): BackupHeader {
  let json: unknown;
  try {
    json = JSON.parse(line.replace(/^\uFEFF/, ''));
  } catch {
    throw new RestoreError('not a Resonanz backup (the first line is not JSON)');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw new RestoreError('not a Resonanz backup');
  const header = BackupHeader.safeParse(json);
  if (!header.success)
    throw new RestoreError('the backup header is damaged or from an unknown format version');
  if (header.data.schemaVersion > SCHEMA_VERSION) {
    throw new RestoreError(
      `the backup is from a newer Resonanz (database version ${header.data.schemaVersion}, this one has ${SCHEMA_VERSION}): update Resonanz first`,
    );
  }
  return header.data;
}

/**
 * One restore in progress, driven by the worker's restoreBegin/Chunk/End messages. All or nothing:
 * any failure empties the tables again (see the module comment).
 */
export class RestoreSession {
  private readonly counts: Record<string, number> = {};
  private expected: Record<string, number> | null = null;
  private failed = false;

  private constructor(
    private readonly db: ResonanzDb,
    readonly id: string,
    readonly header: BackupHeader,
  ) {}

  /** Checks the header and that the database is empty, and marks the restore as running. */
  static async begin(db: ResonanzDb, headerLine: string, now: number, id: string): Promise<RestoreSession> {
    const header = parseBackupHeader(headerLine);
    const tables = BACKUP_TABLES.filter((t) => t !== 'meta').map((t) => tableOf(db, t));
    await db.transaction('rw', [...tables, db.meta], async () => {
      const marker = await db.meta.get(RESTORE_MARKER);
      if (marker) throw new RestoreError('another restore is running');
      for (const table of tables) {
        if ((await table.count()) > 0)
          throw new RestoreError('the database is not empty: erase everything first, then restore');
      }
      const value: Marker = { id, startedAt: now, metaBefore: await db.meta.toArray() };
      await db.meta.put({ key: RESTORE_MARKER, value });
    });
    return new RestoreSession(db, id, header);
  }

  /** Validates and writes the next lines of the file, in one transaction. Returns the rows written. */
  async chunk(lines: readonly string[], firstLine: number): Promise<number> {
    if (this.failed) throw new RestoreError('the restore was rolled back');
    const byTable = new Map<BackupTable, unknown[]>();
    lines.forEach((line, i) => {
      const where = `line ${firstLine + i}`;
      if (line.length > MAX_LINE_CHARS) throw tooLong(firstLine + i);
      if (line.trim() === '') return;
      if (this.expected) throw new RestoreError(`${where}: data after the end line`);
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new RestoreError(`${where}: not JSON`);
      }
      const end = EndLine.safeParse(json);
      if (end.success) {
        this.expected = end.data.counts;
        return;
      }
      const entry = RowLine.safeParse(json);
      if (!entry.success) throw new RestoreError(`${where}: not a row of a known table`);
      const { table } = entry.data;
      const row = BACKUP_SCHEMAS[table].safeParse(entry.data.row);
      if (!row.success) {
        const issue = row.error.issues[0];
        throw new RestoreError(
          `${where}: invalid ${table} row (${issue?.path.join('.')}: ${issue?.message})`,
        );
      }
      if (table === 'meta' && (row.data as MetaEntry).key === RESTORE_MARKER) return;
      const rows = byTable.get(table) ?? [];
      rows.push(row.data);
      byTable.set(table, rows);
    });
    if (byTable.size === 0) return 0;
    const tables = [...byTable.keys()].map((t) => tableOf(this.db, t));
    await this.db.transaction('rw', tables, async () => {
      for (const [name, rows] of byTable) {
        if (name === 'meta') await tableOf(this.db, name).bulkPut(rows);
        else await tableOf(this.db, name).bulkAdd(rows);
      }
    });
    let written = 0;
    for (const [name, rows] of byTable) {
      this.counts[name] = (this.counts[name] ?? 0) + rows.length;
      written += rows.length;
    }
    return written;
  }

  /** Checks the end line against what was written; clears the marker. Returns the rows per table. */
  async end(): Promise<Record<string, number>> {
    if (!this.expected) throw new RestoreError('the file ends early (no end line): it was cut short');
    for (const name of BACKUP_TABLES) {
      const want = this.expected[name] ?? 0;
      const got = this.counts[name] ?? 0;
      if (want !== got) throw new RestoreError(`${name}: the file lists ${want} rows, ${got} were read`);
    }
    await this.db.meta.delete(RESTORE_MARKER);
    return { ...this.counts };
  }

  /** Undoes everything this restore wrote. */
  async rollback(): Promise<void> {
    this.failed = true;
    await rollbackRestore(this.db);
  }
}

/**
 * Empties every backed-up table and puts the settings kept in `meta` back as they were, if a restore
 * was left unfinished (the worker stopped mid-way). Returns whether there was one.
 */
export async function rollbackRestore(db: ResonanzDb): Promise<boolean> {
  const tables = BACKUP_TABLES.map((t) => tableOf(db, t));
  return db.transaction('rw', tables, async () => {
    const marker = (await db.meta.get(RESTORE_MARKER))?.value as Marker | undefined;
    if (!marker) return false;
    for (const table of tables) await table.clear();
    await db.meta.bulkPut(marker.metaBefore.filter((m) => m.key !== RESTORE_MARKER));
    return true;
  });
}
