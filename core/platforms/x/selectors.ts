/**
 * X (Twitter) hooks. `data-testid` values are the same in every UI language; the phrases below are
 * the localised words X puts in aria-labels, so counts are read in German and English (and the
 * other languages listed) alike. Checked against ../shared/fixtures/x (2025-10, en).
 */
import type { Metric } from '../../model';

export const X = {
  post: 'article[data-testid="tweet"]',
  /** The quoted post inside a quoting post (a link-like block with its own author header). */
  quoted: 'div[role="link"]',
  /** One aria-label listing every count: "48 replies, 152 reposts, 553 likes, 9 bookmarks, 30142 views". */
  metricsGroup: '[role="group"][aria-label]',
  /** `data-testid` values inside a post. */
  ids: {
    userName: 'User-Name',
    text: 'tweetText',
    socialContext: 'socialContext',
    photo: 'tweetPhoto',
    video: ['videoPlayer', 'videoComponent'],
    card: 'card.wrapper',
    poll: 'cardPoll',
  },
  /** Action buttons per metric, by `data-testid` (the second is the "already done" state). */
  buttons: {
    comments: ['reply'],
    shares: ['retweet', 'unretweet'],
    likes: ['like', 'unlike'],
    saves: ['bookmark', 'removeBookmark'],
  } satisfies Partial<Record<Metric, readonly string[]>>,
  profile: {
    name: '[data-testid="UserName"]',
    followers: 'a[href$="/verified_followers"], a[href$="/followers"]',
    following: 'a[href$="/following"]',
  },
} as const;

/** Words in the metrics-group label, per metric (lower-case stems; de, en, fr, es, it, nl, pt, pl, tr). */
export const METRIC_WORDS: Record<Exclude<Metric, 'quotes'>, readonly string[]> = {
  comments: [
    'repl',
    'antwort',
    'réponse',
    'respuesta',
    'rispost',
    'antwoord',
    'resposta',
    'odpowied',
    'yanıt',
  ],
  shares: [
    'repost',
    'retweet',
    'reposté',
    'republica',
    'ripost',
    'reposts',
    'compartilh',
    'podan',
    'yeniden',
  ],
  likes: [
    'like',
    'gefällt',
    'j’aime',
    "j'aime",
    'me gusta',
    'mi piace',
    'vind-ik-leuk',
    'curtida',
    'polubie',
    'beğeni',
  ],
  saves: [
    'bookmark',
    'lesezeichen',
    'signet',
    'guardado',
    'segnalibr',
    'bladwijzer',
    'itens salvos',
    'zakład',
    'yer işaret',
  ],
  views: [
    'view',
    'aufruf',
    'ansicht',
    'angezeigt',
    'vue',
    'visualiza',
    'visualizzazion',
    'weergave',
    'wyświetle',
    'görüntüle',
  ],
};

/** Labels X puts on ads in the post header, per language. */
export const PROMOTED_LABELS = [
  'Ad',
  'Promoted',
  'Anzeige',
  'Gesponsert',
  'Werbung',
  'Sponsorisé',
  'Publicidad',
  'Promocionado',
  'Sponsorizzato',
  'Advertentie',
  'Promovido',
  'Reklama',
  'Reklam',
];

/** Words in the social-context line when someone reposted the post into this feed. */
export const REPOST_WORDS = [
  'repost',
  'retweet',
  'teilte',
  'repostet',
  'reposté',
  'republicó',
  'ha repostato',
  'heeft gerepost',
];

/** The profile's post count line: "1,234 posts", "1.234 Posts", "12,3 Tsd. Beiträge". */
export const POSTS_WORDS = /\b(posts?|tweets?|beiträge|publications|publicaciones|post|berichten)\s*$/i;

/** Path segments that are X pages, not profiles. */
export const RESERVED_PATHS = new Set([
  'home',
  'explore',
  'search',
  'notifications',
  'messages',
  'i',
  'settings',
  'compose',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'jobs',
  'lists',
  'communities',
  'bookmarks',
  'hashtag',
]);
