/** Recorded API responses of the platforms, as the live test and the hook benchmark serve them. */
import type { PlatformId } from '../../core/model';

/**
 * Recorded responses of the platforms' own APIs: [platform, page the request is made from, the
 * endpoint it is served at, the file]. A row runs once its platform's adapter has `readResponse`.
 */
export const API_ROWS: [platform: PlatformId, page: string, endpoint: string, file: string][] = [
  [
    'x',
    'https://x.com/XDevelopers',
    'https://x.com/i/api/graphql/E3opETHurmVJflFsUBVuUQ/UserTweets?variables=%7B%22userId%22%3A%222244994945%22%7D',
    'x/api/graphql-user-tweets.json',
  ],
  [
    'x',
    'https://x.com/XDevelopers/status/1649191520250245121',
    'https://x.com/i/api/graphql/3XDB26fBve-MmjHaWTUZxA/TweetDetail?variables=%7B%7D',
    'x/api/graphql-tweet-detail.json',
  ],
  [
    'linkedin',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/voyager/api/feed/updatesV2?count=10&q=chronFeed',
    'linkedin/api/voyager-main-feed-2023.json',
  ],
  [
    'reddit',
    'https://www.reddit.com/r/holdmyredbull/comments/116yyx6/_/',
    'https://www.reddit.com/r/holdmyredbull/comments/116yyx6/_/.json',
    'reddit/api/thread-2023.json',
  ],
];
