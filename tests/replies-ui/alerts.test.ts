/**
 * Crisis alerts, on worked examples (thresholds in ALERT_RULES): a negative surge needs ≥ 5
 * negative/attacking comments in the last hour AND ≥ 3 × the post's previous hourly rate; a fast
 * spread needs velocity ≥ 3 × the account's typical early velocity (not thin) AND ≥ 3 negative
 * comments making up ≥ 25 % of the post's comments.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics, type Metrics, type PageExtraction } from '../../core/model';
import { compareYoungPost } from '../../core/scoring/velocity';
import {
  ALERT_RULES,
  alertNotification,
  checkAlerts,
  dismissAlert,
  fastSpread,
  isNegativeComment,
  negativeSurge,
  type RatedComment,
} from '../../core/worker/alerts';
import { account, comment, freshDb, HOUR, NOW, post } from './helpers';

const MIN = 60_000;
const neg = (minutesAgo: number): RatedComment => ({ time: NOW - minutesAgo * MIN, negative: true });
const pos = (minutesAgo: number): RatedComment => ({ time: NOW - minutesAgo * MIN, negative: false });

const NEGATIVE = [
  'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.',
  'Ihr seid doch alle komplett unfähige Idioten!',
  'Das ist der schlechteste Service, den ich je erlebt habe.',
  'Total enttäuscht, funktioniert nicht.',
  'Nie wieder, alles kaputt angekommen.',
  'Absolute Katastrophe, so ein Mist.',
  'Your support is useless, still waiting for my refund.',
];

describe('the negative-surge rule (worked examples)', () => {
  it('reads the thresholds from one place', () => {
    expect(ALERT_RULES).toMatchObject({ surgeMinCount: 5, surgeWindowMs: HOUR, surgeRateFactor: 3 });
  });

  it('fires at 5 negative comments in the last hour on a post that had 2 in the 9 hours before', () => {
    const postTime = NOW - 10 * HOUR;
    const comments = [neg(5), neg(12), neg(20), neg(40), neg(59), neg(3 * 60), neg(7 * 60), pos(10), pos(30)];
    const result = negativeSurge(comments, postTime, NOW);
    // before: 2 negative over 9 h = 0.22/h; 5 ≥ 5 and 5 ≥ 3 × 0.22
    expect(result.recent).toBe(5);
    expect(result.previousRate).toBeCloseTo(2 / 9, 5);
    expect(result.triggered).toBe(true);
  });

  it('does not fire at 4 negative comments in the hour, however quiet it was before', () => {
    const result = negativeSurge(
      [neg(5), neg(10), neg(15), neg(20), pos(1), pos(2), pos(3)],
      NOW - 10 * HOUR,
      NOW,
    );
    expect(result).toMatchObject({ recent: 4, triggered: false });
  });

  it('does not fire when 5 in the hour is the usual pace (20 in the 9 hours before: 3 × 2.2/h = 6.7)', () => {
    const before = Array.from({ length: 20 }, (_, i) => neg(70 + i * 25));
    const five = [neg(1), neg(2), neg(3), neg(4), neg(5)];
    expect(negativeSurge([...five, ...before], NOW - 10 * HOUR, NOW)).toMatchObject({
      recent: 5,
      triggered: false,
    });
    const seven = [...five, neg(6), neg(7)];
    expect(negativeSurge([...seven, ...before], NOW - 10 * HOUR, NOW)).toMatchObject({
      recent: 7,
      triggered: true,
    });
  });

  it('judges a post younger than an hour by the count alone', () => {
    const result = negativeSurge([neg(1), neg(5), neg(10), neg(15), neg(20)], NOW - 30 * MIN, NOW);
    expect(result).toMatchObject({ recent: 5, previousRate: 0, triggered: true });
  });

  it('counts comments of unknown time (already there when first seen) as before, never as recent', () => {
    const backlog: RatedComment[] = Array.from({ length: 8 }, () => ({ time: null, negative: true }));
    expect(negativeSurge(backlog, NOW - 2 * HOUR, NOW)).toMatchObject({ recent: 0, triggered: false });
  });
});

describe('the fast-spread rule (worked examples)', () => {
  const created = NOW - 2 * HOUR;
  const metrics = (likes: number): Metrics => ({ ...emptyMetrics(), likes });
  /** Five earlier posts, each read 2 h after posting with 20 interactions: 10 per hour. */
  const others = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const t = NOW - (i + 2) * 24 * HOUR;
      return { createdAt: t, readings: [{ at: t + 2 * HOUR, metrics: metrics(20) }] };
    });
  const young = { createdAt: new Date(created).toISOString(), metrics: metrics(100), lastSeen: NOW };
  const tenComments = (negatives: number) =>
    Array.from({ length: 10 }, (_, i) => (i < negatives ? neg(i) : pos(i)));

  it('fires at 5× the usual early pace with 3 of 10 comments negative', () => {
    const comparison = compareYoungPost(young, others(5), NOW);
    expect(comparison).toMatchObject({ status: 'ok', perHour: 50, ratio: 5 });
    expect(fastSpread(comparison, tenComments(3))).toEqual({
      triggered: true,
      ratio: 5,
      negative: 3,
      total: 10,
    });
  });

  it('does not fire with only 2 negative comments, or at 2.5× the pace', () => {
    expect(fastSpread(compareYoungPost(young, others(5), NOW), tenComments(2)).triggered).toBe(false);
    const slower = { ...young, metrics: metrics(50) }; // 25/h = 2.5×
    expect(fastSpread(compareYoungPost(slower, others(5), NOW), tenComments(5)).triggered).toBe(false);
  });

  it('does not fire when the typical pace rests on fewer than 5 posts (thin)', () => {
    const comparison = compareYoungPost(young, others(4), NOW);
    expect(comparison.status).toBe('thin');
    expect(fastSpread(comparison, tenComments(6)).triggered).toBe(false);
  });
});

