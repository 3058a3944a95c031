/** Parses fixture pages for adapter tests: real captures from ../shared in place, our own from tests/fixtures. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_FIXTURES = resolve(import.meta.dirname, '../../../shared/fixtures');
export const OWN_FIXTURES = resolve(import.meta.dirname, '../fixtures');

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** A real capture from ../shared/fixtures (path relative to that folder). */
export function sharedPage(path: string): Document {
  return parseHtml(readFileSync(join(SHARED_FIXTURES, path), 'utf8'));
}

/** A hand-written fixture from tests/fixtures. */
export function ownPage(path: string): Document {
  return parseHtml(readFileSync(join(OWN_FIXTURES, path), 'utf8'));
}

export function sharedText(path: string): string {
  return readFileSync(join(SHARED_FIXTURES, path), 'utf8');
}
