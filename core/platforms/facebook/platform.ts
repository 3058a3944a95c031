/** Facebook: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

/** First path segments that are Facebook's own routes, not accounts. */
const RESERVED = new Set([
  'groups',
  'pages',
  'events',
  'watch',
  'marketplace',
  'gaming',
  'photo',
  'photo.php',
  'photos',
  'story.php',
  'permalink.php',
  'reel',
  'reels',
  'share',
  'sharer',
  'sharer.php',
  'hashtag',
  'login',
  'login.php',
  'help',
  'policies',
  'privacy',
  'settings',
  'notifications',
  'messages',
  'bookmarks',
  'friends',
  'search',
  'stories',
  'ads',
  'business',
  'l.php',
  'dialog',
  'plugins',
  'video.php',
  'profile.php',
  'home.php',
  'people',
  'feeds',
]);

export const facebook: PlatformInfo = {
  id: 'facebook',
  name: 'Facebook',
  hosts: ['www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'mbasic.facebook.com'],
  linkHosts: ['fb.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [`${TEXTBOX}[data-lexical-editor="true"]`, 'form [contenteditable="true"][role="textbox"]'],
  },
  zeeschuimerModule: 'facebook.com',
  handles: {
    pathSlots: (segs, lower) => {
      const s0 = lower[0] ?? '';
      if (s0 === 'people') return segs[1] ? (segs[2] ? [1, 2] : [1]) : [];
      return s0 && !RESERVED.has(s0) ? [0] : [];
    },
    queryParam: (path, name) => /\/profile\.php$/i.test(path) && name === 'id',
  },
};
