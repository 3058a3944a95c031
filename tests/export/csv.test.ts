import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_COLUMNS, REQUIRED_COLUMNS, selectColumns } from '../../core/export/columns';
import { csvChunks, csvField } from '../../core/export/csv';
import type { ExportRecord } from '../../core/export/record';
import { METRICS } from '../../core/model';
import { exportRecordArb } from './arbitraries';
import { collect, makeRecord, metrics, parseCsv, parseCsvObjects } from './helpers';

/** What a spreadsheet runs as a formula: after whitespace it may trim, a formula character. */
const DANGER = /^[\t\r\n ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_SIGNED = /^[+-](?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * The documented reader rule (codebook): at the start of a cell and after , ; TAB CR LF, skip spaces
 * and double quotes, then remove one apostrophe from a run of apostrophes followed by = + - @.
 */
function unescapeCell(cell: string): string {
  return cell.replace(/(^|[,;\t\r\n])([ "]*)'('*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g, '$1$2$3');
}
function list(cell: string): string[] {
  return cell === '' ? [] : cell.split(',').map((v) => v.replaceAll('%2C', ',').replaceAll('%25', '%'));
}
const s = (v: string | null) => v ?? '';
const n = (v: number | null) => (v === null ? '' : String(v));
const b = (v: boolean | null) => (v === null ? '' : v ? 'true' : 'false');

async function toCsv(
  records: ExportRecord[],
  options: Parameters<typeof csvChunks>[1] = {},
): Promise<string> {
  return collect(csvChunks(records, options));
}

/** Check one parsed row against the record it came from, column by column. */
function expectRowMatches(row: Record<string, string>, r: ExportRecord): void {
  const u = (c: string) => unescapeCell(row[c]!);
  expect(u('id')).toBe(r.id);
  expect(u('thread_id')).toBe(r.threadId);
  expect(u('author')).toBe(s(r.author.handle));
  expect(u('body')).toBe(r.text);
  expect(u('timestamp')).toBe(
    r.createdAt === null ? '' : `${r.createdAt.slice(0, 10)} ${r.createdAt.slice(11, 19)}`,
  );
  expect(u('unix_timestamp')).toBe(
    r.createdAt === null ? '' : String(Math.floor(Date.parse(r.createdAt) / 1000)),
  );
  expect(u('type')).toBe(r.type);
  expect(u('platform')).toBe(r.platform);
  expect(u('url')).toBe(s(r.url));
  expect(u('parent_id')).toBe(s(r.parentId));
  expect(u('author_name')).toBe(s(r.author.name));
  expect(u('created_at') === '' ? null : Date.parse(u('created_at'))).toBe(
    r.createdAt === null ? null : Date.parse(r.createdAt),
  );
  for (const m of METRICS) {
    expect(row[m]).toBe(n(r.metrics[m]));
    expect(row[`${m}_approx`]).toBe(b(r.approx[m]));
  }
  expect(u('metric_snapshot')).toBe(r.metricSnapshot);
  const history = u('metrics_history');
  if (r.history === null) expect(history).toBe('');
  else {
    const parsed = JSON.parse(history) as Record<string, unknown>[];
    expect(parsed.map(({ at, ...rest }) => ({ at: Date.parse(at as string), metrics: rest }))).toEqual(
      r.history,
    );
  }
  expect(u('media')).toBe(s(r.media));
  expect(list(u('hashtags'))).toEqual(r.hashtags);
  expect(list(u('mentions'))).toEqual(r.mentions);
  expect(list(u('links'))).toEqual(r.links);
  expect(row.promoted).toBe(b(r.promoted));
  expect(u('reposted_by')).toBe(s(r.repostedBy));
  expect(row.by_post_author).toBe(b(r.byPostAuthor));
  expect(row.followers).toBe(n(r.profile?.followers ?? null));
  expect(row.following).toBe(n(r.profile?.following ?? null));
  expect(row.post_count).toBe(n(r.profile?.posts ?? null));
  expect(Date.parse(row.seen_first!)).toBe(r.first.seenAt);
  expect(Date.parse(row.seen_last!)).toBe(r.last.seenAt);
  expect(row.times_seen).toBe(String(r.timesSeen));
  for (const [suffix, p] of [
    ['', r.first],
    ['_last', r.last],
  ] as const) {
    expect(u(`page_url${suffix}`)).toBe(p.pageUrl);
    expect(u(`page_kind${suffix}`)).toBe(p.pageKind);
    expect(row[`position${suffix}`]).toBe(n(p.position));
    expect(u(`ui_language${suffix}`)).toBe(s(p.uiLanguage));
    expect(u(`extension_version${suffix}`)).toBe(p.extensionVersion);
    expect(u(`adapter_version${suffix}`)).toBe(p.adapterVersion);
  }
  expect(u('collection')).toBe(r.collection.name);
  expect(u('collection_id')).toBe(r.collection.id);
}

describe('CSV writer', () => {
  it('round-trips random records through an independent RFC 4180 parser (all columns)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(exportRecordArb, { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        async (records, d) => {
          const delimiter = d as ',' | ';' | '\t';
          const text = await toCsv(records, { delimiter, chunkChars: 200 });
          const { header, rows } = parseCsvObjects(text, delimiter);
          expect(header).toEqual([...ALL_COLUMNS]);
          expect(rows).toHaveLength(records.length);
          records.forEach((r, i) => {
            expectRowMatches(rows[i]!, r);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never leaves a text cell that a spreadsheet would run as a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exportRecordArb, { minLength: 1, maxLength: 5 }), async (records) => {
        const text = await toCsv(records, { bom: false });
        for (const row of parseCsv(text)) {
          for (const cell of row) {
            if (DANGER.test(cell)) expect(cell).toMatch(PLAIN_SIGNED); // typed numbers are bare
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('neutralises each formula character with a single quote, also behind a tab or line break', async () => {
    const starts = ['=', '+', '-', '@', '＝', '＠', ' =', '"='];
    const records = starts.map((c, i) =>
      makeRecord({
        id: String(i + 1),
        threadId: String(i + 1),
        text: `${c}HYPERLINK("http://evil.example")`,
        author: { handle: `${c}cmd`, name: null },
      }),
    );
    const { rows } = parseCsvObjects(await toCsv(records, { columns: [] }));
    // The apostrophe goes right before the formula character (after spaces or a double quote).
    const guarded = (start: string) => start.replace(/^([ "]*)/, "$1'");
    rows.forEach((row, i) => {
      expect(row.body).toBe(`${guarded(starts[i]!)}HYPERLINK("http://evil.example")`);
      expect(row.author).toBe(`${guarded(starts[i]!)}cmd`);
    });
    // A tab or CR that a spreadsheet strips starts a cell too; text behind it that is no formula stays.
    expect(csvField('\t=1+1')).toBe(`"\t'=1+1"`);
    expect(csvField('\r=1+1')).toBe(`"\r'=1+1"`);
    expect(csvField('\tplain')).toBe(`"\tplain"`);
  });

  it('keeps numbers as numbers; a text that looks like a signed number is guarded like any text', async () => {
    const r = makeRecord({ text: '-5', metrics: metrics({ likes: 0, views: 1234567 }) });
    const { rows } = parseCsvObjects(await toCsv([r], { columns: ['likes', 'views', 'position'] }));
    expect(rows[0]).toMatchObject({ body: "'-5", likes: '0', views: '1234567', position: '3' });
    // Typed numbers are never prefixed, whatever the value.
    expect(csvField(-1)).toBe('-1');
    expect(csvField(0)).toBe('0');
  });

  it('makes the quote prefix reversible for texts that already start with quotes', () => {
    expect(csvField("'=x")).toBe(`"''=x"`);
    expect(csvField("'plain")).toBe(`"'plain"`);
    expect(csvField('x=1')).toBe(`"x=1"`);
  });

  it('writes a small record exactly as RFC 4180 prescribes (hand-written expectation)', async () => {
    const r = makeRecord({
      id: '42',
      threadId: '41',
      author: { handle: '=HYPERLINK("x")', name: null },
      text: 'He said "hi", ok\r\nbye',
      createdAt: '2025-10-21T16:03:07+02:00',
      metrics: metrics({ likes: 1200 }),
      approx: { likes: true, comments: null, shares: null, quotes: null, views: null, saves: null },
      hashtags: ['a', 'b,c'],
    });
    const text = await toCsv([r], { columns: ['likes', 'likes_approx', 'hashtags'], bom: true });
    expect(text).toBe(
      '\uFEFFid,thread_id,author,body,timestamp,likes,likes_approx,hashtags\r\n' +
        '"42","41","\'=HYPERLINK(""x"")","He said ""hi"", ok\r\nbye","2025-10-21 14:03:07",1200,true,"a,b%2Cc"\r\n',
    );
  });

  it('quotes every text cell, whatever the delimiter; numbers, flags and unknowns stay bare', async () => {
    const r = makeRecord({ text: 'a;b,c' });
    const semi = await toCsv([r], { columns: [], delimiter: ';', bom: false });
    expect(semi.split('\r\n')[1]).toContain(';"a;b,c";');
    const comma = await toCsv([r], { columns: [], delimiter: ',', bom: false });
    expect(comma.split('\r\n')[1]).toContain(',"a;b,c",');
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('')).toBe('""');
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
    expect(csvField(false)).toBe('false');
  });

  it('preserves emoji, RTL text, combining marks and line breaks', async () => {
    const texts = [
      '👩‍👩‍👧‍👦 🎉 🇩🇪',
      'مرحبا بالعالم',
      'שלום\u202Bעולם',
      'e\u0301 à la\r\nligne',
      '🧵 1/3\n\nnext',
    ];
    const records = texts.map((text, i) => makeRecord({ id: String(i + 1), threadId: String(i + 1), text }));
    const { rows } = parseCsvObjects(await toCsv(records));
    expect(rows.map((r) => r.body)).toEqual(texts);
  });

  it('starts with a BOM by default and omits it on request', async () => {
    expect((await toCsv([])).startsWith('\uFEFFid,')).toBe(true);
    expect((await toCsv([], { bom: false })).startsWith('id,')).toBe(true);
  });

  it('always includes the 4CAT columns first, then the requested ones in canonical order', async () => {
    expect(selectColumns(['seen_first', 'likes'])).toEqual([...REQUIRED_COLUMNS, 'likes', 'seen_first']);
    expect(selectColumns([])).toEqual([...REQUIRED_COLUMNS]);
    expect(selectColumns()).toEqual([...ALL_COLUMNS]);
    // Names arriving from a message are plain strings: a typo must fail loudly, not drop a column.
    expect(() => selectColumns(['likez'])).toThrow(/unknown export column/);
    const { header } = parseCsvObjects(await toCsv([makeRecord()], { columns: ['views', 'views_approx'] }));
    expect(header).toEqual(['id', 'thread_id', 'author', 'body', 'timestamp', 'views', 'views_approx']);
  });

  it('leaves timestamp empty without a creation time, or uses the first sighting when asked', async () => {
    const r = makeRecord({
      createdAt: null,
      first: { ...makeRecord().first, seenAt: Date.UTC(2025, 0, 2, 3, 4, 5) },
    });
    const none = parseCsvObjects(await toCsv([r], { columns: ['created_at', 'unix_timestamp'] })).rows[0]!;
    expect(none).toMatchObject({ timestamp: '', created_at: '', unix_timestamp: '' });
    const filled = parseCsvObjects(
      await toCsv([r], { columns: ['created_at', 'unix_timestamp'], timestampFallback: 'first-seen' }),
    ).rows[0]!;
    expect(filled).toMatchObject({
      timestamp: '2025-01-02 03:04:05',
      created_at: '',
      unix_timestamp: '1735787045',
    });
  });

  it('writes the 4CAT timestamp in UTC whatever offset the source time had', async () => {
    const r = makeRecord({ createdAt: '2025-03-30T01:30:00-05:00' });
    const row = parseCsvObjects(await toCsv([r], { columns: ['created_at'] })).rows[0]!;
    expect(row.timestamp).toBe('2025-03-30 06:30:00');
    expect(row.created_at).toBe('2025-03-30T06:30:00.000Z');
  });
});
