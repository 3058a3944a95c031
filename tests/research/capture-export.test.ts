/**
 * Research capture end to end in the worker: a recording started from the panel collects what
 * content scripts capture on any tab (and only while it records), with provenance; exporting it and
 * parsing the files gives back the same items, the same counts and the same provenance.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportCollection } from '../../core/db/collection-export';
import { REQUIRED_COLUMNS } from '../../core/export/columns';
import type { ExportRecord } from '../../core/export/record';
import type { Collection, Provenance } from '../../core/model';
import { blueskyAdapter } from '../../core/platforms/bluesky/adapter';
import { xAdapter } from '../../core/platforms/x/adapter';
import { collect, parseCsvObjects } from '../export/helpers';
import {
  accepted,
  comment,
  EXTENSION_VERSION,
  page,
  post,
  startWorker,
  type Worker,
  withLikes,
} from './harness';

const MIN = 60_000;
let w: Worker;
beforeEach(async () => {
  w = await startWorker();
});
afterEach(async () => {
  await w.close();
});

const T0 = Date.UTC(2025, 9, 21, 12, 0, 0);
const at = (minutes: number) => T0 + minutes * MIN;

/** The browsing session every test here records: two platforms, four pages, a post seen twice. */
async function browse(): Promise<Collection> {
  const p1 = post('1');
  // Before the recording: stored in the history, not in the collection.
  w.clock.now = at(0);
  accepted(await w.capture(page([p1, post('2')])));

  w.clock.now = at(1);
  const started = accepted(
    await w.panel({
      type: 'startCollection',
      name: 'Wahlkampf 2025',
      notes: 'Forschungsfrage: Wer spricht?',
    }),
  );
  const collection = started.collection as Collection;

  w.clock.now = at(2); // X home, whole page, English UI
  accepted(await w.capture(page([p1, post('2'), post('3')]), { tabId: 1, uiLanguage: 'en' }));
  w.clock.now = at(3); // the feed grew: post 4 is new, post 2's likes changed (only these two are sent)
  accepted(
    await w.capture(page([withLikes(post('2'), 11), post('4')]), {
      tabId: 1,
      uiLanguage: 'en',
      complete: false,
    }),
  );
  w.clock.now = at(4); // Bluesky post page in another tab, German UI, with two replies
  accepted(
    await w.capture(
      page(
        [
          post('rk1', {
            url: 'https://bsky.app/profile/anna.bsky.social/post/rk1',
            author: { handle: 'anna.bsky.social', name: 'Anna' },
          }),
        ],
        {
          platform: 'bluesky',
          url: 'https://bsky.app/profile/anna.bsky.social/post/rk1',
          kind: 'post',
          comments: [comment('c1', 'rk1'), comment('c2', 'rk1', { parentId: 'c1' })],
        },
      ),
      { tabId: 2, uiLanguage: 'de' },
    ),
  );
  w.clock.now = at(5); // Acme's profile: the profile and post 1 again, with more likes
  accepted(
    await w.capture(
      page([withLikes(p1, 15)], {
        url: 'https://x.com/acme',
        kind: 'profile',
        profile: { handle: 'Acme', name: 'Acme GmbH', followers: 1200, following: 3, posts: 40 },
      }),
      { tabId: 3, uiLanguage: 'en' },
    ),
  );
  w.clock.now = at(6);
  accepted(await w.panel({ type: 'stopCollection', id: collection.id }));
  // After the recording: post 1 again with yet more likes, and a new post; neither may change the collection.
  w.clock.now = at(7);
  accepted(await w.capture(page([withLikes(p1, 20), post('5')]), { tabId: 1 }));
  return (await w.db.collections.get(collection.id))!;
}

function prov(minutes: number, over: Partial<Provenance>): Provenance {
  return {
    seenAt: at(minutes),
    pageUrl: 'https://x.com/home',
    platform: 'x',
    pageKind: 'feed',
    position: 0,
    uiLanguage: 'en',
    extensionVersion: EXTENSION_VERSION,
    adapterVersion: xAdapter.version,
    ...over,
  };
}

const bsky = (minutes: number, position: number | null): Provenance =>
  prov(minutes, {
    pageUrl: 'https://bsky.app/profile/anna.bsky.social/post/rk1',
    platform: 'bluesky',
    pageKind: 'post',
    position,
    uiLanguage: 'de',
    adapterVersion: blueskyAdapter.version,
  });

