/**
 * The CSV columns: name, how the value is taken from an ExportRecord, and what it means. The CSV
 * writer and the codebook both read this one table, so a column cannot exist without a definition.
 *
 * 4CAT's "Custom Dataset Upload" (format "Custom/other") requires the columns `id`, `thread_id`,
 * `author`, `body` and `timestamp`, and says of `timestamp`: "4CAT will try to interpret this value,
 * but for the best results use YYYY-MM-DD HH:MM:SS notation". Its importer reads an all-digit value as
 * a unix time (`datetime.fromtimestamp`) and anything else with `dateutil.parser.parse`, and upload
 * validation rejects the file when the FIRST row's timestamp cannot be parsed (an empty value cannot).
 * Files may be UTF-8 with or without BOM; the delimiter is sniffed among `,` `;` and tab.
 * Verified in digitalmethodsinitiative/4cat: datasources/upload/import_formats.py (`tools["custom"]`,
 * `map_csv_items`) and datasources/upload/import_csv.py (`validate_query`, `sniff_encoding`); the
 * helper-scripts/csv_to_dataset.py of older versions also required `subject`, the current importer
 * does not.
 */
import { METRICS, type Metric } from '../model';
import type { ExportRecord } from './record';

export type Cell = string | number | boolean | null | readonly string[];

export type ColumnKind =
  | 'text'
  | 'id'
  | 'integer'
  | 'boolean'
  | 'datetime'
  | 'list'
  | 'json'
  | 'category'
  | 'url';

export interface ColumnContext {
  /** What `timestamp` holds when the page showed no creation time. */
  timestampFallback: 'none' | 'first-seen';
}

export interface ColumnDef {
  name: string;
  kind: ColumnKind;
  meaning: string;
  unit: string;
  denominator: string;
  /** How the value was obtained (read from the page, derived, recorded by the extension). */
  reading: string;
  value(record: ExportRecord, ctx: ColumnContext): Cell;
}

/** The columns 4CAT's custom CSV import requires; always written, always first. */
export const REQUIRED_COLUMNS = ['id', 'thread_id', 'author', 'body', 'timestamp'] as const;

export const OPTIONAL_COLUMNS = [
  'type',
  'platform',
  'url',
  'parent_id',
  'author_name',
  'created_at',
  'unix_timestamp',
  'likes',
  'likes_approx',
  'comments',
  'comments_approx',
  'shares',
  'shares_approx',
  'quotes',
  'quotes_approx',
  'views',
  'views_approx',
  'saves',
  'saves_approx',
  'metric_snapshot',
  'metrics_history',
  'media',
  'hashtags',
  'mentions',
  'links',
  'promoted',
  'reposted_by',
  'by_post_author',
  'followers',
  'following',
  'post_count',
  'seen_first',
  'seen_last',
  'times_seen',
  'page_url',
  'page_kind',
  'position',
  'ui_language',
  'extension_version',
  'adapter_version',
  'page_url_last',
  'page_kind_last',
  'position_last',
  'ui_language_last',
  'extension_version_last',
  'adapter_version_last',
  'collection',
  'collection_id',
] as const;

export const ALL_COLUMNS = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS] as const;
export type CsvColumnName = (typeof ALL_COLUMNS)[number];

