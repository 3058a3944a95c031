/**
 * Instagram hooks and the words its UI puts around counts. Instagram hashes its class names, so the
 * adapter leans on structure that has held for years: `<article>` per feed post, permalinks
 * (`/p/<code>/`, `/reel/<code>/`, comment links `/p/<code>/c/<id>/`), `<time datetime>`, the profile
 * `<header>` with `/followers/` and `/following/` links, and the logged-out page's meta description.
 * Checked against ../shared/fixtures/instagram (logged-out server HTML, 2024, en) and the hand-written
 * fixtures in tests/fixtures/instagram (logged-in feed, profile and post page, de and en).
 */
import type { Metric } from '../../model';
import type { Phrases } from '../phrase-counts';

export const IG = {
  post: 'article',
  /** A post page opened directly has its post in `main` (or a dialog), not always in an `<article>`. */
  postPageRoot: 'div[role="dialog"] article, main article, main',
  profileHeader: 'main header, header',
  /** Comment rows on a post page. */
  comment: 'ul li',
  video: 'video',
} as const;

/** `/p/<code>/`, `/reel/<code>/`, `/tv/<code>/`, also behind a user prefix (`/<user>/p/<code>/`). */
export const POST_PATH = /^\/(?:[A-Za-z0-9._]{1,30}\/)?(p|reels?|tv)\/([A-Za-z0-9_-]{5,})(?:\/|$)/;
/** A comment's own link: `/p/<code>/c/<id>/`, a reply's `/p/<code>/c/<parent>/r/<id>/`. */
export const COMMENT_PATH = /\/(?:p|reels?|tv)\/([A-Za-z0-9_-]+)\/c\/(\d+)(?:\/r\/(\d+))?/;
/** A profile link: one path segment that is a handle. */
export const PROFILE_PATH = /^\/([A-Za-z0-9._]{1,30})\/?$/;

/** First path segments that are Instagram pages, not profiles. */
export const RESERVED_PATHS = new Set([
  'p',
  'reel',
  'reels',
  'tv',
  'explore',
  'accounts',
  'direct',
  'stories',
  'about',
  'legal',
  'developer',
  'web',
  'emails',
  'challenge',
  'session',
  'privacy',
  'terms',
  'locations',
  'topics',
  'your_activity',
  'ar',
]);

/** Count phrases per metric, in the UI languages Instagram ships most (de, en, es, fr, it, pt, nl). */
export const METRIC_PHRASES: Phrases = {
  likes: [
    '# „gefällt mir“-angaben',
    '# „gefällt mir“-angabe',
    'gefällt # mal',
    '# mal gefällt',
    '# likes',
    '# like',
    '# me gusta',
    "# j'aime",
    '# mi piace',
    '# curtidas',
    '# curtida',
    '# vind-ik-leuks',
  ],
  comments: [
    '# kommentare',
    '# kommentar',
    '# comments',
    '# comment',
    '# comentarios',
    '# comentario',
    '# commentaires',
    '# commentaire',
    '# commenti',
    '# commento',
    '# comentários',
    '# opmerkingen',
  ],
  views: [
    '# aufrufe',
    '# mal abgespielt',
    '# wiedergaben',
    '# views',
    '# plays',
    '# reproducciones',
    '# visualizaciones',
    '# vues',
    '# visualizzazioni',
    '# visualizações',
    '# weergaven',
  ],
};

/** Icons whose count Instagram's newer feed draws beside them (aria-labels, liked and not liked). */
export const ICON_LABELS: Partial<Record<Metric, readonly string[]>> = {
  likes: [
    'Gefällt mir',
    'Gefällt mir nicht mehr',
    'Like',
    'Unlike',
    'Me gusta',
    'Ya no me gusta',
    "J'aime",
    'Je n’aime plus',
  ],
  comments: ['Kommentieren', 'Kommentar', 'Comment', 'Comentar', 'Commenter'],
  shares: ['Teilen', 'Beitrag teilen', 'Share', 'Share post', 'Compartir', 'Partager', 'Repost', 'Reposten'],
};

/** The profile header's counts: "12.345 Follower", "189 Gefolgt", "1.234 Beiträge". */
export const PROFILE_PHRASES: Phrases<'followers' | 'following' | 'posts'> = {
  followers: ['# follower', '# followers', '# seguidores', '# abonnés', '# abonnenten', '# volgers'],
  following: [
    '# gefolgt',
    '# following',
    '# seguidos',
    '# abonnements',
    '# abonniert',
    '# volgend',
    '# seguiti',
  ],
  posts: [
    '# beiträge',
    '# beitrag',
    '# posts',
    '# post',
    '# publicaciones',
    '# publicaciones',
    '# publications',
    '# berichten',
  ],
};

/** Labels Instagram puts under the author of an ad. */
export const PROMOTED_LABELS = [
  'Gesponsert',
  'Sponsored',
  'Anzeige',
  'Publicidad',
  'Patrocinado',
  'Sponsorisé',
  'Sponsorizzato',
];

/** Words in the meta description between the handle and the date: "willyrex on May 29, 2021: …". */
export const META_DATE_WORDS = ['on', 'am', 'el', 'le', 'il', 'em', 'op', 'den'];
