/**
 * Pseudonymisation at the collection level, as a property: for any browsing session (posts,
 * replies, reposts, mentions, profile pages, handles in URLs and text), the same session recorded in
 * two collections and exported pseudonymised gives stable codes within each collection, different
 * codes across them, and not one handle anywhere in the files or the codebook.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreFile } from '../../components/panel/research/research-source';
import { backupChunks } from '../../core/db/backup';
import { exportCollection, SecretDestroyedError } from '../../core/db/collection-export';
import type { PseudonymModeKind } from '../../core/export/pseudonymise';
import type { Collection, PageExtraction } from '../../core/model';
import { collect, parseCsvObjects } from '../export/helpers';
import { accepted, comment, page, post, startWorker, type Worker } from './harness';

/** "<2–5 letters>_<digit><1–3 more>": no fixed text of an export (column names, keys, times, codes) has this shape. */
const handleArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstvwxyz'), minLength: 2, maxLength: 5 }),
    fc.constantFrom(...'0123456789'),
    fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 1,
      maxLength: 3,
    }),
  )
  .map(([a, d, b]) => `${a}_${d}${b}`);

interface PostSpec {
  author: number;
  mentions: number[];
  reposter: number | null;
  replies: number[];
  upper: boolean;
}
interface Session {
  handles: string[];
  pages: { profileOf: number | null; posts: PostSpec[] }[];
}

