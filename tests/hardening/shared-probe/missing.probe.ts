/** Reads a file that is never there, as a test on a clone without ../shared would. */
import { expect, it } from 'vitest';
import { describeShared, SHARED_ROOT, sharedFile } from '../../platforms/load';

it('reads a shared capture inside the test', () => {
  expect(sharedFile('fixtures/never/there-1.html')).toContain('<html');
});

describeShared('a describe that parses a shared capture while collecting', () => {
  const json = JSON.parse(sharedFile('fixtures/never/there-2.json')) as { n: number };
  it('uses it', () => {
    expect(json.n).toBe(1);
  });
});

it('runs the tests that need nothing shared', () => {
  expect(SHARED_ROOT.endsWith('shared')).toBe(true);
});
