/**
 * Large synthetic feeds built from real captured post markup (../shared, read in place): the three
 * real X timeline articles repeated with fresh status ids, so the adapter does real work per post.
 */
import { sharedText } from '../platforms/load';

const X_ARTICLES = [
  'x/tweet-article.html',
  'x/tweet-article-quote.html',
  'x/tweet-article-quote-video.html',
].map((f) => sharedText(f));

/** One X timeline cell with a unique status id (the quoted post's id is left alone). */
export function xPost(i: number): string {
  const html = X_ARTICLES[i % X_ARTICLES.length]!;
  const id = String(1_990_000_000_000_000_000n + BigInt(i));
  return `<div data-testid="cellInnerDiv">${html.replace(/\/status\/(1981398750557065646|1983130065320780162|1983128852952998358)/g, `/status/${id}`)}</div>`;
}

/** An X home page holding `n` posts. */
export function xFeed(n: number): string {
  const cells = Array.from({ length: n }, (_, i) => xPost(i)).join('\n');
  return `<!doctype html><html lang="en"><head><title>Home / X</title></head><body><main role="main"><div data-testid="primaryColumn"><section>${cells}</section></div></main></body></html>`;
}
