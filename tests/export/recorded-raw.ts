/**
 * Platform items from the recorded API responses in ../shared/fixtures/<platform>/api/, picked as
 * Zeeschuimer's modules pick them (so the export tests can run before every page-data reader has
 * landed): X tweets from GraphQL timeline entries, LinkedIn updates from a Voyager feed response with
 * their references resolved, and the lines of Zeeschuimer's own exports.
 */
import { resolveVoyagerReferences } from '../../core/export/importers';
import { sharedText } from '../platforms/load';

export interface ZeeschuimerLine {
  item_id: string;
  source_platform: string;
  timestamp_collected: number;
  source_platform_url: string;
  source_url: string;
  data: Record<string, unknown>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The lines of a Zeeschuimer export. */
export function zeeschuimerExport(path: string): ZeeschuimerLine[] {
  return sharedText(path)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ZeeschuimerLine);
}

/** Tweets in an X GraphQL response: each `tweet_results.result` of a timeline entry. */
export function graphqlTweets(path: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (isObject(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'tweet_results' && isObject(v) && isObject(v.result)) {
          const t = v.result;
          if (t.__typename === 'Tweet' || t.__typename === 'TweetWithVisibilityResults') out.push(t);
        } else walk(v);
      }
    }
  };
  walk(JSON.parse(sharedText(path)));
  return out;
}

/** The feed updates (UpdateV2) of a Voyager response, references resolved as Zeeschuimer does. */
export function voyagerUpdates(path: string): Record<string, unknown>[] {
  const response = JSON.parse(sharedText(path)) as { included?: unknown[] };
  const included = response.included ?? [];
  return included
    .filter((e): e is Record<string, unknown> => isObject(e) && String(e.$type).endsWith('.UpdateV2'))
    .map((u) => resolveVoyagerReferences(u, included) as Record<string, unknown>);
}
