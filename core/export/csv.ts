/**
 * Streaming CSV writer: RFC 4180 (CRLF records, quotes doubled), UTF-8, optional BOM (Excel needs it to
 * read UTF-8; 4CAT accepts UTF-8 with or without BOM).
 *
 * Every text cell is quoted, whatever it holds: a reader that splits on another delimiter than the
 * one written (a German spreadsheet reading a comma file on ";") still sees a quoted value start
 * as text. Numbers and booleans are bare tokens; an unknown value (null) is an empty, unquoted field,
 * so `""` (empty text) and unknown stay distinguishable.
 *
 * Two modes:
 * - "spreadsheet" (default, for Excel/LibreOffice/Numbers): formula injection (OWASP "CSV
 *   Injection") is neutralised where a spreadsheet would start a cell: at the start of the text, and
 *   after a `,` `;` TAB CR or LF inside it (where a spreadsheet that splits on another delimiter,
 *   or ignores quoted line breaks, starts a new cell; a leading TAB or CR that a spreadsheet strips
 *   counts as such a place too). There, a formula character (= + - @ and their full-width forms),
 *   optionally after spaces or double quotes, gets a single quote in front, so the
 *   spreadsheet shows it as text. Numbers are written as numbers and never prefixed; a text that looks
 *   like a signed number ("-5") is guarded like any other (a reader splitting on another delimiter
 *   would see it start a longer cell). To keep the escape reversible, quotes
 *   already standing at such a place get one more: `unneutraliseFormula` removes exactly one quote at
 *   every such place and returns the original text.
 * - "analysis" (for R, pandas, 4CAT, Gephi…): every value exactly as read; nothing is prefixed.
 *
 * Ids and handles are never altered in NDJSON/JSON, whatever the CSV mode.
 */

import { type Cell, type ColumnContext, type CsvColumnName, columnDef, selectColumns } from './columns';
import type { ExportRecord } from './record';

export type CsvDelimiter = ',' | ';' | '\t';

/** "spreadsheet": formulas neutralised (safe to open in Excel/LibreOffice); "analysis": values exact. */
export const CSV_MODES = ['spreadsheet', 'analysis'] as const;
export type CsvMode = (typeof CSV_MODES)[number];

export interface CsvOptions {
  /** Columns to include besides the 4CAT-required ones (id, thread_id, author, body, timestamp). Default: all. */
  columns?: readonly CsvColumnName[];
  /** Start the file with a UTF-8 byte order mark. Default true. */
  bom?: boolean;
  /** Default ','. Use ';' for spreadsheets in German locales. */
  delimiter?: CsvDelimiter;
  /** Default 'spreadsheet' (the safe one). */
  mode?: CsvMode;
  /** Approximate characters per yielded chunk. Default 64 KiB. */
  chunkChars?: number;
  /** What `timestamp`/`unix_timestamp` hold when the page showed no creation time. Default 'none' (empty). */
  timestampFallback?: ColumnContext['timestampFallback'];
}

export const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * A place where a spreadsheet starts a cell (text start, or after , ; TAB CR LF), then spaces and
 * double quotes (a split cell may open with a quote a spreadsheet reads as quoting), then apostrophes
 * already there, then a formula character. The guard's apostrophe goes right before the existing ones.
 */
const FORMULA_AT_CELL_START = /(^|[,;\t\r\n])([ "]*)('*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
const GUARDED_FORMULA_AT_CELL_START = /(^|[,;\t\r\n])([ "]*)'('*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** Quote every formula start a spreadsheet would see in `text` (see the module comment). */
export function neutraliseFormula(text: string): string {
  return text.replace(FORMULA_AT_CELL_START, "$1$2'$3");
}

/** Inverse of neutraliseFormula, for readers of our "spreadsheet" files. */
export function unneutraliseFormula(cell: string): string {
  return cell.replace(GUARDED_FORMULA_AT_CELL_START, '$1$2$3');
}

/**
 * List cells: comma-separated; inside a value a percent sign is written as %25 and a comma as %2C (so
 * every value comes back exactly); empty values are dropped.
 */
export function joinList(values: readonly string[]): string {
  let out = '';
  for (const v of values) {
    if (v === '') continue;
    const escaped = v.replaceAll('%', '%25').replaceAll(',', '%2C');
    out = out === '' ? escaped : `${out},${escaped}`;
  }
  return out;
}

export function splitList(cell: string): string[] {
  if (cell === '') return [];
  return cell.split(',').map((v) => v.replaceAll('%2C', ',').replaceAll('%25', '%'));
}

/**
 * One CSV field. null → empty; numbers and booleans as plain tokens; text (neutralised in
 * "spreadsheet" mode) always quoted. The delimiter no longer changes the output (every text is
 * quoted); the parameter stays for callers that pass it.
 */
export function csvField(value: Cell, _delimiter: CsvDelimiter = ',', mode: CsvMode = 'spreadsheet'): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = typeof value === 'string' ? value : joinList(value);
  const safe = mode === 'spreadsheet' ? neutraliseFormula(text) : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Header names are fixed ASCII identifiers: written bare, as 4CAT's own files do. */
export function csvHeader(columns: readonly CsvColumnName[], delimiter: CsvDelimiter = ','): string {
  return columns.join(delimiter) + CRLF;
}

export function csvRow(
  record: ExportRecord,
  columns: readonly CsvColumnName[],
  delimiter: CsvDelimiter = ',',
  ctx: ColumnContext = { timestampFallback: 'none' },
  mode: CsvMode = 'spreadsheet',
): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += delimiter;
    line += csvField(columnDef(columns[i]!).value(record, ctx), delimiter, mode);
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
  const mode = options.mode ?? 'spreadsheet';

  yield (options.bom === false ? '' : BOM) + csvHeader(columns, delimiter);

  let parts: string[] = [];
  let size = 0;
  for await (const record of records) {
    const line = csvRow(record, columns, delimiter, ctx, mode);
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