/** What the collection must hold: key → first sighting, last sighting, times seen. */
const EXPECTED: Record<string, { first: Provenance; last: Provenance; timesSeen: number }> = {
  'post/x/1': {
    first: prov(2, { position: 0 }),
    last: prov(5, { pageUrl: 'https://x.com/acme', pageKind: 'profile', position: 0 }),
    timesSeen: 2,
  },
  'post/x/2': { first: prov(2, { position: 1 }), last: prov(3, { position: 1 }), timesSeen: 2 },
  'post/x/3': { first: prov(2, { position: 2 }), last: prov(2, { position: 2 }), timesSeen: 1 },
  // Sent alone in an incremental batch, yet recorded at its place on the page (after 1, 2, 3).
  'post/x/4': { first: prov(3, { position: 3 }), last: prov(3, { position: 3 }), timesSeen: 1 },
  'post/bluesky/rk1': { first: bsky(4, 0), last: bsky(4, 0), timesSeen: 1 },
  'comment/bluesky/c1': { first: bsky(4, 0), last: bsky(4, 0), timesSeen: 1 },
  'comment/bluesky/c2': { first: bsky(4, 1), last: bsky(4, 1), timesSeen: 1 },
  'profile/x/acme': {
    first: prov(5, { pageUrl: 'https://x.com/acme', pageKind: 'profile', position: null }),
    last: prov(5, { pageUrl: 'https://x.com/acme', pageKind: 'profile', position: null }),
    timesSeen: 1,
  },
};
const keyOf = (r: { type: string; platform: string; id: string }) => `${r.type}/${r.platform}/${r.id}`;

describe('recording a collection while browsing', () => {
  it('records every post, comment and profile captured on any tab while it records, and nothing else', async () => {
    const collection = await browse();
    const items = await w.db.collectionItems.where('collectionId').equals(collection.id).toArray();
    expect(items.map((i) => `${i.type}/${i.platform}/${i.itemId}`).sort()).toEqual(
      Object.keys(EXPECTED).sort(),
    );
    for (const item of items) {
      const want = EXPECTED[`${item.type}/${item.platform}/${item.itemId}`]!;
      expect(item.first, `${item.itemId} first`).toEqual(want.first);
      expect(item.last, `${item.itemId} last`).toEqual(want.last);
      expect(item.timesSeen, `${item.itemId} timesSeen`).toBe(want.timesSeen);
    }
    expect(collection.stoppedAt).toBe(at(6));
  });

  it('shows "REC" on the toolbar while recording and clears it when stopped', async () => {
    await browse();
    expect(w.badges.map((b) => b.text)).toEqual(['REC', '']);
    expect(w.badges[0]).toMatchObject({ collectionName: 'Wahlkampf 2025', color: '#dc2626' });
  });

  it('a new recording stops the running one: at most one collection records', async () => {
    const a = accepted(await w.panel({ type: 'startCollection', name: 'A', notes: '' }));
    w.clock.now += MIN;
    accepted(await w.panel({ type: 'startCollection', name: 'B', notes: '' }));
    const running = (await w.db.collections.toArray()).filter((c) => c.stoppedAt === null);
    expect(running.map((c) => c.name)).toEqual(['B']);
    expect((await w.db.collections.get((a.collection as Collection).id))?.stoppedAt).toBe(w.clock.now);
    accepted(await w.capture(page([post('9')])));
    expect(await w.db.collectionItems.count()).toBe(1);
    expect((await w.db.collectionItems.toArray())[0]?.collectionId).not.toBe((a.collection as Collection).id);
  });

  it('refuses collection and restore commands from a content script', async () => {
    for (const message of [
      { type: 'startCollection', name: 'from a page', notes: '' },
      { type: 'setResearchRetention', days: 1 },
      { type: 'restoreBegin', header: '{}' },
    ]) {
      expect((await w.fromPage(message)).ok).toBe(false);
    }
    expect(await w.db.collections.count()).toBe(0);
    expect(await w.db.meta.count()).toBe(0);
    // The panel opened in a tab of its own is an extension page all the same.
    accepted(await w.panelInTab({ type: 'startCollection', name: 'from the panel tab', notes: '' }));
    expect(await w.db.collections.count()).toBe(1);
  });
});

