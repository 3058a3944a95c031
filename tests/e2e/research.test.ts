/**
 * Research capture in real Chromium: a collection started from the side panel's Research view
 * records what the content script reads on two platforms in other tabs (X in English, Bluesky in
 * German, a feed and a post page with replies), the toolbar shows REC while it records, and the
 * NDJSON and CSV exported from the panel hold exactly those items with their provenance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_COLUMNS } from '../../core/export/columns';
import type { ExportRecord } from '../../core/export/record';
import type { PageExtraction } from '../../core/model';
import { extractPage } from '../../core/platforms/index';
import { parseCsvObjects } from '../export/helpers';
import { sharedText } from '../platforms/load';
import { ARTIFACTS, launch, ROOT, readStore, type Session, screenshot, until } from './harness';
import { xHomeTimeline } from './pages';

const own = (path: string) => readFileSync(join(ROOT, 'tests/fixtures', path), 'utf8');
const shared = sharedText;

const BSKY_POST = 'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t';
/** [URL, HTML, UI language of the page]: served at the platform's real address. */
const PAGES: [string, string, string][] = [
  ['https://x.com/home', xHomeTimeline(), 'en'],
  ['https://bsky.app/', own('bluesky/de-feed.html'), 'de'],
  [BSKY_POST, shared('bluesky/post-image.html'), 'en'],
];

function extract(html: string, url: string): PageExtraction {
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return extractPage(doc, url);
}

interface Expected {
  key: string;
  pageUrl: string;
  platform: string;
  pageKind: string;
  position: number | null;
  uiLanguage: string;
}

/** Every item the collection must hold, with the provenance of its first sighting. */
function expectedItems(): Map<string, Expected> {
  const out = new Map<string, Expected>();
  for (const [url, html, uiLanguage] of PAGES) {
    const page = extract(html, url);
    const add = (type: string, id: string, position: number | null) => {
      const key = `${type}/${page.platform}/${id}`;
      if (!out.has(key))
        out.set(key, {
          key,
          pageUrl: url,
          platform: page.platform,
          pageKind: page.kind,
          position,
          uiLanguage,
        });
    };
    for (const [i, p] of page.posts.entries()) add('post', p.id, i);
    for (const [i, c] of page.comments.entries()) add('comment', c.id, i);
    if (page.profile) add('profile', page.profile.handle.toLowerCase(), null);
  }
  return out;
}

async function badgeText(session: Session): Promise<string> {
  return session.worker.evaluate(async () => {
    type Action = { action: { getBadgeText(d: object): Promise<string> } };
    return (globalThis as unknown as { chrome: Action }).chrome.action.getBadgeText({});
  });
}

/** The toolbar button's badge colour and tooltip. */
async function badgeLook(session: Session): Promise<{ color: number[]; title: string }> {
  return session.worker.evaluate(async () => {
    type Action = {
      action: { getBadgeBackgroundColor(d: object): Promise<number[]>; getTitle(d: object): Promise<string> };
    };
    const { action } = (globalThis as unknown as { chrome: Action }).chrome;
    return { color: await action.getBadgeBackgroundColor({}), title: await action.getTitle({}) };
  });
}

/** Clicks Export in the open export form and returns the data file's and the codebook's text. */
async function exportFiles(panel: Page, name: string): Promise<{ data: string; codebook: string }> {
  const downloads: Promise<import('playwright-core').Download>[] = [];
  const got = new Promise<void>((resolve) => {
    const onDownload = (d: import('playwright-core').Download) => {
      downloads.push(Promise.resolve(d));
      if (downloads.length === 2) {
        panel.off('download', onDownload);
        resolve();
      }
    };
    panel.on('download', onDownload);
  });
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await Promise.race([got, panel.waitForTimeout(60_000)]);
  expect(downloads).toHaveLength(2);
  const [dataDownload, codebookDownload] = await Promise.all(downloads);
  const dataPath = join(ARTIFACTS, `research-${name}-${dataDownload!.suggestedFilename()}`);
  await dataDownload!.saveAs(dataPath);
  const codebookPath = join(ARTIFACTS, `research-${name}-${codebookDownload!.suggestedFilename()}`);
  await codebookDownload!.saveAs(codebookPath);
  expect(codebookDownload!.suggestedFilename()).toMatch(/-codebook\.md$/);
  return { data: readFileSync(dataPath, 'utf8'), codebook: readFileSync(codebookPath, 'utf8') };
}

