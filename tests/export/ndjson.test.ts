import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks, ndjsonChunks, type ZeeschuimerEnvelope } from '../../core/export/ndjson';
import { ExportRecord } from '../../core/export/record';
import { exportRecordArb } from './arbitraries';
import { collect, makeRecord, provenance } from './helpers';

/** JSON has no undefined and normalises -0; our records hold neither, so a JSON round trip is exact. */
function jsonClone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

describe('NDJSON writer (Zeeschuimer envelope)', () => {
  it('round-trips random records: one JSON object per line, data equal to the record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(exportRecordArb, { maxLength: 10 }), async (records) => {
        const text = await collect(ndjsonChunks(records, { userAgent: 'UA/1.0', chunkChars: 100 }));
        expect(text === '' || text.endsWith('\n')).toBe(true);
        const lines = text.split('\n').slice(0, -1);
        expect(lines).toHaveLength(records.length);
        lines.forEach((line, i) => {
          const env = JSON.parse(line) as ZeeschuimerEnvelope;
          const r = records[i]!;
          expect(env.data).toEqual(jsonClone(r));
          expect(env.id).toBe(i + 1);
          expect(env.item_id).toBe(r.id);
          expect(env.timestamp_collected).toBe(r.first.seenAt);
          expect(env.last_updated).toBe(r.last.seenAt);
          expect(env.source_platform_url).toBe(r.first.pageUrl);
          expect(env.source_url).toBe(r.first.pageUrl);
          expect(env.user_agent).toBe('UA/1.0');
        });
      }),
      { numRuns: 100 },
    );
  });

  it('has exactly the envelope keys Zeeschuimer writes (plus last_updated), data last', async () => {
    const text = await collect(ndjsonChunks([makeRecord()], { userAgent: 'UA' }));
    expect(Object.keys(JSON.parse(text))).toEqual([
      'id',
      'item_id',
      'timestamp_collected',
      'last_updated',
      'source_platform',
      'source_platform_url',
      'source_url',
      'user_agent',
      'data',
    ]);
  });

  it("uses Zeeschuimer's module ids as source_platform", async () => {
    // Expected values copied from Zeeschuimer's module files (see the comment in core/export/ndjson.ts).
    const cases = [
      ['x', 'twitter.com'],
      ['instagram', 'instagram.com'],
      ['tiktok', 'tiktok.com'],
      ['linkedin', 'linkedin.com'],
      ['threads', 'threads.net'],
      ['pinterest', 'pinterest.com'],
      ['facebook', 'facebook.com'],
    ] as const;
    const records = cases.map(([platform]) => makeRecord({ platform }));
    const text = await collect(ndjsonChunks(records));
    const got = text
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as ZeeschuimerEnvelope).source_platform);
    expect(got).toEqual(cases.map(([, name]) => name));
  });

  it("names Mastodon by the instance's host, and accepts an override", async () => {
    const r = makeRecord({
      platform: 'mastodon',
      first: provenance({ platform: 'mastodon', pageUrl: 'https://www.Chaos.social/@someone/1' }),
    });
    const env = JSON.parse(await collect(ndjsonChunks([r]))) as ZeeschuimerEnvelope;
    expect(env.source_platform).toBe('chaos.social');
    const custom = JSON.parse(
      await collect(ndjsonChunks([r], { sourcePlatform: (x) => `resonanz-${x.platform}`, firstId: 7 })),
    ) as ZeeschuimerEnvelope;
    expect(custom.source_platform).toBe('resonanz-mastodon');
    expect(custom.id).toBe(7);
  });

  it('writes nothing for no records', async () => {
    expect(await collect(ndjsonChunks([]))).toBe('');
  });
});

describe('JSON writer', () => {
  it('streams one valid JSON array equal to the records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(exportRecordArb, { maxLength: 10 }),
        fc.integer({ min: 1, max: 500 }),
        async (records, chunkChars) => {
          const text = await collect(jsonChunks(records, { chunkChars }));
          const parsed = JSON.parse(text) as unknown[];
          expect(parsed).toEqual(jsonClone(records));
          // What comes back is still a valid ExportRecord.
          for (const p of parsed) expect(ExportRecord.safeParse(p).success).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes [] for no records', async () => {
    expect(JSON.parse(await collect(jsonChunks([])))).toEqual([]);
  });
});
