/**
 * Backup and restore: a backup restored into an empty database gives back every table exactly; a
 * restore is all or nothing (a bad row, a duplicate, a file cut short, a worker that died mid-way
 * all leave the database as it was: empty); newer files and non-empty databases are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreFile } from '../../components/panel/research/research-source';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  backupChunks,
  linesOf,
  NOT_BACKED_UP,
  RESTORE_MARKER,
  RestoreSession,
  rollbackRestore,
  SCHEMA_VERSION,
} from '../../core/db/backup';
import { RETENTION_KEY } from '../../core/db/collections';
import type { ResonanzDb } from '../../core/db/schema';
import type { Collection } from '../../core/model';
import { collect } from '../export/helpers';
import { accepted, comment, page, post, startWorker, type Worker, withLikes } from './harness';

let source: Worker;
let target: Worker;
beforeEach(async () => {
  source = await startWorker();
  target = await startWorker();
});
afterEach(async () => {
  await source.close();
  await target.close();
});

/** Fills every table of the source database (through the worker where there is a message for it). */
async function fill(w: Worker): Promise<void> {
  w.clock.now = Date.UTC(2025, 9, 1, 8, 0, 0);
  accepted(await w.panel({ type: 'setResearchRetention', days: 30 }));
  accepted(await w.panel({ type: 'startCollection', name: 'Köln 🌱', notes: 'Frage: "Wer?"\nZeile 2' }));
  for (let i = 0; i < 25; i++) {
    w.clock.now += 60_000;
    accepted(
      await w.capture(
        page(
          [
            post(String(i), { text: `Text ${i} mit Umlauten äöü, "Quotes" und\nZeilen` }),
            withLikes(post('0'), i),
          ],
          {
            profile: { handle: `Acc${i % 3}`, name: null, followers: 100 + i, following: null, posts: null },
            url: `https://x.com/acc${i % 3}`,
            kind: 'profile',
            comments: [comment(`c${i}`, String(i))],
            // The platform's own object, kept because a collection records.
            raw: [
              {
                id: String(i),
                kind: 'post',
                source: 'response',
                data: { rest_id: String(i), text: `Text ${i} 🌱` },
              },
            ],
          },
        ),
        { tabId: 1 + (i % 2) },
      ),
    );
  }
  accepted(await w.panel({ type: 'setAccountRole', platform: 'x', handle: 'acc1', role: 'competitor' }));
  const running = (await w.db.collections.toArray()).find((c) => c.stoppedAt === null) as Collection;
  accepted(await w.panel({ type: 'stopCollection', id: running.id }));
  // Tables without a message of ours: written directly, as their features would.
  await w.db.sets.put({
    id: 's1',
    name: 'Wettbewerb',
    members: [{ platform: 'x', handle: 'acc1' }],
    createdAt: 5,
  });
  await w.db.replyMemory.bulkAdd([
    { at: 1, text: 'Danke dir!', kind: 'suggested' },
    { at: 2, text: 'Gern geschehen.', kind: 'inserted' },
  ]);
  await w.db.alerts.put({
    id: 'a1',
    at: 3,
    platform: 'x',
    postId: '1',
    kind: 'negativeSurge',
    detail: '5 negative in 10 min',
    dismissed: false,
  });
  await w.db.meta.put({ key: 'lastRetentionRun', value: 123 });
  await w.db.triageCorrections.put({
    platform: 'x',
    commentId: 'c1',
    account: 'acc1',
    text: 'Text 1',
    label: 'complaint',
    at: 4,
  });
}

/** Every backed-up table's rows, in key order. */
async function contents(db: ResonanzDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of BACKUP_TABLES) out[name] = await db.table(name).toArray();
  return out;
}

function asFile(text: string): Blob {
  return new Blob([text], { type: 'application/x-ndjson' });
}

