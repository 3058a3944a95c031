/**
 * Bluesky (bsky.app) hooks. The web app is React Native for Web: class names are generated, but the
 * `data-testid` values below are the same in every UI language. Checked against
 * ../shared/fixtures/bluesky (2026-01, en) and bluesky-social/social-app (PostControls,
 * ThreadItemAnchor, ThreadItemPost, PostFeedItem, Profile/Header/Metrics).
 */
import type { Metric } from '../../model';

export const BSKY = {
  /** Feed, profile and search rows, and every post of a thread. */
  post: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  /** Post text: `postText` in feeds, `data-word-wrap` on RichText in threads. */
  text: '[data-testid="postText"], [data-word-wrap]',
  replyBtn: '[data-testid="replyBtn"]',
  likeBtn: '[data-testid="likeBtn"]',
  /** Reposts plus quotes, as the repost button shows it (hidden at 0). */
  repostCount: '[data-testid="repostCount"]',
  /** The open post's own counts, under its text ("223 reposts", "16 quotes", "3.1K likes", "32 saves"). */
  expanded: {
    shares: '[data-testid="repostCount-expanded"]',
    quotes: '[data-testid="quoteCount-expanded"]',
    likes: '[data-testid="likeCount-expanded"]',
    saves: '[data-testid="bookmarkCount-expanded"]',
  } satisfies Partial<Record<Metric, string>>,
  image: 'img[src*="/img/feed_thumbnail/"], img[src*="/img/feed_fullsize/"]',
  video: 'video, [src*="video.bsky.app"], [data-testid*="videoEmbed" i]',
  profile: {
    name: '[data-testid="profileHeaderDisplayName"]',
    followers: '[data-testid="profileHeaderFollowersButton"]',
    following: '[data-testid="profileHeaderFollowsButton"]',
  },
} as const;

/** Start of the repost line's label: "Reposted by Anna", "Repostet von Anna" (de, en, fr, es, it, nl, pt, ja). */
export const REPOSTED_BY = [
  'reposted by',
  'repostet von',
  'reposté par',
  'republicado por',
  'reposteado por',
  'ripubblicato da',
  'gerepost door',
  'repostado por',
  'がリポスト',
];

/** The profile's post count line: "1,234 posts", "1.234 Beiträge", "12 Tsd. Posts". */
export const POSTS_WORDS =
  /(posts?|beitr(?:ag|äge)|publications?|publicaciones|publicações|post|berichten)\s*$/i;

/** Top-level paths that are app pages, not profiles or posts. */
export const FEED_PATHS = new Set(['', 'feeds', 'lists']);
export const SEARCH_PATHS = new Set(['search', 'hashtag', 'topic']);
