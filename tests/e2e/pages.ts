/** Fixture pages assembled at test time from the real captures in ../shared (never copied). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './harness';

const read = (path: string) => readFileSync(join(SHARED, 'fixtures', path), 'utf8');

/** An X home timeline made of the three real tweet captures, wrapped as X wraps them. */
export function xHomeTimeline(): string {
  const articles = ['x/tweet-article.html', 'x/tweet-article-quote.html', 'x/tweet-article-quote-video.html']
    .map((f) => `<div data-testid="cellInnerDiv">${read(f)}</div>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>Home / X</title></head><body>
<main role="main"><div data-testid="primaryColumn"><section role="region">${articles}</section></div></main>
</body></html>`;
}