describe('backup', () => {
  it('covers every table of the schema but the open tabs (a new table must be added to the backup)', () => {
    const tables = source.db.tables.map((t) => t.name).sort();
    expect(tables).toEqual([...BACKUP_TABLES, ...NOT_BACKED_UP].sort());
  });

  it('writes a header naming the schema version, one line per row, and an end line with the counts', async () => {
    await fill(source);
    const text = await collect(
      backupChunks(source.db, { now: 1, extensionVersion: '9.8.7', includePseudonymKeys: true }),
    );
    const lines = text.trimEnd().split('\n');
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: BACKUP_FORMAT, formatVersion: 1, schemaVersion: SCHEMA_VERSION });
    const end = JSON.parse(lines.at(-1)!);
    const before = await contents(source.db);
    expect(end.counts).toEqual(Object.fromEntries(BACKUP_TABLES.map((t) => [t, before[t]!.length])));
    expect(lines.length).toBe(2 + Object.values(before).reduce((n, rows) => n + rows.length, 0));
    // Every table has rows, so the round trip below covers each of them.
    for (const t of BACKUP_TABLES) expect(before[t]!.length, t).toBeGreaterThan(0);
    // The tab states are this browser's open tabs: not part of a backup.
    expect(text).not.toContain('"table":"tabs"');
  });

  it('reads the tables in pages: any page size writes the identical file', async () => {
    await fill(source);
    const write = (pageSize: number) =>
      collect(
        backupChunks(source.db, {
          now: 1,
          extensionVersion: 'x',
          pageSize,
          chunkChars: 100,
          includePseudonymKeys: true,
        }),
      );
    const whole = await write(10_000);
    expect(await write(1)).toBe(whole);
    expect(await write(7)).toBe(whole);
  });
});

