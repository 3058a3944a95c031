/** Storing captures: latest state, observations only on change, idempotent replays, tab state. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeCapture } from '../../core/db/capture';
import { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics, type PageExtraction, type PostSnapshot } from '../../core/model';

let db: ResonanzDb;
let n = 0;
beforeEach(async () => {
  db = new ResonanzDb(`capture-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function post(id: string, likes: number | null, extra: Partial<PostSnapshot> = {}): PostSnapshot {
  return {
    id,
    url: `https://x.com/acme/status/${id}`,
    author: { handle: 'Acme', name: 'Acme' },
    text: 'hello',
    createdAt: '2025-10-01T10:00:00.000Z',
    metrics: { ...emptyMetrics(), likes, comments: 1 },
    approx: [],
    media: 'text',
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
    ...extra,
  };
}

function page(posts: PostSnapshot[], extra: Partial<PageExtraction> = {}): PageExtraction {
  return {
    platform: 'x',
    url: 'https://x.com/acme',
    kind: 'profile',
    profile: null,
    posts,
    comments: [],
    health: { candidates: posts.length, extracted: posts.length, missing: {} },
    ...extra,
  };
}

describe('storing a capture', () => {
  it('keeps the latest state and writes an observation only when a count changed', async () => {
    await storeCapture(db, page([post('1', 10)]), { now: 1000, complete: true });
    await storeCapture(db, page([post('1', 10)]), { now: 2000, complete: true });
    await storeCapture(db, page([post('1', 12)]), { now: 3000, complete: true });
    const stored = await db.posts.get(['x', '1']);
    expect(stored?.metrics.likes).toBe(12);
    expect(stored?.firstSeen).toBe(1000);
    expect(stored?.lastSeen).toBe(3000);
    const observations = await db.observations.toArray();
    expect(observations.map((o) => [o.at, o.metrics.likes])).toEqual([
      [1000, 10],
      [3000, 12],
    ]);
  });

  it('is idempotent: replaying the same batch stores nothing new', async () => {
    const batch = page([post('1', 10), post('2', 5)]);
    await storeCapture(db, batch, { now: 1000, complete: true });
    await storeCapture(db, batch, { now: 1000, complete: true });
    expect(await db.posts.count()).toBe(2);
    expect(await db.observations.count()).toBe(2);
  });

  it('keeps a count the page stops showing instead of forgetting it', async () => {
    await storeCapture(db, page([post('1', 10, { metrics: { ...emptyMetrics(), likes: 10, views: 500 } })]), {
      now: 1,
      complete: true,
    });
    await storeCapture(db, page([post('1', 11)]), { now: 2, complete: true });
    const stored = await db.posts.get(['x', '1']);
    expect(stored?.metrics).toMatchObject({ likes: 11, views: 500 });
  });

  it('records the profile and joins its followers to the account’s posts', async () => {
    const profile = { handle: 'Acme', name: 'Acme Inc', followers: 1000, following: 5, posts: 99 };
    await storeCapture(db, page([post('1', 10)], { profile }), { now: 1, complete: true });
    await storeCapture(db, page([post('2', 10)], { profile }), { now: 2, complete: true });
    expect(await db.accounts.get(['x', 'acme'])).toMatchObject({ followers: 1000, role: null });
    expect((await db.posts.get(['x', '2']))?.followersAtCapture).toBe(1000);
    expect(await db.accountObservations.count()).toBe(1);
  });

  it('remembers which posts a tab shows, in page order, across incremental batches', async () => {
    await storeCapture(db, page([post('1', 1), post('2', 1)]), { now: 1, tabId: 7, complete: true });
    await storeCapture(db, page([post('3', 1), post('1', 2)]), { now: 2, tabId: 7, complete: false });
    expect((await db.tabs.get(7))?.postIds).toEqual(['1', '2', '3']);
    await storeCapture(db, page([post('9', 1)], { url: 'https://x.com/other' }), {
      now: 3,
      tabId: 7,
      complete: false,
    });
    expect((await db.tabs.get(7))?.postIds).toEqual(['9']);
  });

  it('marks a comment answered when the post author’s reply to it is seen', async () => {
    const comment = (id: string, parentId: string | null, byPostAuthor: boolean) => ({
      id,
      postId: '1',
      parentId,
      author: { handle: byPostAuthor ? 'Acme' : 'fan', name: null },
      text: 'x',
      createdAt: null,
      likes: null,
      byPostAuthor,
    });
    await storeCapture(db, page([post('1', 1)], { comments: [comment('c1', null, false)] }), {
      now: 1,
      complete: true,
    });
    expect((await db.comments.get(['x', 'c1']))?.answeredAt).toBeNull();
    await storeCapture(
      db,
      page([post('1', 1)], { comments: [comment('c1', null, false), comment('c2', 'c1', true)] }),
      {
        now: 5,
        complete: true,
      },
    );
    expect((await db.comments.get(['x', 'c1']))?.answeredAt).toBe(5);
    expect((await db.comments.get(['x', 'c1']))?.postAuthorKey).toBe('acme');
  });
});

describe('comment and answer times come from the page', () => {
  const MIN = 60_000;
  const T = Date.parse('2025-01-27T09:00:00.000Z');
  const comment = (
    id: string,
    parentId: string | null,
    byPostAuthor: boolean,
    createdAt: string | null,
  ): PageExtraction['comments'][number] => ({
    id,
    postId: '1',
    parentId,
    author: { handle: byPostAuthor ? 'Acme' : 'fan', name: null },
    text: 'x',
    createdAt,
    likes: null,
    byPostAuthor,
  });
  const iso = (ms: number) => new Date(ms).toISOString();

  it('times the answer by its own timestamp, not by when Resonanz first saw it', async () => {
    // A thread answered 3 minutes after the comment, opened for the first time 314 days later.
    const seen = T + 314 * 24 * 60 * MIN;
    await storeCapture(
      db,
      page([post('1', 1)], {
        comments: [comment('c1', null, false, iso(T)), comment('a1', 'c1', true, iso(T + 3 * MIN))],
      }),
      { now: seen, complete: true },
    );
    const stored = await db.comments.get(['x', 'c1']);
    expect(stored?.answeredAt).toBe(seen);
    expect(stored?.answerCreatedAt).toBe(T + 3 * MIN);
  });

  it('takes the earliest of several answers, and fills in the time for a comment answered in an earlier batch', async () => {
    await storeCapture(db, page([post('1', 1)], { comments: [comment('c1', null, false, iso(T))] }), {
      now: T + 10 * MIN,
      complete: true,
    });
    // Two answers by the author arrive without the comment (a later batch); the earlier one counts.
    await storeCapture(
      db,
      page([], {
        comments: [
          comment('a2', 'c1', true, iso(T + 99 * MIN)),
          comment('a1', 'c1', true, iso(T + 20 * MIN)),
        ],
      }),
      { now: T + 200 * MIN, complete: false },
    );
    expect(await db.comments.get(['x', 'c1'])).toMatchObject({
      answeredAt: T + 200 * MIN,
      answerCreatedAt: T + 20 * MIN,
    });
  });

  it('keeps a comment without a time on the page at null, and keeps a time the page showed once', async () => {
    await storeCapture(db, page([post('1', 1)], { comments: [comment('c1', null, false, null)] }), {
      now: T,
      complete: true,
    });
    // Not the moment it was first seen.
    expect((await db.comments.get(['x', 'c1']))?.createdAt).toBeNull();
    await storeCapture(
      db,
      page([post('1', 1)], { comments: [comment('c1', null, false, iso(T - 60 * MIN))] }),
      {
        now: T + MIN,
        complete: true,
      },
    );
    await storeCapture(db, page([post('1', 1)], { comments: [comment('c1', null, false, null)] }), {
      now: T + 2 * MIN,
      complete: true,
    });
    expect((await db.comments.get(['x', 'c1']))?.createdAt).toBe(iso(T - 60 * MIN));
  });

  it('leaves an answer whose page shows no time untimed', async () => {
    await storeCapture(
      db,
      page([post('1', 1)], {
        comments: [comment('c1', null, false, iso(T)), comment('a1', 'c1', true, null)],
      }),
      { now: T + 5 * MIN, complete: true },
    );
    const stored = await db.comments.get(['x', 'c1']);
    expect(stored?.answeredAt).toBe(T + 5 * MIN);
    expect(stored?.answerCreatedAt ?? null).toBeNull();
  });
});

describe('posts the page loaded but did not show', () => {
  it('stores them flagged, makes them seen once the screen shows them, and never unsees a seen post', async () => {
    await storeCapture(db, page([post('1', 10, { seenOnScreen: false })]), { now: 1, complete: true });
    expect((await db.posts.get(['x', '1']))?.seenOnScreen).toBe(false);
    await storeCapture(db, page([post('1', 11)]), { now: 2, complete: true });
    expect((await db.posts.get(['x', '1']))?.seenOnScreen).toBeUndefined();
    await storeCapture(db, page([post('1', 12, { seenOnScreen: false })]), { now: 3, complete: true });
    const stored = await db.posts.get(['x', '1']);
    expect(stored?.seenOnScreen).toBeUndefined();
    // The data-only sighting still updates the counts.
    expect(stored?.metrics.likes).toBe(12);
  });
});
