/** Reddit: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo } from '../platform';
import { ENDPOINTS } from './endpoints';

export const reddit: PlatformInfo = {
  id: 'reddit',
  name: 'Reddit',
  hosts: ['www.reddit.com', 'reddit.com', 'old.reddit.com', 'new.reddit.com', 'sh.reddit.com'],
  linkHosts: ['np.reddit.com'],
  endpoints: ENDPOINTS,
  replyBoxes: {
    boxes: [
      'shreddit-composer > [contenteditable="true"][role="textbox"]',
      'shreddit-composer [contenteditable="true"]',
      '[data-testid="comment-submission-form-richtext"] [contenteditable="true"]',
      'textarea[name="text"]', // old.reddit.com
      'div[contenteditable="true"][role="textbox"]',
    ],
    shadowHosts: ['shreddit-composer'],
  },
  zeeschuimerModule: 'reddit.com',
  handles: { pathSlots: afterPrefix(['u', 'user']), strict: true, prefix: /^\/?u(?:ser)?\//i },
};
