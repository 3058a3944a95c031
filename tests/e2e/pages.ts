/** Fixture pages assembled at test time from the real captures in ../shared (never copied). */
import { sharedText } from '../platforms/load';

// Through the one helper that skips loudly without ../shared (and fails under REQUIRE_SHARED=1).
const read = sharedText;

/** An X home timeline made of the three real tweet captures, wrapped as X wraps them. */
export function xHomeTimeline(): string {
  const articles = ['x/tweet-article.html', 'x/tweet-article-quote.html', 'x/tweet-article-quote-video.html']
    .map((f) => `<div data-testid="cellInnerDiv">${read(f)}</div>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>Home / X</title></head><body>
<main role="main"><div data-testid="primaryColumn"><section role="region">${articles}</section></div></main>
</body></html>`;
}
