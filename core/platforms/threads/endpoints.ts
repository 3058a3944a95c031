/**
 * Threads serves everything from one GraphQL path; its post-carrying queries are named
 * `Barcelona…` (the project's code name) for profiles, threads, replies and feeds. The activity
 * (notifications) and direct queries never match.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'graphql',
    path: /^\/(?:api\/)?graphql(?:\/query)?\/?$/,
    operation: /^(?:use)?Barcelona\w*(?:Profile|Thread|Post|Feed|Replies|Search)\w*$/,
  },
];
