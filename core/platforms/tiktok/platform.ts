/** TikTok: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import type { PlatformInfo } from '../platform';
import { ENDPOINTS } from './endpoints';

export const tiktok: PlatformInfo = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: ['www.tiktok.com', 'tiktok.com'],
  linkHosts: ['m.tiktok.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      '[data-e2e="comment-input"] [contenteditable="true"]',
      '[data-e2e="comment-input"] .public-DraftEditor-content',
      '.public-DraftEditor-content[contenteditable="true"]',
    ],
  },
  zeeschuimerModule: 'tiktok.com',
  handles: { pathSlots: () => [], atSegments: true },
};
