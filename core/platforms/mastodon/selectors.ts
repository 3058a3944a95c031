/**
 * Mastodon web UI hooks (the React app every instance serves, 4.x). Its class names are written by
 * hand and stable across instances and versions; icons carry `icon-<name>` classes in every language.
 * Checked against mastodon/mastodon (components/status.jsx, status_action_bar, icon_button,
 * features/status/components/detailed_status, account header number fields).
 */
import type { Metric } from '../../model';

export const MASTODON = {
  /** A status in a timeline, thread or notification; for a boost `data-id` is the boosted status. */
  status: '.status[data-id]',
  /** The open status on a status page. */
  detailed: '.detailed-status',
  /** A quoted status drawn inside another one (4.4+). */
  quote: '.status--is-quote',
  wrapper: '.status__wrapper, .detailed-status__wrapper',
  prepend: '.status__prepend',
  time: '.status__relative-time, .detailed-status__datetime',
  author: '.status__display-name, .detailed-status__display-name',
  name: '.display-name__html',
  account: '.display-name__account',
  /** In order of preference: the text itself, else its container. */
  text: ['.status__content__text', '.status__content'],
  hashtagBar: '.hashtag-bar',
  actionBar: '.status__action-bar, .detailed-status__action-bar',
  counter: '.icon-button__counter',
  /** The open status's totals ("29 Mal geteilt", "53 Mal favorisiert", "2 Mal zitiert"). */
  detailedCounts: {
    shares: '.detailed-status__reblogs',
    likes: '.detailed-status__favorites',
    quotes: '.detailed-status__quotes',
  } satisfies Partial<Record<Metric, string>>,
  media: {
    video: '.video-player, .audio-player, video, audio',
    image: '.media-gallery',
    poll: '.poll',
    link: '.status-card',
  },
  profile: {
    header: '.account__header',
    name: '.account__header__tabs__name h1, .account__header__name h1, h1',
    links: '.account__header__extra__links a[href], a[href$="/followers"], a[href$="/following"]',
  },
} as const;

/** Action-bar buttons by their icon (any language), then by their localised label (de, en, fr, es, it, nl). */
export const BUTTONS: Record<'comments' | 'shares' | 'likes', { icon: string; words: readonly string[] }> = {
  comments: {
    icon: '.icon-reply, .icon-reply-all',
    words: ['reply', 'antwort', 'répondre', 'responder', 'rispondi', 'reageer'],
  },
  shares: {
    icon: '.icon-retweet, .icon-retweet-private, .icon-repeat',
    words: ['boost', 'teilen', 'geteilt', 'partager', 'impulsar', 'potenzia', 'boosten'],
  },
  likes: {
    icon: '.icon-star, .star-icon',
    words: ['favourite', 'favorite', 'favorisier', 'favori', 'favorito', 'preferit', 'favoriet'],
  },
};

/** Words of the boost line above a status ("anna boosted", "anna teilte"), for UIs without the icon. */
export const BOOSTED_WORDS = [
  'boosted',
  'teilte',
  'geteilt',
  'a partagé',
  'impulsó',
  'ha condiviso',
  'boostte',
];

/** Parts of the server's profile description ("280 Posts, 138 Following, 1.04K Followers"), de and en. */
export const PROFILE_WORDS = {
  followers: /\bfollower/i,
  following: /\bfollowing\b|folge ich|folgt/i,
  posts: /\bposts?\b|beitr(?:ag|äge)|\btoots?\b|publications?/i,
} as const;

/** Top-level paths of timelines and of searches; everything under /@user is a profile or a status. */
export const FEED_PATHS = new Set([
  '',
  'home',
  'public',
  'explore',
  'lists',
  'notifications',
  'bookmarks',
  'favourites',
  'conversations',
  'links',
]);
export const SEARCH_PATHS = new Set(['tags', 'search']);
