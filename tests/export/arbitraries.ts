/** fast-check arbitraries for ExportRecord, shared by the round-trip tests. */
import fc from 'fast-check';
import type { ExportRecord } from '../../core/export/record';
import { METRICS, PLATFORM_IDS } from '../../core/model';

/** Strings that stress CSV and spreadsheets. */
export const NASTY = [
  '=1+1',
  '+SUM(A1:A2)',
  '-2+3',
  '@cmd',
  '\t=x',
  '\r=x',
  "'=already quoted",
  "''@twice",
  '-5',
  '+3.5',
  '＝HYPERLINK("http://evil")',
  'He said "hi", then left',
  'line one\r\nline two\nline three\rfour',
  'a;b\tc',
  'مرحبا بالعالم — שלום עולם',
  '\u202Eevil\u202C text',
  '👩‍👩‍👧‍👦 🎉 🇩🇪',
  'Grüße aus Köln, 1,2 Tsd. Likes',
  ' leading and trailing ',
  '"',
  '""',
  ',',
];

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...NASTY));
const nonEmpty = anyText.filter((s) => s.length > 0);
const nullable = fc.option(nonEmpty, { nil: null });
/** List elements: non-empty; "%2C" is the writer's escape for a comma inside a list element. */
const listItem = nonEmpty.filter((s) => !s.includes('%2C'));
const count = fc.option(fc.nat({ max: Number.MAX_SAFE_INTEGER }), { nil: null });
const time = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
const metricsArb = fc.record(
  Object.fromEntries(METRICS.map((m) => [m, count])) as Record<(typeof METRICS)[number], typeof count>,
);
const approxArb = fc.record(
  Object.fromEntries(METRICS.map((m) => [m, fc.option(fc.boolean(), { nil: null })])) as Record<
    (typeof METRICS)[number],
    fc.Arbitrary<boolean | null>
  >,
);
const provenanceArb = fc.record({
  seenAt: time,
  pageUrl: anyText,
  platform: fc.constantFrom(...PLATFORM_IDS),
  pageKind: fc.constantFrom(
    'feed' as const,
    'profile' as const,
    'post' as const,
    'search' as const,
    'other' as const,
  ),
  position: fc.option(fc.nat({ max: 10_000 }), { nil: null }),
  uiLanguage: nullable,
  extensionVersion: anyText,
  adapterVersion: anyText,
});

export const exportRecordArb: fc.Arbitrary<ExportRecord> = fc.record({
  type: fc.constantFrom('post' as const, 'comment' as const, 'profile' as const),
  platform: fc.constantFrom(...PLATFORM_IDS),
  id: nonEmpty,
  threadId: nonEmpty,
  parentId: nullable,
  url: nullable,
  author: fc.record({ handle: nullable, name: nullable }),
  text: anyText,
  createdAt: fc.option(
    time.map((t) => new Date(t).toISOString()),
    { nil: null },
  ),
  metrics: metricsArb,
  approx: approxArb,
  metricSnapshot: fc.constantFrom('first' as const, 'last' as const, 'history' as const),
  history: fc.option(fc.array(fc.record({ at: time, metrics: metricsArb }), { maxLength: 4 }), { nil: null }),
  media: fc.option(
    fc.constantFrom(
      'text' as const,
      'image' as const,
      'video' as const,
      'link' as const,
      'poll' as const,
      'mixed' as const,
    ),
    {
      nil: null,
    },
  ),
  hashtags: fc.array(listItem, { maxLength: 4 }),
  mentions: fc.array(listItem, { maxLength: 4 }),
  links: fc.array(listItem, { maxLength: 4 }),
  promoted: fc.option(fc.boolean(), { nil: null }),
  repostedBy: nullable,
  byPostAuthor: fc.option(fc.boolean(), { nil: null }),
  profile: fc.option(fc.record({ followers: count, following: count, posts: count }), { nil: null }),
  first: provenanceArb,
  last: provenanceArb,
  timesSeen: fc.integer({ min: 1, max: 1_000_000 }),
  collection: fc.record({ id: anyText, name: anyText }),
});
