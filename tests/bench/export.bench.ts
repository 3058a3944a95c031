/**
 * Export throughput and memory, in Node (not the browser worker: V8 is the same, but the heap figures
 * include vitest/Node overhead and the consumer here only counts characters instead of building a Blob).
 *
 * `benchExport(n)` streams n synthetic records through each writer five times and reports the median
 * wall time and the peak `process.memoryUsage().heapUsed` sampled after every chunk (so the peak is
 * what was live while exporting, including garbage not yet collected).
 */
import { csvChunks } from '../../core/export/csv';
import { ndjsonChunks } from '../../core/export/ndjson';
import { Pseudonymiser, pseudonymiseRecords } from '../../core/export/pseudonymise';
import { syntheticRecords } from '../export/helpers';

export interface ExportBenchResult {
  bench: string;
  median_ms: number;
  n: number;
  peak_heap_mb: number;
}

const SECRET = new Uint8Array(32).fill(42);

const BENCHES: Record<string, (n: number) => Promise<AsyncIterable<string>>> = {
  csv: async (n) => csvChunks(syntheticRecords(n)),
  ndjson: async (n) => ndjsonChunks(syntheticRecords(n), { userAgent: 'bench' }),
  'csv+pseudonymise': async (n) =>
    csvChunks(
      pseudonymiseRecords(
        syntheticRecords(n),
        await Pseudonymiser.create({ kind: 'pseudonymise', secret: SECRET }),
      ),
    ),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function benchExport(n: number, runs = 5): Promise<ExportBenchResult[]> {
  const results: ExportBenchResult[] = [];
  for (const [bench, make] of Object.entries(BENCHES)) {
    const times: number[] = [];
    let peak = process.memoryUsage().heapUsed;
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      let chars = 0;
      for await (const chunk of await make(n)) {
        chars += chunk.length;
        const heap = process.memoryUsage().heapUsed;
        if (heap > peak) peak = heap;
      }
      times.push(performance.now() - start);
      if (chars === 0) throw new Error(`${bench} produced no output`);
    }
    results.push({
      bench,
      median_ms: Math.round(median(times) * 10) / 10,
      n,
      peak_heap_mb: Math.round((peak / 2 ** 20) * 10) / 10,
    });
  }
  return results;
}
