/**
 * The codebook that travels with an export: what each column means, its unit and denominator, how it
 * was read (exact digits vs abbreviated text: the `_approx` columns), the collection's notes and the
 * pseudonymisation mode. Generated from the same column table the CSV writer uses.
 */
import type { Collection } from '../model';
import { type CsvColumnName, columnDef, REQUIRED_COLUMNS, selectColumns } from './columns';
import { type CsvDelimiter, type CsvMode, csvField } from './csv';
import type { Pseudonymiser, PseudonymModeKind } from './pseudonymise';
import type { MetricSnapshot } from './record';

export interface CodebookOptions {
  /** The same selection passed to the CSV writer (default: all columns). */
  columns?: readonly CsvColumnName[];
  collection: Pick<Collection, 'name' | 'notes' | 'startedAt' | 'stoppedAt'>;
  pseudonymisation: PseudonymModeKind;
  snapshot: MetricSnapshot;
  timestampFallback?: 'none' | 'first-seen';
  /** Items in the export, if known. */
  itemCount?: number | null;
  /** Epoch ms. */
  generatedAt: number;
  extensionVersion?: string | null;
  delimiter?: CsvDelimiter;
  /** The CSV's mode (default 'spreadsheet'). */
  csvMode?: CsvMode;
  bom?: boolean;
  /**
   * The export's Pseudonymiser: the collection's name and notes are scrubbed with it. Required unless
   * `pseudonymisation` is 'none', so notes cannot leak handles the data hides.
   */
  pseudonymiser?: Pseudonymiser;
}

const SNAPSHOT_TEXT: Record<MetricSnapshot, string> = {
  first: 'the counts as displayed when the collection FIRST saw each item',
  last: 'the counts as displayed when the collection LAST saw each item (later readings made outside the collection are not used)',
  history:
    'the counts at the last sighting, plus every stored reading between the first and the last sighting in `metrics_history` (a reading is stored only when a count changed)',
};

const PSEUDONYM_TEXT: Record<PseudonymModeKind, string> = {
  none: 'none — handles, names and profile links are exported as seen.',
  pseudonymise:
    'pseudonymised — every handle, display name, profile link and @mention is replaced by a keyed hash (HMAC-SHA-256 with a secret specific to this collection, shortened to a base32 code such as `u_k3j5…`). The same account gets the same code everywhere in this export (case-insensitively, per platform); codes from different collections cannot be matched. Whoever holds the collection secret can re-identify accounts by hashing candidate handles, so keep it apart from the data. Display names inside free text are not replaced.',
  redact:
    'redacted — every handle, display name, profile link and @mention is replaced by `[redacted]`; accounts cannot be told apart. Display names inside free text are not replaced.',
};

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function cellMd(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ');
}

function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}

function delimiterName(d: CsvDelimiter): string {
  return d === '\t' ? 'tab' : d === ';' ? 'semicolon (;)' : 'comma (,)';
}

