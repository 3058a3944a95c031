/**
 * Test helpers for the export tests: an RFC 4180 parser written independently of the writer, record
 * factories, and stream collectors.
 */
import type { ExportRecord } from '../../core/export/record';
import type { Metrics, PlatformId, Provenance } from '../../core/model';

/**
 * RFC 4180 parser (section 2): records end with CRLF (a lone LF or CR inside an unquoted field is
 * tolerated as a record end too), fields may be enclosed in double quotes, a quote inside a quoted field
 * is escaped by doubling it, and quoted fields may contain delimiters and line breaks.
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === '"') throw new Error(`bare quote in unquoted field at ${i}`);
    if (c === delimiter) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parse a CSV with a header row into objects keyed by column name. */
export function parseCsvObjects(
  text: string,
  delimiter = ',',
): { header: string[]; rows: Record<string, string>[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const [header, ...rows] = parseCsv(body, delimiter);
  if (!header) throw new Error('no header');
  for (const r of rows)
    if (r.length !== header.length) throw new Error(`row has ${r.length} fields, header ${header.length}`);
  return {
    header,
    rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))),
  };
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

export async function toArray<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

export function provenance(overrides: Partial<Provenance> = {}): Provenance {
  return {
    seenAt: Date.UTC(2025, 9, 21, 14, 3, 0),
    pageUrl: 'https://x.com/home',
    platform: 'x',
    pageKind: 'feed',
    position: 3,
    uiLanguage: 'de',
    extensionVersion: '0.1.0',
    adapterVersion: 'x@1',
    ...overrides,
  };
}

export function metrics(overrides: Partial<Metrics> = {}): Metrics {
  return { likes: null, comments: null, shares: null, quotes: null, views: null, saves: null, ...overrides };
}

export function makeRecord(overrides: Partial<ExportRecord> = {}): ExportRecord {
  return {
    type: 'post',
    platform: 'x',
    id: '1849000000000000001',
    threadId: '1849000000000000001',
    parentId: null,
    url: 'https://x.com/someone/status/1849000000000000001',
    author: { handle: 'someone', name: 'Some One' },
    text: 'Hello world',
    createdAt: '2025-10-21T12:00:00.000Z',
    metrics: metrics({ likes: 1200, comments: 34, shares: 5, quotes: null, views: 98765, saves: 0 }),
    approx: { likes: true, comments: false, shares: false, quotes: null, views: false, saves: false },
    metricSnapshot: 'last',
    history: null,
    media: 'text',
    hashtags: ['tag'],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    byPostAuthor: null,
    profile: null,
    first: provenance(),
    last: provenance({ seenAt: Date.UTC(2025, 9, 22, 9, 0, 0), position: 0 }),
    timesSeen: 2,
    collection: { id: 'c1', name: 'Wahlkampf 2025' },
    ...overrides,
  };
}

const PLATFORMS: PlatformId[] = [
  'x',
  'instagram',
  'tiktok',
  'threads',
  'bluesky',
  'mastodon',
  'reddit',
  'youtube',
];

/** A cheap, varied synthetic record for volume tests (no line breaks in text). */
export function syntheticRecord(i: number): ExportRecord {
  const platform = PLATFORMS[i % PLATFORMS.length]!;
  const handle = `user${i % 997}`;
  return makeRecord({
    platform,
    id: String(1_800_000_000_000_000_000n + BigInt(i)),
    threadId: String(1_800_000_000_000_000_000n + BigInt(i)),
    url: `https://x.com/${handle}/status/${i}`,
    author: { handle, name: `User ${i % 997}` },
    text: `Post number ${i} by @${handle} about #thema${i % 50}, see https://example.com/a/${i} — "quoted", commas, and ümlauts 🎉`,
    metrics: metrics({
      likes: i % 5000,
      comments: i % 300,
      shares: i % 70,
      quotes: null,
      views: i * 13,
      saves: null,
    }),
    hashtags: [`thema${i % 50}`],
    mentions: [`user${(i + 1) % 997}`],
    links: [`https://example.com/a/${i}`],
    first: provenance({
      seenAt: 1_760_000_000_000 + i * 1000,
      pageUrl: `https://x.com/${handle}`,
      position: i % 40,
    }),
    last: provenance({
      seenAt: 1_760_000_500_000 + i * 1000,
      pageUrl: 'https://x.com/home',
      position: i % 17,
    }),
    timesSeen: 1 + (i % 4),
  });
}

export async function* syntheticRecords(
  n: number,
  onPull?: (i: number) => void,
): AsyncGenerator<ExportRecord> {
  for (let i = 0; i < n; i++) {
    onPull?.(i);
    yield syntheticRecord(i);
  }
}
