/**
 * The allowlist of post-carrying endpoints per platform, and the rules every hand-over obeys. The
 * page-world hook imports this module (and nothing heavier): it decides which responses of the
 * page's own requests are read at all; the isolated content script checks again, since anything
 * the page world sends can be forged by the page.
 *
 * Privacy: a response is read only when (1) its platform lists the endpoint, (2) neither its path
 * nor the query's name looks like messages, notifications, settings or the account, and (3) the
 * page itself is not a private page (inbox, history, settings). Each list lives as data in
 * `<platform>/endpoints.ts`, reached through the platform's `PlatformInfo`.
 */
import type { PlatformId } from '../model';
import type { Endpoint } from './adapter';
import { platformInfo } from './registry';

/**
 * The largest response read, in characters, unless the endpoint says otherwise. Feed pages of X,
 * Facebook and Instagram are 0.2–3 MB; a larger one is not a feed page and is not worth the page's time.
 */
export const DEFAULT_MAX_CHARS = 8_000_000;

/**
 * Path segments and query names that mean private: whatever a platform's list says, these never
 * match. Segments are read case-insensitively between separators ("/dm/", "direct_v2").
 */
const PRIVATE_SEGMENT =
  /(?:^|[/_.-])(?:dms?|direct(?:_v2)?|inbox|messages?|messaging|messenger|conversations?|notifications?|notification|settings|password|login|logout|checkpoint|bookmarks?|current_user|verify_credentials|preferences|chat|convo|payments?|drafts?)(?=$|[/_.-])/i;
/** Query names (camel case) that mean private, or the user's own actions (mutations). */
const PRIVATE_OPERATION =
  /DM|Direct|Inbox|Messag|Messenger|Conversation|Notification|Activity|Setting|Password|Bookmark|Chat|Lightspeed|Mutation|Subscription|Account/;
/** Pages whose content is the user's own and private: nothing the page fetches there is read. */
const PRIVATE_PAGE =
  /^\/(?:messages|direct|inbox|notifications|activity|settings|accounts?|i\/bookmarks|feed\/history|feed\/library|messaging|mynetwork\/invitation-manager|chat)(?=$|[/?])/i;

/** True when nothing the page fetches may be read on this page (inbox, settings, watch history…). */
export function privatePage(pageUrl: URL): boolean {
  return PRIVATE_PAGE.test(pageUrl.pathname);
}

/**
 * The endpoint a response of the page's own request belongs to, or null when it must not be read.
 * `operation` is the GraphQL query's name as the page sent it, when readable.
 */
export function matchEndpoint(
  platform: PlatformId,
  responseUrl: URL,
  pageUrl: URL,
  operation: string | null = null,
): Endpoint | null {
  if (responseUrl.protocol !== 'https:' && responseUrl.protocol !== 'http:') return null;
  if (privatePage(pageUrl) || PRIVATE_SEGMENT.test(responseUrl.pathname)) return null;
  if (operation !== null && PRIVATE_OPERATION.test(operation)) return null;
  for (const endpoint of endpointsOf(platform)) {
    if (!endpoint.path.test(responseUrl.pathname)) continue;
    if (endpoint.query && !endpoint.query.test(responseUrl.search)) continue;
    if (endpoint.host ? !endpoint.host.test(responseUrl.hostname) : !sameSite(responseUrl, pageUrl)) continue;
    if (endpoint.operation && (operation === null || !endpoint.operation.test(operation))) continue;
    return endpoint;
  }
  return null;
}

/** The page's site: its host or a subdomain of its host without `www.` (api.x.com for x.com). */
function sameSite(responseUrl: URL, pageUrl: URL): boolean {
  const site = pageUrl.hostname.replace(/^(?:www|web|m|mobile)\./, '');
  const host = responseUrl.hostname;
  return host === pageUrl.hostname || host === site || host.endsWith(`.${site}`);
}

/** The platform's allowlist (empty for a platform whose pages fetch no post-carrying JSON). */
export function endpointsOf(platform: PlatformId): readonly Endpoint[] {
  return platformInfo(platform)?.endpoints ?? [];
}

/** The size cap for a response of `endpoint`, in characters. */
export function maxChars(endpoint: Endpoint): number {
  return endpoint.maxBytes ?? DEFAULT_MAX_CHARS;
}
