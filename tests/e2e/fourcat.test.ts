/**
 * 4CAT end to end, in Chromium with the built extension: a collection records real captures served
 * at their real addresses (Facebook, Pinterest, Instagram, Threads) and recorded API responses
 * fetched by bare pages (X, LinkedIn, TikTok), read by the shipped content script and page-world hook; the platforms' own
 * objects are kept, and the Research view writes one Zeeschuimer file per platform — saved to
 * test-artifacts/exports/<4CAT module id>.ndjson — whose every line carries every field 4CAT's
 * importer for that platform reads. "Send to 4CAT" then uploads to a local 4CAT stand-in on
 * 127.0.0.1: success with row count and link, a refused token, a data source the server lacks, rate
 * limiting, a connection lost while 4CAT imports, and a server that is gone.
 *
 * Chromium under automation cannot answer the permission prompt, so this test builds the extension
 * with http://127.0.0.1/* granted at install (RESONANZ_E2E_GRANT=4cat, see wxt.config.ts); saving the
 * server still asks, and gets its answer without a prompt.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingFields, zeeschuimerData } from '../../core/export/importers';
import type { PageExtraction, RawItem } from '../../core/model';
import { ADAPTERS, extractPage, pageContext } from '../../core/platforms/index';
import { platformInfo } from '../../core/platforms/registry';
import { zeeschuimerExport } from '../export/recorded-raw';
import { sharedText } from '../platforms/load';
import { type FakeFourcat, startFakeFourcat } from '../research/fourcat-server';
import { ARTIFACTS, launch, ROOT, readStore, type Session, screenshot, until } from './harness';

const OUT = join(ROOT, '.output/e2e-4cat');
const EXPORTS = join(ARTIFACTS, 'exports');

/** Real captures, at the address each was taken on (see ../shared/fixtures/SOURCES.md). */
const PAGES: [url: string, fixture: string][] = [
  ['https://www.facebook.com/', 'facebook/home-feed-plus-post-dialog-en-2025.html'],
  [
    'https://www.facebook.com/Piyushshuklatbrking/posts/pfbid0NzPJ8ep9yRUMv1rvM2FWomjaJnm2AHEWwsC1nBAqarQw6UaE7YpLZA9njUnSDoqKl',
    'facebook/post-dialog-comments-en-2025.html',
  ],
  ['https://www.facebook.com/profile.php?id=61562462307405', 'facebook/profile-fr-2024-08.html'],
  [
    'https://www.facebook.com/search/posts/?q=Sri%20Lanka%20Elon%20musk%20business',
    'facebook/search-posts-2025-12.html',
  ],
  ['https://www.pinterest.com/pin/166492517477700109/', 'pinterest/pin-guest-2026-astronomia.html'],
  ['https://www.pinterest.com/search/pins/?q=nature', 'pinterest/search-guest-2025-nature.html'],
  // Post pages and profiles whose embedded data holds the platform's own objects (4CAT's importer fields).
  ['https://www.instagram.com/p/DOs7hevjbX3/', 'instagram/post-ptbr-2025-09.html'],
  ['https://www.instagram.com/p/DQq9PJQk4TG/', 'instagram/post-ptbr-2025-11-b.html'],
  ['https://www.threads.com/@zuck', 'threads/profile-zuck-2025-12.html'],
  ['https://www.threads.com/@openai', 'threads/profile-openai-2026-02.html'],
];

/**
 * Pages whose posts come from the API responses the page's own scripts fetch: a bare page at the
 * platform's address that fetches a recorded response, which the page-world hook hands to the
 * platform's reader. X and LinkedIn: the recorded responses as they are. TikTok: the 96 video objects of
 * Zeeschuimer's own TikTok export (each exactly as TikTok's item_list API delivered it), put back
 * into an item_list response.
 */
const API_PAGES: [url: string, apiPath: string, body: () => string][] = [
  [
    'https://x.com/XDevelopers',
    '/i/api/graphql/e2eUserTweets/UserTweets?variables=%7B%7D',
    () => sharedText('x/api/graphql-user-tweets.json'),
  ],
  [
    'https://x.com/XDevelopers/status/2019881223666233717',
    '/i/api/graphql/e2eTweetDetail/TweetDetail?variables=%7B%7D',
    () => sharedText('x/api/graphql-tweet-detail.json'),
  ],
  [
    'https://www.linkedin.com/feed/',
    '/voyager/api/feed/updatesV2?count=10&q=feed',
    () => sharedText('linkedin/api/voyager-main-feed-2023.json'),
  ],
  [
    'https://www.tiktok.com/@e2e',
    '/api/post/item_list/?count=35',
    () =>
      JSON.stringify({
        itemList: zeeschuimerExport('tiktok/api/zeeschuimer-tiktok-items.ndjson').map((l) => l.data),
        hasMore: false,
        statusCode: 0,
      }),
  ],
];

const VISITED = [...PAGES.map(([u]) => u), ...API_PAGES.map(([u]) => u)];

