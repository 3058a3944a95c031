/** TikTok's web API: video lists of feeds, profiles, hashtags, music and search, a video's details and its comments. */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'item_list',
    path: /^\/api\/(?:post|recommend|challenge|music|related|repost|explore|preload)\/item_list\/?$/,
  },
  { name: 'item_detail', path: /^\/api\/item\/detail\/?$/ },
  { name: 'comments', path: /^\/api\/comment\/list(?:\/reply)?\/?$/ },
  { name: 'search', path: /^\/api\/search\/(?:general|item)\/full\/?$/ },
];
