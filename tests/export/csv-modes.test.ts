/**
 * CSV "for analysis tools" (values exact) vs "for spreadsheets" (formulas neutralised), as a property
 * test over a corpus of awkward values: formula-like, separators, quotes, line breaks, RTL, emoji,
 * handles such as "-holdmyhand". Ids and handles are never altered in NDJSON/JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvDelimiter, csvChunks, splitList, unneutraliseFormula } from '../../core/export/csv';
import { jsonChunks, ndjsonChunks } from '../../core/export/ndjson';
import type { ExportRecord } from '../../core/export/record';
import { collect, makeRecord, parseCsvObjects } from './helpers';

/** Pieces a value is made of: each is something that has broken a CSV reader or a spreadsheet. */
const PIECES = [
  '=1+1',
  '+49 30 123',
  '-holdmyhand',
  '@here',
  '＝SUM(A1)',
  '=HYPERLINK("http://evil.example","x")',
  '-5',
  "'",
  "''=x",
  ';',
  ',',
  '\t',
  '\r\n',
  '\n',
  '\r',
  '"',
  '""',
  ' ',
  '%2C',
  '%',
  'مرحبا',
  'שלום\u202Bעולם',
  '\u200F',
  '👩‍👩‍👧‍👦',
  '🇩🇪',
  'e\u0301',
  'x',
  'Grüße',
] as const;

const value = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const nonEmpty = value.filter((v) => v.length > 0);
const delimiterArb = fc.constantFrom<CsvDelimiter>(',', ';', '\t');

/** A record whose text-valued fields all carry corpus values. */
const recordArb = fc
  .record({
    id: nonEmpty,
    threadId: nonEmpty,
    handle: value,
    name: value,
    text: value,
    url: value,
    hashtags: fc.array(nonEmpty, { maxLength: 3 }),
    mentions: fc.array(nonEmpty, { maxLength: 3 }),
    collection: value,
  })
  .map(
    (v): ExportRecord =>
      makeRecord({
        id: v.id,
        threadId: v.threadId,
        author: { handle: v.handle, name: v.name },
        text: v.text,
        url: v.url,
        hashtags: v.hashtags,
        mentions: v.mentions,
        collection: { id: 'c1', name: v.collection },
      }),
  );

const COLUMNS = ['author_name', 'url', 'hashtags', 'mentions', 'collection'] as const;

async function csv(records: ExportRecord[], delimiter: CsvDelimiter, mode: 'spreadsheet' | 'analysis') {
  return collect(csvChunks(records, { columns: COLUMNS, delimiter, mode, bom: false }));
}

/** The text fields as a reader of the file sees them, with `cell` applied to each cell first. */
function fieldsOf(row: Record<string, string>, cell: (c: string) => string) {
  return {
    id: cell(row.id!),
    threadId: cell(row.thread_id!),
    handle: cell(row.author!),
    name: cell(row.author_name!),
    text: cell(row.body!),
    url: cell(row.url!),
    hashtags: splitList(cell(row.hashtags!)),
    mentions: splitList(cell(row.mentions!)),
    collection: cell(row.collection!),
  };
}
function fieldsOfRecord(r: ExportRecord) {
  return {
    id: r.id,
    threadId: r.threadId,
    handle: r.author.handle ?? '',
    name: r.author.name ?? '',
    text: r.text,
    url: r.url ?? '',
    hashtags: r.hashtags,
    mentions: r.mentions,
    collection: r.collection.name,
  };
}

/** Written independently of the writer: what a spreadsheet runs as a formula (after trimming). */
function spreadsheetWouldEvaluate(cell: string): boolean {
  const trimmed = cell.replace(/^[\t\r\n ]+/, '');
  return /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(trimmed) && !/^[+-](?:\d+(?:\.\d+)?|\.\d+)$/.test(trimmed);
}

/**
 * How a spreadsheet reads a CSV with a delimiter it was told (maybe not the one written): quotes are
 * honoured only at the start of a field; a quote elsewhere, and anything after a closing quote, is
 * literal text. With `quotedBreaks` false, every line break ends a row even inside quotes (as naive
 * importers do). Never throws.
 */
function spreadsheetCells(text: string, delimiter: string, quotedBreaks: boolean): string[] {
  const cells: string[] = [];
  const lines = quotedBreaks ? [text] : text.split(/\r\n|\r|\n/);
  for (const line of lines) {
    let field = '';
    let state: 'start' | 'plain' | 'quoted' | 'after' = 'start';
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (state === 'quoted') {
        if (c === '"' && line[i + 1] === '"') {
          field += '"';
          i++;
        } else if (c === '"') state = 'after';
        else field += c;
      } else if (c === delimiter || c === '\r' || c === '\n') {
        cells.push(field);
        field = '';
        state = 'start';
        if (c === '\r' && line[i + 1] === '\n') i++;
      } else if (c === '"' && state === 'start') state = 'quoted';
      else {
        field += c;
        state = state === 'start' ? 'plain' : state;
      }
    }
    cells.push(field);
  }
  return cells;
}

describe('CSV modes', () => {
  it('"for analysis tools" gives back every value exactly, in every delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { minLength: 1, maxLength: 4 }),
        delimiterArb,
        async (records, d) => {
          const { rows } = parseCsvObjects(await csv(records, d, 'analysis'), d);
          expect(rows.map((row) => fieldsOf(row, (c) => c))).toEqual(records.map(fieldsOfRecord));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('"for spreadsheets" leaves no formula a spreadsheet would run, read with any delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { minLength: 1, maxLength: 4 }),
        delimiterArb,
        async (records, d) => {
          const text = await csv(records, d, 'spreadsheet');
          for (const readAs of [',', ';', '\t'])
            for (const quotedBreaks of [true, false])
              for (const cell of spreadsheetCells(text, readAs, quotedBreaks))
                expect(spreadsheetWouldEvaluate(cell), JSON.stringify({ readAs, quotedBreaks, cell })).toBe(
                  false,
                );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('"for spreadsheets" is reversible: removing the guard gives the exact values back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { minLength: 1, maxLength: 4 }),
        delimiterArb,
        async (records, d) => {
          const { rows } = parseCsvObjects(await csv(records, d, 'spreadsheet'), d);
          expect(rows.map((row) => fieldsOf(row, unneutraliseFormula))).toEqual(records.map(fieldsOfRecord));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a value like x;=1+1 is quoted in a comma file, and guarded for a reader that splits on ";"', async () => {
    const r = makeRecord({ text: 'x;=1+1', author: { handle: '-holdmyhand', name: null } });
    const analysis = await csv([r], ',', 'analysis');
    expect(analysis).toContain('"x;=1+1"');
    expect(analysis).toContain('"-holdmyhand"');
    const spreadsheet = await csv([r], ',', 'spreadsheet');
    expect(spreadsheet).toContain(`"x;'=1+1"`);
    expect(spreadsheet).toContain(`"'-holdmyhand"`);
  });

  it('never alters ids or handles in NDJSON or JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(recordArb, { minLength: 1, maxLength: 4 }), async (records) => {
        const lines = (await collect(ndjsonChunks(records))).trimEnd().split('\n');
        const fromNdjson = lines.map((l) => (JSON.parse(l) as { data: ExportRecord }).data);
        const fromJson = JSON.parse(await collect(jsonChunks(records))) as ExportRecord[];
        for (const got of [fromNdjson, fromJson])
          expect(got.map(fieldsOfRecord)).toEqual(records.map(fieldsOfRecord));
      }),
      { numRuns: 100 },
    );
  });
});
