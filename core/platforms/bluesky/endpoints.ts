/**
 * Bluesky's feed lexicon over XRPC. The app asks its app view or the user's own data server, so
 * any host answers; only `app.bsky.feed.*` reads of posts are listed (chat and notifications are
 * other lexicons).
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'feed',
    path: /^\/xrpc\/app\.bsky\.feed\.(?:getAuthorFeed|getTimeline|getPostThread|getPosts|searchPosts|getFeed|getListFeed|getQuotes)$/,
    host: /^[a-z0-9.-]+$/,
  },
];
