/**
 * Research exports: pure, streaming writers over AsyncIterable<ExportRecord>. The worker reads the
 * collection from Dexie page by page, maps rows with the from-stored helpers, and pipes the string
 * chunks into a Blob / stream for download. Nothing here touches the DOM, storage or extension APIs;
 * only WebCrypto (`crypto.subtle`, `crypto.getRandomValues`) and TextEncoder.
 */
import type { CsvOptions } from './csv';
import { csvChunks } from './csv';
import { type JsonOptions, jsonChunks, type NdjsonOptions, ndjsonChunks } from './ndjson';
import { type HandleRef, Pseudonymiser, type PseudonymMode, pseudonymiseRecords } from './pseudonymise';
import type { ExportRecord } from './record';

export * from './codebook';
export * from './columns';
export * from './csv';
export * from './from-stored';
export * from './ndjson';
export * from './pseudonymise';
export * from './record';

export type ExportFormat = 'csv' | 'ndjson' | 'json';

export interface ExportOptions {
  format: ExportFormat;
  /** Default { kind: 'none' }. */
  pseudonymisation?: PseudonymMode;
  /** From collectHandles over the same records (first pass), so bare mentions are caught everywhere. */
  knownHandles?: Iterable<HandleRef>;
  minBareLength?: number;
  csv?: CsvOptions;
  ndjson?: NdjsonOptions;
  json?: JsonOptions;
}

export interface ExportStream {
  chunks: AsyncGenerator<string, void, undefined>;
  /** Pass to codebookMarkdown so the collection's name and notes are scrubbed the same way. */
  pseudonymiser: Pseudonymiser;
}

/** Records → (pseudonymised) records → chunks of the chosen format. Lazy end to end. */
export async function createExport(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  options: ExportOptions,
): Promise<ExportStream> {
  const pseudonymiser = await Pseudonymiser.create(options.pseudonymisation ?? { kind: 'none' }, {
    knownHandles: options.knownHandles,
    minBareLength: options.minBareLength,
  });
  const rows = pseudonymiseRecords(records, pseudonymiser);
  const chunks =
    options.format === 'csv'
      ? csvChunks(rows, options.csv)
      : options.format === 'ndjson'
        ? ndjsonChunks(rows, options.ndjson)
        : jsonChunks(rows, options.json);
  return { chunks, pseudonymiser };
}
