/** The triage engine's speed in Node: time per comment over the self-written German and English sets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { analyzeComment } from '../../core/replies/index';
import { ROOT } from '../e2e/harness';
import { median, report } from './report';

describe('reply triage benchmark (Node)', () => {
  it('analyses a comment in well under a millisecond', () => {
    const texts = ['de-sentiment.tsv', 'en-sentiment.tsv'].flatMap((f) =>
      readFileSync(join(ROOT, 'tests/fixtures/replies', f), 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t').at(-1) ?? '')
        .filter(Boolean),
    );
    // Baseline in the same run: a plain lower-case + split of each text.
    const baseline: number[] = [];
    const runs: number[] = [];
    analyzeComment('warm-up');
    for (let r = 0; r < 7; r++) {
      let t = performance.now();
      for (const text of texts) text.toLowerCase().split(/\s+/);
      baseline.push((performance.now() - t) / texts.length);
      t = performance.now();
      for (const text of texts) analyzeComment(text);
      runs.push((performance.now() - t) / texts.length);
    }
    report({
      bench: 'replies.analyze_comment.per_comment',
      median_ms: median(runs),
      n: texts.length,
      runs: 7,
      baseline_split_ms: median(baseline),
      target_ms: 1,
    });
  });
});
