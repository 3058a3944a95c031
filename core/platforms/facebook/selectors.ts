/**
 * Facebook hooks for three designs, newest first:
 * - today's (Comet) feed: units with `aria-posinset` (or `role="article"`), the `data-ad-rendering-role`
 *   and `data-ad-preview` hooks for author and message, counts in labels and short phrases
 *   ("Alle Reaktionen: 1.234", "56 Kommentare", "12 Mal geteilt"). Hand-written fixtures in
 *   tests/fixtures/facebook (de, en): no real capture of this design exists yet.
 * - the touch site m.facebook.com (2021): `data-sigil` hooks, `data-ft` JSON with the publish time.
 *   Checked against ../shared/fixtures/facebook/mbasic-2021-*.html.
 * - the classic 2018 desktop feed: `data-testid="fbfeed_story"`, `abbr[data-utime]`. Checked against
 *   ../shared/fixtures/facebook/classic-2018-*.html (supported because it costs little).
 */
import type { Phrases } from '../phrase-counts';

export const FB = {
  /** Post-like units; nested matches (a comment, a shared post) are not separate posts. */
  post: '[aria-posinset], div[role="article"], [data-pagelet^="FeedUnit_"], [data-testid="fbfeed_story"], [data-sigil~="story-div"]',
  /** Comments are `role="article"` too: told apart by their label ("Kommentar von …", "Comment by …"). */
  comment: 'div[role="article"][aria-label], [data-sigil="comment"]',
  author: [
    '[data-ad-rendering-role="profile_name"] a[href]',
    'h2 a[href]',
    'h3 a[href]',
    'h4 a[href]',
    'h5 a[href]',
    'strong a[href]',
  ],
  text: [
    '[data-ad-rendering-role="story_message"]',
    '[data-ad-comet-preview="message"]',
    '[data-ad-preview="message"]',
    '[data-testid="post_message"]',
    '.userContent',
    '[data-ft*=\'"tn":"*s"\']',
  ],
  /** Classic 2018: the unlabelled total beside the top reaction icons ("1K"). */
  classicReactionTotal: 'a[rel="ignore"][href*="reaction/profile/browser"]',
  /** Classic 2018: the per-reaction-type tokens ("816 Angry"): parts of the total, not the total. */
  reactionBreakdown: '[role="toolbar"]',
  classicTime: 'abbr[data-utime]',
  /** Touch site: the counts bar under a story; a count left out of it is 0. */
  touchCounts: '[id^="counts_feedback_inline_"]',
  video: 'video',
} as const;

/** Words that make a `role="article"` a comment or a reply rather than a post (aria-label starts). */
export const COMMENT_LABELS = [
  'kommentar',
  'antwort',
  'comment',
  'reply',
  'commentaire',
  'réponse',
  'comentario',
  'respuesta',
  'commento',
  'risposta',
  'opmerking',
  'reactie',
  'comentário',
  'resposta',
  'komentarz',
  'odpowiedź',
  'yorum',
  'yanıt',
  'コメント',
  '返信',
  '评论',
  '留言',
  '回复',
  '回覆',
  '댓글',
  '답글',
  'تعليق',
  'رد',
];

/**
 * Label phrases per UI language, lower case, `#` the number. Facebook ships ~100 languages; these are
 * the ones Resonanz reads by phrase (de en fr es it nl pt pl tr ja zh ko ar). On any other language the
 * page's data (data.ts) still supplies exact counts, and the bare number beside the reaction icons is
 * read without a phrase (see `besideReactionIcons`).
 */

/** The reaction total, which beats any per-type count ("Gefällt mir: 1.100" is only the likes among them). */
export const REACTION_TOTAL: readonly string[] = [
  'alle reaktionen: #',
  'all reactions: #',
  'toutes les réactions : #',
  'todas las reacciones: #',
  'tutte le reazioni: #',
  'alle reacties: #',
  'todas as reações: #',
  'wszystkie reakcje: #',
  'tüm ifadeler: #',
  'tüm tepkiler: #',
  'すべてのリアクション：#',
  'すべてのリアクション: #',
  '所有心情：#',
  '所有心情: #',
  '所有表情：#',
  '모든 공감 반응: #',
  'كل التفاعلات: #',
  'كل التفاعلات:#',
  '# reaktionen',
  '# reactions',
  '# réactions',
  '# reacciones',
];

/** A comment's reactions, as its label says ("1 reaction; see who reacted to this"): never a bare number. */
export const COMMENT_REACTIONS: readonly string[] = [
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
  '# reakcja',
  '# ifade',
  '# tepki',
  'リアクション#件',
  '# 个心情',
  '# 個心情',
  '공감 #개',
  '# تفاعل',
  '# تفاعلات',
];

export const METRIC_PHRASES: Phrases = {
  likes: [
    '# „gefällt mir“-angaben',
    '# personen gefällt das',
    '# likes',
    '# like',
    '# people like this',
    "# j'aime",
    '# me gusta',
    'gefällt mir: #',
    'like: #',
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
    '# reacties',
    '# comentários',
    '# comentário',
    '# komentarzy',
    '# komentarze',
    '# komentarz',
    '# yorum',
    'コメント#件',
    '# 条评论',
    '# 則留言',
    '# 条留言',
    '댓글 #개',
    '# تعليقًا',
    '# تعليقات',
    '# تعليق',
  ],
  shares: [
    '# mal geteilt',
    '# shares',
    '# share',
    '# partages',
    '# partage',
    '# veces compartido',
    '# compartidos',
    '# condivisioni',
    '# condivisione',
    '# keer gedeeld',
    '# compartilhamentos',
    '# compartilhamento',
    '# partilhas',
    '# udostępnienia',
    '# udostępnień',
    '# udostępnienie',
    '# paylaşım',
    'シェア#件',
    '# 次分享',
    '# 次分享次数',
    '공유 #회',
    '# مشاركة',
    '# مشاركات',
  ],
  views: [
    '# aufrufe',
    '# wiedergaben',
    '# views',
    '# plays',
    '# vues',
    '# reproducciones',
    '# visualizzazioni',
    '# weergaven',
    '# visualizações',
    '# wyświetleń',
    '# görüntüleme',
    '# 回視聴',
    '# 次观看',
    '# 次播放',
    '조회 #회',
    '# مشاهدة',
  ],
};

export const PROFILE_PHRASES: Phrases<'followers' | 'following'> = {
  followers: ['# follower', '# followers', '# abonnenten', '# abonnés', '# seguidores'],
  following: ['# gefolgt', '# folge ich', '# following', '# abonnements', '# seguidos'],
};

/** Labels Facebook puts on ads (often spelt out letter by letter between decoy letters). */
export const PROMOTED_LABELS = [
  'Gesponsert',
  'Sponsored',
  'Anzeige',
  'Sponsorisé',
  'Publicidad',
  'Patrocinado',
  'Sponsorizzato',
];

/** First path segments that are Facebook pages, not profiles or posts. */
export const RESERVED_PATHS = new Set([
  'home.php',
  'watch',
  'marketplace',
  'gaming',
  'events',
  'friends',
  'messages',
  'notifications',
  'settings',
  'bookmarks',
  'saved',
  'login',
  'login.php',
  'ads',
  'help',
  'business',
  'stories',
  'hashtag',
  'search',
  'groups',
  'photo',
  'photo.php',
  'permalink.php',
  'story.php',
  'reel',
  'reels',
  'share',
  'l.php',
  'ufi',
  'shares',
  'r.php',
  'profile.php',
  'people',
  'pages',
  'privacy',
  'policies',
  'a',
  'browse',
  'comment',
]);
