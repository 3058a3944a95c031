/**
 * Where the Research view's data comes from. The view sees only `ResearchSource`, so component tests
 * hand it a fake; `browserResearch` reads IndexedDB itself (live, read-only: exports and backups are
 * streamed from here) and sends every change to the worker as a privileged message.
 */
import { liveQuery } from 'dexie';
import browser from 'webextension-polyfill';
import { backupChunks, linesOf } from '../../../core/db/backup';
import { type CollectionExportOptions, exportCollection } from '../../../core/db/collection-export';
import { collectionCounts, retentionDays } from '../../../core/db/collections';
import { openDb, type ResonanzDb } from '../../../core/db/schema';
import { type ErrorResponse, PanelMessages } from '../../../core/messages';
import { type Outgoing, type PanelProtocol, parseAnswer } from '../../../core/messaging';
import type { Collection } from '../../../core/model';
import { sendToWorker } from '../insight-source';
import { blobFromChunks, download } from './download';

export type Result = { ok: true } | { ok: false; error: string };

export interface CollectionRow {
  collection: Collection;
  /** False once "destroy pseudonym key" was used. */
  hasSecret: boolean;
}

export type ResearchState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; collections: CollectionRow[]; retentionDays: number };

export interface ItemCounts {
  post: number;
  comment: number;
  profile: number;
  total: number;
}

export type ExportChoice = Pick<
  CollectionExportOptions,
  'format' | 'snapshot' | 'pseudonymisation' | 'columns' | 'delimiter' | 'csvMode' | 'timestampFallback'
> & { codebook: boolean };

export interface ResearchSource {
  /** Collections (newest first) and the retention setting, now and on every change. */
  watch(onChange: (state: ResearchState) => void): () => void;
  /** A collection's item counts, live. */
  watchCounts(id: string, onChange: (counts: ItemCounts) => void): () => void;
  start(name: string, notes: string): Promise<Result>;
  stop(id: string): Promise<Result>;
  remove(id: string): Promise<Result>;
  destroySecret(id: string): Promise<Result>;
  setRetention(days: number): Promise<Result & { deleted?: number }>;
  exportCollection(
    id: string,
    choice: ExportChoice,
    onProgress: (done: number, total: number) => void,
  ): Promise<Result & { filename?: string }>;
  /** The whole database as a file; the pseudonym keys only with `includePseudonymKeys` (the user ticked it). */
  backup(
    onProgress: (rows: number) => void,
    options?: { includePseudonymKeys?: boolean },
  ): Promise<Result & { filename?: string; rows?: number }>;
  restore(file: File, onProgress: (fraction: number) => void): Promise<Result & { rows?: number }>;
  eraseAll(): Promise<Result>;
}

const send = sendToWorker;

const result = (a: { ok: true } | ErrorResponse): Result =>
  a.ok ? { ok: true } : { ok: false, error: a.error };

/** The four restore messages (restoreFile is given their transport, so tests can stand in for the worker). */
export type RestoreRequest = Outgoing<
  PanelProtocol,
  'restoreBegin' | 'restoreChunk' | 'restoreEnd' | 'restoreAbort'
>;
const failure = (error: unknown): { ok: false; error: string } => ({
  ok: false,
  error: (error as Error)?.message ?? String(error),
});

/** Lines per restore message; also capped by size so one message stays a few MB. */
const RESTORE_LINES = 2_000;
const RESTORE_CHARS = 4 << 20;

