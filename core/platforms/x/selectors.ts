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

/**
 * Words in the metrics-group label, per metric: lower-case stems or whole words as X writes them in
 * its UI languages — de, en, fr, es, it, nl, pt, pl, tr, ru, id, ja, zh (Hans and Hant), ko, ar.
 * E.g. "12 Antworten, 1.234 Reposts, 5.678 „Gefällt mir“-Angaben, 3 Lesezeichen, 45.678 Mal angezeigt",
 * "3 回复、5 次转帖、28 喜欢次数、28 书签、1234 次观看", "답글 3, 재게시물 5, 마음에 들어요 28, …".
 * A label in a language not listed is read by `countsByElimination` instead.
 */
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
    'ответ',
    'balasan',
    '返信',
    '回复',
    '回覆',
    '답글',
    '답변',
    'رد',
    'ردود',
  ],
  shares: [
    'repost',
    'retweet',
    'reposté',
    'republica',
    'ripost',
    'compartilh',
    'podan',
    'yeniden',
    'репост',
    'posting ulang',
    'リポスト',
    'リツイート',
    '转帖',
    '转推',
    '轉發',
    '轉推',
    '轉貼',
    '재게시',
    '리포스트',
    '리트윗',
    'إعادة نشر',
    'إعادات نشر',
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
    'нравится',
    'suka',
    'いいね',
    '喜欢',
    '喜歡',
    '마음에 들어요',
    '좋아요',
    'إعجاب',
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
    'заклад',
    'markah',
    'ブックマーク',
    '书签',
    '書籤',
    '북마크',
    'علامة مرجعية',
    'علامات مرجعية',
    'إشارة مرجعية',
    'إشارات مرجعية',
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
    'просмотр',
    'tayangan',
    '表示',
    '观看',
    '查看',
    '瀏覽',
    '觀看',
    '조회',
    'مشاهدة',
    'مشاهدات',
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

/** The profile's post count line: "1,234 posts", "1.234 Posts", "12,3 Tsd. Beiträge", "7.5万 件のポスト". */
export const POSTS_WORDS =
  /(?:(?:^|[\s\d.,])(?:posts?|tweets?|beiträge|publications|publicaciones|publicações|berichten|posty|postów|gönderi|публикаци\p{L}*|postingan|منشورات|منشورًا|منشور)|件のポスト|ポスト|帖子|貼文|게시물)\s*$/iu;

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
