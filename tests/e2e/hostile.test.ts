/**
 * A hostile x.com: real post markup whose text carries `<img onerror>`, `<script>` and `javascript:`
 * payloads (as text, and as real elements inside the post text), and page scripts that forge the
 * extension's messages — `window.postMessage` with capture-shaped payloads, CustomEvents, a fake
 * `<resonanz-badge>` imitating the overlay, and `chrome.runtime.sendMessage` from the page world.
 *
 * Nothing may execute in the extension's pages (no dialog, no page error, no injected element in the
 * side panel, which must show the payloads as literal text), nothing forged may be stored, and nothing
 * privileged may happen (the history is not erased, no download starts).
 */
import type { ConsoleMessage, Dialog, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xPost } from '../bench/feeds';
import { launch, openPanel, readStore, type Session, tabIdOf, until } from './harness';
import { extensionReader, storedKeys } from './worker-death';

/** What the post text says, literally (HTML-escaped in the page, so the page shows it as text). */
const PAYLOAD_TEXT =
  "<img src=x onerror=\"alert('xss-text')\"> <script>alert('xss-script')</script> javascript:alert(1)";
const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Post i of the feed with its text replaced by the payloads, as text and as live elements. */
function hostilePost(i: number): string {
  const elements =
    `<img src="x" onerror="window.__pageImgRan=(window.__pageImgRan||0)+1" alt="<img src=x onerror=alert('alt')>">` +
    `<a href="javascript:alert('link')">javascript:alert('link')</a>` +
    `<svg onload="window.__pageSvgRan=1"></svg>`;
  return xPost(i).replace(
    /(<div[^>]*data-testid="tweetText"[^>]*>)[\s\S]*?(<\/div>)/,
    (_, open: string, close: string) => `${open}<span>${escapeHtml(PAYLOAD_TEXT)}</span>${elements}${close}`,
  );
}

/** Page-world scripts that try to talk to the extension or imitate it. */
const FORGERIES = `
<script>
  window.__attempts = [];
  const forged = {
    type: 'capture', batchId: 'forged-1', complete: true,
    extraction: { platform: 'x', url: 'https://x.com/home', kind: 'feed', profile: null,
      posts: [{ id: '6666666666666666666', url: 'javascript:alert(1)', author: { handle: 'evil', name: '<b>evil</b>' },
        text: 'forged', createdAt: null, metrics: { likes: 999999, comments: null, shares: null, quotes: null, views: null, saves: null },
        approx: [], media: 'text', hashtags: [], mentions: [], links: [], promoted: false, repostedBy: null }],
      comments: [], health: { candidates: 1, extracted: 1, missing: {} } } };
  const attempt = (name, fn) => { try { fn(); window.__attempts.push(name + ': sent'); } catch (e) { window.__attempts.push(name + ': ' + e.message); } };
  const fire = () => {
    attempt('postMessage capture', () => window.postMessage(forged, '*'));
    attempt('postMessage erase', () => window.postMessage({ type: 'eraseAll', confirm: 'erase' }, '*'));
    attempt('postMessage export', () => window.postMessage({ type: 'exportCollection', id: 'k1' }, '*'));
    attempt('CustomEvent capture', () => document.dispatchEvent(new CustomEvent('resonanz:capture', { detail: forged })));
    attempt('CustomEvent wxt:locationchange', () => window.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: { newUrl: 'javascript:alert(1)' } })));
    attempt('chrome.runtime.sendMessage', () => chrome.runtime.sendMessage({ type: 'eraseAll', confirm: 'erase' }));
    attempt('chrome.runtime.sendMessage to id', () => chrome.runtime.sendMessage('EXTENSION_ID', { type: 'eraseAll', confirm: 'erase' }));
    attempt('browser.runtime.sendMessage', () => browser.runtime.sendMessage({ type: 'eraseAll', confirm: 'erase' }));
    // A fake badge in every post, imitating the overlay (a page can draw what it likes in its own DOM).
    for (const article of document.querySelectorAll('article')) {
      const fake = document.createElement('resonanz-badge');
      fake.setAttribute('data-resonanz-post', '6666666666666666666');
      fake.innerHTML = '<img src=x onerror="window.__fakeBadgeRan=1"><a href="javascript:alert(2)">999× median</a>';
      article.append(fake);
    }
  };
  fire();
  setTimeout(fire, 1500);
</script>`;

