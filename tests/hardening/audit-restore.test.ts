/**
 * Backup and restore, second audit (issue 17): pseudonym keys stay out of backups unless asked for,
 * the panel aborts the restore on every failure, over-long lines are refused before parsing, and
 * only known `meta` keys with their types are restored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreFile } from '../../components/panel/research/research-source';
import {
  BACKUP_FORMAT,
  backupChunks,
  MAX_LINE_CHARS,
  RestoreSession,
  SCHEMA_VERSION,
} from '../../core/db/backup';
import { ResonanzDb } from '../../core/db/schema';
import { collect } from '../export/helpers';
import { accepted, page, post, startWorker, type Worker } from '../research/harness';

let w: Worker;
beforeEach(async () => {
  w = await startWorker();
});
afterEach(async () => {
  await w.close();
});

const header = JSON.stringify({
  format: BACKUP_FORMAT,
  formatVersion: 1,
  schemaVersion: SCHEMA_VERSION,
  createdAt: 0,
  extensionVersion: 't',
  tables: [],
});

describe('backups and pseudonym keys', () => {
  it('leave the keys out unless the user asks for them', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'S', notes: '' }));
    accepted(await w.capture(page([post('1')])));
    const plain = await collect(backupChunks(w.db, { now: 1, extensionVersion: 't' }));
    expect(plain).not.toContain('"collectionSecrets"');
    expect(plain).toContain('"collections"');
    const withKeys = await collect(
      backupChunks(w.db, { now: 1, extensionVersion: 't', includePseudonymKeys: true }),
    );
    expect(withKeys).toContain('"table":"collectionSecrets"');
  });
});

describe('the panel’s restore', () => {
  const file = (lines: string[]) => new Blob([`${lines.join('\n')}\n`]);
  const rows = Array.from({ length: 5 }, (_, i) =>
    JSON.stringify({ table: 'meta', row: { key: `research.retentionDays`, value: i } }),
  );

  for (const failing of ['restoreChunk', 'restoreEnd'] as const) {
    it(`sends restoreAbort when ${failing} does not reach the worker`, async () => {
      const sent: string[] = [];
      const send = async (message: object) => {
        const type = (message as { type: string }).type;
        sent.push(type);
        if (type === 'restoreBegin') return { ok: true, restoreId: 'r1' };
        if (type === failing) return { ok: false, error: 'Could not establish connection' };
        if (type === 'restoreChunk') return { ok: true, rows: 1 };
        return { ok: true };
      };
      const result = await restoreFile(file([header, ...rows]), send, () => {});
      expect(result.ok).toBe(false);
      expect(sent.at(-1)).toBe('restoreAbort');
    });
  }

  it('sends restoreAbort when sending throws', async () => {
    const sent: string[] = [];
    const send = async (message: object) => {
      const type = (message as { type: string }).type;
      sent.push(type);
      if (type === 'restoreBegin') return { ok: true, restoreId: 'r1' };
      if (type === 'restoreChunk') throw new Error('the worker went away');
      return { ok: true };
    };
    const result = await restoreFile(file([header, ...rows]), send, () => {});
    expect(result.ok).toBe(false);
    expect(sent.at(-1)).toBe('restoreAbort');
  });

  it('refuses a line longer than MAX_LINE_CHARS before parsing it', async () => {
    const sent: string[] = [];
    const send = async (message: object) => {
      sent.push((message as { type: string }).type);
      return (message as { type: string }).type === 'restoreBegin'
        ? { ok: true, restoreId: 'r1' }
        : { ok: true };
    };
    const long = `{"table":"meta","row":{"key":"x","value":"${'a'.repeat(MAX_LINE_CHARS)}"}}`;
    const result = await restoreFile(file([header, long]), send, () => {});
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/too long/) });
    expect(sent).not.toContain('restoreChunk');
  });
});

describe('the worker’s restore', () => {
  let db: ResonanzDb;
  beforeEach(async () => {
    db = new ResonanzDb(`audit-restore-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('refuses an over-long line without parsing it', async () => {
    const session = await RestoreSession.begin(db, header, 1, 'r');
    const long = `{"table":"meta","row":{"key":"research.retentionDays","value":${'1'.repeat(MAX_LINE_CHARS)}}}`;
    await expect(session.chunk([long], 2)).rejects.toThrow(/too long/);
  });

  it.each([
    ['lastRetentionRun', 9e15],
    ['lastRetentionRun', 'yesterday'],
    ['research.retentionDays', -5],
    ['something.unknown', 1],
  ])('refuses meta %s = %s', async (key, value) => {
    const session = await RestoreSession.begin(db, header, 1, 'r');
    const line = JSON.stringify({ table: 'meta', row: { key, value } });
    await expect(session.chunk([line], 2)).rejects.toThrow(/meta/);
  });

  it('restores the known meta keys', async () => {
    const session = await RestoreSession.begin(db, header, 1, 'r');
    const lines = [
      { key: 'lastRetentionRun', value: 1_700_000_000_000 },
      { key: 'research.retentionDays', value: 30 },
      { key: 'research.rawBudgetMB', value: 200 },
      { key: 'research.rawBytes.abc', value: 1234 },
    ].map((row) => JSON.stringify({ table: 'meta', row }));
    expect(await session.chunk(lines, 2)).toBe(4);
  });
});
