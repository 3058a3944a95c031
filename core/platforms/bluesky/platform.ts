/** Bluesky: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo, TEXTBOX } from '../platform';
import { ENDPOINTS } from './endpoints';

export const bluesky: PlatformInfo = {
  id: 'bluesky',
  name: 'Bluesky',
  hosts: ['bsky.app'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      '.ProseMirror[contenteditable="true"]',
      '[data-testid="composerTextInput"] [contenteditable="true"]',
      TEXTBOX,
    ],
  },
  zeeschuimerModule: 'bsky.app',
  handles: { pathSlots: afterPrefix(['profile']) },
};
