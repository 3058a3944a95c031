/**
 * Instagram's post-carrying endpoints: the REST feeds (`/api/v1/feed/user/…`, media info, comments)
 * and the GraphQL queries of profile grids, post pages, reels and comments, recognised by the
 * query's friendly name (`/graphql/query` serves direct messages too, so the path alone is not enough).
 */
import type { Endpoint } from '../adapter';

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'graphql',
    path: /^\/(?:api\/)?graphql(?:\/query)?\/?$/,
    operation:
      /^(?:use)?Polaris\w*(?:Profile|Post|Feed|Clips|Reels?|Comments?|Media|Explore|Tag|Hashtag)\w*$/,
  },
  { name: 'feed', path: /^\/api\/v1\/feed\/(?:user\/[\w.-]+|timeline|tag\/[^/]+|reels_media)\/?$/ },
  { name: 'media', path: /^\/api\/v1\/media\/\d+(?:_\d+)?\/(?:info|comments|\d+\/child_comments)\/?$/ },
  { name: 'clips', path: /^\/api\/v1\/clips\/(?:user|home|music)\/?$/ },
  { name: 'profile', path: /^\/api\/v1\/users\/web_profile_info\/?$/ },
  { name: 'explore', path: /^\/api\/v1\/discover\/web\/explore_grid\/?$/ },
  { name: 'tags', path: /^\/api\/v1\/tags\/web_info\/?$/ },
  { name: 'search', path: /^\/api\/v1\/fbsearch\/web\/top_serp\/?$/ },
];
