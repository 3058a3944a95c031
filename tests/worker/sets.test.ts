/** Competitive sets and settings through the worker's gate: privileged, validated, never half-written. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accountPosts, baselinePosts, setPosts } from '../../core/db/queries';
import { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics, type StoredPost } from '../../core/model';
import { parseSettings, Settings } from '../../core/settings';
import { panelHandlers } from '../../core/worker/panel-handlers';
import { route, type WorkerDeps } from '../../core/worker/router';
import { ScoreCache } from '../../core/worker/scores';

const ORIGIN = 'chrome-extension://abc/';
const panel = { id: 'abc', url: `${ORIGIN}sidepanel.html` };
const page = { id: 'abc', tab: { id: 3, url: 'https://x.com/acme' } };
let db: ResonanzDb;
let deps: WorkerDeps;
let written: Settings[];
let n = 0;

beforeEach(async () => {
  db = new ResonanzDb(`sets-test-${n++}`);
  await db.open();
  written = [];
  deps = {
    db: async () => db,
    settings: async () => Settings.parse({}),
    extensionId: 'abc',
    extensionOrigin: ORIGIN,
    now: () => 1_000,
    scores: new ScoreCache(),
    log: vi.fn(),
    panel: panelHandlers({
      db: async () => db,
      sendToTab: async () => null,
      writeSettings: async (s) => {
        written.push(s);
      },
    }),
  };
});
afterEach(async () => {
  await db.delete();
});

describe('competitive sets', () => {
  it('creates, renames, fills and empties a set from the side panel', async () => {
    const created = await route({ type: 'createSet', name: ' Wettbewerb ' }, panel, deps);
    expect(created).toMatchObject({ ok: true });
    const id = (created as unknown as { id: string }).id;
    expect(await route({ type: 'renameSet', id, name: 'Q4' }, panel, deps)).toEqual({ ok: true });
    await route({ type: 'addSetMember', id, platform: 'x', handle: '@Beispiel_GmbH' }, panel, deps);
    await route({ type: 'addSetMember', id, platform: 'x', handle: 'beispiel_gmbh' }, panel, deps);
    await route({ type: 'addSetMember', id, platform: 'instagram', handle: 'beispiel_gmbh' }, panel, deps);
    expect(await db.sets.get(id)).toMatchObject({
      name: 'Q4',
      members: [
        { platform: 'x', handle: 'beispiel_gmbh' },
        { platform: 'instagram', handle: 'beispiel_gmbh' },
      ],
    });
    await route({ type: 'removeSetMember', id, platform: 'x', handle: 'Beispiel_GmbH' }, panel, deps);
    expect((await db.sets.get(id))?.members).toEqual([{ platform: 'instagram', handle: 'beispiel_gmbh' }]);
    expect(await route({ type: 'deleteSet', id }, panel, deps)).toEqual({ ok: true });
    expect(await db.sets.count()).toBe(0);
  });

  it('refuses set changes from a content script, an empty name and an unknown set', async () => {
    expect(await route({ type: 'createSet', name: 'x' }, page, deps)).toMatchObject({ ok: false });
    expect(await route({ type: 'createSet', name: '   ' }, panel, deps)).toMatchObject({ ok: false });
    expect(await route({ type: 'renameSet', id: 'nope', name: 'x' }, panel, deps)).toMatchObject({
      ok: false,
      error: 'no such competitive set',
    });
    expect(await db.sets.count()).toBe(0);
  });

  it('stops at 100 members without writing a 101st', async () => {
    const { id } = (await route({ type: 'createSet', name: 'big' }, panel, deps)) as unknown as {
      id: string;
    };
    for (let i = 0; i < 100; i++)
      await route({ type: 'addSetMember', id, platform: 'x', handle: `a${i}` }, panel, deps);
    const answer = await route({ type: 'addSetMember', id, platform: 'x', handle: 'one-more' }, panel, deps);
    expect(answer).toMatchObject({ ok: false });
    expect((await db.sets.get(id))?.members).toHaveLength(100);
  });
});

describe('saveSettings', () => {
  it('writes validated settings, with brand terms trimmed and de-duplicated', async () => {
    const settings = parseSettings({ brandTerms: [' Acme ', 'acme', 'Rival'], timeZone: 'Europe/Berlin' });
    expect(await route({ type: 'saveSettings', settings }, panel, deps)).toEqual({ ok: true });
    expect(written).toEqual([{ ...settings, brandTerms: ['Acme', 'Rival'] }]);
  });

  it('refuses an unknown time zone, an invalid field, and any content script', async () => {
    const ok = parseSettings({});
    expect(
      await route({ type: 'saveSettings', settings: { ...ok, timeZone: 'Mars/Base' } }, panel, deps),
    ).toMatchObject({
      ok: false,
    });
    expect(
      await route({ type: 'saveSettings', settings: { ...ok, retentionDays: -1 } }, panel, deps),
    ).toMatchObject({
      ok: false,
    });
    expect(await route({ type: 'saveSettings', settings: ok }, page, deps)).toMatchObject({ ok: false });
    expect(written).toEqual([]);
  });
});

describe('panel queries', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2025, 5, 16);
  function row(
    id: string,
    handle: string,
    ageDays: number,
    lastSeenAgeDays = 0,
    likes: number | null = 5,
  ): StoredPost {
    const time = now - ageDays * DAY;
    return {
      id,
      url: null,
      author: { handle, name: null },
      text: '',
      createdAt: new Date(time).toISOString(),
      metrics: { ...emptyMetrics(), likes },
      approx: [],
      media: 'text',
      hashtags: [],
      mentions: [],
      links: [],
      promoted: false,
      repostedBy: null,
      platform: 'x',
      authorKey: handle,
      time,
      firstSeen: time,
      lastSeen: now - lastSeenAgeDays * DAY,
      followersAtCapture: 100,
    };
  }

  it('reads the newest 30 mature posts with counts for a baseline, skipping young, stale and empty ones', async () => {
    const rows = [
      ...Array.from({ length: 50 }, (_, i) => row(`m${i}`, 'acme', 2 + i)),
      row('young', 'acme', 0.5),
      row('stale', 'acme', 1.5, 1.2), // read at 0.3 days old: not final
      row('empty', 'acme', 1.7, 0, null),
      row('other', 'rival', 3),
    ];
    await db.posts.bulkPut(rows);
    const base = await baselinePosts(db, { platform: 'x', handle: 'ACME' }, now);
    expect(base.map((p) => p.id)).toEqual(Array.from({ length: 30 }, (_, i) => `m${i}`));
    expect(await accountPosts(db, { platform: 'x', handle: 'acme' })).toHaveLength(53);
    // A 7-day window plus the baseline posts before it, without duplicates.
    const forSet = await setPosts(db, [{ platform: 'x', handle: 'acme' }], now - 7 * DAY, now);
    expect(new Set(forSet.map((p) => p.id)).size).toBe(forSet.length);
    expect(forSet).toHaveLength(30 + 3);
  });
});
