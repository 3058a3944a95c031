/**
 * Reddit hooks for its three web designs. Today's "shreddit" keeps every count in attributes of
 * custom elements (`shreddit-post score comment-count`, `shreddit-comment score depth parentid`), the
 * same in every UI language. old.reddit.com keeps them in `data-*` attributes. The 2018–2023 React
 * design ("new Reddit", `data-click-id`) shows them as text only; it is read cheaply where it costs
 * little. Checked against ../shared/fixtures/reddit (2019 design, shreddit head) and open-source
 * readers of shreddit markup.
 */
import type { MediaKind } from '../../model';

export const REDDIT = {
  shreddit: {
    post: 'shreddit-post, shreddit-ad-post',
    body: '[slot="text-body"], [id$="-post-rtjson-content"]',
    title: '[slot="title"]',
    comment: 'shreddit-comment[thingid]',
    commentBody: ':scope > [slot="comment"], :scope > [id$="-comment-rtjson-content"]',
    commentMeta: ':scope > [slot="commentMeta"]',
    video: 'shreddit-player, shreddit-player-2, video',
    image: 'gallery-carousel, shreddit-aspect-ratio img, [slot="post-media-container"] img',
  },
  /** 2018–2023 React design. */
  classic: {
    post: '[data-testid="post-container"]',
    title: 'h1, h3, h2',
    body: '[data-click-id="text"]',
    author: '[data-testid="post_author_link"]',
    score: '[id^="vote-arrows-"] > div',
    comments: 'a[data-click-id="comments"]',
    time: '[data-click-id="timestamp"]',
    video: '[data-click-id="media"] video, [data-isvideoplayer]',
    image: '[data-click-id="image"], [data-click-id="media"] img',
    link: '[data-testid="outbound-link"], [data-testid="imagebox-outboundurl"]',
    comment: '.Comment',
    commentText: '[data-testid="comment"]',
    commentAuthor: '[data-testid="comment_author_link"], [data-testid="comment_author_icon"]',
    commentTime: '[data-testid="comment_timestamp"]',
  },
  old: {
    post: '.thing.link[data-fullname^="t3_"]',
    title: 'a.title',
    body: '.expando .usertext-body .md',
    score: '.midcol .score.unvoted',
    comment: '.thing.comment[data-fullname^="t1_"]',
    commentText: ':scope > .entry .usertext-body .md',
    commentScore: ':scope > .entry .tagline .score.unvoted',
  },
} as const;

/** shreddit's `post-type` attribute → media kind. */
export const MEDIA_BY_POST_TYPE: Record<string, MediaKind> = {
  text: 'text',
  self: 'text',
  image: 'image',
  gallery: 'image',
  video: 'video',
  gif: 'video',
  link: 'link',
  poll: 'poll',
  multi_media: 'mixed',
};

/** The ad label in the post header (en, de, fr, es, it, nl, pt). */
export const PROMOTED_WORDS = [
  'promoted',
  'gesponsert',
  'werbung',
  'anzeige',
  'sponsorisé',
  'promocionado',
  'sponsorizzato',
  'gepromoot',
  'promovido',
];

/** Paths under which a page is a feed, a search, or a user profile. */
export const SEARCH_PATHS = new Set(['search']);
export const USER_PATHS = new Set(['user', 'u']);
