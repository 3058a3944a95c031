/**
 * Streaming CSV writer: RFC 4180 (CRLF records, fields quoted when they contain the delimiter, a
 * double quote, CR or LF; quotes doubled), UTF-8, optional BOM (Excel needs it to read UTF-8; 4CAT
 * accepts UTF-8 with or without BOM).
 *
 * Formula injection (OWASP "CSV Injection"): a text cell that begins with = + - @ TAB or CR is prefixed
 * with a single quote so spreadsheets show it as text. The full-width forms of = + - @ are treated the
 * same (some spreadsheet locales normalise them). To keep the escape reversible, a text that already
 * begins with quotes followed by one of these characters gets one more quote: a reader strips exactly
 * one leading quote from any cell matching /^'+[=+\-@\t\r＝＋－＠]/. Numbers are written as numbers and
 * never prefixed; a text cell that is a plain signed number ("-5", "+3.5") is not prefixed either (a
 * spreadsheet reads it as that number, which is harmless).
 */

import { type Cell, type ColumnContext, type CsvColumnName, columnDef, selectColumns } from './columns';
import type { ExportRecord } from './record';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvOptions {
  /** Columns to include besides the 4CAT-required ones (id, thread_id, author, body, timestamp). Default: all. */
  columns?: readonly CsvColumnName[];
  /** Start the file with a UTF-8 byte order mark. Default true. */
  bom?: boolean;
  /** Default ','. Use ';' for spreadsheets in German locales. */
  delimiter?: CsvDelimiter;
  /** Approximate characters per yielded chunk. Default 64 KiB. */
  chunkChars?: number;
  /** What `timestamp`/`unix_timestamp` hold when the page showed no creation time. Default 'none' (empty). */
  timestampFallback?: ColumnContext['timestampFallback'];
}

export const BOM = '\uFEFF';
const CRLF = '\r\n';

const DANGEROUS_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_SIGNED_NUMBER = /^[+-](?:\d+(?:\.\d+)?|\.\d+)$/;

/** Prefix a formula-like text with `'` (see the module comment). */
export function neutraliseFormula(text: string): string {
  if (!DANGEROUS_START.test(text) || PLAIN_SIGNED_NUMBER.test(text)) return text;
  return `'${text}`;
}

/** Inverse of neutraliseFormula, for readers of our files. */
export function unneutraliseFormula(cell: string): string {
  return /^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell;
}

/** List cells: comma-separated; a comma inside a value is written as %2C; empty values are dropped. */
export function joinList(values: readonly string[]): string {
  let out = '';
  for (const v of values) {
    if (v === '') continue;
    const escaped = v.includes(',') ? v.replaceAll(',', '%2C') : v;
    out = out === '' ? escaped : `${out},${escaped}`;
  }
  return out;
}

export function splitList(cell: string): string[] {
  if (cell === '') return [];
  return cell.split(',').map((v) => v.replaceAll('%2C', ','));
}

function quoteIfNeeded(text: string, delimiter: CsvDelimiter): string {
  if (text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** One CSV field. null → empty; numbers and booleans as plain tokens; text neutralised, then quoted. */
export function csvField(value: Cell, delimiter: CsvDelimiter = ','): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'string' ? value : joinList(value);
  return quoteIfNeeded(neutraliseFormula(text), delimiter);
}

export function csvHeader(columns: readonly CsvColumnName[], delimiter: CsvDelimiter = ','): string {
  return columns.map((c) => csvField(c, delimiter)).join(delimiter) + CRLF;
}

export function csvRow(
  record: ExportRecord,
  columns: readonly CsvColumnName[],
  delimiter: CsvDelimiter = ',',
  ctx: ColumnContext = { timestampFallback: 'none' },
): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(columnDef(columns[i]!).value(record, ctx), delimiter);
  }
  return line + CRLF;
}

/**
 * Stream records as CSV text chunks. Pulls one record at a time and yields a chunk whenever about
 * `chunkChars` characters are buffered, so memory stays flat however many records there are. The
 * header (with the BOM) is the first chunk.
 */
export async function* csvChunks(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  options: CsvOptions = {},
): AsyncGenerator<string, void, undefined> {
  const delimiter = options.delimiter ?? ',';
  const columns = selectColumns(options.columns);
  const chunkChars = Math.max(1, options.chunkChars ?? 65_536);
  const ctx: ColumnContext = { timestampFallback: options.timestampFallback ?? 'none' };

  yield (options.bom === false ? '' : BOM) + csvHeader(columns, delimiter);

  let parts: string[] = [];
  let size = 0;
  for await (const record of records) {
    const line = csvRow(record, columns, delimiter, ctx);
    parts.push(line);
    size += line.length;
    if (size >= chunkChars) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}
