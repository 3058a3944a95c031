/**
 * Research export in real Chromium, through the side panel's own Export button: 100,000 collection
 * items read from IndexedDB page by page, written as CSV / NDJSON (and CSV pseudonymised, and CSV
 * with the full metric history), collected into a Blob and downloaded. Figures: wall time from the
 * click to the download (median of ≥ 3 runs) and the panel's peak JS heap during the export (CDP
 * Runtime.getHeapUsage sampled every 50 ms, after a forced GC). Baseline in the same run: the same
 * exports of a 10,000-item collection from the same database, so the figures compare as ratios.
 */
import type { CDPSession, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { launch } from '../e2e/harness';
import { median, report } from './report';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 3));
const BIG = Number(process.env.BENCH_RESEARCH_ITEMS ?? 100_000);
const SMALL = BIG / 10;

/** Writes `n` posts (one observation each) and two collections over them, straight into IndexedDB. */
async function seed(panel: Page, n: number, small: number): Promise<void> {
  await panel.evaluate(
    async ([n, small]) => {
      const open = () =>
        new Promise<IDBDatabase>((done, fail) => {
          const r = indexedDB.open('resonanz');
          r.onsuccess = () => done(r.result);
          r.onerror = () => fail(r.error);
        });
      const db = await open();
      const T0 = Date.parse('2026-10-01T08:00:00Z');
      const secret = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
      const write = (stores: string[], fill: (tx: IDBTransaction) => void) =>
        new Promise<void>((done, fail) => {
          const tx = db.transaction(stores, 'readwrite');
          fill(tx);
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        });
      await write(['collections', 'collectionSecrets'], (tx) => {
        for (const [id, name] of [
          ['c-small', 'bench small'],
          ['c-big', 'bench big'],
        ]) {
          tx.objectStore('collections').put({
            id,
            name,
            notes: 'Benchmark',
            startedAt: T0,
            stoppedAt: T0 + 3_600_000,
          });
          tx.objectStore('collectionSecrets').put({ collectionId: id, secret, createdAt: T0 });
        }
      });
      const metrics = (i: number) => ({
        likes: (i * 31) % 5000,
        comments: (i * 7) % 300,
        shares: (i * 3) % 70,
        quotes: null,
        views: i * 13,
        saves: null,
      });
      for (let start = 0; start < n; start += 10_000) {
        await write(['posts', 'observations', 'collectionItems'], (tx) => {
          for (let i = start; i < Math.min(n, start + 10_000); i++) {
            const id = String(1_900_000_000_000_000_000n + BigInt(i));
            const handle = `user_${i % 997}`;
            const seenAt = T0 + i;
            const createdAt = new Date(T0 - i * 60_000).toISOString();
            tx.objectStore('posts').put({
              id,
              platform: 'x',
              url: `https://x.com/${handle}/status/${id}`,
              author: { handle, name: `User ${i % 997}` },
              text: `Post number ${i} by @${handle} about #thema${i % 50}, mit @user_${(i + 1) % 997} — "quoted", commas, ümlauts 🎉 https://example.com/a/${i}`,
              createdAt,
              metrics: metrics(i),
              approx: [],
              media: 'text',
              hashtags: [`thema${i % 50}`],
              mentions: [`user_${(i + 1) % 997}`],
              links: [`https://example.com/a/${i}`],
              promoted: false,
              repostedBy: null,
              authorKey: handle,
              time: Date.parse(createdAt),
              firstSeen: seenAt,
              lastSeen: seenAt,
              followersAtCapture: 1000 + (i % 997),
            });
            tx.objectStore('observations').put({
              platform: 'x',
              id,
              at: seenAt,
              metrics: metrics(i),
              approx: [],
            });
            const provenance = {
              seenAt,
              pageUrl: 'https://x.com/home',
              platform: 'x',
              pageKind: 'feed',
              position: i % 40,
              uiLanguage: 'de',
              extensionVersion: '0.1.0',
              adapterVersion: '1.0.0',
            };
            const item = {
              type: 'post',
              platform: 'x',
              itemId: id,
              first: provenance,
              last: provenance,
              timesSeen: 1,
            };
            tx.objectStore('collectionItems').put({ collectionId: 'c-big', ...item });
            if (i < small) tx.objectStore('collectionItems').put({ collectionId: 'c-small', ...item });
          }
        });
      }
      db.close();
    },
    [n, small] as const,
  );
}

interface Run {
  ms: number;
  peakMb: number;
  baseMb: number;
  /** Heap after the export and a forced GC: what the export left behind. */
  afterGcMb: number;
  bytes: number;
}

