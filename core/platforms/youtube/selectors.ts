/**
 * YouTube hooks. Element names (`ytd-*`, `yt-*-view-model`) and ids (`#video-title`, `#vote-count-middle`)
 * are the same in every UI language; the phrases below are the localised words YouTube puts in visible
 * text and aria-labels. Checked against ../shared/fixtures/youtube (2022: de home, en search, en/fr
 * watch; ~2024 es server HTML) and, for the 2025 view-model markup, tests/fixtures/youtube.
 */

/** The single-page app keeps earlier pages in the DOM, hidden; each URL kind has its own page element. */
export const PAGES = {
  app: 'ytd-app',
  search: 'ytd-search',
  watch: 'ytd-watch-flexy',
  shorts: 'ytd-shorts',
  browse: 'ytd-browse',
} as const;

/** Video tiles in feeds, search results, channel grids and the watch page's sidebar, old and new. */
export const TILE = [
  'ytd-rich-item-renderer',
  'ytd-video-renderer',
  'ytd-grid-video-renderer',
  'ytd-compact-video-renderer',
  'ytd-playlist-video-renderer',
  'ytd-reel-item-renderer',
  'ytm-shorts-lockup-view-model',
  // 2025 lockup: wrapped by ytd-rich-item-renderer on home, bare in the watch sidebar and search shelves.
  'yt-lockup-view-model',
].join(', ');

export const T = {
  /** Links that carry a tile's video id, title link first. */
  videoLink: [
    'a#video-title-link[href]',
    'a#video-title[href]',
    'h3 a[href]',
    'a[href*="/shorts/"]',
    'a[href*="/watch?"]',
    'a[href^="https://youtu.be/"]',
  ],
  title: [
    '#video-title',
    'h3 a',
    'h3',
    '.ytLockupMetadataViewModelTitle',
    '.yt-lockup-metadata-view-model__title',
    '.shortsLockupViewModelHostMetadataTitle',
  ],
  /** A channel link with the channel's name as its text (old byline, 2025 first metadata row). */
  channelLink: [
    'ytd-channel-name a[href]',
    'yt-content-metadata-view-model a[href^="/@"]',
    'yt-content-metadata-view-model a[href^="/channel/"]',
    'a#avatar-link[href]',
  ],
  /** The channel's name where it is not a link (the 2022 watch sidebar). */
  channelName: ['ytd-channel-name #text', 'ytd-channel-name'],
  /** Pieces of the metadata line: "159.020 Aufrufe", "vor 1 Tag", "1.2M views • 3 days ago". */
  metadataText: [
    '#metadata-line span',
    '.inline-metadata-item',
    'yt-content-metadata-view-model span[role="text"]',
    '.ytContentMetadataViewModelMetadataText',
    '.yt-content-metadata-view-model__metadata-text',
    '.shortsLockupViewModelHostOutsideMetadataSubhead span',
  ],
  /** Playlists and mixes look like video tiles but are not posts. */
  collection:
    'ytd-playlist-thumbnail, yt-collection-thumbnail-view-model, yt-collections-stack, ytd-thumbnail-overlay-bottom-panel-renderer',
  /** Ad containers: a tile inside one (or carrying an ad badge) is promoted. */
  ad: 'ytd-ad-slot-renderer, ytd-in-feed-ad-layout-renderer, ytd-promoted-video-renderer, ytd-display-ad-renderer, ytd-promoted-sparkles-web-renderer',
  badge: '.badge, badge-shape, .ytBadgeShapeText, .yt-badge-shape__text',
} as const;

export const WATCH = {
  title: ['ytd-watch-metadata h1', '#title h1', 'h1.title', 'ytd-video-primary-info-renderer h1', 'h1'],
  owner: ['ytd-video-owner-renderer', '#owner'],
  channelLink: ['ytd-channel-name a[href]', 'a[href^="/@"]', 'a[href^="/channel/"]'],
  subscribers: '#owner-sub-count',
  /** The view count: exact in aria-labels and the 2022 renderer, abbreviated in the collapsed info line. */
  views: [
    '#view-count[aria-label]',
    'ytd-video-view-count-renderer span',
    'ytd-watch-info-text #info span',
    '#info-container #info span',
    '#info-text #count',
  ],
  date: [
    '#date-text[aria-label]',
    '#info-strings yt-formatted-string',
    'ytd-watch-info-text #info span',
    '#info-container #info span',
  ],
  /** Where the like button lives (2023+ view models first, then the 2022 first toggle button). */
  like: [
    'like-button-view-model',
    '#segmented-like-button',
    'ytd-segmented-like-dislike-button-renderer',
    '#top-level-buttons-computed > ytd-toggle-button-renderer:first-of-type',
  ],
  commentsCount: ['ytd-comments-header-renderer #count', 'ytd-comments-header-renderer h2'],
  description: [
    '#description-inline-expander',
    'ytd-text-inline-expander',
    '#description yt-formatted-string',
    '#description',
  ],
} as const;

