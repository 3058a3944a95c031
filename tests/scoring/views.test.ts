/** Views-first scoring (YouTube, TikTok, Shorts, Reels): views/h and × the channel's median views. */
import { describe, expect, it } from 'vitest';
import { statsFromPosts, statsViewsBaseline } from '../../core/scoring/accumulator';
import {
  assessViews,
  isViewsFirst,
  leadsWithViews,
  viewsBaseline,
  viewsPerHour,
} from '../../core/scoring/views';
import { D, H, m, NOW, post } from './helpers';

const video = (views: number | null, ageDays: number, extra: Parameters<typeof post>[0] = {}) =>
  post({ platform: 'tiktok', handle: 'chan', time: NOW - ageDays * D, metrics: m({ views }), ...extra });

describe('views-first platforms', () => {
  it('lead with views on YouTube, TikTok, Shorts and Reels, and on any page that shows only views', () => {
    expect(isViewsFirst({ platform: 'youtube', url: null })).toBe(true);
    expect(isViewsFirst({ platform: 'tiktok', url: null })).toBe(true);
    expect(isViewsFirst({ platform: 'instagram', url: 'https://www.instagram.com/reel/ABC/' })).toBe(true);
    expect(isViewsFirst({ platform: 'facebook', url: 'https://www.facebook.com/reel/123' })).toBe(true);
    expect(isViewsFirst({ platform: 'instagram', url: 'https://www.instagram.com/p/ABC/' })).toBe(false);
    expect(isViewsFirst({ platform: 'x', url: 'https://x.com/a/status/1' })).toBe(false);
    // An X post with views and likes leads with interactions; one with views only leads with views.
    expect(leadsWithViews({ platform: 'x', url: null, metrics: m({ views: 100, likes: 3 }) })).toBe(false);
    expect(leadsWithViews({ platform: 'x', url: null, metrics: m({ views: 100 }) })).toBe(true);
    // Without views nothing leads with views, not even on YouTube.
    expect(leadsWithViews({ platform: 'youtube', url: null, metrics: m({ likes: 3 }) })).toBe(false);
  });

  it('counts views per hour since publishing', () => {
    expect(viewsPerHour(1200, NOW - 2 * H, NOW)).toBe(600);
    expect(viewsPerHour(null, NOW - 2 * H, NOW)).toBeNull();
    expect(viewsPerHour(5, null, NOW)).toBeNull();
    expect(viewsPerHour(5, NOW, NOW)).toBeNull();
  });

  it('takes the median views of the newest 30 mature videos, first visit included', () => {
    // 40 videos, all read once just now (a first visit): those older than 24 h are mature.
    const videos = Array.from({ length: 40 }, (_, i) => video(1000 + i, 2 + i));
    const b = viewsBaseline(videos, NOW);
    // Newest 30 mature = ages 2…31 d = views 1000…1029 → median 1014.5.
    expect(b).toEqual({ n: 30, median: 1014.5, thin: false });
    // A 10-hour-old video and one without views stay out.
    const more = [...videos.slice(0, 5), video(9_999, 10 / 24), video(null, 3)];
    expect(viewsBaseline(more, NOW)).toMatchObject({ n: 5, thin: true });
  });

  it('gives × median views only against ≥ 8 mature videos, and judges young videos by views per hour', () => {
    const channel = Array.from({ length: 9 }, (_, i) => video(1000, 2 + i));
    const b = viewsBaseline(channel, NOW);
    expect(assessViews(video(4000, 3), b, NOW)).toMatchObject({ views: 4000, xMedian: 4, thin: false, n: 9 });
    // Young: 600 views in 3 hours → 200/h, no × median (totals of a 3-hour-old video are not comparable).
    const young = video(600, 3 / 24);
    expect(assessViews(young, b, NOW)).toMatchObject({ young: true, xMedian: null, perHour: 200 });
    // Thin (4 videos): raw views, no × median.
    const thin = viewsBaseline(channel.slice(0, 4), NOW);
    expect(assessViews(video(4000, 3), thin, NOW)).toMatchObject({
      views: 4000,
      xMedian: null,
      thin: true,
      n: 4,
    });
    // No views on the page: nothing to assess.
    expect(assessViews(video(null, 3), b, NOW)).toBeNull();
  });

  it('agrees between the worker’s running statistics and the direct computation', () => {
    const videos = [
      ...Array.from({ length: 45 }, (_, i) => video(500 + ((i * 37) % 101), 1 + i * 0.7)),
      video(null, 4),
      video(77, 0.2),
    ];
    expect(statsViewsBaseline(statsFromPosts(videos, NOW))).toEqual(viewsBaseline(videos, NOW));
  });
});
