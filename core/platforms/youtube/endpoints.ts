/**
 * YouTube's InnerTube API: browse (channels, home, playlists), next (a watch page's details and
 * comments), search and the Shorts sequence. Pages that show private lists (history, library) are
 * refused by the registry's private-page rule, whatever they fetch.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'browse', path: /^\/youtubei\/v1\/browse\/?$/ },
  { name: 'next', path: /^\/youtubei\/v1\/next\/?$/ },
  { name: 'search', path: /^\/youtubei\/v1\/search\/?$/ },
  { name: 'reel', path: /^\/youtubei\/v1\/reel\/reel_watch_sequence\/?$/ },
];
