/**
 * The post-carrying endpoints of Facebook's own API whose JSON responses the page-world hook hands to
 * `readResponse` (see `Endpoint`). Facebook serves feeds, groups, pages, search and comments through
 * one GraphQL path; the reader keeps only `Story` and `Comment` nodes from it and drops everything
 * else (a response is never stored whole). The same path also answers Messenger and notification
 * queries, so the query's friendly name must name a feed, timeline, post, comment or search query
 * (every mutation, the user's own action, is out); Messenger's other routes (`/messaging/`,
 * `/ajax/mercury/`, edge-chat websockets) are different paths and never listed.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  // Feed, group, page, search and comment pagination (responses are one JSON document per line).
  {
    name: 'graphql',
    path: /^\/api\/graphql\/?$/,
    operation:
      /^\w*(?:NewsFeed|HomeFeed|Feed|Timeline|Story|Stories|SinglePost|Post|Comments?|UFI|SearchResults|SearchCometResults|GroupsComet|PageComet|ProfileComet)\w*Query\w*$/,
    maxBytes: 8_000_000,
  },
];
