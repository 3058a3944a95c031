/**
 * Storage and scoring at scale in real Chromium IndexedDB: ingest, competitive-set recompute,
 * account view, and one capture batch at 100,000 stored posts — each beside a naive baseline
 * (one transaction per post, or a full table scan) and beside the browser's own floor (plain
 * IndexedDB put/getAll in one transaction, no Dexie) measured in the same run, as a ratio.
 */
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, it } from 'vitest';
import { ROOT } from '../e2e/harness';
import { median, report } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

describe('storage and scoring benchmark (Chromium IndexedDB)', () => {
  it('ingests, summarises and captures at 100,000 posts', async () => {
    const bundle = await build({
      entryPoints: [`${ROOT}/tests/bench/db-entry.ts`],
      bundle: true,
      format: 'iife',
      write: false,
      platform: 'browser',
      logLevel: 'error',
    });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      await page.route('https://bench.resonanz.test/**', (r) =>
        r.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' }),
      );
      await page.goto('https://bench.resonanz.test/');
      await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
      type B = { ms: number; posts?: number; observations?: number };
      const call = (fn: string, ...args: unknown[]) =>
        page.evaluate(
          ([f, a]) =>
            (window as unknown as { __bench: Record<string, (...x: unknown[]) => Promise<B>> }).__bench[
              f as string
            ]!(...(a as unknown[])),
          [fn, args] as const,
        );
      // The browser's own floor (plain IndexedDB, no Dexie), measured in the same run and page.
      const rawCall = (fn: string, ...args: unknown[]) =>
        page.evaluate(
          ([f, a]) =>
            (window as unknown as { __bench: { raw: Record<string, (...x: unknown[]) => Promise<B>> } })
              .__bench.raw[f as string]!(...(a as unknown[])),
          [fn, args] as const,
        );
      const ratio = (ms: number, rawMs: number) => Math.round((ms / rawMs) * 10) / 10;

      const ingest: B[] = [];
      for (let r = 0; r < Math.min(RUNS, 3); r++) ingest.push(await call('ingest', 10_000));
      const naive = await call('ingestNaive', 1_000);
      const rawIngest: B[] = [];
      for (let r = 0; r < Math.min(RUNS, 3); r++) rawIngest.push(await rawCall('ingest', 10_000));
      const rawIngestMs = median(rawIngest.map((x) => x.ms));
      const rate = ingest.map((x) => (10_000 * 3) / (x.ms / 1000));
      report({
        bench: 'db.ingest.10k_posts_x3_observations',
        median_ms: median(ingest.map((x) => x.ms)),
        n: 10_000,
        posts_per_s: median(rate),
        observations: ingest[0]?.observations,
        naive_one_tx_per_post_posts_per_s: (1_000 * 3) / (naive.ms / 1000),
        raw_idb_ms: rawIngestMs,
        raw_idb_posts_per_s: (10_000 * 3) / (rawIngestMs / 1000),
        ratio_to_raw_idb: ratio(median(ingest.map((x) => x.ms)), rawIngestMs),
        target_posts_per_s: 5_000,
      });

      await call('seed', 100_000);
      const setsFromStats: B[] = [];
      const sets: B[] = [];
      const setsNaive: B[] = [];
      const views: B[] = [];
      const viewsNaive: B[] = [];
      const viewsRaw: B[] = [];
      for (let r = 0; r < RUNS; r++) {
        viewsRaw.push(await rawCall('accountView'));
        setsFromStats.push(await call('setSummaryFromStats'));
        sets.push(await call('setSummary'));
        setsNaive.push(await call('setSummaryNaive'));
        views.push(await call('accountView'));
        viewsNaive.push(await call('accountViewNaive'));
      }
      report({
        bench: 'db.competitive_set.10_accounts.100k_posts',
        median_ms: median(setsFromStats.map((x) => x.ms)),
        n: 100_000,
        method: 'maintained per-account aggregates (10 rows read)',
        from_member_posts_ms: median(sets.map((x) => x.ms)),
        member_posts_read: sets[0]?.posts,
        naive_full_scan_ms: median(setsNaive.map((x) => x.ms)),
        target_ms: 150,
      });
      report({
        bench: 'db.account_view.90_days.100k_posts',
        median_ms: median(views.map((x) => x.ms)),
        n: 100_000,
        account_posts: views[0]?.posts,
        naive_full_scan_ms: median(viewsNaive.map((x) => x.ms)),
        raw_idb_getall_ms: median(viewsRaw.map((x) => x.ms)),
        raw_idb_posts: viewsRaw[0]?.posts,
        ratio_to_raw_idb: ratio(median(views.map((x) => x.ms)), median(viewsRaw.map((x) => x.ms))),
        target_ms: 50,
      });
      const batch = (await page.evaluate(
        (runs) =>
          (
            window as unknown as {
              __bench: { captureBatch(n: number): Promise<{ ms: number[]; naiveMs: number[] }> };
            }
          ).__bench.captureBatch(runs),
        RUNS,
      )) as { ms: number[]; naiveMs: number[] };
      const rawBatch = (await page.evaluate(
        (runs) =>
          (
            window as unknown as {
              __bench: { raw: { captureBatch(n: number): Promise<{ ms: number[] }> } };
            }
          ).__bench.raw.captureBatch(runs),
        RUNS,
      )) as { ms: number[] };
      report({
        bench: 'db.capture_batch_50.at_100k_posts',
        median_ms: median(batch.ms),
        n: 50,
        naive_rescan_ms: median(batch.naiveMs),
        raw_idb_put_ms: median(rawBatch.ms),
        ratio_to_raw_idb: ratio(median(batch.ms), median(rawBatch.ms)),
        target_ms: 10,
      });
    } finally {
      await browser.close();
    }
  });
});