describe('alerts in the worker', () => {
  let db: ResonanzDb;
  afterEach(async () => {
    await db?.delete();
  });
  const extraction = (postId: string): PageExtraction => ({
    platform: 'youtube',
    url: `https://www.youtube.com/watch?v=${postId}`,
    kind: 'post',
    profile: null,
    posts: [],
    comments: [
      {
        id: 'x',
        postId,
        parentId: null,
        author: { handle: 'a', name: null },
        text: 'x',
        createdAt: null,
        likes: null,
        byPostAuthor: false,
      },
    ],
    health: { candidates: 0, extracted: 0, missing: {} },
  });

  it('calls the analysed comments negative: complaints and attacks yes, praise, questions and spam no', () => {
    for (const text of NEGATIVE) expect(isNegativeComment(text), text).toBe(true);
    for (const text of [
      'Super erklärt 👍',
      'Wann kommt Teil 2?',
      'Check out my channel for free crypto https://spam.example',
    ])
      expect(isNegativeComment(text), text).toBe(false);
  });

  it('writes one alert for a surge on an own post, notifies once, and stays quiet once dismissed', async () => {
    db = freshDb();
    await db.accounts.bulkPut([account('acme', 'own'), account('rival', 'competitor')]);
    await db.posts.bulkPut([post('p1', { time: NOW - 10 * HOUR }), post('p2', { authorKey: 'rival' })]);
    const rows = NEGATIVE.slice(0, 5).map((text, i) =>
      comment(`n${i}`, text, { createdAt: new Date(NOW - (i + 1) * 8 * MIN).toISOString() }),
    );
    await db.comments.bulkPut([
      ...rows,
      comment('ok1', 'Super erklärt 👍'),
      comment('mine', 'Das tut uns leid!', { byPostAuthor: true }),
      ...rows.map((c) => ({ ...c, id: `r-${c.id}`, postId: 'p2', postAuthorKey: 'rival' })),
    ]);
    const notify = vi.fn();
    const written = await checkAlerts(db, extraction('p1'), { now: NOW, notify });
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      id: 'negativeSurge:youtube:p1',
      kind: 'negativeSurge',
      dismissed: false,
    });
    expect(JSON.parse(written[0]!.detail)).toEqual({ recent: 5, previousRate: 0 });
    expect(notify).toHaveBeenCalledTimes(1);
    const message = alertNotification(
      written[0]!,
      { authorKey: 'acme' },
      (key, subs) => `${key}:${subs.join('|')}`,
    );
    expect(message).toEqual({ title: 'alertNotifyTitle:', message: 'alertNotifySurge:5|@acme' });

    // The same situation on the next capture: figures refreshed, no second notification.
    await checkAlerts(db, extraction('p1'), { now: NOW + MIN, notify });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(await db.alerts.count()).toBe(1);

    // A competitor's post never alerts.
    expect(await checkAlerts(db, extraction('p2'), { now: NOW, notify })).toEqual([]);

    expect(await dismissAlert(db, 'negativeSurge:youtube:p1')).toBe(true);
    expect(await checkAlerts(db, extraction('p1'), { now: NOW + 2 * MIN, notify })).toEqual([]);
    expect((await db.alerts.get('negativeSurge:youtube:p1'))?.dismissed).toBe(true);
    expect(notify).toHaveBeenCalledTimes(1);
  });

  it('writes a fast-spread alert for a young own post at 5× the usual early pace with negative replies', async () => {
    db = freshDb();
    await db.accounts.put(account('acme', 'own'));
    const likes = (n: number): Metrics => ({ ...emptyMetrics(), likes: n });
    // Five earlier posts, each read 2 h after posting with 20 interactions (10/h).
    for (let i = 0; i < 5; i++) {
      const t = NOW - (i + 2) * 24 * HOUR;
      await db.posts.put(
        post(`old${i}`, { createdAt: new Date(t).toISOString(), time: t, metrics: likes(20) }),
      );
      await db.observations.put({ platform: 'youtube', id: `old${i}`, at: t + 2 * HOUR, metrics: likes(20) });
    }
    const created = NOW - 2 * HOUR;
    await db.posts.put(
      post('young', {
        createdAt: new Date(created).toISOString(),
        time: created,
        firstSeen: created,
        metrics: likes(100),
      }),
    );
    // 3 negative of 10 comments, spread over two hours (no surge: at most 2 in the last hour).
    await db.comments.bulkPut([
      ...NEGATIVE.slice(0, 3).map((text, i) =>
        comment(`n${i}`, text, {
          postId: 'young',
          createdAt: new Date(NOW - (i * 40 + 5) * MIN).toISOString(),
        }),
      ),
      ...Array.from({ length: 7 }, (_, i) => comment(`q${i}`, 'Wann kommt Teil 2?', { postId: 'young' })),
    ]);
    const written = await checkAlerts(db, extraction('young'), { now: NOW });
    expect(written.map((a) => a.kind)).toEqual(['fastSpreadNegative']);
    expect(JSON.parse(written[0]!.detail)).toEqual({ ratio: 5, negative: 3, total: 10 });
  });

  it('writes nothing for 4 negative comments, or when the comments were already there when first seen', async () => {
    db = freshDb();
    await db.accounts.put(account('acme', 'own'));
    await db.posts.put(post('p1', { time: NOW - 10 * HOUR, firstSeen: NOW - 2 * MIN }));
    await db.comments.bulkPut(
      NEGATIVE.slice(0, 4).map((text, i) =>
        comment(`n${i}`, text, { createdAt: new Date(NOW - (i + 1) * 8 * MIN).toISOString() }),
      ),
    );
    expect(await checkAlerts(db, extraction('p1'), { now: NOW })).toEqual([]);
    // Six more without a time, first seen with the post: backlog, not a surge.
    await db.comments.bulkPut(
      NEGATIVE.slice(0, 6).map((text, i) =>
        comment(`b${i}`, text, { createdAt: null, firstSeen: NOW - 2 * MIN }),
      ),
    );
    expect(await checkAlerts(db, extraction('p1'), { now: NOW })).toEqual([]);
  });
});
