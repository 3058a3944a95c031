/** Export in Node: 100,000 items to CSV and NDJSON (streamed), time and peak heap. */
import { describe, it } from 'vitest';
import { benchExport } from './export.bench';
import { report } from './report';

describe('export benchmark (Node)', () => {
  it('exports 100,000 items', async () => {
    for (const row of await benchExport(100_000, 3)) report(row);
  });
});
