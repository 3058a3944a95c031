/**
 * LinkedIn hooks for three renderings:
 * - the public (logged-out) company page: `article[data-activity-urn]` with `data-test-id` hooks and exact
 *   counts in `data-num-reactions` / `data-num-comments`. Checked against
 *   ../shared/fixtures/linkedin/company-logged-out.html (2024-10, en).
 * - the logged-in feed, profile activity and post pages: `[data-urn^="urn:li:activity:"]` with the
 *   long-standing BEM classes (`update-components-*`, `social-details-social-counts__*`), which are not
 *   hashed. Hand-written fixtures in tests/fixtures/linkedin (de, en).
 * - the server-driven feed rolled out from 2025 ("SDUI"): `[componentkey^="update-card-focus"]` cards,
 *   `[data-testid="expandable-text-box"]` text, counts as "252 reactions" phrases and often no urn in the
 *   DOM at all. Shape taken from public reports of that markup; no capture of our own.
 */
import type { Phrases } from '../phrase-counts';

export const LI = {
  post: [
    'article[data-activity-urn]',
    '[data-urn^="urn:li:activity:"]',
    '[data-id^="urn:li:activity:"]',
    '[data-urn^="urn:li:aggregate:"]',
    '[data-urn^="urn:li:ugcPost:"]',
    '[data-urn^="urn:li:share:"]',
    '[componentkey^="update-card-focus"]',
  ].join(', '),
  actorLink: [
    'a.update-components-actor__meta-link',
    '.update-components-actor__container a[href]',
    'a.update-components-actor__image',
    '[data-test-id="main-feed-activity-card__entity-lockup"] a[href]',
  ],
  actorName: [
    '.update-components-actor__title span[aria-hidden="true"]',
    '.update-components-actor__title',
    '.update-components-actor__name',
  ],
  header: '.update-components-header, .feed-shared-header',
  subDescription: '.update-components-actor__sub-description, .feed-shared-actor__sub-description',
  text: [
    '.update-components-text',
    '.feed-shared-update-v2__description',
    '.feed-shared-inline-show-more-text',
    '[data-test-id="main-feed-activity-card__commentary"]',
    '[data-testid="expandable-text-box"]',
  ],
  reactionsCount:
    '.social-details-social-counts__reactions-count, .social-details-social-counts__social-proof-fallback-number',
  /** The counts bar: present whenever a post has any reaction, comment or repost; a count left out is 0. */
  countsBar: '.social-details-social-counts',
  numReactions: '[data-num-reactions]',
  numComments: '[data-num-comments]',
  comments:
    '.comments-comments-list, .comments-comment-entity, [componentkey^="replaceableComment_"], [data-id^="urn:li:comment:"]',
  comment: '[data-id^="urn:li:comment:"]',
  commentText: [
    '.comments-comment-item__main-content',
    '.comments-comment-entity__content .update-components-text',
    '.update-components-text',
    '[data-testid="expandable-text-box"]',
  ],
  commentName: [
    '.comments-comment-meta__description-title',
    '.comments-post-meta__name-text span[aria-hidden="true"]',
    '.comments-post-meta__name-text',
  ],
  video:
    'video, .update-components-linkedin-video, [data-test-id="feed-native-video-content"], [data-vjs-player]',
  image: '.update-components-image, [data-test-id="feed-images-content"], img[src*="feedshare"]',
  article: '.update-components-article, [data-test-id="article-content"], .feed-shared-article',
  poll: '.update-components-poll, [data-test-id="poll-content"]',
  document:
    '.update-components-document, iframe[src*="native-document"], [componentkey^="document-container"]',
} as const;

/** `urn:li:activity:<digits>` and its siblings, anywhere in an attribute value or a link. */
export const POST_URN = /urn:li:(activity|ugcPost|share):(\d{10,})/;

/**
 * Count phrases per UI language (de en fr es it nl pt pl tr ja zh ko ar), lower case, `#` the number.
 * LinkedIn writes them in the counts bar, in aria-labels and (2026) in visually hidden spans.
 */