export async function codebookMarkdown(o: CodebookOptions): Promise<string> {
  const columns = selectColumns(o.columns);
  if (o.pseudonymisation !== 'none' && o.pseudonymiser === undefined) {
    throw new Error("codebookMarkdown: pass the export's pseudonymiser so the notes are scrubbed too");
  }
  const scrub = async (t: string) => (o.pseudonymiser ? o.pseudonymiser.scrubText(t) : t);
  const name = await scrub(o.collection.name);
  const notes = await scrub(o.collection.notes);
  const delimiter = o.delimiter ?? ',';
  const lines: string[] = [];
  lines.push(`# Codebook — ${cellMd(name)}`, '');
  lines.push(
    `- Generated: ${iso(o.generatedAt)}${o.extensionVersion ? ` by Resonanz ${o.extensionVersion}` : ''}`,
  );
  lines.push(
    `- Collection recorded: ${iso(o.collection.startedAt)} – ${o.collection.stoppedAt === null ? 'still recording at export time' : iso(o.collection.stoppedAt)}`,
  );
  if (o.itemCount !== undefined && o.itemCount !== null) lines.push(`- Items: ${o.itemCount}`);
  lines.push(`- Counts exported: ${SNAPSHOT_TEXT[o.snapshot]}.`);
  lines.push(`- Pseudonymisation: ${PSEUDONYM_TEXT[o.pseudonymisation]}`);
  lines.push(
    '- Scope: the data is only what this browser displayed while the collection was recording — not a sample of the platform, and counts are as the platform displayed them.',
  );
  lines.push('');
  lines.push('## File format', '');
  lines.push(
    `- CSV: RFC 4180, UTF-8${o.bom === false ? '' : ' with byte order mark'}, ${delimiterName(delimiter)} as delimiter, CRLF line ends; every text cell is quoted, quotes doubled; numbers and true/false are bare; an empty unquoted cell is unknown, \`""\` is empty text.`,
    '- Empty cell = unknown or not shown on the page (a count is never filled in as 0).',
    '- true / false for flags; lists are comma-separated inside the cell (inside a value, a percent sign is written as %25 and a comma as %2C).',
    (o.csvMode ?? 'spreadsheet') === 'spreadsheet'
      ? "- Written FOR SPREADSHEETS: wherever a spreadsheet would start a cell — at the start of a text, or after a comma, semicolon, tab or line break inside it (where a spreadsheet that splits on another delimiter starts one) — a formula character (= + - @, also full-width), after any spaces or double quotes, gets a single quote (') in front, so it is shown as text, not run. To get the exact values back, remove one ' at each such place (a run of ' before the formula character loses one). Numbers are never prefixed. For R, Python or 4CAT, export FOR ANALYSIS TOOLS instead."
      : '- Written FOR ANALYSIS TOOLS: every value exactly as read, nothing prefixed. Do not open this file in a spreadsheet program: a value beginning with = + - @ may be run as a formula there.',
    `- Times are UTC. \`timestamp\` uses "YYYY-MM-DD HH:MM:SS" (4CAT's recommended notation); ISO 8601 elsewhere.`,
    "- NDJSON: one JSON object per line in Zeeschuimer's envelope (`id`, `item_id`, `timestamp_collected` and `last_updated` in epoch ms, `source_platform`, `source_platform_url`, `source_url`, `user_agent`, `data`); `data` holds the full record with the same fields as the CSV in camelCase, times in epoch ms.",
    '',
  );
  lines.push('## Importing into 4CAT', '');
  lines.push(
    `- Use "Custom Dataset Upload" with the CSV format "Custom/other". The required columns ${REQUIRED_COLUMNS.map((c) => `\`${c}\``).join(', ')} are present and map to themselves.`,
    `- \`timestamp\` is UTC; 4CAT stores it without a time zone. ${
      (o.timestampFallback ?? 'none') === 'first-seen'
        ? 'Where the page showed no creation time, `timestamp` holds the FIRST SIGHTING time instead (see `created_at`, which stays empty in that case).'
        : 'Where the page showed no creation time it is empty; 4CAT rejects a file whose first row has no parseable timestamp, so sort such rows last or export with the first-sighting fallback.'
    }`,
    "- This export's NDJSON holds Resonanz records (`data` as above), not the platforms' own JSON: for 4CAT's Zeeschuimer importers use the files of **For 4CAT…** (below), or the CSV.",
    '',
  );
  lines.push('## Files for 4CAT (For 4CAT…: one NDJSON per platform)', '');
  lines.push(
    "- `<name>-<module>.ndjson`, e.g. `…-twitter.com.ndjson`, `…-facebook.com.ndjson`: one line per post or comment whose platform object Resonanz kept while the collection recorded (the JSON the page embedded or fetched), in Zeeschuimer's envelope (`id`, `nav_index`, `item_id`, `timestamp_collected` = first sighting, `last_updated` = last sighting, both epoch ms, `source_platform` = 4CAT's module id, `source_platform_url` = the page it was read on, `source_url`, `user_agent`) with `data_origin: \"platform\"` and the platform's object in `data`. Only objects that carry every field 4CAT's importer for that platform reads are written here, so every line maps in 4CAT.",
    "- `data` is the platform's object as loaded, with Zeeschuimer's own additions: X gets `id` (= `rest_id`) and `promoted` (from the page), the author's `screen_name`, `name` and avatar copied into `core.user_results.result.legacy` where X moved them out (2025), and empty `hashtags`/`urls`/`user_mentions` lists where the response left them out; LinkedIn updates have their `*` references resolved from the same response.",
    '- `<name>-<module>.dom.ndjson`: the items read only from the page (or whose object lacked a field 4CAT reads): the same envelope with `data_origin: "resonanz-dom"`, `dom_reason`, and the Resonanz record in `data` (fields as in the NDJSON above). 4CAT\'s Zeeschuimer importers cannot map these; use the CSV for them.',
    '- Platform objects are kept only while a collection records, compressed, within a size budget (shown in the Research view); over the budget an item keeps only its Resonanz record.',
    "- Names in these files are as collected. **Send to 4CAT** can ask 4CAT to pseudonymise (hash) or anonymise (remove) author fields on import (4CAT's `pseudonymise` option).",
    '',
  );
  lines.push('## Columns', '');
  lines.push('| Column | Meaning | Type | Unit | Denominator | How it was read |');
  lines.push('|---|---|---|---|---|---|');
  for (const c of columns) {
    const d = columnDef(c);
    lines.push(
      `| \`${c}\`${(REQUIRED_COLUMNS as readonly string[]).includes(c) ? ' (4CAT)' : ''} | ${cellMd(d.meaning)} | ${d.kind} | ${cellMd(d.unit)} | ${cellMd(d.denominator)} | ${cellMd(d.reading)} |`,
    );
  }
  lines.push('');
  lines.push('## Exact and abbreviated counts', '');
  lines.push(
    'Platforms often display counts abbreviated ("1.2K", "1,2 Tsd.", "2,5 Mio."). Resonanz prefers exact digits where the page offers them (accessibility labels, data attributes) and otherwise parses the abbreviated text. Each count column has a `_approx` companion: `true` means the value came from abbreviated text and is only as precise as displayed (1200 read from "1.2K" may stand for anything from about 1150 to 1299, depending on whether the platform rounds or truncates); `false` means exact digits; empty means unknown. Engagement rates are not part of this export; compute them with an explicit denominator (followers or views).',
    '',
  );
  lines.push('## Collection notes', '');
  lines.push(notes.trim() === '' ? '_(none)_' : fenced(notes), '');
  return lines.join('\n');
}

/** The column table as CSV (column, meaning, type, unit, denominator, reading, required_by_4cat). */
export function codebookCsv(o: Pick<CodebookOptions, 'columns' | 'delimiter' | 'bom'>): string {
  const d = o.delimiter ?? ',';
  const row = (cells: string[]) => `${cells.map((c) => csvField(c, d)).join(d)}\r\n`;
  let out =
    (o.bom === false ? '' : '\uFEFF') +
    row(['column', 'meaning', 'type', 'unit', 'denominator', 'reading', 'required_by_4cat']);
  for (const c of selectColumns(o.columns)) {
    const def = columnDef(c);
    out += row([
      c,
      def.meaning,
      def.kind,
      def.unit,
      def.denominator,
      def.reading,
      (REQUIRED_COLUMNS as readonly string[]).includes(c) ? 'true' : 'false',
    ]);
  }
  return out;
}
