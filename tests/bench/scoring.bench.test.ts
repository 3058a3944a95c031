/** Scoring in Node: a 10-account competitive set over 100,000 posts, against a naive per-account sort. */
import { describe, it } from 'vitest';
import { report } from './report';
import { benchScoring } from './scoring.bench';

describe('scoring benchmark (Node)', () => {
  it('summarises a competitive set over 100,000 posts', () => {
    for (const row of benchScoring({ posts: 100_000, accounts: 10, runs: 7 })) report(row);
  });
});
