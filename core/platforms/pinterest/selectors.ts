/**
 * Pinterest hooks. Pinterest's own test hooks (`data-test-id`) and grid markers (`data-grid-item`) have
 * held for years, and every pin links to `/pin/<id>/`. No real capture exists yet: checked against the
 * hand-written fixtures in tests/fixtures/pinterest (2025 markup, de and en), whose `data-test-id` names
 * are the ones public tools report; the ones marked "unverified" are our best guess.
 */
import type { Phrases } from '../phrase-counts';

export const PIN = {
  /** One pin in a grid (home feed, search, board, profile). */
  tile: '[data-test-id="pin"], [data-grid-item="true"]',
  /** The open pin on a pin page. */
  closeup: '[data-test-id="closeup-body"], [data-test-id="pin-closeup"], [data-test-id="CloseupMainPin"]',
  title: [
    '[data-test-id="pinrep-footer-organic-title"]',
    '[data-test-id="pin-title"]',
    '[data-test-id="closeup-title"] h1',
    'h1',
  ],
  description: [
    '[data-test-id="truncated-description"]',
    '[data-test-id="richPinInformation-description"]',
    '[data-test-id="pin-description"]', // unverified
  ],
  author: [
    '[data-test-id="creator-profile-link"]',
    '[data-test-id="official-user-attribution"] a[href]',
    '[data-test-id="pinner-avatar"] a[href]', // unverified
    '[data-test-id="pinrep-footer"] a[href]',
    'a[href]',
  ],
  authorName: ['[data-test-id="creator-profile-name"]', '[data-test-id="pinner-name"]'],
  reactions: '[data-test-id="reactions-count"], [data-test-id="reaction-count"]',
  video: 'video, [data-test-id="pinrep-video"], [data-test-id="PinTypeIdentifier"]',
  /** Server-rendered page state (logged-out pin pages): a JSON blob with the pin's counts and dates. */
  state: 'script#__PWS_DATA__, script#__PWS_INITIAL_PROPS__',
} as const;

export const PIN_PATH = /\/pin\/([\w-]+)/;
export const PROFILE_PATH = /^\/([A-Za-z0-9_.-]{1,30})\/(?:_created\/|_saved\/|_profile\/)?$/;

/** First path segments that are Pinterest pages, not users. */
export const RESERVED_PATHS = new Set([
  'pin',
  'search',
  'ideas',
  'today',
  'settings',
  'business',
  'login',
  'signup',
  'explore',
  'notifications',
  'messages',
  'news_hub',
  'about',
  'categories',
  'topics',
  'shopping',
  'resource',
  '_',
  'pin-builder',
]);

export const METRIC_PHRASES: Phrases = {
  likes: ['# reaktionen', '# reaktion', '# reactions', '# reaction', '# réactions', '# reacciones'],
  comments: ['# kommentare', '# kommentar', '# comments', '# comment', '# commentaires', '# comentarios'],
  saves: [
    '# mal gemerkt',
    '# merkzettel',
    '# gespeichert',
    '# saves',
    '# save',
    '# enregistrements',
    '# guardados',
  ],
};

export const PROFILE_PHRASES: Phrases<'followers' | 'following'> = {
  followers: ['# follower', '# followers', '# abonnés', '# seguidores'],
  following: ['# gefolgt', '# folge ich', '# following', '# abonnements', '# siguiendo'],
};

/** How Pinterest marks ads in the pin footer ("Gesponsert von …", "Promoted by …"). */
export const PROMOTED = /^(gesponsert|werbung|anzeige|promoted|sponsored|sponsorisé|patrocinado)\b/i;
