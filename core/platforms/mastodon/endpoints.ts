/**
 * Mastodon's REST API on the instance: public, hashtag, list and home timelines, an account's
 * statuses, a status and its thread. Direct messages (`/timelines/direct`, conversations) and
 * notifications are not listed.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'timeline', path: /^\/api\/v1\/timelines\/(?:home|public|tag\/[^/]+|list\/\w+)\/?$/ },
  { name: 'account-statuses', path: /^\/api\/v1\/accounts\/\w+\/statuses\/?$/ },
  { name: 'status', path: /^\/api\/v1\/statuses\/\w+(?:\/context)?\/?$/ },
];
