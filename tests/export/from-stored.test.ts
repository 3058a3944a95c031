import { describe, expect, it } from 'vitest';
import {
  commentToExportRecord,
  postToExportRecord,
  profileToExportRecord,
} from '../../core/export/from-stored';
import { ExportRecord } from '../../core/export/record';
import type { CollectionItem, Observation, StoredAccount, StoredComment, StoredPost } from '../../core/model';
import { metrics, provenance } from './helpers';

const T0 = Date.UTC(2025, 9, 1, 12, 0, 0);
const H = 3_600_000;

const post: StoredPost = {
  platform: 'x',
  id: '1001',
  url: 'https://x.com/acme/status/1001',
  author: { handle: 'acme', name: 'ACME GmbH' },
  text: 'Neu im Shop',
  createdAt: '2025-10-01T11:00:00.000Z',
  metrics: metrics({ likes: 1300, comments: 40, views: 9000 }),
  approx: ['likes'],
  media: 'image',
  hashtags: ['neu'],
  mentions: ['partner'],
  links: ['https://acme.example/shop'],
  promoted: false,
  repostedBy: null,
  authorKey: 'acme',
  time: Date.parse('2025-10-01T11:00:00.000Z'),
  firstSeen: T0,
  lastSeen: T0 + 10 * H,
  followersAtCapture: 5000,
};

// Readings at T0, T0+2h, T0+5h and T0+10h (the last one made after the collection stopped).
const observations: Observation[] = [
  { platform: 'x', id: '1001', at: T0 + 5 * H, metrics: metrics({ likes: 1000, comments: 30, views: 7000 }) },
  { platform: 'x', id: '1001', at: T0, metrics: metrics({ likes: 100, comments: 2, views: 900 }) },
  {
    platform: 'x',
    id: '1001',
    at: T0 + 10 * H,
    metrics: metrics({ likes: 1300, comments: 40, views: 9000 }),
  },
  { platform: 'x', id: '1001', at: T0 + 2 * H, metrics: metrics({ likes: 400, comments: 2, views: 3000 }) },
  // Another post's row must be ignored.
  { platform: 'x', id: '9999', at: T0 + 3 * H, metrics: metrics({ likes: 5 }) },
];

const item: CollectionItem = {
  collectionId: 'c1',
  type: 'post',
  platform: 'x',
  itemId: '1001',
  first: provenance({ seenAt: T0 + 1 * H, pageUrl: 'https://x.com/acme', pageKind: 'profile', position: 2 }),
  last: provenance({ seenAt: T0 + 6 * H, pageUrl: 'https://x.com/home', pageKind: 'feed', position: 7 }),
  timesSeen: 3,
};
const collection = { id: 'c1', name: 'Wettbewerb' };

describe('postToExportRecord', () => {
  it('first = the reading in effect at the first sighting', () => {
    const r = postToExportRecord({ post, observations, item, collection, snapshot: 'first' });
    expect(r.metrics).toEqual(metrics({ likes: 100, comments: 2, views: 900 }));
    expect(r.history).toBeNull();
  });

  it('last = the reading in effect at the last sighting, not a later one', () => {
    const r = postToExportRecord({ post, observations, item, collection, snapshot: 'last' });
    expect(r.metrics).toEqual(metrics({ likes: 1000, comments: 30, views: 7000 }));
  });

  it('history = readings from first to last sighting, oldest first, metrics = the last of them', () => {
    const r = postToExportRecord({ post, observations, item, collection, snapshot: 'history' });
    expect(r.history?.map((h) => h.at)).toEqual([T0, T0 + 2 * H, T0 + 5 * H]);
    expect(r.history?.map((h) => h.metrics.likes)).toEqual([100, 400, 1000]);
    expect(r.metrics.likes).toBe(1000);
    expect(r.metricSnapshot).toBe('history');
  });

  it('knows the abbreviation flag only for values equal to the latest reading', () => {
    const lastItem = { ...item, last: { ...item.last, seenAt: T0 + 11 * H } };
    const latest = postToExportRecord({ post, observations, item: lastItem, collection, snapshot: 'last' });
    expect(latest.approx).toEqual({
      likes: true,
      comments: false,
      shares: null,
      quotes: null,
      views: false,
      saves: null,
    });
    const earlier = postToExportRecord({ post, observations, item, collection, snapshot: 'first' });
    expect(earlier.approx).toEqual({
      likes: null,
      comments: null,
      shares: null,
      quotes: null,
      views: null,
      saves: null,
    });
  });

  it('falls back to the stored metrics when there are no observation rows', () => {
    const r = postToExportRecord({ post, observations: [], item, collection, snapshot: 'history' });
    expect(r.metrics).toEqual(post.metrics);
    expect(r.history).toEqual([{ at: post.lastSeen, metrics: post.metrics }]);
  });

  it('carries ids, content and both provenances, and validates', () => {
    const r = postToExportRecord({ post, observations, item, collection, snapshot: 'last' });
    expect(ExportRecord.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      type: 'post',
      id: '1001',
      threadId: '1001',
      author: { handle: 'acme', name: 'ACME GmbH' },
      hashtags: ['neu'],
      mentions: ['partner'],
      links: ['https://acme.example/shop'],
      timesSeen: 3,
      collection,
    });
    expect(r.first).toEqual(item.first);
    expect(r.last).toEqual(item.last);
  });

  it('does not share arrays with the stored row', () => {
    const r = postToExportRecord({ post, observations, item, collection, snapshot: 'last' });
    r.hashtags.push('x');
    expect(post.hashtags).toEqual(['neu']);
  });
});

describe('comments and profiles', () => {
  it('maps a comment: thread = its post, likes only, no abbreviation flag', () => {
    const comment: StoredComment = {
      platform: 'instagram',
      id: 'c9',
      postId: 'Cabc123',
      parentId: 'c8',
      author: { handle: 'fan_1', name: 'Fan' },
      text: 'Toll!',
      createdAt: null,
      likes: 3,
      byPostAuthor: false,
      postAuthorKey: 'acme',
      firstSeen: T0,
      lastSeen: T0,
      answeredAt: null,
    };
    const r = commentToExportRecord({
      comment,
      item: { ...item, type: 'comment', itemId: 'c9' },
      collection,
    });
    expect(ExportRecord.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      type: 'comment',
      id: 'c9',
      threadId: 'Cabc123',
      parentId: 'c8',
      byPostAuthor: false,
    });
    expect(r.metrics).toEqual(metrics({ likes: 3 }));
    expect(r.approx.likes).toBeNull();
  });

  it('maps a profile: id = handle, counts in profile', () => {
    const account: StoredAccount = {
      platform: 'tiktok',
      handle: 'acme',
      name: 'ACME',
      role: 'competitor',
      followers: 12000,
      following: 10,
      posts: null,
      lastSeen: T0,
    };
    const r = profileToExportRecord({
      account,
      item: { ...item, type: 'profile', itemId: 'acme' },
      collection,
    });
    expect(ExportRecord.parse(r)).toEqual(r);
    expect(r).toMatchObject({ type: 'profile', id: 'acme', threadId: 'acme', text: '' });
    expect(r.profile).toEqual({ followers: 12000, following: 10, posts: null });
  });
});
