/**
 * LinkedIn's voyager feed: the main feed, a profile's or company's updates, single updates and
 * their comments (REST paths, or `/voyager/api/graphql` with a `queryId` naming a feed or social
 * query). Messaging, notifications, invitations and search (which returns people) never match.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'feed',
    path: /^\/voyager\/api\/(?:feed\/(?:updatesV2|updates|dash\/feedUpdates|comments)|identity\/profileUpdatesV2|organization\/updatesV2)\/?$/,
  },
  {
    name: 'graphql',
    path: /^\/voyager\/api\/graphql\/?$/,
    query:
      /(?:^|[?&])queryId=voyager(?:FeedDash\w*|SocialDash\w*|IdentityDashProfileUpdates\w*|OrganizationDashUpdates\w*)\./,
  },
];
