/** X: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { firstSegmentUnless, type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

/** First path segments that are X's own routes, not accounts. */
const RESERVED = new Set([
  'home',
  'explore',
  'search',
  'i',
  'notifications',
  'messages',
  'settings',
  'hashtag',
  'compose',
  'intent',
  'share',
  'login',
  'logout',
  'signup',
  'tos',
  'privacy',
  'jobs',
  'lists',
  'communities',
  'premium',
  'verified',
  'topics',
  'account',
  'bookmarks',
  'who_to_follow',
  'following',
  'followers',
  'status',
]);

export const x: PlatformInfo = {
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      '[data-testid^="tweetTextarea_"]',
      '.public-DraftEditor-content[contenteditable="true"]',
      TEXTBOX,
    ],
  },
  // Zeeschuimer's modules/twitter.js MODULE_ID (its DOMAIN is x.com).
  zeeschuimerModule: 'twitter.com',
  handles: {
    pathSlots: firstSegmentUnless(RESERVED, /^[A-Za-z0-9_]+$/),
    queryParam: (_path, name) => name === 'screen_name' || name === 'user_id',
    strict: true,
  },
};