const fetchingPage = (apiPath: string) =>
  `<!doctype html><html lang="en"><head><title>e2e</title></head><body><main></main><script>fetch(${JSON.stringify(apiPath)}, { credentials: 'include' }).then((r) => r.json());</script></body></html>`;

/** The raw items a platform's reader reads from one response (as the hook hands it over). */
function readResponseOf(platform: string, json: unknown, responseUrl: URL, url: string): RawItem[] {
  const adapter = ADAPTERS.find((a) => a.id === platform);
  if (!adapter?.readResponse) return [];
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(
    '<html><body></body></html>',
    'text/html',
  ) as unknown as Document;
  return adapter.readResponse(json, responseUrl, pageContext(adapter, doc, new URL(url))).raw ?? [];
}

function extract(html: string, url: string): PageExtraction {
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return extractPage(doc, url);
}

interface Line {
  item_id: string;
  source_platform: string;
  source_platform_url: string;
  data_origin: string;
  timestamp_collected: number;
  last_updated: number;
  nav_index: string;
  source_url: string;
  user_agent: string;
  data: Record<string, unknown>;
}

const parse = (text: string): Line[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

/** 4CAT's import_from_file: `data` spread, the rest of the line as `__import_meta`. */
function asImported(line: Line): Record<string, unknown> {
  const { data, ...meta } = line;
  return { ...data, __import_meta: meta };
}

async function saveDownload(panel: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [download] = await Promise.all([panel.waitForEvent('download') as Promise<Download>, click()]);
  mkdirSync(EXPORTS, { recursive: true });
  const path = join(EXPORTS, name);
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

describe('4CAT: platform files and Send to 4CAT, in Chromium', () => {
  let session: Session;
  let server: FakeFourcat;
  let panel: Page;
  /** Per module: the item ids whose platform object maps (read with extractPage on the same captures). */
  const expected = new Map<string, { platform: string; mapped: Set<string>; all: Set<string> }>();

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build'], {
      cwd: ROOT,
      env: { ...process.env, RESONANZ_E2E_GRANT: '4cat', RESONANZ_OUT_DIR: OUT },
      stdio: 'ignore',
    });
    server = await startFakeFourcat({ token: 'e2e-token', pollsUntilDone: 2 });
    session = await launch({ extension: join(OUT, 'chrome-mv3') });
    // The harness refuses every request; the local 4CAT stand-in is the one exception.
    await session.context.route(`${server.url}/**`, (route) => route.continue());
    for (const [url, fixture] of PAGES) {
      const html = sharedText(fixture);
      await session.context.route(url, (route) =>
        route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
      );
      const page = extract(html, url);
      const module = platformInfo(page.platform)?.zeeschuimerModule ?? page.platform;
      const entry = expected.get(module) ?? { platform: page.platform, mapped: new Set(), all: new Set() };
      for (const p of page.posts) entry.all.add(p.id);
      for (const c of page.comments) entry.all.add(c.id);
      for (const r of page.raw ?? [])
        if (missingFields(module, zeeschuimerData(module, r.data)).length === 0) entry.mapped.add(r.id);
      expected.set(module, entry);
    }
    for (const [url, apiPath, body] of API_PAGES) {
      const origin = new URL(url).origin;
      const json = body();
      await session.context.route(`${origin}${apiPath.split('?')[0]}**`, (route) =>
        route.fulfill({ body: json, contentType: 'application/json' }),
      );
      await session.context.route(url, (route) =>
        route.fulfill({ body: fetchingPage(apiPath), contentType: 'text/html; charset=utf-8' }),
      );
      // What the platform's reader makes of the response, as the hook hands it over.
      const adapterPage = extract(fetchingPage(apiPath), url);
      const module = platformInfo(adapterPage.platform)?.zeeschuimerModule ?? adapterPage.platform;
      const data = readResponseOf(adapterPage.platform, JSON.parse(json), new URL(apiPath, origin), url);
      const entry = expected.get(module) ?? {
        platform: adapterPage.platform,
        mapped: new Set(),
        all: new Set(),
      };
      for (const r of data)
        if (missingFields(module, zeeschuimerData(module, r.data)).length === 0) entry.mapped.add(r.id);
      expected.set(module, entry);
    }
  }, 240_000);
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('records the captures and writes one file per platform whose every line maps through 4CAT', async () => {
    for (const module of ['instagram.com', 'threads.net'])
      expect(expected.get(module)?.mapped.size, `${module} pages carry post objects`).toBeGreaterThan(0);
    expect(expected.get('facebook.com')?.mapped.size, 'Facebook captures carry post objects').toBeGreaterThan(
      0,
    );
    panel = await session.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: 'Research' }).click();
    await panel.getByLabel('Name of the collection').fill('E2E 4CAT');
    await panel.getByRole('button', { name: 'Start recording' }).click();
    await panel.getByText('Recording “E2E 4CAT”').waitFor();

    for (const url of VISITED) {
      const tab = await session.context.newPage();
      await tab.goto(url);
      await until(
        async () => {
          const items = await readStore<{ first: { pageUrl: string } }>(session, 'collectionItems');
          return items.some((i) => i.first.pageUrl === url);
        },
        30_000,
        `items from ${url}`,
      );
      await tab.waitForTimeout(500);
      await tab.close();
    }
    const mappedTotal = [...expected.values()].reduce((n, e) => n + e.mapped.size, 0);
    await until(
      async () => (await readStore(session, 'rawItems')).length >= mappedTotal,
      20_000,
      'platform objects kept',
    );
    await panel.getByRole('button', { name: 'Stop recording' }).click();
    await panel.getByRole('button', { name: 'Start recording' }).waitFor();

    await panel.getByRole('button', { name: 'For 4CAT…' }).click();
    for (const [module, want] of expected) {
      const row = panel.locator(`[data-module="${module}"]`);
      await row.waitFor();
      if (want.mapped.size === 0) {
        await expect(
          row.getByRole('button', { name: `Download ${module}.ndjson` }).isDisabled(),
        ).resolves.toBe(true);
        continue;
      }
      const text = await saveDownload(
        panel,
        () => row.getByRole('button', { name: `Download ${module}.ndjson` }).click(),
        `${module}.ndjson`,
      );
      const lines = parse(text);
      expect(new Set(lines.map((l) => l.item_id)), module).toEqual(want.mapped);
      for (const line of lines) {
        expect(line).toMatchObject({ source_platform: module, data_origin: 'platform', nav_index: '' });
        for (const key of ['timestamp_collected', 'last_updated'] as const)
          expect(line[key]).toBeGreaterThan(0);
        expect(VISITED).toContain(line.source_platform_url);
        expect(line.user_agent).toContain('Chrome');
        expect(missingFields(module, asImported(line)), `${module} ${line.item_id}`).toEqual([]);
      }
    }
    await screenshot(panel, 'research-4cat-files-en');
  }, 300_000);

  it('sends a platform file to 4CAT: progress, the row count and a link to the dataset', async () => {
    await panel.getByLabel('4CAT address').fill(server.url);
    await panel.getByLabel('Access token').fill('e2e-token');
    await panel.getByRole('button', { name: 'Save and allow access' }).click();
    await panel.getByText('Saved', { exact: false }).first().waitFor();
    const row = panel.locator('[data-module="facebook.com"]');
    await row.getByRole('button', { name: 'Send to 4CAT' }).click();
    await row.getByText('4CAT imported', { exact: false }).waitFor({ timeout: 30_000 });
    const sent = expected.get('facebook.com')!.mapped.size;
    expect(await row.getByRole('status').textContent()).toContain(`4CAT imported ${sent} items.`);
    expect(await row.getByRole('link', { name: 'Open the dataset in 4CAT' }).getAttribute('href')).toBe(
      `${server.url}/results/k000001/`,
    );
    const [upload] = server.uploads;
    expect(upload).toMatchObject({
      platform: 'facebook.com',
      authorization: 'e2e-token',
      pseudonymise: 'pseudonymise',
      contentType: 'application/x-ndjson',
    });
    expect(upload!.body).toBe(readFileSync(join(EXPORTS, 'facebook.com.ndjson'), 'utf8'));
    await screenshot(panel, 'research-4cat-sent-en');
  });

  it('explains a refused token, a data source the server lacks, and waits out rate limiting', async () => {
    const row = panel.locator('[data-module="facebook.com"]');
    const send = () => row.getByRole('button', { name: 'Send to 4CAT' }).click();

    server.set({ token: 'another-token' });
    await send();
    await row.getByRole('alert').getByText('did not accept the access token', { exact: false }).waitFor();

    server.set({ token: 'e2e-token', enabled: ['twitter'] });
    await send();
    await row.getByRole('alert').getByText('does not accept facebook data', { exact: false }).waitFor();

    server.set({ enabled: undefined, rateLimited: 1, retryAfter: 2 });
    await send();
    await row.getByText('trying again in 2 s', { exact: false }).waitFor();
    await row.getByText('4CAT imported', { exact: false }).waitFor({ timeout: 30_000 });
  });

  it('follows the import again after the connection dropped, and says when the server is gone', async () => {
    const row = panel.locator('[data-module="facebook.com"]');
    // The network drops the first status check (Chromium would quietly retry a reset socket).
    let dropped = 0;
    await session.context.route(`${server.url}/api/check-query/**`, (route) =>
      dropped++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    await row.getByRole('button', { name: 'Send to 4CAT' }).click();
    await row.getByText('Connection lost: trying again', { exact: false }).waitFor({ timeout: 15_000 });
    await row.getByText('4CAT imported', { exact: false }).waitFor({ timeout: 30_000 });

    await server.close();
    await row.getByRole('button', { name: 'Send to 4CAT' }).click();
    await row
      .getByRole('alert')
      .getByText('could not be reached; nothing was uploaded', { exact: false })
      .waitFor({ timeout: 15_000 });
  });
});
