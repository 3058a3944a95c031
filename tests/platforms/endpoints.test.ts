/** The endpoint allowlist: post-carrying endpoints match, anything private never does. */
import { describe, expect, it } from 'vitest';
import { endpointsOf, matchEndpoint, privatePage } from '../../core/platforms/endpoints';
import { ADAPTERS } from '../../core/platforms/index';

type Case = [
  platform: Parameters<typeof matchEndpoint>[0],
  page: string,
  response: string,
  operation?: string,
];

const READ: Case[] = [
  ['x', 'https://x.com/acme', 'https://x.com/i/api/graphql/Abc-123_x/UserTweets?variables=%7B%7D'],
  ['x', 'https://x.com/acme/status/1', 'https://x.com/i/api/graphql/q1w2/TweetDetail?variables=%7B%7D'],
  ['x', 'https://x.com/home', 'https://api.x.com/graphql/q1w2/HomeTimeline'],
  ['x', 'https://x.com/search?q=a', 'https://x.com/i/api/graphql/q1w2/SearchTimeline?variables=%7B%7D'],
  [
    'instagram',
    'https://www.instagram.com/acme/',
    'https://www.instagram.com/graphql/query',
    'PolarisProfilePostsQuery',
  ],
  ['instagram', 'https://www.instagram.com/acme/', 'https://www.instagram.com/api/v1/feed/user/123/'],
  ['instagram', 'https://www.instagram.com/p/abc/', 'https://i.instagram.com/api/v1/media/123_456/comments/'],
  [
    'threads',
    'https://www.threads.com/@acme',
    'https://www.threads.com/graphql/query',
    'BarcelonaProfileThreadsTabQuery',
  ],
  [
    'facebook',
    'https://www.facebook.com/',
    'https://www.facebook.com/api/graphql/',
    'CometNewsFeedPaginationQuery',
  ],
  [
    'linkedin',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/voyager/api/feed/updatesV2?count=10',
  ],
  [
    'linkedin',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/voyager/api/graphql?variables=()&queryId=voyagerFeedDashMainFeed.923020905727c01516495a0ac90bb475',
  ],
  ['tiktok', 'https://www.tiktok.com/@acme', 'https://www.tiktok.com/api/post/item_list/?count=30'],
  ['tiktok', 'https://www.tiktok.com/foryou', 'https://www.tiktok.com/api/recommend/item_list/?count=8'],
  ['tiktok', 'https://www.tiktok.com/@a/video/1', 'https://www.tiktok.com/api/comment/list/?aweme_id=1'],
  [
    'pinterest',
    'https://www.pinterest.de/acme/',
    'https://www.pinterest.de/resource/UserPinsResource/get/?data=%7B%7D',
  ],
  ['reddit', 'https://www.reddit.com/r/de/', 'https://www.reddit.com/r/de/.json'],
  [
    'reddit',
    'https://www.reddit.com/r/de/comments/abc/x/',
    'https://www.reddit.com/r/de/comments/abc/x/.json',
  ],
  [
    'youtube',
    'https://www.youtube.com/@acme',
    'https://www.youtube.com/youtubei/v1/browse?prettyPrint=false',
  ],
  [
    'bluesky',
    'https://bsky.app/profile/a.bsky.social',
    'https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed?actor=a',
  ],
  ['mastodon', 'https://fosstodon.org/@a', 'https://fosstodon.org/api/v1/accounts/109/statuses?limit=20'],
];

