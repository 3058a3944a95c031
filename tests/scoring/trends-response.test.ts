import { describe, expect, it } from 'vitest';
import type { StoredComment } from '../../core/model';
import { followersAt, responseStats, weekOverWeek } from '../../core/scoring';
import { D, H, likesPost, MIN, NOW } from './helpers';

describe('week over week', () => {
  const posts = [
    // this week [NOW − 7 d, NOW): mature likes 30, 50, 70 and a young post (counted, not in medians)
    likesPost(30, 2),
    likesPost(50, 3),
    likesPost(70, 4),
    likesPost(5, 0.2),
    // last week [NOW − 14 d, NOW − 7 d)
    likesPost(10, 8),
    likesPost(20, 9),
    likesPost(40, 10),
    likesPost(60, 11),
    // older: ignored
    likesPost(999, 20),
  ];
  const history = [
    { at: NOW - 14 * D, followers: 900 },
    { at: NOW - 7 * D, followers: 920 },
    { at: NOW - 3 * D, followers: null }, // unknown reading: skipped
    { at: NOW - H, followers: 1000 },
  ];

  it('posts, median interactions, median ER and follower change, this week against last', () => {
    const w = weekOverWeek(posts, history, NOW);
    expect(w.denominator).toBe('followers');
    // this week: medians of [30,50,70] = 50 interactions, ER 50/1000·100 = 5 %
    expect(w.thisWeek).toMatchObject({
      posts: 4,
      medianInteractions: { value: 50, n: 3 },
      medianEr: { value: 5, n: 3 },
    });
    // last week: [10,20,40,60] → (20+40)/2 = 30 interactions, 3 %
    expect(w.lastWeek).toMatchObject({
      posts: 4,
      medianInteractions: { value: 30, n: 4 },
      medianEr: { value: 3, n: 4 },
    });
    // followers: this week 1000 − 920 = 80, last week 920 − 900 = 20
    expect(w.thisWeek.followersChange).toBe(80);
    expect(w.lastWeek.followersChange).toBe(20);
    // change: posts 4 − 4 = 0; interactions (50 − 30)/30 = +66.7 %; ER the same; followers 80 − 20 = 60
    expect(w.change.posts).toBe(0);
    expect(w.change.medianInteractionsPct).toBeCloseTo(200 / 3, 10);
    expect(w.change.medianErPct).toBeCloseTo(200 / 3, 10);
    expect(w.change.followersChange).toBe(60);
    expect(w.thin).toBe(false);
  });

  it('without a follower reading before the week starts, its change is unknown (not 0)', () => {
    const w = weekOverWeek(posts, [{ at: NOW - 2 * D, followers: 1000 }], NOW);
    expect(w.thisWeek.followersChange).toBeNull();
    expect(w.change.followersChange).toBeNull();
  });

  it('followersAt takes the latest known count at or before the moment', () => {
    expect(followersAt(history, NOW - 7 * D)).toBe(920);
    expect(followersAt(history, NOW - 2 * D)).toBe(920);
    expect(followersAt(history, NOW - 15 * D)).toBeNull();
  });

  it('a week with fewer than 3 mature posts is thin', () => {
    expect(weekOverWeek(posts.slice(0, 2), [], NOW).thin).toBe(true);
  });
});

describe('response rate and time', () => {
  const T = NOW - 2 * D;
  const c = (over: Partial<StoredComment>): StoredComment => ({
    id: `c${Math.random()}`,
    postId: 'p1',
    parentId: null,
    author: { handle: 'fan', name: null },
    text: 'hi',
    createdAt: new Date(T).toISOString(),
    likes: null,
    byPostAuthor: false,
    platform: 'x',
    postAuthorKey: 'acme',
    firstSeen: T + MIN,
    lastSeen: T + MIN,
    answeredAt: null,
    ...over,
  });
  const comments = [
    c({ answeredAt: T + 300 * D, answerCreatedAt: T + 30 * MIN }), // answered in 30 min, seen 300 days later
    c({ answeredAt: T + 90 * MIN, answerCreatedAt: T + 90 * MIN }),
    c({ answeredAt: T + 200 * D }), // answered, the answer's own time not shown: untimed, not "200 days"
    c({}), // unanswered
    c({ createdAt: null, answeredAt: T + 5 * MIN, answerCreatedAt: T + 5 * MIN }), // its own time unknown
    c({ byPostAuthor: true }), // the account's own reply: not a comment to answer
    c({ postAuthorKey: 'rival', answeredAt: T + MIN }), // under someone else's post
  ];

  it('answered share and median time to the answer, over comments by others under own posts', () => {
    const r = responseStats(comments, [{ platform: 'x', handle: '@Acme' }]);
    // 5 comments count; 4 answered → 80 %; timed from the page's own times: 30 and 90 min → median 60 min
    expect(r).toEqual({ n: 5, answered: 4, rate: 80, medianMs: 60 * MIN, timedN: 2, thin: true });
  });

  it('a window filters by the comment time', () => {
    const r = responseStats(comments, [{ platform: 'x', handle: 'acme' }], { from: NOW - D, to: NOW });
    expect(r).toMatchObject({ n: 0, rate: null, medianMs: null });
  });
});
