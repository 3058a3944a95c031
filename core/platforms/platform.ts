/**
 * What Resonanz knows about a platform apart from reading its pages: where it lives, what it is
 * called, where its reply box is, how research tools name it, and where its URLs name people. Each
 * platform folder holds one `PlatformInfo` (`<id>/platform.ts`); `registry.ts` lists them. This is
 * light data (no adapter code), so the manifest, the export and the page-world hook can import it.
 */
import type { PlatformId } from '../model';
import type { Endpoint } from './adapter';

/** Where a platform's reply box is: selectors, most specific first; each may match a wrapper of the editor. */
export interface ReplyBoxSelectors {
  /** Reply boxes (or wrappers of one), most specific first. Empty: Resonanz cannot insert drafts there. */
  boxes: readonly string[];
  /** Custom elements whose open shadow root may hold the box. */
  shadowHosts?: readonly string[];
}

/** Where the platform's URLs and texts name an account: what pseudonymisation replaces. */
export interface HandleRules {
  /**
   * Indexes of the path segments (decoded, without slashes) that hold a handle; `lower` is `segs`
   * lower-cased. E.g. x.com/<h>/status/1 → [0].
   */
  pathSlots(segs: readonly string[], lower: readonly string[]): number[];
  /** "/@<h>" anywhere in the path names a person (YouTube, TikTok, Threads, Mastodon). */
  atSegments?: boolean;
  /** Query parameters holding a handle (`screen_name`, Facebook's `profile.php?id=`). */
  queryParam?(path: string, name: string): boolean;
  /** Handles are only letters, digits and underscores ("@alice.bob" mentions "alice"). */
  strict?: boolean;
  /** A prefix that belongs to the address, not the handle ("u/" on Reddit). */
  prefix?: RegExp;
}

export interface PlatformInfo {
  id: PlatformId;
  /** The platform's own spelling of its name, shown in the panel ("LinkedIn", "XING"). */
  name: string;
  /** Hosts the content script runs on (manifest matches and host permissions). */
  hosts: readonly string[];
  /** Other hosts whose links belong to the platform (short links, mobile, music), without "www.". */
  linkHosts?: readonly string[];
  /** Hosts of the platform beyond any list (country domains: pinterest.co.uk), matched without "www.". */
  hostPattern?: RegExp;
  /**
   * Hosts asked for only when the user switches the platform on (Google reviews), with the pages the
   * content script is then registered for. Not in the manifest's host permissions.
   */
  optional?: { hosts: readonly string[]; matches: readonly string[] };
  /** Runs on any host (Mastodon instances): recognised by markup; URLs of unknown hosts follow its rules. */
  anyHost?: boolean;
  /** Handles are ids no one reads (Google's place and contributor ids): views show names instead. */
  opaqueHandles?: boolean;
  replyBoxes: ReplyBoxSelectors;
  /**
   * The `source_platform` Zeeschuimer's module registers for it (what 4CAT's importer is chosen by);
   * for platforms Zeeschuimer lacks, the platform's domain. `anyHost` platforms use the instance host.
   */
  zeeschuimerModule: string;
  handles: HandleRules;
  /** The post-carrying endpoints whose responses the page-world hook hands over (`<id>/endpoints.ts`). */
  endpoints: readonly Endpoint[];
}

/** Generic textbox selector, the last resort in several platforms' reply-box lists. */
export const TEXTBOX = '[contenteditable="true"][role="textbox"]';

/** Handles in the first path segment unless it is one of the platform's own routes. */
export function firstSegmentUnless(reserved: ReadonlySet<string>, shape?: RegExp): HandleRules['pathSlots'] {
  return (segs, lower) => {
    const s0 = lower[0] ?? '';
    return s0 && !reserved.has(s0) && (!shape || shape.test(segs[0] ?? '')) ? [0] : [];
  };
}

/** Handles in the second path segment after one of `prefixes` (/in/<h>, /profile/<h>). */
export function afterPrefix(prefixes: readonly string[]): HandleRules['pathSlots'] {
  return (segs, lower) => (prefixes.includes(lower[0] ?? '') && segs[1] ? [1] : []);
}
