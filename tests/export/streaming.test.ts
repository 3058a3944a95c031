import { describe, expect, it } from 'vitest';
import { csvChunks } from '../../core/export/csv';
import { jsonChunks, ndjsonChunks } from '../../core/export/ndjson';
import { benchExport } from '../bench/export.bench';
import { syntheticRecords } from './helpers';

describe('streaming', () => {
  it('CSV: 100,000 records are pulled lazily, not before the first chunk is yielded', async () => {
    const N = 100_000;
    let pulled = 0;
    const chunks = csvChunks(
      syntheticRecords(N, () => (pulled += 1)),
      { bom: false },
    );
    const it = chunks[Symbol.asyncIterator]();

    const header = await it.next();
    expect(header.value?.startsWith('id,thread_id,author,body,timestamp,')).toBe(true);
    expect(pulled).toBe(0);

    const first = await it.next();
    const rowsInFirst = (first.value ?? '').split('\r\n').length - 1;
    expect(rowsInFirst).toBeGreaterThan(0);
    // Only what one chunk needs (plus the record that overflowed it) has been read.
    expect(pulled).toBe(rowsInFirst);
    expect(pulled).toBeLessThan(1_000);

    let rows = rowsInFirst;
    let chunkCount = 2;
    for (let next = await it.next(); !next.done; next = await it.next()) {
      rows += next.value.split('\r\n').length - 1;
      chunkCount += 1;
    }
    expect(rows).toBe(N);
    expect(pulled).toBe(N);
    expect(chunkCount).toBeGreaterThan(100);
  });

  it('NDJSON and JSON pull lazily too', async () => {
    for (const make of [
      (src: AsyncIterable<never>) => ndjsonChunks(src),
      (src: AsyncIterable<never>) => jsonChunks(src),
    ]) {
      let pulled = 0;
      const it = make(syntheticRecords(10_000, () => (pulled += 1)) as AsyncIterable<never>)[
        Symbol.asyncIterator
      ]();
      await it.next();
      expect(pulled).toBeGreaterThan(0);
      expect(pulled).toBeLessThan(1_000);
      await it.return?.(undefined);
    }
  });

  it('benchExport returns a median time and peak heap per writer (smoke, n = 2000)', async () => {
    const results = await benchExport(2000);
    expect(results.map((r) => r.bench)).toEqual(['csv', 'ndjson', 'csv+pseudonymise']);
    for (const r of results) {
      expect(r.n).toBe(2000);
      expect(r.median_ms).toBeGreaterThan(0);
      expect(r.peak_heap_mb).toBeGreaterThan(0);
    }
  });
});