describe('exporting a recorded collection', () => {
  it('NDJSON: the same items, counts and provenance come back, in Zeeschuimer envelopes', async () => {
    const collection = await browse();
    const file = await exportCollection(w.db, collection.id, {
      format: 'ndjson',
      snapshot: 'last',
      pseudonymisation: 'none',
      userAgent: 'TestBrowser/1',
    });
    const lines = (await collect(file.chunks)).trimEnd().split('\n');
    const envelopes = lines.map((l) => JSON.parse(l));
    expect(envelopes).toHaveLength(8);
    expect(file.itemCount).toBe(8);
    expect(envelopes.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const byKey = new Map(envelopes.map((e) => [keyOf(e.data), e]));
    expect([...byKey.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [key, want] of Object.entries(EXPECTED)) {
      const e = byKey.get(key)!;
      const data = e.data as ExportRecord;
      expect(data.first, key).toEqual(want.first);
      expect(data.last, key).toEqual(want.last);
      expect(data.timesSeen, key).toBe(want.timesSeen);
      expect(data.collection).toEqual({ id: collection.id, name: 'Wahlkampf 2025' });
      expect(e.timestamp_collected).toBe(want.first.seenAt);
      expect(e.last_updated).toBe(want.last.seenAt);
      expect(e.source_platform_url).toBe(want.first.pageUrl);
      expect(e.source_platform).toBe(data.platform === 'x' ? 'twitter.com' : 'bsky.app');
      expect(e.user_agent).toBe('TestBrowser/1');
    }
    // The counts at the last sighting inside the collection (15), not the later reading (20).
    expect(byKey.get('post/x/1')?.data.metrics.likes).toBe(15);
    expect(byKey.get('post/x/2')?.data.metrics.likes).toBe(11);
    expect(byKey.get('profile/x/acme')?.data.profile).toEqual({ followers: 1200, following: 3, posts: 40 });
    expect(byKey.get('comment/bluesky/c2')?.data).toMatchObject({ threadId: 'rk1', parentId: 'c1' });
  });

  it('metric snapshot: first sighting, last sighting, or the full history between them', async () => {
    const collection = await browse();
    const likesOf = async (snapshot: 'first' | 'last' | 'history') => {
      const file = await exportCollection(w.db, collection.id, {
        format: 'json',
        snapshot,
        pseudonymisation: 'none',
      });
      const records = JSON.parse(await collect(file.chunks)) as ExportRecord[];
      return records.find((r) => r.type === 'post' && r.id === '1')!;
    };
    expect((await likesOf('first')).metrics.likes).toBe(10);
    expect((await likesOf('last')).metrics.likes).toBe(15);
    const history = await likesOf('history');
    expect(history.metrics.likes).toBe(15);
    // In effect at the first sighting (read before the recording, unchanged since), then the change at 5.
    expect(history.history?.map((h) => [h.at, h.metrics.likes])).toEqual([
      [at(0), 10],
      [at(5), 15],
    ]);
  });

  it('CSV: 4CAT columns first, one row per item, provenance in its columns, same as the NDJSON', async () => {
    const collection = await browse();
    const csv = await exportCollection(w.db, collection.id, {
      format: 'csv',
      snapshot: 'last',
      pseudonymisation: 'none',
      timestampFallback: 'first-seen',
    });
    const { header, rows } = parseCsvObjects(await collect(csv.chunks));
    expect(header.slice(0, 5)).toEqual([...REQUIRED_COLUMNS]);
    expect(rows).toHaveLength(8);
    // 4CAT rejects a file whose first row has no timestamp.
    expect(rows[0]?.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    for (const row of rows) {
      const want = EXPECTED[`${row.type}/${row.platform}/${row.id}`]!;
      expect(row.seen_first).toBe(new Date(want.first.seenAt).toISOString());
      expect(row.seen_last).toBe(new Date(want.last.seenAt).toISOString());
      expect(row.times_seen).toBe(String(want.timesSeen));
      expect(row.page_url).toBe(want.first.pageUrl);
      expect(row.page_kind).toBe(want.first.pageKind);
      expect(row.position).toBe(want.first.position === null ? '' : String(want.first.position));
      expect(row.ui_language).toBe(want.first.uiLanguage);
      expect(row.extension_version).toBe(EXTENSION_VERSION);
      expect(row.adapter_version).toBe(want.first.adapterVersion);
      expect(row.page_url_last).toBe(want.last.pageUrl);
      expect(row.position_last).toBe(want.last.position === null ? '' : String(want.last.position));
      expect(row.collection).toBe('Wahlkampf 2025');
    }
    const p1 = rows.find((r) => r.type === 'post' && r.id === '1')!;
    expect(p1).toMatchObject({ thread_id: '1', author: 'acme', body: 'Post 1', likes: '15', comments: '2' });
    expect(p1.timestamp).toBe('2025-10-20 08:00:00');
  });

  it('CSV field selection: the 4CAT columns plus exactly the chosen ones; the codebook lists the same', async () => {
    const collection = await browse();
    const file = await exportCollection(w.db, collection.id, {
      format: 'csv',
      snapshot: 'last',
      pseudonymisation: 'none',
      columns: ['platform', 'likes', 'page_url'],
    });
    const { header, rows } = parseCsvObjects(await collect(file.chunks));
    expect(header).toEqual([...REQUIRED_COLUMNS, 'platform', 'likes', 'page_url']);
    expect(rows).toHaveLength(8);
    const codebook = await file.codebook();
    const documented = [...codebook.matchAll(/^\| `([a-z_]+)`/gm)].map((m) => m[1]);
    expect(documented).toEqual(header);
    expect(codebook).toContain('Wahlkampf 2025');
    expect(codebook).toContain('Forschungsfrage: Wer spricht?');
    expect(codebook).toContain('- Items: 8');
  });

  it('CSV neutralises formula text from the page (CSV injection)', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Injection', notes: '' }));
    accepted(await w.capture(page([post('66', { text: '=HYPERLINK("http://evil.example","click")' })])));
    const id = (await w.db.collections.toArray())[0]!.id;
    const text = await collect(
      (await exportCollection(w.db, id, { format: 'csv', snapshot: 'last', pseudonymisation: 'none' }))
        .chunks,
    );
    const { rows } = parseCsvObjects(text);
    expect(rows[0]?.body).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it('pages through the items by key: any page size gives the identical file', async () => {
    const collection = await browse();
    const text = async (pageSize: number) =>
      collect(
        (
          await exportCollection(w.db, collection.id, {
            format: 'ndjson',
            snapshot: 'history',
            pseudonymisation: 'none',
            pageSize,
          })
        ).chunks,
      );
    const whole = await text(500);
    expect(whole.split('\n').filter(Boolean)).toHaveLength(8);
    expect(await text(1)).toBe(whole);
    expect(await text(3)).toBe(whole);
  });

  it('reads the right posts and histories whether the collection is most of the history or a sliver of it', async () => {
    // Posts 10…29 seen outside any collection, with changing counts; the collection sees 10, 19 and 29.
    for (let round = 0; round < 3; round++) {
      w.clock.now += MIN;
      const all = Array.from({ length: 20 }, (_, i) => withLikes(post(String(10 + i)), 100 * i + round));
      accepted(await w.capture(page(all)));
    }
    const sparse = accepted(await w.panel({ type: 'startCollection', name: 'sparse', notes: '' }))
      .collection as Collection;
    w.clock.now += MIN;
    accepted(await w.capture(page(['10', '19', '29'].map((id) => withLikes(post(id), 7)))));
    w.clock.now += MIN;
    accepted(await w.capture(page(['10', '19', '29'].map((id) => withLikes(post(id), 9)))));
    accepted(await w.panel({ type: 'stopCollection', id: sparse.id }));
    const dense = accepted(await w.panel({ type: 'startCollection', name: 'dense', notes: '' }))
      .collection as Collection;
    w.clock.now += MIN;
    accepted(await w.capture(page(Array.from({ length: 20 }, (_, i) => withLikes(post(String(10 + i)), 8)))));
    const read = async (c: Collection) =>
      JSON.parse(
        await collect(
          (
            await exportCollection(w.db, c.id, {
              format: 'json',
              snapshot: 'history',
              pseudonymisation: 'none',
            })
          ).chunks,
        ),
      ) as ExportRecord[];
    const s = await read(sparse);
    expect(s.map((r) => r.id)).toEqual(['10', '19', '29']);
    // The readings between its first and last sighting; none of the readings made outside it.
    expect(s.map((r) => r.history?.map((h) => h.metrics.likes))).toEqual([
      [7, 9],
      [7, 9],
      [7, 9],
    ]);
    const d = await read(dense);
    expect(d.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(10 + i)));
    expect(d.map((r) => r.history?.map((h) => h.metrics.likes))).toEqual(Array(20).fill([8]));
    expect(d.map((r) => r.text)).toEqual(d.map((r) => `Post ${r.id}`));
  });

  it('keeps collections apart: an item seen in two collections is in each, with its own sightings', async () => {
    const a = accepted(await w.panel({ type: 'startCollection', name: 'A', notes: '' }))
      .collection as Collection;
    accepted(await w.capture(page([post('1')])));
    w.clock.now += MIN;
    const b = accepted(await w.panel({ type: 'startCollection', name: 'B', notes: '' }))
      .collection as Collection;
    w.clock.now += MIN;
    accepted(await w.capture(page([post('1'), post('2')])));
    const ids = async (c: Collection) =>
      (
        JSON.parse(
          await collect(
            (
              await exportCollection(w.db, c.id, {
                format: 'json',
                snapshot: 'last',
                pseudonymisation: 'none',
              })
            ).chunks,
          ),
        ) as ExportRecord[]
      ).map((r) => [r.id, r.first.seenAt, r.timesSeen]);
    expect(await ids(a)).toEqual([['1', T0, 1]]);
    expect(await ids(b)).toEqual([
      ['1', T0 + 2 * MIN, 1],
      ['2', T0 + 2 * MIN, 1],
    ]);
  });
});
