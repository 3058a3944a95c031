/**
 * NDJSON in Zeeschuimer's item envelope, and plain JSON (one streamed array).
 *
 * Zeeschuimer stores every captured item as
 *   { nav_index, item_id, timestamp_collected: Date.now(), last_updated, source_platform: <module id>,
 *     source_platform_url: <tab URL>, source_url: <URL of the captured response>,
 *     user_agent: navigator.userAgent, data: <item> }
 * in a Dexie table `items` ("++id, …"), and its ".ndjson" download is JSON.stringify(row) + "\n" per
 * row, so the auto-increment `id` is part of each line. Verified in digitalmethodsinitiative/zeeschuimer:
 * js/zs-background.js (`parse_request` → `db.items.add({...})`; `register_module(name, domain, callback,
 * mapper, module_id)` keys modules by `module_id`, defaulting to the domain) and popup/interface.js
 * (`get_blob`: `JSON.stringify(item) + "\n"`). `last_updated` exists from schema version 2 on.
 *
 * Module ids (`source_platform`) per platform (kept in each platform's folder, `zeeschuimerModule`),
 * from the module files: modules/twitter.js MODULE_ID 'twitter.com' (DOMAIN 'x.com'; an older modules/x.js registered 'x.com'), modules/threads.js
 * MODULE_ID 'threads.net' (DOMAIN 'threads.com'), modules/instagram.js 'instagram.com',
 * modules/tiktok.js 'tiktok.com', modules/linkedin.js 'linkedin.com', modules/pinterest.js
 * 'pinterest.com', modules/facebook.js 'facebook.com'. Zeeschuimer has no module for YouTube, Bluesky,
 * Mastodon, Reddit or XING; those get the platform's domain, which is what Zeeschuimer would use
 * (Mastodon: the instance's host).
 *
 * Caveat, stated in the codebook too: 4CAT maps an uploaded Zeeschuimer file with the `map_item` of
 * the datasource named by `source_platform`, which expects the platform's own API JSON in `data`
 * (e.g. Threads' `code`, `caption.text`, `taken_at`). Our `data` is a Resonanz ExportRecord, so the
 * envelope makes the file readable by Zeeschuimer-style tooling, not a drop-in 4CAT datasource upload;
 * for 4CAT use the CSV with "Custom/other".
 */
import type { PlatformId } from '../model';
import { PLATFORMS, platformInfo } from '../platforms/registry';
import type { ExportRecord } from './record';

/** Zeeschuimer's module id per platform, from each platform's folder (`zeeschuimerModule`). */
export const ZEESCHUIMER_SOURCE_PLATFORM: Readonly<Partial<Record<PlatformId, string>>> = Object.fromEntries(
  PLATFORMS.map((p) => [p.id, p.zeeschuimerModule]),
);

export interface ZeeschuimerEnvelope {
  id: number;
  item_id: string;
  /** Epoch ms of the first sighting in the collection. */
  timestamp_collected: number;
  /** Epoch ms of the last sighting in the collection. */
  last_updated: number;
  source_platform: string;
  /** The page (tab) URL where the item was first seen. */
  source_platform_url: string;
  /** Zeeschuimer: the captured network response. Resonanz reads the rendered page, so: the page URL. */
  source_url: string;
  user_agent: string;
  data: ExportRecord;
}

export interface NdjsonOptions {
  /** The browser's user agent (the worker passes navigator.userAgent). Default ''. */
  userAgent?: string;
  /** First value of the sequential `id`. Default 1 (as a fresh Dexie auto-increment). */
  firstId?: number;
  /** Override `source_platform` (e.g. a private 4CAT datasource name). */
  sourcePlatform?: (record: ExportRecord) => string;
  chunkChars?: number;
}

export function zeeschuimerSourcePlatform(record: ExportRecord): string {
  const info = platformInfo(record.platform);
  if (info?.anyHost) {
    // A platform on any host (Mastodon): the instance is what names the source.
    const host = hostOf(record.first.pageUrl);
    if (host) return host;
  }
  return info?.zeeschuimerModule ?? record.platform;
}

function hostOf(url: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@]+@)?([^/?#:]+)/i.exec(url);
  return m ? m[2]!.toLowerCase().replace(/^www\./, '') : null;
}

export function toEnvelope(
  record: ExportRecord,
  id: number,
  options: NdjsonOptions = {},
): ZeeschuimerEnvelope {
  return {
    id,
    item_id: record.id,
    timestamp_collected: record.first.seenAt,
    last_updated: record.last.seenAt,
    source_platform: (options.sourcePlatform ?? zeeschuimerSourcePlatform)(record),
    source_platform_url: record.first.pageUrl,
    source_url: record.first.pageUrl,
    user_agent: options.userAgent ?? '',
    data: record,
  };
}

async function* batched(
  lines: AsyncIterable<string>,
  chunkChars: number,
): AsyncGenerator<string, void, undefined> {
  let parts: string[] = [];
  let size = 0;
  for await (const line of lines) {
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

/** One JSON line per record, in Zeeschuimer's envelope. Lazy, like csvChunks. */
export function ndjsonChunks(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  options: NdjsonOptions = {},
): AsyncGenerator<string, void, undefined> {
  async function* lines(): AsyncGenerator<string, void, undefined> {
    let id = options.firstId ?? 1;
    for await (const record of records) {
      yield `${JSON.stringify(toEnvelope(record, id++, options))}\n`;
    }
  }
  return batched(lines(), Math.max(1, options.chunkChars ?? 65_536));
}

export interface JsonOptions {
  chunkChars?: number;
}

/** A JSON array of ExportRecords, streamed: "[\n", records separated by ",\n", "\n]\n". */
export function jsonChunks(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  options: JsonOptions = {},
): AsyncGenerator<string, void, undefined> {
  async function* lines(): AsyncGenerator<string, void, undefined> {
    yield '[';
    let first = true;
    for await (const record of records) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  }
  return batched(lines(), Math.max(1, options.chunkChars ?? 65_536));
}
