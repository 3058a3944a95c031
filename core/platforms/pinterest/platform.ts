/** Pinterest: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { firstSegmentUnless, type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

/** First path segments that are Pinterest's own routes, not accounts. */
const RESERVED = new Set([
  'pin',
  'search',
  'ideas',
  'today',
  'business',
  'settings',
  '_',
  'explore',
  'categories',
  'topics',
  'login',
  'logout',
  'resource',
  'about',
  'password',
  'news_hub',
]);

export const pinterest: PlatformInfo = {
  id: 'pinterest',
  name: 'Pinterest',
  hosts: ['www.pinterest.com', 'pinterest.com', 'www.pinterest.de', 'de.pinterest.com', 'pinterest.de'],
  // Pinterest runs on country domains (pinterest.co.uk, at.pinterest.com, …).
  hostPattern: /(^|\.)pinterest\.[a-z.]+$/,
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      '[data-test-id="comment-editor-container"] [contenteditable="true"]',
      '.public-DraftEditor-content[contenteditable="true"]',
      TEXTBOX,
      'textarea',
    ],
  },
  zeeschuimerModule: 'pinterest.com',
  handles: { pathSlots: firstSegmentUnless(RESERVED), strict: true },
};
