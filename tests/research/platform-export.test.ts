/**
 * A recorded collection as Zeeschuimer files for 4CAT: one file per platform whose every line carries
 * the platform's own object with every field 4CAT's importer reads, in Zeeschuimer's envelope; items
 * read only from the page go to a companion file, marked as Resonanz records.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PlatformEnvelope, platformFileSummaries, platformNdjson } from '../../core/db/platform-export';
import { missingFields, zeeschuimerData } from '../../core/export/importers';
import type { RawItem } from '../../core/model';
import { extractPage } from '../../core/platforms/index';
import { collect } from '../export/helpers';
import { graphqlTweets, zeeschuimerExport } from '../export/recorded-raw';
import { sharedPage } from '../platforms/load';
import { accepted, page, post, startWorker, type Worker } from './harness';

let w: Worker;
beforeEach(async () => {
  w = await startWorker();
});
afterEach(async () => {
  await w.close();
});

function lines(text: string): PlatformEnvelope[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as PlatformEnvelope);
}

/** What 4CAT's import_from_file hands map_item: `data` spread, the rest of the line as __import_meta. */
function asImported(line: PlatformEnvelope): Record<string, unknown> {
  const { data, ...meta } = line;
  return { ...(data as object), __import_meta: meta };
}

describe('Zeeschuimer files per platform', () => {
  it('write each platform object that maps to twitter.com.ndjson / tiktok.com.ndjson, the rest to .dom files', async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    const xLines = zeeschuimerExport('x/api/zeeschuimer-twitter-items.ndjson').slice(0, 12);
    const xRaw: RawItem[] = xLines.map((l) => ({
      id: l.item_id,
      kind: 'post',
      source: 'response',
      data: l.data,
    }));
    // One object that lacks what the importer reads, and two posts read only from the page.
    const broken: RawItem = {
      id: '1000000000000000001',
      kind: 'post',
      source: 'embedded',
      data: { rest_id: '1' },
    };
    accepted(
      await w.capture(
        page(
          [
            ...xRaw.map((r) => post(r.id)),
            post(broken.id),
            post('1000000000000000002'),
            post('1000000000000000003'),
          ],
          { raw: [...xRaw, broken], url: 'https://x.com/search?q=fosfor' },
        ),
      ),
    );
    const tiktok = zeeschuimerExport('tiktok/api/zeeschuimer-tiktok-items.ndjson').slice(0, 5);
    accepted(
      await w.capture(
        page(
          tiktok.map((l) => ({ ...post(l.item_id), url: null })),
          {
            platform: 'tiktok',
            url: 'https://www.tiktok.com/foryou',
            raw: tiktok.map((l) => ({ id: l.item_id, kind: 'post', source: 'response', data: l.data })),
          },
        ),
      ),
    );
    const collection = (await w.db.collections.toArray())[0]!;

    expect(await platformFileSummaries(w.db, collection.id)).toEqual([
      { platform: 'tiktok', module: 'tiktok.com', platformLines: 5, domLines: 0 },
      { platform: 'x', module: 'twitter.com', platformLines: 12, domLines: 3 },
    ]);

    const twitter = lines(
      await collect(platformNdjson(w.db, collection.id, 'x', 'platform', { userAgent: 'UA/1' })),
    );
    expect(twitter).toHaveLength(12);
    expect(twitter.map((l) => l.id)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const line of twitter) {
      const original = xLines.find((l) => l.item_id === line.item_id)!;
      expect(line).toMatchObject({
        nav_index: '',
        source_platform: 'twitter.com',
        source_platform_url: 'https://x.com/search?q=fosfor',
        source_url: 'https://x.com/search?q=fosfor',
        user_agent: 'UA/1',
        data_origin: 'platform',
        timestamp_collected: w.clock.now,
        last_updated: w.clock.now,
      });
      // Zeeschuimer's own items pass through unchanged; this older export lacks `promoted`, which
      // Zeeschuimer sets today: it comes from the page (these posts were not ads).
      expect(line.data).toEqual({ promoted: false, ...original.data });
      expect(missingFields('twitter.com', asImported(line))).toEqual([]);
    }

    const dom = lines(await collect(platformNdjson(w.db, collection.id, 'x', 'resonanz-dom')));
    expect(dom.map((l) => l.item_id).sort()).toEqual([
      '1000000000000000001',
      '1000000000000000002',
      '1000000000000000003',
    ]);
    for (const line of dom) {
      expect(line.data_origin).toBe('resonanz-dom');
      expect((line.data as { id: string; platform: string }).platform).toBe('x');
    }
    expect(dom.find((l) => l.item_id === '1000000000000000001')?.dom_reason).toMatch(
      /lacks what 4CAT reads: /,
    );
    expect(dom.find((l) => l.item_id === '1000000000000000002')?.dom_reason).toBe(
      'no platform object was kept for this item',
    );

    const videos = lines(await collect(platformNdjson(w.db, collection.id, 'tiktok', 'platform')));
    expect(videos.map((l) => l.item_id).sort()).toEqual(tiktok.map((l) => l.item_id).sort());
    for (const line of videos) expect(missingFields('tiktok.com', asImported(line))).toEqual([]);
  });

  it("puts X's current GraphQL tweets in the shape 4CAT's importer reads", async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    const tweets = graphqlTweets('x/api/graphql-user-tweets.json');
    const raw: RawItem[] = tweets.map((t) => ({
      id: String(t.rest_id ?? (t.tweet as { rest_id: string }).rest_id),
      kind: 'post',
      source: 'response',
      data: t,
    }));
    const ids = [...new Set(raw.map((r) => r.id))];
    accepted(
      await w.capture(
        page(
          ids.map((id) => post(id)),
          { raw },
        ),
      ),
    );
    const collection = (await w.db.collections.toArray())[0]!;
    const out = lines(await collect(platformNdjson(w.db, collection.id, 'x', 'platform')));
    expect(out).toHaveLength(ids.length);
    for (const line of out) {
      const original = raw.filter((r) => r.id === line.item_id).at(-1)!;
      expect(line.data).toEqual(zeeschuimerData('twitter.com', original.data));
      expect(missingFields('twitter.com', asImported(line))).toEqual([]);
    }
  });

  it("writes the story objects today's Facebook pages embed to facebook.com.ndjson", async () => {
    accepted(await w.panel({ type: 'startCollection', name: 'Studie', notes: '' }));
    const url = 'https://www.facebook.com/';
    const extraction = extractPage(sharedPage('facebook/home-feed-plus-post-dialog-en-2025.html'), url);
    // Six feed stories carry their object in the page's embedded JSON (counted in the capture).
    expect(extraction.raw).toHaveLength(6);
    accepted(await w.capture(extraction));
    const collection = (await w.db.collections.toArray())[0]!;
    const out = lines(await collect(platformNdjson(w.db, collection.id, 'facebook', 'platform')));
    expect(out.map((l) => l.item_id).sort()).toEqual(extraction.raw!.map((r) => r.id).sort());
    for (const line of out) {
      expect(line.source_platform).toBe('facebook.com');
      expect(missingFields('facebook.com', asImported(line))).toEqual([]);
      const story = (line.data as { comet_sections: { content: { story: { post_id: string } } } })
        .comet_sections.content.story;
      expect(story.post_id).toBe(line.item_id);
    }
  });
});