describe('research capture in Chromium', () => {
  let session: Session;
  let version: string;
  beforeAll(async () => {
    session = await launch();
    version = JSON.parse(readFileSync(join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')).version;
    for (const [url, html] of PAGES) {
      await session.context.route(url, (route) =>
        route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
      );
    }
  });
  afterAll(async () => {
    await session?.close();
  });

  it('records two platforms from the side panel and exports NDJSON and CSV with provenance', async () => {
    const expected = expectedItems();
    const posts = [...expected.values()].filter((e) => e.key.startsWith('post/'));
    expect(posts.length, 'fixtures have posts').toBeGreaterThanOrEqual(8);
    expect(expected.size - posts.length, 'the Bluesky post page has replies').toBeGreaterThanOrEqual(50);

    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 }); // a side panel's width
    await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
    await panel.getByRole('tab', { name: 'Research' }).click();
    await panel.getByLabel('Name of the collection').fill('E2E Wahlkampf');
    await panel.getByLabel('Research question').fill('Who talks about #Nachhaltigkeit?');
    await panel.getByLabel('Recorded by').fill('Test team');
    expect(await badgeText(session)).toBe('');
    await panel.getByRole('button', { name: 'Start recording' }).click();
    await panel.getByText('Recording “E2E Wahlkampf”').waitFor();
    await until(async () => (await badgeText(session)) === 'REC', 5_000, 'REC badge');
    expect(await badgeLook(session)).toEqual({
      color: [220, 38, 38, 255],
      title: 'Resonanz — recording “E2E Wahlkampf”',
    });

    for (const [url] of PAGES) {
      const tab = await session.context.newPage();
      await tab.goto(url);
      const platform = new URL(url).host === 'x.com' ? 'x' : 'bluesky';
      const want = [...expected.values()].filter((e) => e.pageUrl === url && e.platform === platform).length;
      await until(
        async () => {
          const items = await readStore<{ first: { pageUrl: string } }>(session, 'collectionItems');
          return items.filter((i) => i.first.pageUrl === url).length >= want;
        },
        30_000,
        `items from ${url}`,
      );
      await tab.close();
    }
    // The live counter in the panel follows the captures.
    await panel.getByTestId('rec-count').getByText(`${expected.size} items`).waitFor({ timeout: 10_000 });
    await screenshot(panel, 'research-recording-en');

    await panel.getByRole('button', { name: 'Stop recording' }).click();
    await panel.getByRole('button', { name: 'Start recording' }).waitFor();
    await until(async () => (await badgeText(session)) === '', 5_000, 'badge cleared');

    // NDJSON, names as seen.
    await panel.getByRole('button', { name: 'Export…' }).click();
    await panel.getByLabel('NDJSON (Zeeschuimer lines)').check();
    await panel.getByLabel('as seen').check();
    await screenshot(panel, 'research-export-en');
    const ndjson = await exportFiles(panel, 'ndjson');
    const envelopes = ndjson.data
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { source_platform: string; data: ExportRecord });
    expect(envelopes).toHaveLength(expected.size);
    const seen = new Set<string>();
    for (const { source_platform, data } of envelopes) {
      const key = `${data.type}/${data.platform}/${data.id}`;
      const want = expected.get(key);
      expect(want, `unexpected item ${key}`).toBeDefined();
      seen.add(key);
      expect(data.first, key).toMatchObject({
        pageUrl: want!.pageUrl,
        platform: want!.platform,
        pageKind: want!.pageKind,
        position: want!.position,
        uiLanguage: want!.uiLanguage,
        extensionVersion: version,
        adapterVersion: '1.0.0',
      });
      expect(data.first.seenAt).toBeGreaterThan(Date.now() - 10 * 60_000);
      expect(data.timesSeen).toBeGreaterThanOrEqual(1);
      expect(data.collection.name).toBe('E2E Wahlkampf');
      expect(source_platform).toBe(data.platform === 'x' ? 'twitter.com' : 'bsky.app');
    }
    expect(seen.size).toBe(expected.size);
    // Counts as the pages showed them (read by hand off the X capture's aria-label).
    const tweet = envelopes.find((e) => e.data.id === '1981398750557065646')!.data;
    expect(tweet.metrics).toMatchObject({ comments: 48, shares: 152, likes: 553, saves: 9, views: 30142 });
    expect(ndjson.codebook).toContain('Who talks about #Nachhaltigkeit?');

    // CSV, pseudonymised (the default): 4CAT columns, one row per item, no handle left.
    await panel.getByLabel('CSV (4CAT, spreadsheets)').check();
    await panel.getByLabel('pseudonymise').check();
    const csv = await exportFiles(panel, 'csv');
    expect(csv.data.startsWith('\uFEFFid,thread_id,author,body,timestamp,')).toBe(true);
    const { header, rows } = parseCsvObjects(csv.data);
    expect(header.slice(0, 5)).toEqual([...REQUIRED_COLUMNS]);
    expect(rows).toHaveLength(expected.size);
    expect(new Set(rows.map((r) => `${r.type}/${r.platform}/${r.id}`))).toEqual(new Set(expected.keys()));
    expect(rows[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    for (const row of rows) {
      const want = expected.get(`${row.type}/${row.platform}/${row.id}`)!;
      expect(row.ui_language).toBe(want.uiLanguage);
      expect(row.position).toBe(want.position === null ? '' : String(want.position));
      expect(row.extension_version).toBe(version);
      expect(row.author === '' || /^u_[a-z2-7]{12}$/.test(row.author!), row.author).toBe(true);
    }
    for (const handle of ['glendunlap.bsky.social', 'anna.bsky.social', 'dreece-ca.bsky.social']) {
      expect(csv.data.toLowerCase()).not.toContain(handle);
    }
    await panel.close();
  });
});
