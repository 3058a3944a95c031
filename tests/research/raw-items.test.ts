/**
 * The platforms' own JSON per item: kept only while a collection records, compressed, within a
 * visible budget, and gone with its collection, with retention and with "Erase everything".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../core/db/collections';
import { decodeRaw, rawCounts, rawUsage, setRawBudgetMb } from '../../core/db/raw-items';
import type { Collection, RawItem } from '../../core/model';
import { zeeschuimerExport } from '../export/recorded-raw';
import { accepted, page, post, startWorker, type Worker } from './harness';

let w: Worker;
beforeEach(async () => {
  w = await startWorker();
});
afterEach(async () => {
  await w.close();
});

/** X tweets as Zeeschuimer stored them, handed over as a reader would. */
function tweets(n: number): RawItem[] {
  return zeeschuimerExport('x/api/zeeschuimer-twitter-items.ndjson')
    .slice(0, n)
    .map((line) => ({ id: line.item_id, kind: 'post', source: 'response', data: line.data }));
}

function batch(raw: RawItem[]) {
  return page(
    raw.map((r) => post(r.id)),
    { raw },
  );
}

async function running(): Promise<Collection> {
  return (await w.db.collections.toArray()).find((c) => c.stoppedAt === null) as Collection;
}

describe('raw platform items', () => {
  it('are not kept while no collection records', async () => {
    accepted(await w.capture(batch(tweets(3))));
    expect(await w.db.rawItems.count()).toBe(0);
    expect((await rawUsage(w.db)).bytes).toBe(0);
  });

  it('are kept compressed while a collection records, and come back exactly', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    const raw = tweets(5);
    accepted(await w.capture(batch(raw)));
    const rows = await w.db.rawItems.toArray();
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const original = raw.find((r) => r.id === row.id)!;
      expect(row.encoding).toBe('gzip');
      expect(row.bytes).toBeLessThan(JSON.stringify(original.data).length);
      expect(await decodeRaw(row)).toEqual(original.data);
    }
    const usage = await rawUsage(w.db);
    expect(usage.bytes).toBe(rows.reduce((sum, r) => sum + r.bytes, 0));
    expect(await rawCounts(w.db, (await running()).id)).toEqual({ x: 5 });
  });

  it('are kept from a batch that carries only raw items (the capture loop sends them apart)', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    const raw = tweets(3);
    accepted(await w.capture(batch(raw)));
    accepted(await w.capture(page([], { raw: tweets(6).slice(3) })));
    expect(await w.db.rawItems.count()).toBe(6);
  });

  it('keep the newest object of an item seen again, and its first sighting', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    const [first] = tweets(1);
    accepted(await w.capture(batch([first!])));
    const firstSeen = w.clock.now;
    w.clock.now += 60_000;
    const newer = { ...first!, data: { ...(first!.data as object), marker: 'newer' } };
    accepted(await w.capture(batch([newer])));
    const [row] = await w.db.rawItems.toArray();
    expect(row).toMatchObject({ firstSeen, lastSeen: w.clock.now });
    expect(await decodeRaw(row!)).toMatchObject({ marker: 'newer' });
    expect((await rawUsage(w.db)).bytes).toBe(row!.bytes);
  });

  it('stop at the budget and count what was left out; the items themselves are still recorded', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    await setRawBudgetMb(w.db, 1);
    const one = tweets(1)[0]!;
    // A 300 KB object that does not compress: four of them cannot fit in 1 MB.
    const noise = (seed: number) => {
      let x = seed * 2654435761;
      let out = '';
      for (let i = 0; i < 300_000; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        out += String.fromCharCode(33 + ((x >>> 0) % 90));
      }
      return out;
    };
    const big = [1, 2, 3, 4].map((n) => ({ ...one, id: `9${n}`, data: { noise: noise(n) } }));
    accepted(await w.capture(batch(big)));
    const usage = await rawUsage(w.db);
    expect(usage.budgetBytes).toBe(1024 * 1024);
    expect(usage.bytes).toBeLessThanOrEqual(usage.budgetBytes);
    expect(usage.skipped).toBeGreaterThan(0);
    expect(await w.db.rawItems.count()).toBe(4 - usage.skipped);
    expect(await w.db.collectionItems.count()).toBe(4);
  });

  it('go with their collection, with retention, and with Erase everything', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'A', notes: '' }));
    accepted(await w.capture(batch(tweets(2))));
    const a = await running();
    accepted(await w.panel({ type: 'stopCollection', id: a.id }));
    accepted(await w.panel({ type: 'deleteCollection', id: a.id }));
    expect(await w.db.rawItems.count()).toBe(0);
    expect((await rawUsage(w.db)).bytes).toBe(0);

    accepted(await w.panel({ type: 'startCollection', name: 'B', notes: '' }));
    accepted(await w.capture(batch(tweets(2))));
    const b = await running();
    accepted(await w.panel({ type: 'stopCollection', id: b.id }));
    expect(await applyRetention(w.db, 1, w.clock.now + 2 * 86_400_000)).toEqual([b.id]);
    expect(await w.db.rawItems.count()).toBe(0);

    accepted(await w.panel({ type: 'startCollection', name: 'C', notes: '' }));
    accepted(await w.capture(batch(tweets(2))));
    accepted(await w.panel({ type: 'eraseAll', confirm: 'erase' }));
    expect(await w.db.rawItems.count()).toBe(0);
    expect((await rawUsage(w.db)).bytes).toBe(0);
  });
});
