/**
 * The post-carrying endpoints of Facebook's own API whose JSON responses the page-world hook hands to
 * `readResponse` (see `Endpoint`). Facebook serves feeds, groups, pages, search and comments through
 * one GraphQL path; the reader keeps only `Story` and `Comment` nodes from it and drops everything
 * else (a response is never stored whole). Messenger's own endpoints (`/messaging/`, `/ajax/mercury/`,
 * edge-chat websockets) and notifications (`/ajax/notifications`) are different paths and not listed.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  // Feed, group, page, search and comment pagination (responses are one JSON document per line).
  { name: 'graphql', path: /^\/api\/graphql\/?$/, maxBytes: 8_000_000 },
];