/** Counts chunks' progress through a file being read. */
async function* decoded(file: Blob, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    onBytes(bytes);
    yield decoder.decode(value, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/**
 * Streams a backup file to the worker: header, chunks of lines, end. Any failure after the worker
 * began — a refusal, a message that never arrived, a file that cannot be read — sends restoreAbort,
 * so the worker rolls back at once instead of blocking capture until its idle timeout.
 */
export async function restoreFile(
  file: Blob,
  transport: (message: RestoreRequest) => Promise<unknown>,
  onProgress: (fraction: number) => void,
): Promise<Result & { rows?: number }> {
  let read = 0;
  const lines = linesOf(decoded(file, (bytes) => (read = bytes)))[Symbol.asyncIterator]();
  let first: IteratorResult<string>;
  try {
    first = await lines.next();
  } catch (error) {
    return failure(error);
  }
  if (first.done) return { ok: false, error: 'the file is empty' };
  // Each answer is checked against its message type's response schema (core/messaging.ts).
  const call = async <K extends RestoreRequest['type']>(request: Outgoing<PanelProtocol, K>) => {
    try {
      return parseAnswer(PanelMessages, request.type, await transport(request));
    } catch (error) {
      return failure(error);
    }
  };
  const begin = await call({ type: 'restoreBegin', header: first.value });
  if (!begin.ok) return result(begin);
  const { restoreId } = begin;
  let rows = 0;
  let batch: string[] = [];
  let batchChars = 0;
  let lineNo = 2;
  const flush = async () => {
    if (batch.length === 0) return true;
    const answer = await call({ type: 'restoreChunk', restoreId, firstLine: lineNo, lines: batch });
    lineNo += batch.length;
    batch = [];
    batchChars = 0;
    if (!answer.ok) return answer;
    rows += answer.rows;
    onProgress(file.size ? read / file.size : 1);
    return true;
  };
  let outcome: Result & { rows?: number };
  try {
    outcome = await (async () => {
      for (let next = await lines.next(); !next.done; next = await lines.next()) {
        batch.push(next.value);
        batchChars += next.value.length;
        if (batch.length >= RESTORE_LINES || batchChars >= RESTORE_CHARS) {
          const sent = await flush();
          if (sent !== true) return result(sent);
        }
      }
      const sent = await flush();
      if (sent !== true) return result(sent);
      const end = await call({ type: 'restoreEnd', restoreId });
      if (!end.ok) return result(end);
      return { ok: true as const, rows };
    })();
  } catch (error) {
    outcome = failure(error);
  }
  if (!outcome.ok) {
    await call({ type: 'restoreAbort', restoreId });
    return outcome;
  }
  onProgress(1);
  return outcome;
}

export function browserResearch(): ResearchSource {
  let db: Promise<ResonanzDb> | null = null;
  const getDb = () => {
    db ??= openDb().catch((error) => {
      db = null;
      throw error;
    });
    return db;
  };
  const version = browser.runtime.getManifest().version;

  return {
    watch(onChange) {
      onChange({ status: 'loading' });
      let subscription: { unsubscribe(): void } | null = null;
      let stopped = false;
      void getDb().then(
        (database) => {
          if (stopped) return;
          subscription = liveQuery(async () => {
            const collections = await database.collections.orderBy('startedAt').reverse().toArray();
            const secrets = new Set(await database.collectionSecrets.toCollection().primaryKeys());
            return {
              status: 'ready' as const,
              collections: collections.map((collection) => ({
                collection,
                hasSecret: secrets.has(collection.id),
              })),
              retentionDays: await retentionDays(database),
            };
          }).subscribe({
            next: onChange,
            error: (error) =>
              onChange({ status: 'error', message: String((error as Error)?.message ?? error) }),
          });
        },
        (error) => onChange({ status: 'error', message: (error as Error).message }),
      );
      return () => {
        stopped = true;
        subscription?.unsubscribe();
      };
    },
    watchCounts(id, onChange) {
      let subscription: { unsubscribe(): void } | null = null;
      let stopped = false;
      void getDb().then((database) => {
        if (stopped) return;
        subscription = liveQuery(() => collectionCounts(database, id)).subscribe({ next: onChange });
      });
      return () => {
        stopped = true;
        subscription?.unsubscribe();
      };
    },
    start: async (name, notes) => result(await send({ type: 'startCollection', name, notes })),
    stop: async (id) => result(await send({ type: 'stopCollection', id })),
    remove: async (id) => result(await send({ type: 'deleteCollection', id })),
    destroySecret: async (id) => result(await send({ type: 'destroyCollectionSecret', id })),
    async setRetention(days) {
      const answer = await send({ type: 'setResearchRetention', days });
      return answer.ok ? { ok: true, deleted: answer.deleted } : result(answer);
    },
    async exportCollection(id, choice, onProgress) {
      try {
        const database = await getDb();
        const file = await exportCollection(database, id, {
          ...choice,
          userAgent: navigator.userAgent,
          extensionVersion: version,
          onProgress,
        });
        download(await blobFromChunks(file.chunks, file.mime), file.filename);
        if (choice.codebook) {
          const codebook = await file.codebook();
          download(new Blob([codebook], { type: 'text/markdown;charset=utf-8' }), file.codebookFilename);
        }
        return { ok: true, filename: file.filename };
      } catch (error) {
        return failure(error);
      }
    },
    async backup(onProgress, options = {}) {
      try {
        const database = await getDb();
        const now = Date.now();
        let rows = 0;
        async function* counted() {
          for await (const chunk of backupChunks(database, {
            now,
            extensionVersion: version,
            includePseudonymKeys: options.includePseudonymKeys === true,
          })) {
            for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) rows += 1;
            onProgress(rows);
            yield chunk;
          }
        }
        const filename = `resonanz-backup-${new Date(now).toISOString().slice(0, 19).replace(/:/g, '-')}.ndjson`;
        download(await blobFromChunks(counted(), 'application/x-ndjson;charset=utf-8'), filename);
        // Header and end line are not rows.
        return { ok: true, filename, rows: Math.max(0, rows - 2) };
      } catch (error) {
        return failure(error);
      }
    },
    restore: (file, onProgress) =>
      restoreFile(file, (message) => browser.runtime.sendMessage(message), onProgress),
    eraseAll: async () => result(await send({ type: 'eraseAll', confirm: 'erase' })),
  };
}
