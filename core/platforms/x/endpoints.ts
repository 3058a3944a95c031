/**
 * X's post-carrying GraphQL operations (the operation's name is the last path segment:
 * `/i/api/graphql/<hash>/UserTweets`). Never DMs, notifications, bookmarks, lists of the user or
 * account settings: those operations are simply not listed.
 */
import type { Endpoint } from '../adapter';

const OPERATIONS = [
  'UserTweets',
  'UserTweetsAndReplies',
  'UserMedia',
  'UserHighlightsTweets',
  'TweetDetail',
  'TweetResultByRestId',
  'TweetResultsByRestIds',
  'HomeTimeline',
  'HomeLatestTimeline',
  'SearchTimeline',
  'ListLatestTweetsTimeline',
  'CommunityTweetsTimeline',
] as const;

export const ENDPOINTS: readonly Endpoint[] = [
  ...OPERATIONS.map((name) => ({
    name,
    path: new RegExp(`^(?:/i/api)?/graphql/[\\w-]+/${name}$`),
  })),
  // The profile being viewed: exact follower, following and post counts.
  { name: 'UserByScreenName', path: /^(?:\/i\/api)?\/graphql\/[\w-]+\/UserByScreenName$/, maxBytes: 500_000 },
];
