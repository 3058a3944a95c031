/**
 * The reply queue: only comments under own accounts' posts that wait for an answer, ordered
 * attack/crisis > complaint > question > purchase > other > praise (> spam), oldest first within a
 * group, with each own account's response rate and median response time and their n.
 */
import { describe, expect, it } from 'vitest';
import { analyzeComment } from '../../core/replies/index';
import { buildQueue, QUEUE_MAX_AGE_MS, queueKind } from '../../core/reports/replies';
import { account, comment, HOUR, NOW } from './helpers';

const analyze = (c: { text: string }) => analyzeComment(c.text);
const OWN = [account('acme', 'own')];

describe('the reply queue', () => {
  it('orders by priority: attack or crisis, complaint, question, purchase, other, praise, spam', () => {
    const comments = [
      comment('praise', 'Super erklärt 👍'),
      comment('spam', 'Check out my channel for free crypto https://spam.example'),
      comment('other', 'Ich war heute im Park.'),
      comment('purchase', 'Ich würde das sofort kaufen.'),
      comment('question', 'Wann kommt das nächste Video zur Wärmepumpe?'),
      comment('complaint', 'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.'),
      comment('crisis', 'Ich werde meinen Anwalt einschalten, das Produkt hat meine Allergie ausgelöst.'),
      comment('attack', 'Ihr seid doch alle komplett unfähige Idioten!'),
    ];
    const queue = buildQueue(comments, OWN, analyze, NOW);
    const order = queue.items.map((i) => i.comment.id);
    // attack and crisis share the top group; the older one first (both written an hour ago: by id).
    expect(order.slice(0, 2).sort()).toEqual(['attack', 'crisis']);
    expect(order.slice(2)).toEqual(['complaint', 'question', 'purchase', 'other', 'praise', 'spam']);
    expect(queue.items.map((i) => i.kind)).toEqual([
      'urgent',
      'urgent',
      'complaint',
      'question',
      'purchase',
      'other',
      'praise',
      'spam',
    ]);
  });

  it('puts the comment waiting longest first within a group, and reports its age', () => {
    const queue = buildQueue(
      [
        comment('new', 'Wann kommt Teil 2?', { createdAt: new Date(NOW - HOUR).toISOString() }),
        comment('old', 'Wie lange dauert die Montage?', {
          createdAt: new Date(NOW - 5 * HOUR).toISOString(),
        }),
        // No createdAt: its firstSeen is its time.
        comment('seen', 'Gibt es das auch in Schwarz?', { createdAt: null, firstSeen: NOW - 3 * HOUR }),
      ],
      OWN,
      analyze,
      NOW,
    );
    expect(queue.items.map((i) => [i.comment.id, i.ageMs])).toEqual([
      ['old', 5 * HOUR],
      ['seen', 3 * HOUR],
      ['new', HOUR],
    ]);
  });

  it("leaves out answered comments, the account's own comments, other accounts' posts and old comments", () => {
    const comments = [
      comment('waiting', 'Wann kommt Teil 2?'),
      comment('answered', 'Wie lange dauert die Montage?', { answeredAt: NOW - 10 * 60_000 }),
      comment('mine', 'Danke euch allen!', { byPostAuthor: true, author: { handle: 'acme', name: 'Acme' } }),
      comment('competitor', 'Wann kommt Teil 2?', { postAuthorKey: 'rival' }),
      comment('other-platform', 'Wann kommt Teil 2?', { platform: 'x' }),
      comment('ancient', 'Wann kommt Teil 2?', {
        createdAt: new Date(NOW - QUEUE_MAX_AGE_MS - HOUR).toISOString(),
      }),
    ];
    const queue = buildQueue(comments, OWN, analyze, NOW);
    expect(queue.items.map((i) => i.comment.id)).toEqual(['waiting']);
    expect(queue.older).toBe(1);
  });

  it('is empty without own accounts', () => {
    expect(buildQueue([comment('a', 'Wann kommt Teil 2?')], [], analyze, NOW).items).toEqual([]);
  });

  it('gives each own account its response rate and median time, with n, over comments by others', () => {
    const comments = [
      // answered after 2 h and after 4 h; two waiting; the account's own reply does not count.
      comment('a', 'Frage 1?', {
        createdAt: new Date(NOW - 10 * HOUR).toISOString(),
        answeredAt: NOW - 8 * HOUR,
      }),
      comment('b', 'Frage 2?', {
        createdAt: new Date(NOW - 10 * HOUR).toISOString(),
        answeredAt: NOW - 6 * HOUR,
      }),
      comment('c', 'Frage 3?'),
      comment('d', 'Frage 4?'),
      comment('reply', 'Antwort', { byPostAuthor: true, parentId: 'a' }),
      comment('x', 'Frage?', { platform: 'x', postAuthorKey: 'acme' }),
    ];
    const queue = buildQueue(comments, [account('acme', 'own'), account('acme', 'own', 'x')], analyze, NOW);
    const yt = queue.accounts.find((a) => a.platform === 'youtube')!;
    expect(yt.stats).toMatchObject({
      n: 4,
      answered: 2,
      rate: 50,
      medianMs: 3 * HOUR,
      timedN: 2,
      thin: true,
    });
    const x = queue.accounts.find((a) => a.platform === 'x')!;
    expect(x.stats).toMatchObject({ n: 1, answered: 0, rate: 0, medianMs: null });
  });

  it('maps the analysis to groups with attack and crisis first and spam last', () => {
    expect(
      queueKind({
        language: 'de',
        sentiment: 'negative',
        intents: ['complaint', 'attack'],
        priority: 'urgent',
      }),
    ).toBe('urgent');
    expect(queueKind({ language: 'de', sentiment: 'neutral', intents: [], priority: 'urgent' })).toBe(
      'urgent',
    );
    expect(
      queueKind({
        language: 'de',
        sentiment: 'neutral',
        intents: ['question', 'purchase'],
        priority: 'normal',
      }),
    ).toBe('question');
    expect(
      queueKind({ language: 'en', sentiment: 'neutral', intents: ['question', 'spam'], priority: 'low' }),
    ).toBe('spam');
  });
});
