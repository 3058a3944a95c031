/** Instagram: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

/** First path segments that are Instagram's own routes, not accounts. */
const RESERVED = new Set([
  'p',
  'reel',
  'reels',
  'explore',
  'stories',
  'accounts',
  'direct',
  'tv',
  'about',
  'legal',
  'developer',
  'web',
  'api',
  'challenge',
  'emails',
  'invites',
  'privacy',
  'terms',
  'tags',
  'locations',
]);

export const instagram: PlatformInfo = {
  id: 'instagram',
  name: 'Instagram',
  hosts: ['www.instagram.com', 'instagram.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      `${TEXTBOX}[data-lexical-editor="true"]`,
      'form textarea[aria-label]',
      'section textarea[placeholder]',
      TEXTBOX,
    ],
  },
  zeeschuimerModule: 'instagram.com',
  handles: {
    pathSlots: (segs, lower) => {
      const s0 = lower[0] ?? '';
      if (s0 === 'stories') return segs[1] && lower[1] !== 'highlights' ? [1] : [];
      return s0 && !RESERVED.has(s0) ? [0] : [];
    },
  },
};
