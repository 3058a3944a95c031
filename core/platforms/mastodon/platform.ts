/** Mastodon: hosts, name, reply box, export id and where its URLs name people (see ../platform.ts). */
import { afterPrefix, type PlatformInfo } from '../platform';
import { ENDPOINTS } from './endpoints';

export const mastodon: PlatformInfo = {
  id: 'mastodon',
  name: 'Mastodon',
  // Any instance works (recognised by markup, permission asked per instance); these are built in.
  hosts: ['mastodon.social', 'mastodon.online', 'chaos.social', 'fosstodon.org'],
  anyHost: true,
  endpoints: ENDPOINTS,
  replyBoxes: { boxes: ['textarea.autosuggest-textarea__textarea', '.compose-form textarea'] },
  // Exports name the instance's host; this is only the fallback when the page URL has none.
  zeeschuimerModule: 'mastodon',
  // "/@user" is how Mastodon (and the fediverse) address people; "/users/<h>" too.
  handles: { pathSlots: afterPrefix(['users']), atSegments: true, strict: true },
};
