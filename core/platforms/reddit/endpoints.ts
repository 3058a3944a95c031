/**
 * Reddit's JSON listings (`/r/<sub>/.json`, `/r/<sub>/comments/<id>/….json`, a user's submissions)
 * and new Reddit's GraphQL. Shreddit's `/svc/shreddit/…` partials are HTML that the page inserts
 * into the DOM, where the DOM reader reads them with their `score` attributes: they are not listed.
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  { name: 'home', path: /^\/(?:(?:hot|new|top|rising|best)\/?)?\.json$/ },
  { name: 'subreddit', path: /^\/r\/[\w-]+\/(?:(?:hot|new|top|rising|controversial)\/?)?\.json$/ },
  { name: 'thread', path: /^\/(?:r\/[\w-]+\/)?comments\/[a-z0-9]+(?:\/[^/]*)?\/?\.json$/ },
  { name: 'user', path: /^\/(?:user|u)\/[\w-]+\/(?:submitted\/?)?\.json$/ },
];
