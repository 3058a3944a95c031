/**
 * Every field 4CAT's Zeeschuimer importers read (core/export/importers.ts, read by hand from 4CAT's
 * `map_item` functions) is present in the platforms' own JSON, on the recorded data in
 * ../shared/fixtures/<platform>/api/. Zeeschuimer's own exports are the referee for the checks
 * themselves: their `data` is what 4CAT imports, so a check that flags one of them is too strict.
 */
import { describe, expect, it } from 'vitest';
import { IMPORTER_CHECKS, missingFields, zeeschuimerData } from '../../core/export/importers';
import { graphqlTweets, voyagerUpdates, zeeschuimerExport } from './recorded-raw';

describe("4CAT importers' fields", () => {
  it("Zeeschuimer's own X export (104 tweets) passes the twitter.com check unchanged", () => {
    const lines = zeeschuimerExport('x/api/zeeschuimer-twitter-items.ndjson');
    expect(lines).toHaveLength(104);
    for (const line of lines) {
      expect(line.source_platform).toBe('twitter.com');
      expect(missingFields('twitter.com', line.data), line.item_id).toEqual([]);
    }
  });

  it("Zeeschuimer's own TikTok export (96 videos) passes the tiktok.com check unchanged", () => {
    const lines = zeeschuimerExport('tiktok/api/zeeschuimer-tiktok-items.ndjson');
    expect(lines).toHaveLength(96);
    for (const line of lines) expect(missingFields('tiktok.com', line.data), line.item_id).toEqual([]);
  });

  it('the checks fail an item that lacks what the importer reads', () => {
    const [tweet] = zeeschuimerExport('x/api/zeeschuimer-twitter-items.ndjson');
    const broken = structuredClone(tweet!.data) as { legacy: Record<string, unknown> };
    delete broken.legacy.full_text;
    delete broken.legacy.favorite_count;
    expect(missingFields('twitter.com', broken)).toEqual(['legacy.full_text', 'legacy.favorite_count']);
    const [video] = zeeschuimerExport('tiktok/api/zeeschuimer-tiktok-items.ndjson');
    const noStats = { ...video!.data, stats: {} };
    expect(missingFields('tiktok.com', noStats)).toContain('stats.diggCount');
    for (const module of Object.keys(IMPORTER_CHECKS))
      expect(missingFields(module, {}).length).toBeGreaterThan(0);
  });

  it("X's 2026 GraphQL tweets map completely once put in Zeeschuimer's shape", () => {
    for (const file of ['x/api/graphql-user-tweets.json', 'x/api/graphql-tweet-detail.json']) {
      const tweets = graphqlTweets(file);
      expect(tweets.length, file).toBeGreaterThan(0);
      for (const raw of tweets) {
        // As loaded, X keeps the author's handle in core.screen_name, where this importer does not look.
        const asLoaded = raw.__typename === 'Tweet' ? raw : (raw.tweet as Record<string, unknown>);
        expect(missingFields('twitter.com', asLoaded)).toContainEqual(
          expect.stringMatching(/^core\.user_results\.result\.legacy/),
        );
        const data = zeeschuimerData('twitter.com', raw) as Record<string, unknown>;
        expect(missingFields('twitter.com', data), String(data.rest_id)).toEqual([]);
        expect(data.id).toBe(data.rest_id);
      }
    }
    // Read by hand from graphql-user-tweets.json: the first entry's author (core.screen_name).
    const first = zeeschuimerData('twitter.com', graphqlTweets('x/api/graphql-user-tweets.json')[0]) as {
      core: { user_results: { result: { core: { screen_name: string }; legacy: { screen_name: string } } } };
    };
    expect(first.core.user_results.result.legacy.screen_name).toBe(
      first.core.user_results.result.core.screen_name,
    );
  });

  it('does not change the object it was given', () => {
    const raw = graphqlTweets('x/api/graphql-user-tweets.json')[0]!;
    const before = JSON.stringify(raw);
    zeeschuimerData('twitter.com', raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('LinkedIn Voyager updates map once their references are resolved', () => {
    const updates = voyagerUpdates('linkedin/api/voyager-main-feed-2023.json');
    // 9 UpdateV2 objects in `included` (counted by hand).
    expect(updates).toHaveLength(9);
    const report = updates.map((u) => missingFields('linkedin.com', u));
    expect(report.filter((m) => m.length === 0).length).toBe(updates.length);
    for (const u of updates) {
      const social = u['*socialDetail'] as Record<string, unknown>;
      expect(typeof social).toBe('object');
      expect(social['*totalSocialActivityCounts']).toMatchObject({ numLikes: expect.any(Number) });
    }
  });
});
