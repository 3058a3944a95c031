/**
 * One page per platform in real Chromium: each fixture is served at its platform's real URL, the
 * extension's content script reads it, and the posts must reach IndexedDB — exactly the posts the
 * same adapter reads from the same HTML in Node (happy-dom), so browser and tests agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../core/platforms/index';
import { sharedText } from '../platforms/load';
import { launch, ROOT, readStore, type Session, until } from './harness';

const own = (path: string) => readFileSync(join(ROOT, 'tests/fixtures', path), 'utf8');
const shared = sharedText;

/** [platform, URL the page is served at, its HTML]. */
const PAGES: [string, string, () => string][] = [
  ['x', 'https://x.com/beispiel_gmbh', () => own('x/de-profile.html')],
  ['instagram', 'https://www.instagram.com/', () => own('instagram/de-feed.html')],
  ['facebook', 'https://www.facebook.com/', () => own('facebook/de-feed.html')],
  ['linkedin', 'https://www.linkedin.com/feed/', () => own('linkedin/de-feed.html')],
  ['youtube', 'https://www.youtube.com/', () => shared('youtube/home-de-2022-0.html')],
  ['tiktok', 'https://www.tiktok.com/foryou', () => own('tiktok/de-foryou-2025.html')],
  ['threads', 'https://www.threads.com/', () => own('threads/de-feed.html')],
  ['bluesky', 'https://bsky.app/', () => own('bluesky/de-feed.html')],
  ['mastodon', 'https://fosstodon.org/public', () => own('mastodon/en-public.html')],
  ['reddit', 'https://www.reddit.com/r/de/', () => own('reddit/de-feed.html')],
  ['pinterest', 'https://www.pinterest.de/', () => own('pinterest/de-home.html')],
  ['xing', 'https://www.xing.com/discover/updates', () => own('xing/de-feed.html')],
];

/** What the adapter reads from the same HTML outside the browser. */
function expectedIds(html: string, url: string): string[] {
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return extractPage(doc, url).posts.map((p) => p.id);
}

describe('every platform reaches IndexedDB in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(PAGES)('%s: the posts on %s are stored', async (platform, url, html) => {
    const body = html();
    const expected = expectedIds(body, url);
    expect(expected.length, 'the fixture must have posts').toBeGreaterThan(0);
    const origin = new URL(url).origin;
    await session.context.route(`${origin}/**`, (route) =>
      route.fulfill({ body, contentType: 'text/html; charset=utf-8' }),
    );
    const page = await session.context.newPage();
    await page.goto(url);
    const stored = await until(
      async () => {
        const rows = await readStore<{ platform: string; id: string }>(session, 'posts');
        const ids = rows.filter((r) => r.platform === platform).map((r) => r.id);
        return ids.length >= expected.length ? ids : null;
      },
      20_000,
      `${platform} posts in IndexedDB`,
    );
    expect(stored.sort()).toEqual([...expected].sort());
    await page.close();
  });
});
