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

  it('puts the comment waiting longest first within a group, and reports its age (null when the page showed no time)', () => {
    const queue = buildQueue(
      [
        comment('new', 'Wann kommt Teil 2?', { createdAt: new Date(NOW - HOUR).toISOString() }),
        comment('old', 'Wie lange dauert die Montage?', {
          createdAt: new Date(NOW - 5 * HOUR).toISOString(),
        }),
        // No createdAt on the page: its time is unknown — not the moment Resonanz first saw it —
        // and it follows the timed ones of its group.
        comment('seen', 'Gibt es das auch in Schwarz?', { createdAt: null, firstSeen: NOW - 3 * 60_000 }),
      ],
      OWN,
      analyze,
      NOW,
    );
    expect(queue.items.map((i) => [i.comment.id, i.time, i.ageMs])).toEqual([
      ['old', NOW - 5 * HOUR, 5 * HOUR],
      ['new', NOW - HOUR, HOUR],
      ['seen', null, null],
    ]);
  });

  it("leaves out answered comments, the account's own comments and other accounts' posts; lists old ones last", () => {
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
    // The old comment still waits: it is counted and listed (after the recent ones), never hidden
    // while the title says nothing waits.
    expect(queue.items.map((i) => [i.comment.id, i.stale])).toEqual([
      ['waiting', false],
      ['ancient', true],
    ]);
    expect(queue.older).toBe(1);
    expect(queue.byAccount).toEqual([
      { value: { platform: 'youtube', handle: 'acme', name: null }, waiting: 2 },
    ]);
  });

  it('uses one definition of waiting: the list, the account counts and the post counts agree', () => {
    // 35 comments all older than 30 days, none answered: the reported bug showed "Waiting for an
    // answer (0)" beside "35 unanswered".
    const comments = Array.from({ length: 35 }, (_, i) =>
      comment(`old${i}`, 'Wann kommt Teil 2?', {
        postId: i < 20 ? 'p1' : 'p2',
        createdAt: new Date(NOW - 400 * 24 * HOUR).toISOString(),
      }),
    );
    const queue = buildQueue(comments, OWN, analyze, NOW);
    expect(queue.items).toHaveLength(35);
    expect(queue.older).toBe(35);
    expect(queue.byAccount[0]?.waiting).toBe(35);
    expect(queue.byPost.map((p) => [p.value.postId, p.waiting])).toEqual([
      ['p1', 20],
      ['p2', 15],
    ]);
  });

  it('filters by account and by post, keeping the per-account and per-post counts of the whole queue', () => {
    const own = [account('acme', 'own'), account('acme', 'own', 'x'), account('shop', 'own')];
    const comments = [
      comment('yt1', 'Wann kommt Teil 2?', { postId: 'v1' }),
      comment('yt2', 'Wann kommt Teil 3?', { postId: 'v2' }),
      comment('yt3', 'Gibt es das in Blau?', { postId: 'v2' }),
      comment('x1', 'When is part 2 out?', { platform: 'x', postId: '111' }),
      comment('shop1', 'Ist der Laden am Samstag offen?', { postAuthorKey: 'shop', postId: 's1' }),
    ];
    const ids = (q: ReturnType<typeof buildQueue>) => q.items.map((i) => i.comment.id).sort();
    const all = buildQueue(comments, own, analyze, NOW);
    expect(ids(all)).toEqual(['shop1', 'x1', 'yt1', 'yt2', 'yt3']);
    const yt = buildQueue(comments, own, analyze, NOW, { account: { platform: 'youtube', handle: 'acme' } });
    expect(ids(yt)).toEqual(['yt1', 'yt2', 'yt3']);
    // Same handle on another platform is another account.
    const x = buildQueue(comments, own, analyze, NOW, { account: { platform: 'x', handle: 'ACME' } });
    expect(ids(x)).toEqual(['x1']);
    const v2 = buildQueue(comments, own, analyze, NOW, { post: { platform: 'youtube', postId: 'v2' } });
    expect(ids(v2)).toEqual(['yt2', 'yt3']);
    // A post under another account than the one chosen: nothing.
    expect(
      buildQueue(comments, own, analyze, NOW, {
        account: { platform: 'youtube', handle: 'shop' },
        post: { platform: 'youtube', postId: 'v2' },
      }).items,
    ).toEqual([]);
    // The counts behind the filter's choices do not change with the filter.
    expect(v2.byAccount.map((a) => a.waiting)).toEqual([3, 1, 1]);
    expect(v2.byPost.map((p) => [p.value.postId, p.waiting])).toEqual([
      ['v2', 2],
      ['v1', 1],
      ['111', 1],
      ['s1', 1],
    ]);
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
        answerCreatedAt: NOW - 8 * HOUR,
      }),
      // Answered 4 h after it was written; Resonanz saw the answer only now: 4 h, not 10 h.
      comment('b', 'Frage 2?', {
        createdAt: new Date(NOW - 10 * HOUR).toISOString(),
        answeredAt: NOW,
        answerCreatedAt: NOW - 6 * HOUR,
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
