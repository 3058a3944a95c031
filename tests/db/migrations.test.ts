/**
 * Every earlier schema version's database opens in the current version with every row intact.
 * Rows are written by a Dexie instance that knows only the versions up to the one under test, as
 * a user's browser that ran that release would have written them.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ResonanzDb, SCHEMA_VERSIONS } from '../../core/db/schema';
import { emptyMetrics } from '../../core/model';

/** A plausible row for each table, keyed by table name (rows as that version wrote them). */
const SAMPLE_ROWS: Record<string, Record<string, unknown>[]> = {
  posts: [
    {
      platform: 'x',
      id: '1850000000000000001',
      url: 'https://x.com/acme/status/1850000000000000001',
      author: { handle: 'Acme', name: 'Acme GmbH' },
      text: 'Grüße 🌱',
      createdAt: '2025-10-03T08:15:00.000Z',
      metrics: { ...emptyMetrics(), likes: 5678, comments: 12 },
      approx: [],
      media: 'image',
      hashtags: ['Nachhaltigkeit'],
      mentions: [],
      links: [],
      promoted: false,
      repostedBy: null,
      authorKey: 'acme',
      time: Date.parse('2025-10-03T08:15:00.000Z'),
      firstSeen: 1,
      lastSeen: 2,
      followersAtCapture: 12_300,
    },
  ],
  observations: [
    { platform: 'x', id: '1850000000000000001', at: 1, metrics: { ...emptyMetrics(), likes: 5000 } },
  ],
  accounts: [
    {
      platform: 'x',
      handle: 'acme',
      name: 'Acme',
      role: 'own',
      followers: 12_300,
      following: 1,
      posts: 9,
      lastSeen: 2,
    },
  ],
  accountObservations: [{ platform: 'x', handle: 'acme', at: 1, followers: 12_000, following: 1, posts: 8 }],
  comments: [
    {
      platform: 'x',
      id: 'c1',
      postId: '1850000000000000001',
      parentId: null,
      author: { handle: 'fan', name: null },
      text: 'Wo kann ich das kaufen?',
      createdAt: null,
      likes: 3,
      byPostAuthor: false,
      postAuthorKey: 'acme',
      firstSeen: 1,
      lastSeen: 2,
      answeredAt: null,
    },
  ],
  sets: [{ id: 's1', name: 'Wettbewerb', members: [{ platform: 'x', handle: 'acme' }], createdAt: 1 }],
  collections: [{ id: 'k1', name: 'Studie', notes: '', startedAt: 1, stoppedAt: null }],
  collectionItems: [
    {
      collectionId: 'k1',
      type: 'post',
      platform: 'x',
      itemId: '1850000000000000001',
      first: {
        seenAt: 1,
        pageUrl: 'https://x.com/acme',
        platform: 'x',
        pageKind: 'profile',
        position: 0,
        uiLanguage: 'de',
        extensionVersion: '0.1.0',
        adapterVersion: '1.0.0',
      },
      last: {
        seenAt: 2,
        pageUrl: 'https://x.com/acme',
        platform: 'x',
        pageKind: 'profile',
        position: 0,
        uiLanguage: 'de',
        extensionVersion: '0.1.0',
        adapterVersion: '1.0.0',
      },
      timesSeen: 2,
    },
  ],
  tabs: [
    {
      tabId: 4,
      url: 'https://x.com/acme',
      platform: 'x',
      kind: 'profile',
      postIds: ['1850000000000000001'],
      profileHandle: 'acme',
      health: { candidates: 1, extracted: 1, missing: {} },
      updatedAt: 2,
    },
  ],
  collectionSecrets: [{ collectionId: 'k1', secret: 'c2VjcmV0', createdAt: 1 }],
  replyMemory: [{ id: 1, at: 1, text: 'Danke, Anna!', kind: 'suggested' }],
  alerts: [
    {
      id: 'a1',
      at: 1,
      platform: 'x',
      postId: '1850000000000000001',
      kind: 'negativeSurge',
      detail: '',
      dismissed: false,
    },
  ],
  meta: [{ key: 'lastRetentionRun', value: 1 }],
  accountStats: [{ platform: 'x', handle: 'acme', updatedAt: 1, weeks: [[2900, 3, 120, 3]], window: [] }],
  triageCorrections: [
    {
      platform: 'x',
      commentId: 'c1',
      account: 'acme',
      text: 'Wo kann ich das kaufen?',
      label: 'purchase',
      at: 3,
    },
  ],
  rawItems: [
    {
      collectionId: 'k1',
      platform: 'x',
      kind: 'post',
      id: '1850000000000000001',
      source: 'response',
      firstSeen: 1,
      lastSeen: 2,
      pageUrl: 'https://x.com/acme',
      encoding: 'json',
      data: '{"rest_id":"1850000000000000001"}',
      bytes: 33,
    },
  ],
};

let n = 0;

describe('schema migrations', () => {
  it('has a sample row for every table of every version', () => {
    for (const { stores } of SCHEMA_VERSIONS) {
      for (const table of Object.keys(stores)) expect(SAMPLE_ROWS[table], table).toBeDefined();
    }
  });

  for (const { version } of SCHEMA_VERSIONS.slice(0, -1)) {
    it(`opens a version ${version} database in the current version with every row intact`, async () => {
      const name = `migration-${version}-${n++}`;
      const old = new Dexie(name);
      const tables = new Set<string>();
      for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
        old.version(step.version).stores(step.stores);
        for (const [table, spec] of Object.entries(step.stores)) {
          if (spec === null) tables.delete(table);
          else tables.add(table);
        }
      }
      await old.open();
      for (const table of tables) await old.table(table).bulkPut(SAMPLE_ROWS[table] ?? []);
      old.close();

      const current = new ResonanzDb(name);
      await current.open();
      expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
      for (const table of tables) {
        expect(await current.table(table).toArray(), table).toEqual(SAMPLE_ROWS[table]);
      }
      await current.delete();
    });
  }
});
