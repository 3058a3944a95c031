/** Reconciling the DOM's posts with the page's own data: exact values win, disagreements are counted. */
import { describe, expect, it } from 'vitest';
import { emptyMetrics, type PostSnapshot } from '../../core/model';
import { collectPageData, combineData, reconcile } from '../../core/platforms/reconcile';

const NOW = new Date('2026-03-01T12:00:00Z');
const PAGE = { pageUrl: new URL('https://x.com/acme'), now: NOW };

function post(id: string, extra: Partial<PostSnapshot> = {}): PostSnapshot {
  return {
    id,
    url: `https://x.com/acme/status/${id}`,
    author: { handle: 'acme', name: 'Acme' },
    text: 'hello',
    createdAt: null,
    metrics: emptyMetrics(),
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

const none = { profile: null, comments: [] };
const data = (posts: PostSnapshot[]) => collectPageData({ posts });

describe('reconciling the DOM with the page data', () => {
  it('takes the exact count over an abbreviated one and drops the approx flag, without a disagreement', () => {
    const dom = post('1', { metrics: { ...emptyMetrics(), likes: 1200 }, approx: ['likes'] });
    const exact = post('1', { metrics: { ...emptyMetrics(), likes: 1234 } });
    const out = reconcile({ posts: [dom], ...none }, data([exact]), PAGE);
    expect(out.posts[0]?.metrics.likes).toBe(1234);
    expect(out.posts[0]?.approx).toEqual([]);
    expect(out.disagreements).toEqual({});
  });

  it("lets the page data win when the DOM read another element's number, and counts the disagreement", () => {
    // The Instagram case of issue 12: the DOM read 2,776 (another element) where the data says 293,300.
    const dom = post('1', { metrics: { ...emptyMetrics(), likes: 2776, comments: 5 } });
    const exact = post('1', { metrics: { ...emptyMetrics(), likes: 293_312, comments: 5 } });
    const out = reconcile({ posts: [dom], ...none }, data([exact]), PAGE);
    expect(out.posts[0]?.metrics).toMatchObject({ likes: 293_312, comments: 5 });
    expect(out.disagreements).toEqual({ 'metrics.likes': 1 });
  });

  it('counts an abbreviation that cannot stand for the exact value as a disagreement', () => {
    const dom = post('1', { metrics: { ...emptyMetrics(), views: 1_500_000 }, approx: ['views'] });
    const exact = post('1', { metrics: { ...emptyMetrics(), views: 1_720_004 } });
    const out = reconcile({ posts: [dom], ...none }, data([exact]), PAGE);
    expect(out.posts[0]?.metrics.views).toBe(1_720_004);
    expect(out.disagreements).toEqual({ 'metrics.views': 1 });
  });

  it('keeps an exact DOM count when the page data only has a rounded one', () => {
    const dom = post('1', { metrics: { ...emptyMetrics(), likes: 5_812_345 } });
    const rounded = post('1', { metrics: { ...emptyMetrics(), likes: 5_800_000 }, approx: ['likes'] });
    const out = reconcile({ posts: [dom], ...none }, data([rounded]), PAGE);
    expect(out.posts[0]?.metrics.likes).toBe(5_812_345);
    expect(out.posts[0]?.approx).toEqual([]);
  });

  it('never guesses 0: a count neither reader has stays unknown, one only the DOM has stays', () => {
    const dom = post('1', { metrics: { ...emptyMetrics(), comments: 7 } });
    const exact = post('1', { metrics: { ...emptyMetrics(), likes: 3 } });
    const out = reconcile({ posts: [dom], ...none }, data([exact]), PAGE);
    expect(out.posts[0]?.metrics).toEqual({ ...emptyMetrics(), likes: 3, comments: 7 });
  });

  it('takes the exact time from the data; a relative display is not a disagreement, a wrong day is', () => {
    const exact = '2026-03-01T09:10:11.000Z';
    const relative = post('1', { createdAt: '2026-03-01T09:00:00.000Z' }); // "3 h" read at 12:00
    const wrongDay = post('2', { createdAt: '2026-02-28T10:10:11.000Z' }); // a 2-hour-old post dated yesterday
    const out = reconcile(
      { posts: [relative, wrongDay], ...none },
      data([post('1', { createdAt: exact }), post('2', { createdAt: '2026-03-01T10:10:11.000Z' })]),
      PAGE,
    );
    expect(out.posts.map((p) => p.createdAt)).toEqual([exact, '2026-03-01T10:10:11.000Z']);
    expect(out.disagreements).toEqual({ createdAt: 1 });
  });

  it('keeps posts only the data has, after the DOM posts, flagged as not seen on screen', () => {
    const out = reconcile({ posts: [post('1')], ...none }, data([post('2'), post('1')]), PAGE);
    expect(out.posts.map((p) => [p.id, p.seenOnScreen])).toEqual([
      ['1', undefined],
      ['2', false],
    ]);
  });

  it('counts the post a post page names as seen, even when only the data has it', () => {
    const out = reconcile({ posts: [], ...none }, data([post('42'), post('43')]), {
      pageUrl: new URL('https://x.com/acme/status/42'),
      now: NOW,
    });
    expect(out.posts.map((p) => [p.id, p.seenOnScreen])).toEqual([
      ['42', undefined],
      ['43', false],
    ]);
  });

  it('merges comments and the profile the same way: exact counts from the data', () => {
    const comment = {
      id: 'c1',
      postId: '1',
      parentId: null,
      author: { handle: 'bea', name: null },
      text: 'Toll!',
      createdAt: null,
      likes: 1000,
      byPostAuthor: false,
    };
    const out = reconcile(
      {
        posts: [],
        profile: { handle: 'acme', name: 'Acme', followers: 2_300_000, following: 12, posts: null },
        comments: [comment],
      },
      collectPageData({
        comments: [{ ...comment, text: '', likes: 1042 }],
        profile: { handle: 'Acme', name: null, followers: 2_312_456, following: 13, posts: 880 },
      }),
      PAGE,
    );
    expect(out.comments).toEqual([{ ...comment, likes: 1042 }]);
    expect(out.profile).toEqual({
      handle: 'acme',
      name: 'Acme',
      followers: 2_312_456,
      following: 13,
      posts: 880,
    });
    expect(out.disagreements).toEqual({ 'profile.following': 1 });
  });

  it('combines two readings of the data: the later count wins, an earlier one fills a gap', () => {
    const earlier = post('1', { metrics: { ...emptyMetrics(), likes: 5, views: 100 } });
    const later = post('1', { metrics: { ...emptyMetrics(), likes: 6 } });
    expect(combineData(earlier, later).metrics).toEqual({ ...emptyMetrics(), likes: 6, views: 100 });
  });

  it('holds the data to the contract: an implausible count is unknown, a post without a valid id is left out', () => {
    const out = collectPageData({
      posts: [post('1', { metrics: { ...emptyMetrics(), likes: 10 ** 15 } }), post('')],
    });
    expect(out.posts.map((p) => [p.id, p.metrics.likes])).toEqual([['1', null]]);
  });
});
