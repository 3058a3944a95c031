/**
 * The assistant's memory: what it suggested and what went into a reply box is remembered (through
 * the privileged `rememberReply`, or the in-place control's `draftsFor`/`replyInserted`), and the
 * newest 200 are passed to the drafting as `recent`, so no draft repeats one word for word.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ResonanzDb } from '../../core/db/schema';
import { analyzeComment, DEFAULT_VOICE, draftReplies } from '../../core/replies/index';
import { Settings } from '../../core/settings';
import {
  contentReplyHandlers,
  MEMORY_LIMIT,
  RECENT_N,
  recentReplies,
  rememberReplies,
  replyHandlers,
} from '../../core/worker/replies';
import { route, type WorkerDeps } from '../../core/worker/router';
import { ScoreCache } from '../../core/worker/scores';
import { account, freshDb, NOW, post } from './helpers';

let db: ResonanzDb;
afterEach(async () => {
  await db?.delete();
});

const settings = Settings.parse({});
function deps(over: Partial<WorkerDeps> = {}): WorkerDeps {
  const replyDeps = { db: async () => db, settings: async () => settings, now: () => NOW };
  return {
    db: async () => db,
    settings: async () => settings,
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    now: () => NOW,
    scores: new ScoreCache(),
    log: () => {},
    panel: replyHandlers(replyDeps),
    content: contentReplyHandlers(replyDeps),
    ...over,
  };
}
const PANEL = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const TAB = {
  id: 'ext',
  url: 'https://www.youtube.com/watch?v=p1',
  tab: { id: 7, url: 'https://www.youtube.com/watch?v=p1' },
};

const COMPLAINTS = [
  'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.',
  'Meine Bestellung ist seit zwei Wochen nicht angekommen, echt eine Frechheit.',
  'Meine Bestellung ist immer noch nicht angekommen. Frechheit!',
];

function drafts(text: string, recent: string[]) {
  return draftReplies({
    comment: { text, authorName: 'Anna Müller', authorHandle: 'anna' },
    analysis: analyzeComment(text),
    voice: DEFAULT_VOICE,
    recent,
  }).map((d) => d.text);
}

describe('reply memory', () => {
  it('remembers suggested and inserted replies, newest first, and keeps at most MEMORY_LIMIT', async () => {
    db = freshDb();
    expect(await rememberReplies(db, 'suggested', ['A', 'B'], NOW)).toBe(2);
    expect(await rememberReplies(db, 'suggested', ['B'], NOW + 1)).toBe(0); // already remembered
    expect(await rememberReplies(db, 'inserted', ['B'], NOW + 2)).toBe(1);
    expect(await recentReplies(db)).toEqual(['B', 'B', 'A']); // newest first; ties by insertion
    await rememberReplies(
      db,
      'suggested',
      Array.from({ length: 5 }, (_, i) => `x${i}`),
      NOW + 3,
    );
    for (let i = 0; i < MEMORY_LIMIT / 5; i++)
      await rememberReplies(
        db,
        'suggested',
        Array.from({ length: 5 }, (_, k) => `r${i}-${k}`),
        NOW + 10 + i,
      );
    expect(await db.replyMemory.count()).toBe(MEMORY_LIMIT);
    expect(await recentReplies(db)).toHaveLength(RECENT_N);
    expect((await recentReplies(db, MEMORY_LIMIT)).includes('A')).toBe(false); // the oldest went first
  });

  it('never repeats a remembered draft word for word, even for the same complaint from someone else', async () => {
    db = freshDb();
    // The third comment is the first one again, from another person.
    const comments = [COMPLAINTS[0]!, COMPLAINTS[1]!, COMPLAINTS[2]!, COMPLAINTS[0]!];
    const shown: string[] = [];
    for (const text of comments) {
      const now = drafts(text, await recentReplies(db));
      expect(now.length).toBeGreaterThanOrEqual(2);
      for (const d of now) expect(shown).not.toContain(d);
      shown.push(...now);
      await rememberReplies(db, 'suggested', now, Date.now());
    }
    // Without the memory the last one would have repeated the first drafts exactly.
    expect(drafts(COMPLAINTS[0]!, [])).toEqual(shown.slice(0, drafts(COMPLAINTS[0]!, []).length));
  });

  it('accepts rememberReply only from extension pages', async () => {
    db = freshDb();
    const message = { type: 'rememberReply', kind: 'inserted', texts: ['Danke, Anna!'] };
    expect(await route(message, TAB, deps())).toMatchObject({ ok: false });
    expect(await db.replyMemory.count()).toBe(0);
    expect(await route(message, PANEL, deps())).toEqual({ ok: true, stored: 1 });
    expect(await recentReplies(db)).toEqual(['Danke, Anna!']);
  });

  it('drafts in place only under own posts, remembers them, and does not repeat them for the next comment', async () => {
    db = freshDb();
    await db.posts.put(post('p1'));
    const request = (commentId: string, text: string) => ({
      type: 'draftsFor',
      platform: 'youtube',
      postId: 'p1',
      postAuthor: 'Acme',
      commentId,
      comment: { text, authorName: 'Anna Müller', authorHandle: 'anna' },
    });
    // Not an own account yet: no drafts, nothing remembered.
    expect(await route(request('c1', COMPLAINTS[0]!), TAB, deps())).toEqual({
      ok: true,
      own: false,
      drafts: [],
    });
    await db.accounts.put(account('acme', 'own'));
    const first = (await route(request('c1', COMPLAINTS[0]!), TAB, deps())) as unknown as {
      drafts: { text: string }[];
    };
    expect(first.drafts.length).toBeGreaterThanOrEqual(2);
    expect(await recentReplies(db)).toEqual(expect.arrayContaining(first.drafts.map((d) => d.text)));
    const second = (await route(request('c2', COMPLAINTS[0]!), TAB, deps())) as unknown as {
      drafts: { text: string }[];
    };
    for (const d of second.drafts) expect(first.drafts.map((f) => f.text)).not.toContain(d.text);
    // What the user inserted on the page is remembered too.
    expect(
      await route(
        { type: 'replyInserted', platform: 'youtube', commentId: 'c1', text: 'Eigene Antwort.' },
        TAB,
        deps(),
      ),
    ).toEqual({ ok: true });
    expect((await recentReplies(db))[0]).toBe('Eigene Antwort.');
  });
});
