/**
 * TikTok hooks. `data-e2e` values are TikTok's own test hooks and the same in every UI language; the
 * CSS class names are hashed per build and never used. Checked against ../shared/fixtures/tiktok
 * (2022 For You, profile, video page, search cards; 2025 profile) and tests/fixtures/tiktok (2025 feed,
 * video page and comments, German UI).
 */
import type { Metric } from '../../model';

const e2e = (...names: string[]) => names.map((n) => `[data-e2e="${n}"]`).join(', ');

export const TT = {
  /** For You / Following feed cards (2022 `div`, 2024+ `article`). */
  feedItem: e2e('recommend-list-item-container'),
  /** A profile's video grid. */
  gridItem: e2e('user-post-item'),
  /** Search result cards: the video half; the caption and author are its siblings in the card. */
  searchItem: e2e('search_top-item', 'search_video-item'),
  /** The player wrapper's id carries the video id: `xgwrapper-0-7401234567890123456`. */
  player: '[id^="xgwrapper-"]',
  permalink: 'a[href*="/video/"], a[href*="/photo/"]',
  desc: [
    e2e('browse-video-desc'),
    e2e('video-desc'),
    e2e('search-card-video-caption'),
    e2e('search-card-desc'),
    e2e('user-post-item-desc'),
  ],
  authorId: [e2e('video-author-uniqueid'), e2e('browse-username'), e2e('search-card-user-unique-id')],
  authorName: [e2e('video-author-nickname'), e2e('browser-nickname')],
  authorLink: [
    `a${e2e('video-author-avatar')}`,
    `a${e2e('browse-user-avatar')}`,
    `a${e2e('search-card-user-link')}`,
    'a[href^="/@"]',
  ],
  /** "Merveilleux123 · 6d ago": the nickname line on a video page ends with the time. */
  nicknameTime: `${e2e('browser-nickname')} span:last-child`,
  photo: e2e('photo-carousel', 'browse-photo'),
  adLabel: e2e('ad-tag', 'video-ad-tag'),
} as const;

/** Count elements per metric, the video page's `browse-` variants first. */
export const COUNTS: Partial<Record<Metric, readonly string[]>> = {
  likes: [e2e('browse-like-count'), e2e('like-count')],
  comments: [e2e('browse-comment-count'), e2e('comment-count')],
  shares: [e2e('browse-share-count'), e2e('share-count')],
  // The bookmark button's hook really is called "undefined-count" on the feed.
  saves: [e2e('browse-collect-count'), e2e('collect-count'), e2e('undefined-count'), e2e('favorite-count')],
  // The play count on profile grids; on 2022 search cards it sits in "search-card-like-container"
  // (a play-triangle icon and TikTok's own class name "StrongVideoCount": views, not likes).
  views: [e2e('video-views'), e2e('search-card-like-container')],
};

export const PROFILE = {
  handle: e2e('user-title'),
  name: e2e('user-subtitle'),
  followers: e2e('followers-count'),
  following: e2e('following-count'),
  likes: e2e('likes-count'),
};

export const COMMENT = {
  /** The comment text, per level (1 = top level, 2 = reply). */
  text: (level: number) => e2e(`comment-level-${level}`),
  username: (level: number) => e2e(`comment-username-${level}`),
  time: (level: number) => e2e(`comment-time-${level}`),
  likes: [e2e('comment-like-count'), '[aria-label*="ike"] span'],
  creatorBadge: e2e('comment-creator-badge', 'comment-author-badge'),
};

/** Words TikTok puts on ads in the feed, per language. */
export const AD_WORDS = [
  'Sponsored',
  'Ad',
  'Gesponsert',
  'Werbung',
  'Anzeige',
  'Sponsorisé',
  'Publicité',
  'Patrocinado',
  'Publicidad',
  'Sponsorizzato',
];

/** The English grid thumbnail alt ends with "created by <name> with <sound>": not part of the caption. */
export const ALT_SUFFIX = /\s*created by .* with .*$/;

/** Relative times in these units are too coarse for a timestamp ("3w ago", "vor 2 Wochen"). */
export const COARSE_TIME =
  /(\d\s*(w|wk|mo|y)\b)|\b(weeks?|months?|years?|wochen?|monate?n?|jahre?n?|semaines?|mois|ans?|semanas?|mes(?:es)?|años?|settiman[ae]|mes[ei]|anni?)\b/i;

/** Path segments that are TikTok pages, not profiles. */
export const FEED_PATHS = new Set(['', 'foryou', 'following', 'explore', 'friends', 'live']);
