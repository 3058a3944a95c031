/**
 * Drives Debian Chromium (playwright-core) with the built extension loaded. Fixture pages are served
 * by routing the platform's real URL, so the real content script runs on them. There is no skip: a
 * missing browser or build fails the run, as CI must notice it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = process.env.RESONANZ_EXTENSION ?? join(ROOT, '.output/chrome-mv3');
/** The `trace` build (`wxt build --mode trace`): its content script puts `resonanz:read` measures on the page's timeline. */
export const TRACE_BUILD = /-trace\/?$/.test(EXTENSION);
/** ../shared: read it only through tests/platforms/load.ts (skips loudly without it). */
export { SHARED_ROOT as SHARED } from '../platforms/load';
export const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts Chromium with the extension; `lang` sets the browser UI language (e.g. 'de'). */
export async function launch(options: { lang?: string; extension?: string } = {}): Promise<Session> {
  const extension = options.extension ?? EXTENSION;
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (see .ci/run)`);
  if (!existsSync(join(extension, 'manifest.json')))
    throw new Error('No build in .output/chrome-mv3: run npm run build');
  const profile = mkdtempSync(join(tmpdir(), 'resonanz-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.lang ?? 'en-US',
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${options.lang ?? 'en-US'}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  });
  // Nothing may leave the machine: anything not routed by a test is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `html` at every URL below `origin` (e.g. 'https://x.com'); later routes win. */
export async function serve(session: Session, origin: string, html: string): Promise<void> {
  await session.context.route(`${origin}/**`, (route) =>
    route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
  );
}

/** Reads every row of an IndexedDB store of the extension, from inside the service worker. */
export async function readStore<T = Record<string, unknown>>(session: Session, store: string): Promise<T[]> {
  return session.worker.evaluate(
    (name) =>
      new Promise<T[]>((done, fail) => {
        const open = indexedDB.open('resonanz');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            done([]);
            return;
          }
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            done(request.result as T[]);
          };
          request.onerror = () => fail(request.error);
        };
      }),
    store,
  );
}

/** Polls `probe` until it returns a truthy value (or throws after `ms`). */
export async function until<T>(
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  do {
    const last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 150));
  } while (Date.now() < deadline);
  throw new Error(`Timed out waiting for ${what}`);
}

/** The id of the first tab whose URL starts with `prefix`, asked of the extension itself. */
export async function tabIdOf(session: Session, prefix: string): Promise<number> {
  const id = await session.worker.evaluate(async (p) => {
    type Tabs = { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
    const tabs = await (globalThis as unknown as { chrome: Tabs }).chrome.tabs.query({});
    return tabs.find((t) => t.url?.startsWith(p))?.id ?? null;
  }, prefix);
  if (id === null) throw new Error(`No tab at ${prefix}`);
  return id;
}

/** Opens the side panel as a tab, describing the tab `tabId`. */
export async function openPanel(session: Session, tabId: number): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tabId=${tabId}`);
  return page;
}

/** Saves a screenshot under test-artifacts/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

interface CdpNode {
  nodeId: number;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/**
 * What Resonanz drew inside the closed shadow roots of every `tag` element on the page: the host's
 * attributes and the root's HTML. Page scripts (and Playwright's evaluate, which runs as one) see
 * `shadowRoot === null`; the DevTools protocol, like a person with DevTools open, pierces them.
 */
export async function shadowContents(
  page: Page,
  tag: string,
): Promise<{ attributes: Record<string, string>; html: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts: CdpNode[] = [];
    const walk = (node: CdpNode) => {
      if (node.localName === tag) hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
      if (node.contentDocument) walk(node.contentDocument);
    };
    walk(root);
    const out: { attributes: Record<string, string>; html: string }[] = [];
    for (const host of hosts) {
      const attributes: Record<string, string> = {};
      const list = host.attributes ?? [];
      for (let i = 0; i + 1 < list.length; i += 2) attributes[list[i]!] = list[i + 1]!;
      let html = '';
      for (const child of host.shadowRoots?.[0]?.children ?? []) {
        const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })) as {
          outerHTML: string;
        };
        html += outerHTML;
      }
      out.push({ attributes, html });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * A script for a routed page that counts everything that could send a reply: clicks on the platform's
 * send button (`sendButton`, a CSS selector), form submits and Enter. Read it with `sendEvents`.
 */
export function sendWatcher(sendButton: string): string {
  return `<script>
window.__events = { clicks: 0, submits: 0, enter: 0 };
document.addEventListener('click', (e) => { if (e.target.closest && e.target.closest(${JSON.stringify(sendButton)})) window.__events.clicks++; }, true);
document.addEventListener('submit', () => { window.__events.submits++; }, true);
document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__events.enter++; }, true);
</script>`;
}

/** What `sendWatcher` counted on `page`. */
export function sendEvents(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (window as unknown as { __events: Record<string, number> }).__events);
}
