import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredPost } from '../../core/model';
import { accountBaseline, assessPost, postsPerWeek, shareOfVoice, summarizeSet } from '../../core/scoring';
import { D, likesPost, NOW, post, postArb } from './helpers';

const set = {
  members: [
    { platform: 'x', handle: 'A' },
    { platform: 'x', handle: 'b' },
  ],
};
const window = { from: NOW - 14 * D, to: NOW };

describe('competitive-set summary', () => {
  it('a worked two-account example', () => {
    const posts = [
      // A (followers 1000 in the account row): in the window, mature likes 10, 20, 30 and a young 100
      likesPost(10, 2, 1000, { handle: 'a' }),
      likesPost(20, 3, 1000, { handle: 'a' }),
      likesPost(30, 4, 1000, { handle: 'a' }),
      likesPost(100, 0.2, 1000, { handle: 'a' }),
      // A before the window (baseline only)
      likesPost(40, 20, 1000, { handle: 'a' }),
      // B: one mature post, followers only from the post
      likesPost(40, 5, 2000, { handle: 'b' }),
      // not a member
      likesPost(5000, 2, 10, { handle: 'zed' }),
    ];
    const s = summarizeSet(set, posts, window, NOW, {
      accounts: [{ platform: 'x', handle: 'a', followers: 1000 }],
    });
    const [a, b] = s.accounts;
    expect(a).toMatchObject({
      handle: 'a',
      followers: 1000,
      followersSource: 'account',
      posts: 4,
      postsPerWeek: { value: 2, n: 4, weeks: 2, thin: false }, // 4 posts / 2 weeks
      // ER of the mature posts in the window: [1, 2, 3] % → 2 %; n 3 < 5 → thin
      medianEr: { value: 2, denominator: 'followers', n: 3, thin: true },
      medianInteractions: { value: 20, n: 3, thin: true },
      // baseline over all mature posts: ER [1,2,3,4] → median 2.5, n 4 → thin
      baseline: { median: 2.5, n: 4, thin: true },
      breakouts: { count: 0, n: 3, thin: true },
      // share of voice counts every post in the window, young ones too: 10+20+30+100 = 160 of 200
      shareOfVoice: { value: 80, interactions: 160, n: 4 },
    });
    expect(b).toMatchObject({
      followers: 2000,
      followersSource: 'post',
      posts: 1,
      medianEr: { value: 2, denominator: 'followers', n: 1 }, // 40 / 2000 · 100
      shareOfVoice: { value: 20, interactions: 40, n: 1 },
    });
    expect(s.shareOfVoice.total).toBe(200);
  });

  it('counts breakouts in the window against the baseline', () => {
    // ER [1,2,2,3,3,3,4,4,5,6] (old) + 12 (2 days old, in the window):
    // 11 values → median 3; |x−3| sorted [0,0,0,1,1,1,1,2,2,3,9] → MAD 1; z = 9/1.4826 = 6.07, × 4 → breakout
    const posts = [10, 20, 20, 30, 30, 30, 40, 40, 50, 60].map((l, i) =>
      likesPost(l, 20 + i, 1000, { handle: 'a' }),
    );
    posts.push(likesPost(120, 2, 1000, { handle: 'a' }));
    const s = summarizeSet(set, posts, { from: NOW - 7 * D, to: NOW }, NOW);
    expect(s.accounts[0]?.baseline).toMatchObject({ median: 3, mad: 1, n: 11, thin: false });
    expect(s.accounts[0]?.breakouts).toEqual({ count: 1, n: 1, thin: false });
  });

  it('can force one denominator for every row so the rows compare', () => {
    const posts = [
      post({
        handle: 'a',
        time: NOW - 3 * D,
        metrics: { ...post().metrics, likes: 10, views: 500 },
        followers: 1000,
      }),
    ];
    const s = summarizeSet(set, posts, window, NOW, { denominator: 'views' });
    expect(s.accounts[0]?.medianEr).toMatchObject({ value: 2, denominator: 'views', n: 1 }); // 10 / 500 · 100
  });

  const many = fc.array(postArb(['a', 'b'], { maxAgeDays: 40, ids: 40 }), { maxLength: 120 });
  const others = fc.array(postArb(['c', 'd'], { maxAgeDays: 40 }), { maxLength: 40 });

  it('property: posts of accounts outside the set change no row', () => {
    fc.assert(
      fc.property(many, others, (posts, outsiders) => {
        const mixed = [...posts, ...outsiders].sort((x, y) => x.id.localeCompare(y.id));
        expect(summarizeSet(set, mixed, window, NOW)).toEqual(summarizeSet(set, posts, window, NOW));
      }),
    );
  });

  it("property: a member's row does not depend on the other members' posts, apart from share of voice", () => {
    fc.assert(
      fc.property(many, (posts) => {
        const onlyA = posts.filter((p) => p.authorKey === 'a');
        const { shareOfVoice: s1, ...rowAll } = summarizeSet(set, dedupe(posts), window, NOW).accounts[0]!;
        const { shareOfVoice: s2, ...rowA } = summarizeSet(set, dedupe(onlyA), window, NOW).accounts[0]!;
        expect(rowAll).toEqual(rowA);
        expect(s1.interactions).toBe(s2.interactions);
      }),
    );
  });

  it('property: agrees with accountBaseline, assessPost, postsPerWeek and shareOfVoice', () => {
    fc.assert(
      fc.property(many, (raw) => {
        const posts = dedupe(raw);
        const s = summarizeSet(set, posts, window, NOW);
        const sov = shareOfVoice(posts, set.members, window);
        s.accounts.forEach((row, i) => {
          const own = posts.filter((p) => p.authorKey === row.handle);
          const baseline = accountBaseline(own, NOW);
          expect(row.baseline).toEqual(baseline);
          expect(row.postsPerWeek).toEqual(postsPerWeek(own, window));
          expect(row.shareOfVoice.value).toBe(sov.rows[i]?.share);
          const judged = own
            .filter((p) => p.time >= window.from && p.time < window.to)
            .map((p) => assessPost(p, baseline, NOW))
            .filter((a) => a.status === 'ok' || a.status === 'thin');
          expect(row.breakouts.n).toBe(judged.length);
          expect(row.breakouts.count).toBe(judged.filter((a) => 'breakout' in a && a.breakout).length);
        });
      }),
    );
  });

  it('property: posts with no known metric never count as 0 — medians and share of voice are unchanged', () => {
    fc.assert(
      fc.property(many, fc.integer({ min: 1, max: 10 }), (raw, k) => {
        const posts = dedupe(raw);
        const blanks = Array.from({ length: k }, (_, i) =>
          post({ id: `blank${i}`, handle: 'a', time: NOW - (2 + i) * D }),
        );
        const before = summarizeSet(set, posts, window, NOW).accounts[0]!;
        const after = summarizeSet(set, [...posts, ...blanks], window, NOW).accounts[0]!;
        expect(after.medianEr).toEqual(before.medianEr);
        expect(after.medianInteractions).toEqual(before.medianInteractions);
        expect(after.baseline).toEqual(before.baseline);
        expect(after.shareOfVoice).toEqual(before.shareOfVoice);
        expect(after.posts).toBe(before.posts + k);
      }),
    );
  });
});

/** Keep the last version of each id, as the database would. */
function dedupe(posts: StoredPost[]): StoredPost[] {
  return [...new Map(posts.map((p) => [p.id, p])).values()];
}
