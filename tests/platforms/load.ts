/**
 * Parses fixture pages for adapter tests: real captures from ../shared in place, our own from tests/fixtures.
 *
 * The one place tests reach ../shared (the real captures and labeled sets beside the checkout, never
 * copied into the repository). A fresh clone has no ../shared: a test that reads it is then skipped
 * with one loud line naming the test and the file, so `npm test` passes on a clone; with
 * REQUIRE_SHARED=1 (set by .ci/run) a missing file fails the test instead, so CI never counts a
 * skip as a pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it, TestRunner } from 'vitest';

export const SHARED_ROOT = resolve(import.meta.dirname, '../../../shared');
export const SHARED_FIXTURES = join(SHARED_ROOT, 'fixtures');
export const SHARED_NLP = join(SHARED_ROOT, 'nlp');
export const OWN_FIXTURES = resolve(import.meta.dirname, '../fixtures');

/** Whether the run must have ../shared (CI): a missing file is then a failure, never a skip. */
export const sharedRequired = (): boolean => process.env.REQUIRE_SHARED === '1';

const announced = new Set<string>();
/** Shared files found missing outside a running test (while a describe collected its tests). */
let missingWhileCollecting = 0;
/** One loud line per skipped test (stderr, so it shows in every reporter's output). */
function announce(test: string, file: string): void {
  const line = `SKIPPED (no ../shared beside the checkout): "${test}" needs shared/${file}`;
  if (announced.has(line)) return;
  announced.add(line);
  console.warn(line);
}

/**
 * Makes sure `path` (absolute, under ../shared) exists. When it does not: throws under
 * REQUIRE_SHARED=1; otherwise skips the running test, or — called while a `describe` collects its
 * tests — every test of that describe. Returns false in that last case (the caller returns a
 * placeholder the skipped tests never use).
 */
export function requireShared(path: string): boolean {
  if (existsSync(path)) return true;
  const file = path.startsWith(SHARED_ROOT) ? path.slice(SHARED_ROOT.length + 1) : path;
  if (sharedRequired()) throw new Error(`REQUIRE_SHARED=1 but shared/${file} is missing`);
  const test = TestRunner.getCurrentTest();
  if (test) {
    announce(test.name, file);
    test.context.skip(`no ../shared: shared/${file}`);
  }
  missingWhileCollecting += 1;
  const suite = TestRunner.getCurrentSuite();
  suite?.on('beforeEach', (context) => {
    announce(context.task.name, file);
    context.skip(`no ../shared: shared/${file}`);
  });
  return false;
}

/**
 * A `describe` that reads ../shared while it collects its tests (a page parsed once for all of them).
 * Without ../shared its tests are skipped, each with one loud line; the placeholder the reads return
 * may make the collection itself throw, which then becomes one skipped test naming the describe.
 */
export function describeShared(name: string, fn: () => void): void {
  describe(name, () => {
    const before = missingWhileCollecting;
    try {
      fn();
    } catch (error) {
      if (missingWhileCollecting === before) throw error;
      announce(name, '… (read while collecting its tests)');
      it.skip(`${name}: the rest needs ../shared`, () => {});
    }
  });
}

/** Whether ../shared holds `relative` (for tests that choose their data up front); never skips by itself. */
export function hasShared(relative: string): boolean {
  return existsSync(join(SHARED_ROOT, relative));
}

/** A file under ../shared as text, or '' when a missing file skipped the test (see requireShared). */
export function sharedFile(relative: string): string {
  const path = join(SHARED_ROOT, relative);
  return requireShared(path) ? readFileSync(path, 'utf8') : '';
}

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A real capture from ../shared/fixtures (path relative to that folder). */
export function sharedPage(path: string): Document {
  return parseHtml(sharedText(path));
}

/** A hand-written fixture from tests/fixtures. */
export function ownPage(path: string): Document {
  return parseHtml(readFileSync(join(OWN_FIXTURES, path), 'utf8'));
}

export function sharedText(path: string): string {
  return sharedFile(join('fixtures', path));
}