describe('restore into an empty database', () => {
  it('gives back every table exactly, through the worker, in chunks', async () => {
    await fill(source);
    const text = await collect(
      backupChunks(source.db, {
        now: 1,
        extensionVersion: '9.8.7',
        chunkChars: 500,
        includePseudonymKeys: true,
      }),
    );
    const progress: number[] = [];
    // The panel's driver, with tiny chunks so the restore spans many messages.
    const result = await restoreFile(asFile(text), smallChunks(target), (f) => progress.push(f));
    expect(result).toMatchObject({ ok: true });
    expect(await contents(target.db)).toEqual(await contents(source.db));
    expect(await target.db.meta.get(RESTORE_MARKER)).toBeUndefined();
    expect(progress.at(-1)).toBe(1);
    // The restored collection exports like the original.
    expect(await target.db.collectionItems.count()).toBe(await source.db.collectionItems.count());
  });

  it('after erasing and restoring, account statistics come from the restored posts only', async () => {
    await fill(source);
    const text = await collect(backupChunks(source.db, { now: 1, extensionVersion: 'x' }));
    // The target had its own history, erased it, restored the backup, and captures on.
    accepted(await target.capture(page([post('mine-1'), post('mine-2')], { url: 'https://x.com/acc0' })));
    accepted(await target.panel({ type: 'eraseAll', confirm: 'erase' }));
    expect(await restoreFile(asFile(text), target.panel as never, () => {})).toMatchObject({ ok: true });
    accepted(await target.capture(page([post('after')])));
    const stored = new Set((await target.db.posts.toArray()).map((p) => p.id));
    const inStats = (await target.db.accountStats.toArray()).flatMap((row) => row.window.map((e) => e.id));
    expect(inStats.length).toBeGreaterThan(0);
    expect(inStats.filter((id) => !stored.has(id))).toEqual([]);
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    await fill(source);
    const text = await collect(backupChunks(source.db, { now: 1, extensionVersion: 'x' }));
    accepted(await target.capture(page([post('keep')])));
    const before = await contents(target.db);
    const result = await restoreFile(asFile(text), target.panel as never, () => {});
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not empty/) });
    expect(await contents(target.db)).toEqual(before);
  });

  it('refuses a backup from a newer schema version', async () => {
    const header = {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      schemaVersion: SCHEMA_VERSION + 1,
      createdAt: 1,
      extensionVersion: '99',
      tables: [],
    };
    const reply = await target.panel({ type: 'restoreBegin', header: JSON.stringify(header) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
    const notBackup = await target.panel({ type: 'restoreBegin', header: '{"hello":1}' });
    expect(notBackup).toMatchObject({ ok: false, error: expect.stringMatching(/not a Resonanz backup/) });
    expect(await target.db.meta.count()).toBe(0);
  });

  it('rolls everything back when a row deep in the file is invalid (never half-written)', async () => {
    await fill(source);
    const lines = (await collect(backupChunks(source.db, { now: 1, extensionVersion: 'x' })))
      .trimEnd()
      .split('\n');
    // Break one comment row near the end: earlier chunks (posts, …) were already written by then.
    const i = lines.findLastIndex((l) => l.startsWith('{"table":"comments"'));
    const broken = JSON.parse(lines[i]!);
    broken.row.likes = -5;
    lines[i] = JSON.stringify(broken);
    const result = await restoreFile(asFile(`${lines.join('\n')}\n`), smallChunks(target), () => {});
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(new RegExp(`line ${i + 1}: invalid comments row`)),
    });
    for (const [table, rows] of Object.entries(await contents(target.db))) expect(rows, table).toEqual([]);
    // The worker is free for the next attempt, and captures flow again.
    expect(target.research.captureBlocked()).toBeNull();
  });

  it('rolls back a file cut short (no end line) and one with a duplicate row', async () => {
    await fill(source);
    const lines = (await collect(backupChunks(source.db, { now: 1, extensionVersion: 'x' })))
      .trimEnd()
      .split('\n');
    const cut = await restoreFile(asFile(lines.slice(0, -1).join('\n')), smallChunks(target), () => {});
    expect(cut).toMatchObject({ ok: false, error: expect.stringMatching(/cut short/) });
    expect((await contents(target.db)).posts).toEqual([]);

    const dup = [...lines];
    const postLine = dup.find((l) => l.startsWith('{"table":"posts"'))!;
    dup.splice(2, 0, postLine);
    const duplicate = await restoreFile(asFile(dup.join('\n')), smallChunks(target), () => {});
    expect(duplicate.ok).toBe(false);
    for (const [table, rows] of Object.entries(await contents(target.db))) expect(rows, table).toEqual([]);
  });

  it('captures wait while a restore writes, and are stored again once it is done', async () => {
    await fill(source);
    const text = await collect(backupChunks(source.db, { now: 1, extensionVersion: 'x' }));
    const [header] = text.split('\n');
    const begin = accepted(await target.panel({ type: 'restoreBegin', header }));
    const during = await target.capture(page([post('during')]));
    expect(during).toMatchObject({ ok: false, retry: true });
    accepted(await target.panel({ type: 'restoreAbort', restoreId: begin.restoreId }));
    accepted(await target.capture(page([post('after')])));
    expect((await target.db.posts.toArray()).map((p) => p.id)).toEqual(['after']);
  });

  it('a restore the worker died in is undone at the next start, keeping the settings there were', async () => {
    await fill(source);
    const text = await collect(backupChunks(source.db, { now: 1, extensionVersion: 'x' }));
    const lines = [...linesOfText(text)];
    await target.db.meta.put({ key: RETENTION_KEY, value: 7 });
    const session = await RestoreSession.begin(target.db, lines[0]!, 1, 'r1');
    await session.chunk(lines.slice(1, 40), 2);
    expect(await target.db.posts.count()).toBeGreaterThan(0);
    // The worker stops here. Its next start:
    await target.research.startup();
    for (const [table, rows] of Object.entries(await contents(target.db))) {
      if (table === 'meta') expect(rows).toEqual([{ key: RETENTION_KEY, value: 7 }]);
      else expect(rows, table).toEqual([]);
    }
    expect(await rollbackRestore(target.db)).toBe(false);
  });
});

function* linesOfText(text: string): Generator<string> {
  yield* text.trimEnd().split('\n');
}

/** The worker's panel messages, with the file sent a few lines at a time (many chunks, many transactions). */
function smallChunks(w: Worker) {
  return async (message: object) => {
    const m = message as { type: string; lines?: string[]; firstLine?: number };
    if (m.type !== 'restoreChunk' || !m.lines || m.lines.length <= 5) return w.panel(message);
    let rows = 0;
    for (let i = 0; i < m.lines.length; i += 5) {
      const reply = await w.panel({ ...m, lines: m.lines.slice(i, i + 5), firstLine: m.firstLine! + i });
      if (!reply.ok) return reply;
      rows += (reply as unknown as { rows: number }).rows;
    }
    return { ok: true as const, rows };
  };
}

describe('reading the file', () => {
  it('splits lines across chunk boundaries, with CRLF or LF', async () => {
    async function* chunks() {
      yield 'a\r';
      yield '\nbb';
      yield 'b\nc';
      yield 'cc';
    }
    const out: string[] = [];
    for await (const line of linesOf(chunks())) out.push(line);
    expect(out).toEqual(['a', 'bbb', 'ccc']);
  });
});