async function exportOnce(panel: Page, cdp: CDPSession, collection: string): Promise<Run> {
  const item = panel.locator(`li[data-collection-id="${collection}"]`);
  await cdp.send('HeapProfiler.collectGarbage');
  const base = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = base;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      peak = Math.max(peak, usedSize);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const [download] = await Promise.all([
    panel.waitForEvent('download', { timeout: 600_000 }),
    item.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const ms = performance.now() - started;
  sampling = false;
  await sampler;
  const path = await download.path();
  const { statSync } = await import('node:fs');
  const bytes = path ? statSync(path).size : 0;
  await download.delete();
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  return { ms, peakMb: peak / 2 ** 20, baseMb: base / 2 ** 20, afterGcMb: after / 2 ** 20, bytes };
}

async function configure(
  panel: Page,
  collection: string,
  choice: { format: string; names: string; snapshot: string },
): Promise<void> {
  const item = panel.locator(`li[data-collection-id="${collection}"]`);
  if ((await item.locator('form.export-form').count()) === 0)
    await item.getByRole('button', { name: 'Export…' }).click();
  await item.getByLabel(choice.format).check();
  await item.getByLabel(choice.names, { exact: true }).check();
  await item.getByLabel(choice.snapshot).check();
  await item.getByLabel('Also save the codebook').uncheck();
}

const CASES = [
  { bench: 'csv', format: 'CSV (4CAT, spreadsheets)', names: 'as seen', snapshot: 'when last seen' },
  { bench: 'ndjson', format: 'NDJSON (Zeeschuimer lines)', names: 'as seen', snapshot: 'when last seen' },
  {
    bench: 'csv+pseudonymise',
    format: 'CSV (4CAT, spreadsheets)',
    names: 'pseudonymise',
    snapshot: 'when last seen',
  },
  { bench: 'csv+history', format: 'CSV (4CAT, spreadsheets)', names: 'as seen', snapshot: 'full history' },
];

describe('research export benchmark (Chromium, side panel)', () => {
  it('exports 100,000 collection items from IndexedDB', async () => {
    const session = await launch();
    try {
      const panel = await session.context.newPage();
      await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
      await panel.getByRole('tab', { name: 'Research' }).click();
      await panel.getByRole('heading', { name: 'Collections' }).waitFor();
      const seeded = performance.now();
      await seed(panel, BIG, SMALL);
      const seedMs = performance.now() - seeded;
      await panel.reload();
      await panel.getByRole('tab', { name: 'Research' }).click();
      await panel
        .locator('li[data-collection-id="c-big"]')
        .getByText(`${BIG.toLocaleString('en-US')} items`)
        .waitFor({ timeout: 60_000 });
      const cdp = await session.context.newCDPSession(panel);

      for (const c of CASES) {
        const results: Record<string, Run[]> = { small: [], big: [] };
        for (const [size, id] of [
          ['small', 'c-small'],
          ['big', 'c-big'],
        ] as const) {
          await configure(panel, id, c);
          // One warm-up run on the small collection (JIT, first Blob), then the measured runs.
          if (size === 'small') await exportOnce(panel, cdp, id);
          for (let r = 0; r < RUNS; r++) results[size]!.push(await exportOnce(panel, cdp, id));
          await panel
            .locator(`li[data-collection-id="${id}"]`)
            .getByRole('button', { name: 'Close' })
            .click();
        }
        const big = results.big!;
        const small = results.small!;
        const bigMs = median(big.map((r) => r.ms));
        const smallMs = median(small.map((r) => r.ms));
        report({
          bench: `research.export.${c.bench}.${BIG / 1000}k_items`,
          median_ms: Math.round(bigMs),
          n: BIG,
          runs: RUNS,
          page: 'side panel (extension page), click → download',
          items_per_s: Math.round(BIG / (bigMs / 1000)),
          file_mb: +(big[0]!.bytes / 2 ** 20).toFixed(1),
          peak_heap_mb: +median(big.map((r) => r.peakMb)).toFixed(1),
          heap_before_mb: +median(big.map((r) => r.baseMb)).toFixed(1),
          heap_after_gc_mb: +median(big.map((r) => r.afterGcMb)).toFixed(1),
          baseline_n: SMALL,
          baseline_median_ms: Math.round(smallMs),
          baseline_peak_heap_mb: +median(small.map((r) => r.peakMb)).toFixed(1),
          ms_per_item_big_over_small: +(bigMs / BIG / (smallMs / SMALL)).toFixed(2),
          seed_ms: Math.round(seedMs),
        });
      }
    } finally {
      await session.close();
    }
  }, 2_400_000);
});