export const SHORTS = {
  active: 'ytd-reel-video-renderer[is-active]',
  title: ['.ytShortsVideoTitleViewModelShortsVideoTitle', 'yt-shorts-video-title-view-model', 'h2', '.title'],
  channelLink: ['ytd-channel-name a[href]', 'a[href^="/@"]'],
  like: ['like-button-view-model', '#like-button'],
  comments: ['#comments-button', 'button-view-model[class*="comment"]'],
} as const;

export const COMMENT = {
  thread: 'ytd-comment-thread-renderer',
  /** One comment: 2022 `ytd-comment-renderer`, 2024+ `ytd-comment-view-model`. */
  item: 'ytd-comment-renderer, ytd-comment-view-model',
  author: '#author-text',
  /** The permalink on the time carries the comment id: `&lc=<id>` (replies: `<parent>.<reply>`). */
  permalink: 'a[href*="lc="]',
  time: ['#published-time-text a', '#header-author yt-formatted-string a', 'a[href*="lc="]'],
  text: '#content-text',
  likes: '#vote-count-middle',
  likeButton: '#like-button [aria-label], like-button-view-model [aria-label]',
  /** Shown only when the commenter is the channel that uploaded the video. */
  authorBadge:
    '#author-comment-badge ytd-author-comment-badge-renderer, ytd-author-comment-badge-renderer[creator]',
} as const;

export const CHANNEL = {
  header: 'yt-page-header-renderer, yt-page-header-view-model, ytd-c4-tabbed-header-renderer, #page-header',
  name: ['yt-dynamic-text-view-model h1', 'h1', '#channel-name #text', '#channel-name'],
  handle: ['#channel-handle', '#channel-header-handle'],
  subscribers: '#subscriber-count',
  videos: '#videos-count',
  metadata:
    'yt-content-metadata-view-model span, .yt-content-metadata-view-model__metadata-text, #metadata span',
} as const;

/** The words next to counts, per language (lower case). A count is read from the number before them. */
export const WORDS = {
  views: [
    'views',
    'view',
    'aufrufe',
    'aufruf',
    'vues',
    'vue',
    'visualizaciones',
    'visualización',
    'visualizzazioni',
    'visualizações',
    'weergaven',
    'wyświetleń',
    'görüntüleme',
    'görüntülenme',
    'wyświetlenia',
    'просмотров',
    'просмотра',
    'просмотр',
    'tayangan',
    'lượt xem',
    '回視聴',
    '次观看',
    '次觀看',
    '觀看次數',
    '조회수',
    'مشاهدة',
    'مشاهدات',
  ],
  /** "No views" / "Keine Aufrufe": the platform saying zero. */
  noViews: [
    'no views',
    'keine aufrufe',
    'aucune vue',
    'sin visualizaciones',
    'nessuna visualizzazione',
    'nenhuma visualização',
  ],
  subscribers: [
    'subscribers',
    'subscriber',
    'abonnenten',
    'abonnent',
    'abonnés',
    'abonné',
    'suscriptores',
    'suscriptor',
    'iscritti',
    'inscritos',
    'abonnees',
    'subskrybentów',
    'subskrybenci',
    'abone',
    'подписчиков',
    'подписчика',
    'подписчик',
    'pelanggan',
    'người đăng ký',
    'チャンネル登録者数',
    'チャンネル登録者',
    '位订阅者',
    '位訂閱者',
    '구독자',
    'مشترك',
    'مشتركين',
  ],
  videos: ['videos', 'video', 'vídeos', 'vidéos', 'vidéo', 'filmów', 'videolar'],
  /** Live tiles show concurrent viewers, not views. */
  watching: ['watching', 'zuschauer', 'spectateurs', 'espectadores', 'spettatori', 'assistindo', 'kijkers'],
  ad: [
    'ad',
    'ads',
    'sponsored',
    'anzeige',
    'gesponsert',
    'werbung',
    'sponsorisé',
    'annonce',
    'patrocinado',
    'anuncio',
    'sponsorizzato',
    'annuncio',
    'gesponsord',
    'advertentie',
  ],
  /** Relative times in these units are too coarse for a timestamp ("vor 2 Jahren" is 18–30 months). */
  coarseTime:
    /\b(weeks?|months?|years?|wochen?|monate?n?|jahre?n?|semaines?|mois|ans?|années?|semanas?|mes(?:es)?|años?|settiman[ae]|mes[ei]|ann[oi]|weken|maanden|jaar|jaren)\b/i,
} as const;

/** Path segments that are YouTube pages, not channels. */
export const RESERVED_PATHS = new Set([
  'feed',
  'results',
  'watch',
  'shorts',
  'playlist',
  'account',
  'premium',
  'gaming',
  'music',
  'kids',
  'signin',
  'logout',
  'upload',
  'live',
  'embed',
  'redirect',
  'hashtag',
  't',
  'about',
  'howyoutubeworks',
  'reporthistory',
]);
