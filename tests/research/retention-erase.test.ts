/**
 * Removing research data: retention deletes collections N days after they stopped (never a running
 * one), deleting a collection takes its items and key with it, and erasing everything also removes
 * the pseudonym keys and turns the toolbar's REC badge off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES } from '../../core/db/backup';
import { RETENTION_KEY } from '../../core/db/collections';
import type { Collection } from '../../core/model';
import { ADAPTERS } from '../../core/platforms/index';
import { adapterVersion } from '../../core/worker/collections';
import { accepted, page, post, startWorker, type Worker } from './harness';

const DAY = 86_400_000;
let w: Worker;
beforeEach(async () => {
  w = await startWorker();
});
afterEach(async () => {
  await w.close();
});

async function collection(name: string, stopAfterDays: number | null): Promise<Collection> {
  const c = accepted(await w.panel({ type: 'startCollection', name, notes: '' })).collection as Collection;
  accepted(await w.capture(page([post(`${name}-1`), post(`${name}-2`)])));
  if (stopAfterDays !== null) {
    w.clock.now += stopAfterDays * DAY;
    accepted(await w.panel({ type: 'stopCollection', id: c.id }));
  }
  return c;
}

describe('retention', () => {
  it('deletes collections that stopped more than N days ago, with their items and keys, and keeps the rest', async () => {
    const old = await collection('old', 0);
    w.clock.now += 20 * DAY;
    const recent = await collection('recent', 0);
    w.clock.now += 5 * DAY;
    const running = await collection('running', null);
    w.clock.now += 30 * DAY; // old stopped 55 days ago, recent 35, running never

    const reply = accepted(await w.panel({ type: 'setResearchRetention', days: 40 }));
    expect(reply.deleted).toBe(1);
    expect((await w.db.collections.toArray()).map((c) => c.name).sort()).toEqual(['recent', 'running']);
    expect(await w.db.collectionItems.where('collectionId').equals(old.id).count()).toBe(0);
    expect(await w.db.collectionSecrets.get(old.id)).toBeUndefined();
    expect(await w.db.collectionItems.where('collectionId').equals(recent.id).count()).toBe(2);
    // The posts stay in the history: only the collection goes.
    expect(await w.db.posts.get(['x', 'old-1'])).toBeDefined();
    expect((await w.db.meta.get(RETENTION_KEY))?.value).toBe(40);

    // Applied again when the worker starts, with the stored setting; a running collection never goes.
    w.clock.now += 10 * DAY;
    await w.research.startup();
    expect((await w.db.collections.toArray()).map((c) => c.name)).toEqual(['running']);
    expect((await w.db.collections.get(running.id))?.stoppedAt).toBeNull();
  });

  it('0 days keeps everything', async () => {
    await collection('a', 0);
    w.clock.now += 10_000 * DAY;
    expect(accepted(await w.panel({ type: 'setResearchRetention', days: 0 })).deleted).toBe(0);
    expect(await w.db.collections.count()).toBe(1);
  });
});

describe('deleting', () => {
  it('deleting a collection removes its items and key; destroying the key keeps the items', async () => {
    const a = await collection('a', 0);
    const b = await collection('b', 0);
    accepted(await w.panel({ type: 'destroyCollectionSecret', id: a.id }));
    expect(await w.db.collectionSecrets.get(a.id)).toBeUndefined();
    expect(await w.db.collectionItems.where('collectionId').equals(a.id).count()).toBe(2);
    accepted(await w.panel({ type: 'deleteCollection', id: b.id }));
    expect(await w.db.collections.get(b.id)).toBeUndefined();
    expect(await w.db.collectionItems.where('collectionId').equals(b.id).count()).toBe(0);
    expect(await w.db.collectionSecrets.get(b.id)).toBeUndefined();
  });

  it('erasing everything empties every table, keys included, and the REC badge goes off', async () => {
    await collection('recording', null);
    expect(w.badges.at(-1)?.text).toBe('REC');
    expect(await w.db.collectionSecrets.count()).toBe(1);
    accepted(await w.panel({ type: 'eraseAll', confirm: 'erase' }));
    for (const name of [...BACKUP_TABLES, 'tabs']) expect(await w.db.table(name).count(), name).toBe(0);
    expect(w.badges.at(-1)).toMatchObject({ text: '', collectionName: null });
    // Nothing records any more.
    accepted(await w.capture(page([post('later')])));
    expect(await w.db.collectionItems.count()).toBe(0);
    // The worker forgot the erased posts too: the account's statistics know only the new one.
    const stats = await w.db.accountStats.toArray();
    expect(stats.flatMap((row) => row.window.map((e) => e.id))).toEqual(['later']);
  });

  it('the badge shows the recording after a worker restart', async () => {
    await collection('still recording', null);
    w.badges.length = 0;
    await w.research.startup();
    expect(w.badges).toEqual([{ text: 'REC', color: '#dc2626', collectionName: 'still recording' }]);
  });
});

describe('provenance versions', () => {
  it("records each platform's adapter version from the registry", () => {
    for (const adapter of ADAPTERS) expect(adapterVersion(adapter.id)).toBe(adapter.version);
  });
});
