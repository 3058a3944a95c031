/** Benchmark figures: medians of several runs, one JSON line each in test-artifacts/bench.jsonl. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../../test-artifacts');

export interface BenchLine {
  bench: string;
  median_ms: number;
  n: number;
  [extra: string]: unknown;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Records one benchmark line (and prints it). */
export function report(line: BenchLine | { bench: string; median_ms: number; n: number }): void {
  mkdirSync(OUT, { recursive: true });
  const text = JSON.stringify(line);
  appendFileSync(join(OUT, 'bench.jsonl'), `${text}\n`);
  console.log(text);
}