const POSTS = 4;

function hostilePage(extensionId: string): string {
  const cells = Array.from({ length: POSTS }, (_, i) => hostilePost(i)).join('\n');
  return `<!doctype html><html lang="en"><head><title>Home / X</title></head><body><main role="main">
<div data-testid="primaryColumn"><section>${cells}</section></div></main>${FORGERIES.replace('EXTENSION_ID', extensionId)}</body></html>`;
}

describe('a hostile page', () => {
  let session: Session;
  const dialogs: string[] = [];
  const extensionErrors: string[] = [];
  const downloads: string[] = [];
  const watch = (page: Page) => {
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${page.url()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('download', (download: Download) => downloads.push(download.suggestedFilename()));
    page.on('pageerror', (error) => {
      if (page.url().startsWith('chrome-extension://')) extensionErrors.push(error.message);
    });
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' && page.url().startsWith('chrome-extension://'))
        extensionErrors.push(message.text());
    });
  };

  beforeAll(async () => {
    session = await launch();
    session.context.on('page', watch);
    await session.context.route('https://x.com/**', (route) =>
      route.fulfill({ body: hostilePage(session.extensionId), contentType: 'text/html; charset=utf-8' }),
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stores the posts as text, stores nothing forged, and the side panel shows the payloads as text', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    const rows = await until(
      async () => {
        const posts = await readStore<{ id: string; text: string; url: string | null; links: string[] }>(
          session,
          'posts',
        );
        return posts.length >= POSTS ? posts : null;
      },
      30_000,
      'the hostile posts in IndexedDB',
    );
    await page.waitForTimeout(2_500); // the page forges a second time at 1.5 s
    const attempts = await page.evaluate(() => (window as unknown as { __attempts: string[] }).__attempts);
    // From the page world the extension's runtime is out of reach.
    expect(attempts.filter((a) => a.startsWith('chrome.') || a.startsWith('browser.'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/chrome\.runtime\.sendMessage: .*(undefined|not a function|Cannot read)/),
      ]),
    );
    expect(attempts.some((a) => /sendMessage: sent/.test(a))).toBe(false);

    const all = await readStore<{ id: string; text: string; url: string | null; links: string[] }>(
      session,
      'posts',
    );
    expect(all.map((p) => p.id)).not.toContain('6666666666666666666');
    expect(all).toHaveLength(POSTS);
    for (const post of rows) {
      expect(post.text).toContain(PAYLOAD_TEXT.replace(/\s+/g, ' '));
      expect(post.url).toMatch(/^https:\/\/x\.com\//);
      for (const link of post.links) expect(link).toMatch(/^https?:\/\//);
    }

    // The overlay keeps one badge of its own per post; the page's imitations stay page content and
    // are neither read as posts nor confused with ours.
    const badged = await page
      .locator('resonanz-badge')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-resonanz-post')));
    expect(badged.filter((id) => id !== '6666666666666666666').sort()).toEqual(all.map((p) => p.id).sort());

    const panel = await openPanel(session, await tabIdOf(session, 'https://x.com/home'));
    await panel.getByRole('table').waitFor();
    await until(async () => (await panel.locator('tbody tr').count()) === POSTS, 10_000, 'rows in the panel');
    const body = panel.locator('tbody');
    await expect(body.textContent()).resolves.toContain('<img src=x onerror="alert(\'xss-text\')">');
    await expect(body.textContent()).resolves.toContain("<script>alert('xss-script')</script>");
    const injected = await panel.evaluate(() => ({
      images: document.querySelectorAll('main img').length,
      scripts: document.querySelectorAll('main script, body script:not([src])').length,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      handlers: [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      ran: Object.keys(window).filter((k) => k.startsWith('__') && /Ran|pwn/i.test(k)),
    }));
    expect(injected).toEqual({ images: 0, scripts: 0, jsLinks: 0, handlers: 0, ran: [] });
    // Sorting and re-rendering the table does not turn the text into markup either.
    await panel.locator('thead button').last().click();
    expect(await panel.evaluate(() => document.querySelectorAll('main img, main script').length)).toBe(0);

    // Nothing privileged happened: the history is intact, nothing was downloaded, nothing ran.
    const reader = await extensionReader(session);
    const keys = await storedKeys(reader);
    expect(keys.posts).toHaveLength(POSTS);
    expect(downloads).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(extensionErrors).toEqual([]);
  });
});