/** Messages, notifications, settings, the account and the user's own actions: never read. */
const NEVER: Case[] = [
  ['x', 'https://x.com/home', 'https://x.com/i/api/1.1/dm/inbox_initial_state.json'],
  ['x', 'https://x.com/home', 'https://x.com/i/api/graphql/abc/DMInboxTimeline'],
  ['x', 'https://x.com/home', 'https://x.com/i/api/2/notifications/all.json'],
  ['x', 'https://x.com/home', 'https://x.com/i/api/1.1/account/settings.json'],
  ['x', 'https://x.com/home', 'https://x.com/i/api/graphql/abc/Bookmarks'],
  ['x', 'https://x.com/messages', 'https://x.com/i/api/graphql/abc/HomeTimeline'],
  ['instagram', 'https://www.instagram.com/', 'https://www.instagram.com/api/v1/direct_v2/inbox/'],
  ['instagram', 'https://www.instagram.com/', 'https://www.instagram.com/api/v1/news/inbox/'],
  [
    'instagram',
    'https://www.instagram.com/',
    'https://www.instagram.com/graphql/query',
    'PolarisDirectInboxQuery',
  ],
  ['instagram', 'https://www.instagram.com/', 'https://www.instagram.com/graphql/query'],
  [
    'instagram',
    'https://www.instagram.com/direct/t/1/',
    'https://www.instagram.com/graphql/query',
    'PolarisPostCommentsQuery',
  ],
  [
    'threads',
    'https://www.threads.com/',
    'https://www.threads.com/graphql/query',
    'BarcelonaActivityFeedQuery',
  ],
  [
    'linkedin',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/voyager/api/messaging/conversations',
  ],
  [
    'linkedin',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/voyager/api/graphql?queryId=voyagerMessagingDashMessengerConversations.1',
  ],
  [
    'linkedin',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/voyager/api/voyagerNotificationsDashNotificationCards',
  ],
  ['facebook', 'https://www.facebook.com/', 'https://www.facebook.com/api/graphql/', 'MWChatThreadListQuery'],
  [
    'facebook',
    'https://www.facebook.com/',
    'https://www.facebook.com/api/graphql/',
    'LSPlatformGraphQLLightspeedRequestQuery',
  ],
  [
    'facebook',
    'https://www.facebook.com/',
    'https://www.facebook.com/api/graphql/',
    'CometNotificationsDropdownQuery',
  ],
  [
    'facebook',
    'https://www.facebook.com/',
    'https://www.facebook.com/api/graphql/',
    'CometUFIFeedbackReactMutation',
  ],
  [
    'facebook',
    'https://www.facebook.com/',
    'https://www.facebook.com/messenger/api/graphql/',
    'CometNewsFeedPaginationQuery',
  ],
  [
    'facebook',
    'https://www.facebook.com/messages/t/1',
    'https://www.facebook.com/api/graphql/',
    'CometNewsFeedPaginationQuery',
  ],
  ['tiktok', 'https://www.tiktok.com/', 'https://www.tiktok.com/api/im/message/list/'],
  ['pinterest', 'https://www.pinterest.de/', 'https://www.pinterest.de/resource/ConversationsResource/get/'],
  ['pinterest', 'https://www.pinterest.de/', 'https://www.pinterest.de/resource/NewsHubResource/get/'],
  ['bluesky', 'https://bsky.app/', 'https://api.bsky.chat/xrpc/chat.bsky.convo.listConvos'],
  ['bluesky', 'https://bsky.app/', 'https://bsky.social/xrpc/app.bsky.notification.listNotifications'],
  ['mastodon', 'https://fosstodon.org/', 'https://fosstodon.org/api/v1/conversations'],
  ['mastodon', 'https://fosstodon.org/', 'https://fosstodon.org/api/v1/timelines/direct'],
  ['youtube', 'https://www.youtube.com/feed/history', 'https://www.youtube.com/youtubei/v1/browse'],
  // Another site's API with a post-like path is not the platform's.
  ['x', 'https://x.com/home', 'https://evil.example/i/api/graphql/abc/UserTweets'],
];

const check = ([platform, page, response, operation]: Case) =>
  matchEndpoint(platform, new URL(response), new URL(page), operation ?? null);

describe('the endpoint allowlist', () => {
  it.each(READ)('%s on %s reads %s', (...c) => {
    expect(check(c)).not.toBeNull();
  });

  it.each(NEVER)('%s on %s never reads %s (%s)', (...c) => {
    expect(check(c)).toBeNull();
  });

  it('has a list (maybe empty) for every platform with an adapter', () => {
    for (const adapter of ADAPTERS) expect(Array.isArray(endpointsOf(adapter.id)), adapter.id).toBe(true);
  });

  it('treats inboxes, notifications, settings and watch history as private pages', () => {
    for (const page of [
      'https://x.com/messages/1-2',
      'https://www.instagram.com/direct/inbox/',
      'https://www.linkedin.com/messaging/thread/1/',
      'https://www.youtube.com/feed/history',
      'https://www.facebook.com/settings',
    ])
      expect(privatePage(new URL(page)), page).toBe(true);
    expect(privatePage(new URL('https://x.com/acme'))).toBe(false);
  });
});
