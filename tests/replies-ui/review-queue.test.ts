/**
 * Google reviews in the reply queue: a place the user marked as their own gets its unanswered reviews
 * listed lowest stars first, and its response rate and time come from the reviews' and answers' own
 * dates — a date only known to the month ("vor 5 Monaten") counts as answered but gives no duration.
 */
import { describe, expect, it } from 'vitest';
import { storeCapture } from '../../core/db/capture';
import { extractPage } from '../../core/platforms/index';
import { analyzeComment } from '../../core/replies/index';
import { buildQueue, queueRank } from '../../core/reports/replies';
import { ownPage } from '../platforms/load';
import { account, comment, freshDb, HOUR, NOW } from './helpers';

const PLACE = '0x47a84e373f7c0001:0x1d2c3b4a59687700';
const URL = `https://www.google.de/maps/place/B%C3%A4ckerei+Beispiel/data=!4m7!3m6!1s${PLACE}`;

describe('the review queue of an own place (German fixture)', () => {
  it('lists the unanswered reviews, 1 star before 2 stars, and leaves answered ones out', async () => {
    const db = freshDb();
    const now = Date.now();
    await storeCapture(db, extractPage(ownPage('google/place-reviews-de.html'), URL), {
      now,
      complete: true,
    });
    const own = [account(PLACE, 'own', 'google')];
    const queue = buildQueue(await db.comments.toArray(), own, (c) => analyzeComment(c.text), now);
    expect(queue.items.map((i) => [i.comment.author.name, i.comment.rating])).toEqual([
      ['Jonas Beispiel', 1],
      ['K. Schulz', 2],
    ]);
    // Two of four answered; both answers are dated only to weeks or months: no response time.
    expect(queue.accounts[0]!.stats).toMatchObject({
      n: 4,
      answered: 2,
      rate: 50,
      medianMs: null,
      timedN: 0,
    });
  });
});

describe('review ranks', () => {
  const analyze = (c: { text: string }) => analyzeComment(c.text);
  it('puts a friendly 1-star review before a question under a post, and a 5-star one with praise', () => {
    const reviews = [
      comment('five', 'Tolles Team, gerne wieder!', {
        rating: 5,
        platform: 'google',
        createdAt: new Date(NOW - 9 * HOUR).toISOString(),
      }),
      comment('one', 'Leider nicht gut.', {
        rating: 1,
        platform: 'google',
        createdAt: new Date(NOW - HOUR).toISOString(),
      }),
      comment('three', 'Ganz okay.', {
        rating: 3,
        platform: 'google',
        createdAt: new Date(NOW - 2 * HOUR).toISOString(),
      }),
    ].map((c) => ({ ...c, postAuthorKey: 'acme' }));
    const queue = buildQueue(reviews, [account('acme', 'own', 'google')], analyze, NOW);
    expect(queue.items.map((i) => i.comment.id)).toEqual(['one', 'three', 'five']);
  });

  it('keeps an attack first whatever its stars', () => {
    expect(queueRank('urgent', 5)).toBeLessThan(queueRank('praise', 1));
    expect(queueRank('praise', 1)).toBe(queueRank('complaint', null));
  });
});
