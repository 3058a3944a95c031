import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionMatcher, mentionShare, shareOfVoice } from '../../core/scoring';
import { D, m, NOW, post, postArb } from './helpers';

const window = { from: NOW - 7 * D, to: NOW };
const members = [
  { platform: 'x', handle: 'A' },
  { platform: 'x', handle: '@b' },
  { platform: 'x', handle: 'c' },
];

describe('share of voice', () => {
  it("each member's interactions ÷ the set's total", () => {
    const posts = [
      post({ handle: 'a', time: NOW - D, metrics: m({ likes: 100 }) }),
      post({ handle: 'a', time: NOW - 2 * D, metrics: m({ likes: 40, comments: 10 }) }),
      post({ handle: 'b', time: NOW - D, metrics: m({ likes: 30 }) }),
      post({ handle: 'b', time: NOW - 3 * D, metrics: m({ shares: 20 }) }),
      post({ handle: 'c', time: NOW - D }), // no known metric: counted as a post, adds nothing
      post({ handle: 'd', time: NOW - D, metrics: m({ likes: 1000 }) }), // not a member
      post({ handle: 'a', time: NOW - 8 * D, metrics: m({ likes: 1000 }) }), // before the window
      post({ handle: 'a', platform: 'instagram', time: NOW - D, metrics: m({ likes: 1000 }) }), // other platform
    ];
    const s = shareOfVoice(posts, members, window);
    // A: 100 + 50 = 150; B: 30 + 20 = 50; C: 0 → total 200 → 75 %, 25 %, 0 %
    expect(s.total).toBe(200);
    expect(s.rows.map((r) => [r.handle, r.interactions, r.posts, r.n, r.share])).toEqual([
      ['a', 150, 2, 2, 75],
      ['b', 50, 2, 2, 25],
      ['c', 0, 1, 0, 0],
    ]);
    expect(s.n).toBe(4);
    expect(s.thin).toBe(true); // 4 posts with interactions < 10
  });

  it('with no interactions at all, shares are unknown rather than 0 % each', () => {
    const s = shareOfVoice([post({ handle: 'a', time: NOW - D })], members, window);
    expect(s.rows.map((r) => r.share)).toEqual([null, null, null]);
  });

  it('property: shares sum to 100 % whenever the set has any interactions', () => {
    fc.assert(
      fc.property(fc.array(postArb(['a', 'b', 'c', 'd'], { maxAgeDays: 10 }), { maxLength: 80 }), (posts) => {
        const s = shareOfVoice(posts, members, window);
        if (s.total === 0) return;
        const sum = s.rows.reduce((acc, r) => acc + (r.share ?? 0), 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it('property: posts of accounts outside the set change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(postArb(['a', 'b', 'c'], { maxAgeDays: 10 })),
        fc.array(postArb(['d', 'e'], { maxAgeDays: 10 })),
        (posts, outsiders) => {
          expect(shareOfVoice([...posts, ...outsiders], members, window)).toEqual(
            shareOfVoice(posts, members, window),
          );
        },
      ),
    );
  });
});

describe('mention share', () => {
  it('whole words, case-insensitive, with umlauts, hashtags and mentions', () => {
    const match = mentionMatcher('Müller');
    expect(match('Ich liebe #Müller')).toBe(true);
    expect(match('MÜLLER!')).toBe(true);
    expect(match('@müller hilft')).toBe(true);
    expect(match('Mu\u0308ller, decomposed')).toBe(true); // NFC-normalised first
    expect(match('Müllers Laden')).toBe(false);
    expect(match('Obermüller')).toBe(false);
    expect(match('Muller')).toBe(false);
  });

  it('terms with regex characters are taken literally', () => {
    expect(mentionMatcher('C&A')('Sale bei C&A heute')).toBe(true);
    expect(mentionMatcher('a.b')('axb')).toBe(false);
    expect(mentionMatcher('Coca-Cola')('coca-cola zero')).toBe(true);
  });

  it('posts mentioning each term ÷ posts mentioning any', () => {
    const p = (text: string, d = 1, hashtags: string[] = []) => ({ text, time: NOW - d * D, hashtags });
    const posts = [
      p('Ich liebe #Müller'), // Müller
      p('MÜLLER und telekom'), // both
      p('Müllers Laden'), // neither
      p('Obermüller'), // neither
      p('@Telekom hilft'), // Telekom
      p('nichts'), // neither
      p('', 1, ['telekom']), // Telekom, via the hashtag list
      p('Müller', 30), // outside the window
    ];
    const s = mentionShare(posts, ['Müller', 'Telekom', 'müller', ' '], window);
    // any: posts 1, 2, 5, 7 = 4; Müller: 1, 2 = 2 → 50 %; Telekom: 2, 5, 7 = 3 → 75 % (rows sum to 125 %)
    expect(s).toEqual({
      rows: [
        { term: 'Müller', posts: 2, share: 50 },
        { term: 'Telekom', posts: 3, share: 75 },
      ],
      n: 4,
      scanned: 7,
      thin: true,
    });
  });

  it('property: no term has more posts than "any", and each share is within 0…100', () => {
    const words = ['Müller', 'Telekom', 'Öko', 'bahn', 'x'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...words, 'und', '#Müller', 'Obermüller', '!'), { maxLength: 8 })),
        (texts) => {
          const s = mentionShare(
            texts.map((t) => ({ text: t.join(' '), time: NOW })),
            ['Müller', 'Öko', 'Bahn'],
          );
          for (const r of s.rows) {
            expect(r.posts).toBeLessThanOrEqual(s.n);
            if (r.share !== null) expect(r.share).toBeGreaterThanOrEqual(0);
            if (r.share !== null) expect(r.share).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