/** ISO 8601 UTC with milliseconds, from epoch ms. */
export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** "YYYY-MM-DD HH:MM:SS" in UTC (4CAT's recommended notation; 4CAT stores it without a zone). */
export function fourCatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function createdMs(r: ExportRecord, ctx: ColumnContext): number | null {
  if (r.createdAt !== null) {
    const t = Date.parse(r.createdAt);
    if (Number.isFinite(t)) return t;
  }
  return ctx.timestampFallback === 'first-seen' ? r.first.seenAt : null;
}

const METRIC_MEANING: Record<Metric, string> = {
  likes: 'Likes / reactions total / hearts / favourites (Reddit: score)',
  comments: 'Replies / comments',
  shares: 'Reposts / retweets / boosts / shares',
  quotes: 'Quote posts',
  views: 'Views / plays / impressions, where the platform shows them',
  saves: 'Bookmarks / saves / collections',
};

const COUNT_DENOMINATOR = 'none (an absolute count, not a rate)';
const NOT_A_RATE = 'n/a';
const FROM_PAGE = 'read from the page';

function metricColumns(): ColumnDef[] {
  return METRICS.flatMap((m): ColumnDef[] => [
    {
      name: m,
      kind: 'integer',
      meaning: `${METRIC_MEANING[m]}, as displayed when the item was seen (see metric_snapshot). Empty = the page did not show it (never 0 by default).`,
      unit: 'count',
      denominator: COUNT_DENOMINATOR,
      reading: `${FROM_PAGE}: exact digits where the platform exposes them (aria-label, data attributes), otherwise the visible text; see ${m}_approx`,
      value: (r) => r.metrics[m],
    },
    {
      name: `${m}_approx`,
      kind: 'boolean',
      meaning: `How ${m} was read: true = from abbreviated text ("1.2K", "2,5 Mio."), so accurate only to the shown precision; false = exact digits; empty = unknown (no value, or the flag is stored only for the latest reading and this value differs from it)`,
      unit: 'flag',
      denominator: NOT_A_RATE,
      reading: 'recorded by the adapter when parsing the count',
      value: (r) => r.approx[m],
    },
  ]);
}

function provenanceColumns(which: 'first' | 'last'): ColumnDef[] {
  const suffix = which === 'first' ? '' : '_last';
  const when = which === 'first' ? 'first' : 'last';
  return [
    {
      name: `page_url${suffix}`,
      kind: 'url',
      meaning: `URL of the page on which the item was ${when} seen`,
      unit: 'URL',
      denominator: NOT_A_RATE,
      reading: 'recorded by the extension (tab URL)',
      value: (r) => r[which].pageUrl,
    },
    {
      name: `page_kind${suffix}`,
      kind: 'category',
      meaning: `Kind of page on which the item was ${when} seen: feed | profile | post | search | other`,
      unit: 'category',
      denominator: NOT_A_RATE,
      reading: 'classified by the platform adapter from the URL and page',
      value: (r) => r[which].pageKind,
    },
    {
      name: `position${suffix}`,
      kind: 'integer',
      meaning: `0-based position of the item among the items of the page when ${when} seen (page order, not rank on the platform)`,
      unit: 'index (0 = first)',
      denominator: NOT_A_RATE,
      reading: 'recorded by the extension; empty when not applicable',
      value: (r) => r[which].position,
    },
    {
      name: `ui_language${suffix}`,
      kind: 'category',
      meaning: `Interface language of the platform page when the item was ${when} seen (BCP 47)`,
      unit: 'language tag',
      denominator: NOT_A_RATE,
      reading: 'read from the page (html lang)',
      value: (r) => r[which].uiLanguage,
    },
    {
      name: `extension_version${suffix}`,
      kind: 'text',
      meaning: `Resonanz version that recorded the ${when} sighting`,
      unit: 'version',
      denominator: NOT_A_RATE,
      reading: 'recorded by the extension',
      value: (r) => r[which].extensionVersion,
    },
    {
      name: `adapter_version${suffix}`,
      kind: 'text',
      meaning: `Version of the platform adapter (the page reader) that recorded the ${when} sighting`,
      unit: 'version',
      denominator: NOT_A_RATE,
      reading: 'recorded by the extension',
      value: (r) => r[which].adapterVersion,
    },
  ];
}

const DEFS: ColumnDef[] = [
  {
    name: 'id',
    kind: 'id',
    meaning: 'Item id: the post id from the permalink, the comment id, or the handle for profiles',
    unit: 'identifier',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.id,
  },
  {
    name: 'thread_id',
    kind: 'id',
    meaning: 'The post a comment belongs to; for posts the post id itself; for profiles the handle',
    unit: 'identifier',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.threadId,
  },
  {
    name: 'author',
    kind: 'text',
    meaning: 'Author handle without "@" (pseudonymised or redacted if the export says so)',
    unit: 'handle',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.author.handle,
  },
  {
    name: 'body',
    kind: 'text',
    meaning: 'Visible text of the item, whitespace collapsed (empty for profiles)',
    unit: 'text',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.text,
  },
  {
    name: 'timestamp',
    kind: 'datetime',
    meaning:
      'Creation time for 4CAT, "YYYY-MM-DD HH:MM:SS" in UTC. Empty when the page showed none, unless the export filled it with the first sighting time (stated in the codebook)',
    unit: 'UTC date-time',
    denominator: NOT_A_RATE,
    reading: 'read from the page (<time datetime> or parsed relative time)',
    value: (r, ctx) => {
      const t = createdMs(r, ctx);
      return t === null ? null : fourCatTime(t);
    },
  },
  {
    name: 'type',
    kind: 'category',
    meaning: 'Item type: post | comment | profile',
    unit: 'category',
    denominator: NOT_A_RATE,
    reading: 'recorded by the extension',
    value: (r) => r.type,
  },
  {
    name: 'platform',
    kind: 'category',
    meaning:
      'Platform id (x, instagram, facebook, linkedin, youtube, tiktok, threads, bluesky, mastodon, reddit, pinterest, xing)',
    unit: 'category',
    denominator: NOT_A_RATE,
    reading: 'recorded by the extension',
    value: (r) => r.platform,
  },
  {
    name: 'url',
    kind: 'url',
    meaning: 'Permalink of the item',
    unit: 'URL',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.url,
  },
  {
    name: 'parent_id',
    kind: 'id',
    meaning: 'For replies to comments: the id of the comment replied to',
    unit: 'identifier',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.parentId,
  },
  {
    name: 'author_name',
    kind: 'text',
    meaning: 'Author display name (pseudonymised or redacted if the export says so)',
    unit: 'text',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.author.name,
  },
  {
    name: 'created_at',
    kind: 'datetime',
    meaning: 'Creation time as shown by the platform, ISO 8601 UTC; empty when the page showed none',
    unit: 'UTC date-time',
    denominator: NOT_A_RATE,
    reading: 'read from the page (<time datetime> or parsed relative time)',
    value: (r) => (r.createdAt === null ? null : isoFromMs(Date.parse(r.createdAt))),
  },
  {
    name: 'unix_timestamp',
    kind: 'integer',
    meaning: 'Same instant as `timestamp`, as seconds since 1970-01-01 UTC (unambiguous across time zones)',
    unit: 'seconds',
    denominator: NOT_A_RATE,
    reading: 'derived from `timestamp`',
    value: (r, ctx) => {
      const t = createdMs(r, ctx);
      return t === null ? null : Math.floor(t / 1000);
    },
  },
  ...metricColumns(),
  {
    name: 'metric_snapshot',
    kind: 'category',
    meaning:
      'Which reading the count columns hold: first = when the collection first saw the item; last = when it last saw it; history = last, with every reading in metrics_history',
    unit: 'category',
    denominator: NOT_A_RATE,
    reading: 'chosen at export',
    value: (r) => r.metricSnapshot,
  },
  {
    name: 'metrics_history',
    kind: 'json',
    meaning:
      'JSON array of readings, oldest first: {"at": ISO time of the reading, "likes": …, "comments": …, "shares": …, "quotes": …, "views": …, "saves": …}; a reading is stored only when a count changed. Empty unless metric_snapshot = history',
    unit: 'counts over time',
    denominator: COUNT_DENOMINATOR,
    reading: 'recorded by the extension each time the item was seen with changed counts',
    value: (r) =>
      r.history === null
        ? null
        : JSON.stringify(r.history.map((h) => ({ at: isoFromMs(h.at), ...h.metrics }))),
  },
  {
    name: 'media',
    kind: 'category',
    meaning: 'Main media of a post: text | image | video | link | poll | mixed',
    unit: 'category',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.media,
  },
  {
    name: 'hashtags',
    kind: 'list',
    meaning: 'Hashtags in the post, comma-separated (a comma inside a value is written as %2C)',
    unit: 'list',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.hashtags,
  },
  {
    name: 'mentions',
    kind: 'list',
    meaning:
      'Accounts mentioned in the post, comma-separated (pseudonymised or redacted if the export says so)',
    unit: 'list',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.mentions,
  },
  {
    name: 'links',
    kind: 'list',
    meaning: 'Outbound links in the post, comma-separated (a comma inside a URL is written as %2C)',
    unit: 'list of URLs',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.links,
  },
  {
    name: 'promoted',
    kind: 'boolean',
    meaning: 'true = the post was marked as an ad / promoted',
    unit: 'flag',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.promoted,
  },
  {
    name: 'reposted_by',
    kind: 'text',
    meaning: 'Handle that reposted the post into the feed, if the page showed it',
    unit: 'handle',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.repostedBy,
  },
  {
    name: 'by_post_author',
    kind: 'boolean',
    meaning: "Comments: true = written by the post's author",
    unit: 'flag',
    denominator: NOT_A_RATE,
    reading: FROM_PAGE,
    value: (r) => r.byPostAuthor,
  },
  {
    name: 'followers',
    kind: 'integer',
    meaning: 'Profiles: followers shown on the profile',
    unit: 'count',
    denominator: COUNT_DENOMINATOR,
    reading: FROM_PAGE,
    value: (r) => r.profile?.followers ?? null,
  },
  {
    name: 'following',
    kind: 'integer',
    meaning: 'Profiles: accounts followed, as shown on the profile',
    unit: 'count',
    denominator: COUNT_DENOMINATOR,
    reading: FROM_PAGE,
    value: (r) => r.profile?.following ?? null,
  },
  {
    name: 'post_count',
    kind: 'integer',
    meaning: 'Profiles: number of posts shown on the profile',
    unit: 'count',
    denominator: COUNT_DENOMINATOR,
    reading: FROM_PAGE,
    value: (r) => r.profile?.posts ?? null,
  },
  {
    name: 'seen_first',
    kind: 'datetime',
    meaning: 'When the collection first saw the item, ISO 8601 UTC',
    unit: 'UTC date-time',
    denominator: NOT_A_RATE,
    reading: "recorded by the extension (the browser's clock)",
    value: (r) => isoFromMs(r.first.seenAt),
  },
  {
    name: 'seen_last',
    kind: 'datetime',
    meaning: 'When the collection last saw the item, ISO 8601 UTC',
    unit: 'UTC date-time',
    denominator: NOT_A_RATE,
    reading: "recorded by the extension (the browser's clock)",
    value: (r) => isoFromMs(r.last.seenAt),
  },
  {
    name: 'times_seen',
    kind: 'integer',
    meaning:
      'How many times the collection recorded the item (page views / re-renders in which it was visible)',
    unit: 'count',
    denominator: COUNT_DENOMINATOR,
    reading: 'recorded by the extension',
    value: (r) => r.timesSeen,
  },
  ...provenanceColumns('first'),
  ...provenanceColumns('last'),
  {
    name: 'collection',
    kind: 'text',
    meaning: 'Name of the collection the item was recorded in',
    unit: 'text',
    denominator: NOT_A_RATE,
    reading: 'set by the researcher',
    value: (r) => r.collection.name,
  },
  {
    name: 'collection_id',
    kind: 'id',
    meaning: 'Id of the collection',
    unit: 'identifier',
    denominator: NOT_A_RATE,
    reading: 'recorded by the extension',
    value: (r) => r.collection.id,
  },
];

export const COLUMN_DEFS: ReadonlyMap<CsvColumnName, ColumnDef> = (() => {
  const map = new Map<CsvColumnName, ColumnDef>();
  for (const def of DEFS) map.set(def.name as CsvColumnName, def);
  for (const name of ALL_COLUMNS) if (!map.has(name)) throw new Error(`column ${name} has no definition`);
  if (map.size !== ALL_COLUMNS.length) throw new Error('column definitions and names disagree');
  return map;
})();

export function isCsvColumnName(name: string): name is CsvColumnName {
  return COLUMN_DEFS.has(name as CsvColumnName);
}

/**
 * The columns to write: the 4CAT-required ones first, then the requested ones in canonical order
 * (all columns when none are requested). Unknown names throw: a typo must not silently drop data.
 */
export function selectColumns(requested?: readonly string[]): CsvColumnName[] {
  if (requested === undefined) return [...ALL_COLUMNS];
  for (const name of requested) if (!isCsvColumnName(name)) throw new Error(`unknown export column: ${name}`);
  const wanted = new Set<string>(requested);
  return ALL_COLUMNS.filter((c) => (REQUIRED_COLUMNS as readonly string[]).includes(c) || wanted.has(c));
}

export function columnDef(name: CsvColumnName): ColumnDef {
  return COLUMN_DEFS.get(name)!;
}
