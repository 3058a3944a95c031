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
export const POST_PATH = /^\/(?:[A-Za-z0-9._]{1,30}\/)?(p|reels?|tv)\/(?!audio\/)([A-Za-z0-9_-]{5,})(?:\/|$)/;
/** The reels viewer's author link (`/<user>/reels/`): its reels carry no permalink, only this. */
export const REELS_AUTHOR_PATH = /^\/([A-Za-z0-9._]{1,30})\/reels\/?$/;
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
    '# gostos',
    '# vind-ik-leuks',
    '# polubień',
    '# polubienia',
    '# beğenme',
    'いいね！#件',
    '# 次赞',
    '# 个赞',
    '좋아요 #개',
    '# تسجيل إعجاب',
    '# إعجاب',
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
    '# komentarzy',
    '# komentarze',
    '# yorum',
    'コメント#件',
    '# 条评论',
    '댓글 #개',
    '# تعليقًا',
    '# تعليق',
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
    '# wyświetleń',
    '# görüntüleme',
    '再生回数#回',
    '# 次播放',
    '조회 #회',
    '# مشاهدة',
  ],
};

/**
 * Icons whose count Instagram draws beside them (aria-labels of the like, comment and share buttons,
 * liked and not liked), per UI language: de en fr es it nl pt pl tr ja zh ko ar. A count is only ever
 * read beside one of these (or from the `liked_by` link), never from another element's number.
 */
export const ICON_LABELS: Partial<Record<Metric, readonly string[]>> = {
  likes: [
    'Gefällt mir',
    'Gefällt mir nicht mehr',
    'Like',
    'Unlike',
    "J'aime",
    'Je n’aime plus',
    "Je n'aime plus",
    'Me gusta',
    'Ya no me gusta',
    'Mi piace',
    'Non mi piace più',
    'Vind ik leuk',
    'Vind ik niet meer leuk',
    'Curtir',
    'Descurtir',
    'Gosto',
    'Lubię to!',
    'Nie lubię',
    'Beğen',
    'Beğenmekten Vazgeç',
    'いいね！',
    'いいね！を取り消す',
    '赞',
    '取消赞',
    '讚',
    '收回讚',
    '좋아요',
    '좋아요 취소',
    'أعجبني',
    'إلغاء الإعجاب',
  ],
  comments: [
    'Kommentieren',
    'Kommentar',
    'Comment',
    'Commenter',
    'Comentar',
    'Commenta',
    'Reageren',
    'Opmerking plaatsen',
    'Comentário',
    'Skomentuj',
    'Komentarz',
    'Yorum Yap',
    'Yorum',
    'コメントする',
    'コメント',
    '评论',
    '留言',
    '댓글 달기',
    '댓글',
    'تعليق',
  ],
  shares: [
    'Teilen',
    'Beitrag teilen',
    'Share',
    'Share post',
    'Partager',
    'Compartir',
    'Condividi',
    'Delen',
    'Compartilhar',
    'Partilhar',
    'Udostępnij',
    'Paylaş',
    'シェア',
    '分享',
    '공유',
    'مشاركة',
    'Repost',
    'Reposten',
  ],
};

/** The profile header's counts: "12.345 Follower", "189 Gefolgt", "1.234 Beiträge". */
export const PROFILE_PHRASES: Phrases<'followers' | 'following' | 'posts'> = {
  followers: [
    '# follower',
    '# followers',
    '# seguidores',
    '# abonnés',
    '# abonnenten',
    '# volgers',
    '# obserwujących',
    '# takipçi',
    'フォロワー#人',
    '# 位粉丝',
    '# 位粉絲',
    '粉丝 #',
    '팔로워 #',
    '# متابع',
    '# متابعًا',
  ],
  following: [
    '# gefolgt',
    '# following',
    '# seguidos',
    '# seguindo',
    '# abonnements',
    '# abonniert',
    '# volgend',
    '# seguiti',
    '# obserwowani',
    '# obserwowanych',
    '# takip',
    'フォロー中#人',
    '已关注 #',
    '# 已关注',
    '追蹤中 #',
    '팔로우 #',
    '# يتابع',
    '# متابَع',
  ],
  posts: [
    '# beiträge',
    '# beitrag',
    '# posts',
    '# post',
    '# publicaciones',
    '# publicações',
    '# publications',
    '# berichten',
    '# posty',
    '# postów',
    '# gönderi',
    '投稿#件',
    '# 篇帖子',
    '# 則貼文',
    '게시물 #',
    '# منشور',
    '# منشورًا',
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