const sessionArb: fc.Arbitrary<Session> = fc
  .uniqueArray(handleArb, { minLength: 2, maxLength: 6, selector: (h) => h.toLowerCase() })
  .chain((handles) => {
    const idx = fc.nat({ max: handles.length - 1 });
    const postArb = fc.record({
      author: idx,
      mentions: fc.array(idx, { maxLength: 2 }),
      reposter: fc.option(idx, { nil: null }),
      replies: fc.array(idx, { maxLength: 2 }),
      upper: fc.boolean(),
    });
    return fc.record({
      handles: fc.constant(handles),
      pages: fc.array(
        fc.record({
          profileOf: fc.option(idx, { nil: null }),
          posts: fc.array(postArb, { minLength: 1, maxLength: 3 }),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    });
  });

let postCounter = 0;

/** The session's pages as the X adapter would hand them over. */
function pagesOf(session: Session): PageExtraction[] {
  const h = (i: number) => session.handles[i]!;
  return session.pages.map((p) => {
    const posts = p.posts.map((spec) => {
      const id = String(1_900_000_000_000_000_000n + BigInt(postCounter++));
      const author = spec.upper ? h(spec.author).toUpperCase() : h(spec.author);
      return {
        spec,
        snapshot: post(id, {
          url: `https://x.com/${author}/status/${id}`,
          author: { handle: author, name: `${h(spec.author)} Official` },
          text: `Hallo ${spec.mentions.map((m) => `@${h(m)}`).join(' ')} siehe https://x.com/${h(spec.author)} und danke ${h(spec.author)}!`,
          mentions: spec.mentions.map(h),
          repostedBy: spec.reposter === null ? null : h(spec.reposter),
          links: [`https://twitter.com/${h(spec.author)}/with_replies`],
        }),
      };
    });
    const url = p.profileOf === null ? 'https://x.com/home' : `https://x.com/${h(p.profileOf)}`;
    return page(
      posts.map((x) => x.snapshot),
      {
        url,
        kind: p.profileOf === null ? 'feed' : 'profile',
        profile:
          p.profileOf === null
            ? null
            : {
                handle: h(p.profileOf),
                name: `Die ${h(p.profileOf)}`,
                followers: 10,
                following: 1,
                posts: 2,
              },
        comments: posts.flatMap(({ spec, snapshot }) =>
          spec.replies.map((r, k) =>
            comment(`${snapshot.id}-r${k}`, snapshot.id, {
              author: { handle: h(r), name: null },
              text: `@${h(spec.author)} stimmt`,
            }),
          ),
        ),
      },
    );
  });
}

async function record(w: Worker, name: string, pages: PageExtraction[], notes: string): Promise<Collection> {
  const c = accepted(await w.panel({ type: 'startCollection', name, notes })).collection as Collection;
  for (const p of pages) {
    w.clock.now += 1000;
    accepted(await w.capture(p));
  }
  accepted(await w.panel({ type: 'stopCollection', id: c.id }));
  return c;
}

async function files(w: Worker, c: Collection, mode: PseudonymModeKind) {
  const csv = await exportCollection(w.db, c.id, {
    format: 'csv',
    snapshot: 'history',
    pseudonymisation: mode,
  });
  const csvText = await collect(csv.chunks);
  const codebook = await csv.codebook();
  const ndjson = await exportCollection(w.db, c.id, {
    format: 'ndjson',
    snapshot: 'history',
    pseudonymisation: mode,
  });
  return { csvText, codebook, ndjsonText: await collect(ndjson.chunks), rows: parseCsvObjects(csvText).rows };
}

function leaks(text: string, handles: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return handles.filter((h) => lower.includes(h.toLowerCase()));
}

describe('pseudonymised exports of a recorded collection', () => {
  it('same account → same code within a collection, another code in another collection, no handle left anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(sessionArb, async (session) => {
        const w = await startWorker();
        try {
          const pages = pagesOf(session);
          // Notes and name mention accounts as @handle (always caught) and bare (caught when the data has them).
          const seen = session.handles[session.pages[0]!.posts[0]!.author]!;
          const notes = `Fokus auf @${session.handles[1]} und ${seen}`;
          const a = await record(w, `Sammlung ${seen}`, pages, notes);
          const b = await record(w, 'Zweite', pages, notes);
          const fa = await files(w, a, 'pseudonymise');
          const fb = await files(w, b, 'pseudonymise');
          for (const f of [fa, fb]) {
            expect(leaks(f.csvText, session.handles)).toEqual([]);
            expect(leaks(f.ndjsonText, session.handles)).toEqual([]);
            expect(leaks(f.codebook, session.handles)).toEqual([]);
          }
          // The code of each post's author, per collection, keyed by the real handle.
          const codes = (rows: Record<string, string>[]) => {
            const byHandle = new Map<string, Set<string>>();
            for (const row of rows) {
              if (row.type !== 'post') continue;
              const spec = pages.flatMap((p) => p.posts).find((p) => p.id === row.id)!;
              const real = spec.author.handle!.toLowerCase();
              byHandle.set(real, (byHandle.get(real) ?? new Set()).add(row.author!));
            }
            return byHandle;
          };
          const ca = codes(fa.rows);
          const cb = codes(fb.rows);
          for (const [real, set] of ca) {
            expect(set.size, `${real} has one code in A`).toBe(1);
            expect(cb.get(real)?.size, `${real} has one code in B`).toBe(1);
            expect([...set][0], `${real}: codes differ across collections`).not.toBe([...cb.get(real)!][0]);
            expect([...set][0]).toMatch(/^u_[a-z2-7]{12}$/);
          }
          // Different accounts never share a code.
          const all = [...ca.values()].map((s) => [...s][0]);
          expect(new Set(all).size).toBe(all.length);
        } finally {
          await w.close();
        }
      }),
      { numRuns: 15 },
    );
  });

  it('redaction leaves no handle either, and a destroyed key refuses pseudonymised exports', async () => {
    const session = fc.sample(sessionArb, { numRuns: 1, seed: 42 })[0]!;
    const w = await startWorker();
    try {
      const c = await record(w, 'R', pagesOf(session), '');
      const f = await files(w, c, 'redact');
      expect(leaks(f.csvText + f.ndjsonText, session.handles)).toEqual([]);
      expect(new Set(f.rows.map((r) => r.author))).toEqual(new Set(['[redacted]']));

      accepted(await w.panel({ type: 'destroyCollectionSecret', id: c.id }));
      expect(await w.db.collectionSecrets.get(c.id)).toBeUndefined();
      await expect(
        exportCollection(w.db, c.id, { format: 'csv', snapshot: 'last', pseudonymisation: 'pseudonymise' }),
      ).rejects.toBeInstanceOf(SecretDestroyedError);
      // The data itself is untouched.
      expect(await w.db.collectionItems.where('collectionId').equals(c.id).count()).toBeGreaterThan(0);
    } finally {
      await w.close();
    }
  });

  it('the same secret gives the same codes on every export (a restored backup keeps them too)', async () => {
    const session = fc.sample(sessionArb, { numRuns: 1, seed: 7 })[0]!;
    const w = await startWorker();
    try {
      const c = await record(w, 'S', pagesOf(session), '');
      const first = await files(w, c, 'pseudonymise');
      const again = await files(w, c, 'pseudonymise');
      expect(again.csvText).toBe(first.csvText);
      const restored = await startWorker();
      try {
        const backup = await collect(
          backupChunks(w.db, { now: 1, extensionVersion: 'x', includePseudonymKeys: true }),
        );
        expect(await restoreFile(new Blob([backup]), restored.panel as never, () => {})).toMatchObject({
          ok: true,
        });
        expect((await files(restored, c, 'pseudonymise')).csvText).toBe(first.csvText);
      } finally {
        await restored.close();
      }
    } finally {
      await w.close();
    }
  });
});