export const METRIC_PHRASES: Phrases = {
  likes: [
    '# reaktionen',
    '# reaktion',
    '# reactions',
    '# reaction',
    '# réactions',
    '# réaction',
    '# reacciones',
    '# reacción',
    '# reazioni',
    '# reazione',
    '# reacties',
    '# reactie',
    '# reações',
    '# reação',
    '# reakcje',
    '# reakcji',
    '# tepki',
    '# 件のリアクション',
    'リアクション#件',
    '# 次回应',
    '# 个回应',
    '반응 #개',
    '# تفاعل',
    '# تفاعلات',
  ],
  comments: [
    '# kommentare',
    '# kommentar',
    '# comments',
    '# comment',
    '# commentaires',
    '# commentaire',
    '# comentarios',
    '# comentario',
    '# commenti',
    '# commento',
    '# opmerkingen',
    '# opmerking',
    '# comentários',
    '# comentário',
    '# komentarze',
    '# komentarzy',
    '# komentarz',
    '# yorum',
    '# 件のコメント',
    'コメント#件',
    '# 条评论',
    '댓글 #개',
    '# تعليقات',
    '# تعليق',
  ],
  shares: [
    '# reposts',
    '# repost',
    '# mal geteilt',
    '# geteilt',
    '# republications',
    '# republication',
    '# veces compartido',
    '# compartidos',
    '# diffusioni',
    '# diffusione',
    '# reposts',
    '# compartilhamentos',
    '# compartilhamento',
    '# udostępnienia',
    '# udostępnień',
    '# yeniden yayın',
    '# 件の再投稿',
    '# 次转发',
    '퍼감 #회',
    '# إعادة نشر',
    '# shares',
  ],
  views: [
    '# impressionen',
    '# impressions',
    '# aufrufe',
    '# views',
    '# vues',
    '# visualizaciones',
    '# visualizzazioni',
  ],
};

/**
 * "Anna and 29 others reacted": the reactors besides the one named; the total is this + 1. Only the
 * "and # others" part is matched, so "29 others" in a caption without "and" is never taken.
 */
export const REACTOR_OTHERS: readonly string[] = [
  'and # others',
  'and # other',
  'und # weitere',
  'und # weiteren',
  'et # autres',
  'et # autre',
  'y # personas más',
  'y # más',
  'e altri #',
  'e # altri',
  'en # anderen',
  'en # andere',
  'e mais #',
  'e outras # pessoas',
  'i # innych',
  'i # inne osoby',
  've # kişi daha',
  've diğer #',
  '他#人',
  '和另外 # 人',
  '외 #명',
  'و# آخرون',
  'و # آخرين',
];

export const PROFILE_PHRASES: Phrases<'followers'> = {
  followers: [
    '# follower',
    '# followers',
    '# abonnés',
    '# abonné',
    '# seguidores',
    '# abonnenten',
    '# follower',
    '# volgers',
    '# obserwujących',
    '# takipçi',
    'フォロワー#人',
    '# 位关注者',
    '팔로워 #명',
    '# متابع',
  ],
};

/** The line above a post when someone in your network acted on it; only a repost makes them `repostedBy`. */
export const HEADER_WORDS = [
  'reposted this',
  'likes this',
  'commented on this',
  'loves this',
  'finds this',
  'celebrates this',
  'supports this',
  'hat das reposted',
  'hat dies reposted',
  'hat das repostet',
  'gefällt das',
  'hat das kommentiert',
  'findet das',
  'feiert das',
  'unterstützt das',
  'a republié ceci',
  'aime ça',
  'a commenté ceci',
];
export const REPOST_WORDS = [
  'reposted this',
  'hat das reposted',
  'hat dies reposted',
  'hat das repostet',
  'a republié ceci',
];

/** Avatar alt texts that carry the actor's name (en; de as LinkedIn words them in its German UI, unverified). */
export const ALT_NAME = [
  /^View (.+?)[’']s profile(?:$|,)/,
  /^View company: (.+)$/,
  /^Profil von (.+?) anzeigen$/,
  /^Unternehmen anzeigen: (.+)$/,
];

export const PROMOTED_LABELS = [
  'Promoted',
  'Gesponsert',
  'Anzeige',
  'Sponsored',
  'Sponsorisé',
  'Promocionado',
  'Promosso',
  'Gepromoot',
  'Promovido',
  'Promowane',
  'Tanıtılan',
  'プロモーション',
  '推广',
  '광고',
  'ترويج',
];

/** The relative age LinkedIn shows ("2 Tage •", "4d", "12h •", "1 Woche • Bearbeitet"). */
export const AGE_LINE = /^\s*(\d+\s?\p{L}{1,8}\.?)(?:\s|•|$)/u;
