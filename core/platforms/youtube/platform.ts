/** YouTube: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo } from '../platform';
import { ENDPOINTS } from './endpoints';

export const youtube: PlatformInfo = {
  id: 'youtube',
  name: 'YouTube',
  hosts: ['www.youtube.com', 'm.youtube.com', 'youtube.com'],
  linkHosts: ['music.youtube.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      'ytd-commentbox #contenteditable-root[contenteditable="true"]',
      '#contenteditable-root[contenteditable="true"]',
    ],
  },
  // Zeeschuimer has no YouTube module: the domain, as it would register one.
  zeeschuimerModule: 'youtube.com',
  handles: { pathSlots: afterPrefix(['c', 'user', 'channel']), atSegments: true },
};
