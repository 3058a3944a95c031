/**
 * Schema upgrades that go wrong, and upgrades that happen under an open side panel.
 * - An upgrade function that throws: IndexedDB rolls the upgrade back, the database stays at the old
 *   version with every row (nothing the failed upgrade wrote survives), `openDb` rejects with an
 *   `UpgradeFailedError` naming both versions, and the panel says so in words.
 * - A newer version opened by the worker while the panel holds the database: the panel's connection
 *   closes so the upgrade is not blocked, reopens, and keeps showing live data.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { lang, t } from '../../components/i18n';
import { browserSource, type PageState } from '../../components/panel/source';
import { openDb, ResonanzDb, SCHEMA_VERSIONS, type TabState, UpgradeFailedError } from '../../core/db/schema';
import { emptyMetrics, type StoredPost } from '../../core/model';
import { settle } from '../components/render';

const CURRENT = SCHEMA_VERSIONS.at(-1)!.version;
let n = 0;
const names: string[] = [];
const fresh = () => {
  const name = `upgrade-hardening-${n++}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  history.replaceState(null, '', '/');
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function storedPost(id: string, likes: number): StoredPost {
  return {
    platform: 'x',
    id,
    url: `https://x.com/acme/status/${id}`,
    author: { handle: 'acme', name: 'Acme' },
    text: `Post ${id}`,
    createdAt: '2025-10-01T10:00:00.000Z',
    metrics: { ...emptyMetrics(), likes },
    approx: [],
    media: 'text',
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    authorKey: 'acme',
    time: Date.parse('2025-10-01T10:00:00.000Z'),
    firstSeen: 1,
    lastSeen: 2,
    followersAtCapture: null,
  };
}

const tab = (postIds: string[], updatedAt: number): TabState => ({
  tabId: 7,
  url: 'https://x.com/home',
  platform: 'x',
  kind: 'feed',
  postIds,
  profileHandle: null,
  health: { candidates: postIds.length, extracted: postIds.length, missing: {} },
  updatedAt,
});

/** The database as the current release wrote it. */
async function seed(name: string) {
  const db = new ResonanzDb(name);
  await db.open();
  await db.posts.bulkPut([storedPost('1', 10), storedPost('2', 20)]);
  await db.tabs.put(tab(['1', '2'], 1));
  await db.sets.put({
    id: 's1',
    name: 'Wettbewerb',
    members: [{ platform: 'x', handle: 'acme' }],
    createdAt: 1,
  });
  const rows = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  db.close();
  return Object.fromEntries(rows);
}

/** The next release, whose upgrade has a bug: it writes half its changes, then throws. */
class BrokenNext extends ResonanzDb {
  constructor(name: string) {
    super(name);
    this.version(CURRENT + 1)
      .stores({ drafts: '&id' })
      .upgrade(async (tx) => {
        await tx.table('posts').toCollection().modify({ text: 'rewritten by a broken upgrade' });
        await tx.table('sets').clear();
        throw new TypeError("Cannot read properties of undefined (reading 'handle')");
      });
  }
}

/** The next release, working. */
class Next extends ResonanzDb {
  constructor(name: string) {
    super(name);
    this.version(CURRENT + 1).stores({ drafts: '&id' });
  }
}

describe('a failing upgrade', () => {
  it('leaves the database at the old version with every row, and rejects with UpgradeFailedError', async () => {
    const name = fresh();
    const before = await seed(name);
    const error = await openDb(name, (n) => new BrokenNext(n)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpgradeFailedError);
    expect(error).toMatchObject({ name: 'UpgradeFailedError', from: CURRENT, to: CURRENT + 1 });
    expect((error as Error).cause).toBeInstanceOf(TypeError);

    // The old data is still there and readable, untouched by the half-run upgrade.
    const old = await openDb(name);
    expect(old.verno).toBe(CURRENT);
    const after = Object.fromEntries(
      await Promise.all(old.tables.map(async (table) => [table.name, await table.toArray()] as const)),
    );
    expect(after).toEqual(before);
    old.close();
  });

  it('is shown in the panel as a failed update that kept the data', async () => {
    const name = fresh();
    await seed(name);
    lang.value = 'en';
    const seen: PageState[] = [];
    const stop = browserSource(() => openDb(name, (n) => new BrokenNext(n))).watchPage((s) => seen.push(s));
    await settle(8);
    stop();
    const message = t('errorStorageUpgrade', CURRENT, CURRENT + 1);
    expect(seen.at(-1)).toEqual({ status: 'error', message });
    expect(`${t('errorStorage', message)}`).toBe(
      `Resonanz cannot open its local database: updating it from version ${CURRENT} to version ${CURRENT + 1} failed. Your data is unchanged and still there. Restart the browser to try again; if it fails again, please report it.`,
    );
  });

  it('an open that fails for any other reason is not called an upgrade failure', async () => {
    const name = fresh();
    await seed(name); // exists, at the current version: nothing to upgrade
    const broken = {
      open: () => {
        throw new DOMException('', 'UnknownError');
      },
    } as unknown as IDBFactory;
    const error = await openDb(name, (n) => new ResonanzDb(n, { indexedDB: broken, IDBKeyRange })).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ name: 'StorageUnavailableError' });
  });
});

describe('an upgrade while the side panel is open', () => {
  it('does not block the upgrade, and the panel goes on showing live data afterwards', async () => {
    const name = fresh();
    await seed(name);
    history.replaceState(null, '', '?tabId=7');
    const seen: PageState[] = [];
    const stop = browserSource(() => openDb(name)).watchPage((s) => seen.push(s));
    await settle(8);
    expect(seen.at(-1)).toMatchObject({ status: 'ready', posts: [{ id: '1' }, { id: '2' }] });

    // The worker of the new release opens the database (and writes) while the panel is reading.
    const writer = new ResonanzDb(name);
    let writes = 0;
    let writing = true;
    const busy = (async () => {
      while (writing) await writer.tabs.update(7, { updatedAt: 100 + writes++ }).catch(() => undefined);
    })();
    const worker = new Next(name);
    const upgraded = await Promise.race([
      worker.open().then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    writing = false;
    await busy;
    expect(upgraded, 'upgrade blocked by the open panel').toBe(true);
    expect(worker.verno).toBe(CURRENT + 1);

    await worker.posts.put(storedPost('3', 30));
    await worker.tabs.put(tab(['1', '2', '3'], 10_000));
    await settle(8);
    stop();
    expect(seen.filter((s) => s.status === 'error')).toEqual([]);
    expect(seen.at(-1)).toMatchObject({
      status: 'ready',
      tab: { updatedAt: 10_000 },
      posts: [{ id: '1' }, { id: '2' }, { id: '3', metrics: { likes: 30 } }],
    });
    worker.close();
    writer.close();
  });
});
