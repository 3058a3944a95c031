/**
 * The page-world hook on a fake page: the page sees exactly what it would without it, only
 * allowlisted responses are handed over (capped), and nothing the hook or its listeners do reaches
 * the page. The isolated receiver treats every hand-over as page input.
 */
import { describe, expect, it, vi } from 'vitest';
import { readHandOver } from '../../core/content/page-data';
import { type HookWindow, installPageHook, PAGE_DATA_EVENT, READY_EVENT } from '../../core/content/page-hook';
import { emptyMetrics } from '../../core/model';
import type { Adapter } from '../../core/platforms/adapter';
import { xAdapter } from '../../core/platforms/x/adapter';

const PAGE = 'https://x.com/acme';
const TWEETS = 'https://x.com/i/api/graphql/abc/UserTweets?variables=%7B%7D';
const DMS = 'https://x.com/i/api/1.1/dm/inbox_initial_state.json';

/** A stand-in for the browser's XMLHttpRequest: answers `send` with `body` on the next tick. */
function fakeXhr(body: string, base: string, status = 200) {
  return class FakeXhr extends EventTarget {
    status = 0;
    responseText = '';
    responseType: XMLHttpRequestResponseType = '';
    responseURL = '';
    response: unknown = null;
    url = '';
    headers: [string, string][] = [];
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers.push([name, value]);
    }
    send() {
      setTimeout(() => {
        this.status = status;
        this.responseText = body;
        this.responseURL = new URL(this.url, base).href;
        this.dispatchEvent(new Event('load'));
      }, 0);
    }
  };
}

function page(options: { fetch?: typeof fetch; xhrBody?: string; platform?: 'x' | 'facebook' } = {}) {
  const doc = document.implementation.createHTMLDocument('page');
  const fetchImpl = options.fetch ?? vi.fn(async () => new Response('{"data":{}}', { status: 200 }));
  const href = options.platform === 'facebook' ? 'https://www.facebook.com/' : PAGE;
  const win = {
    fetch: fetchImpl,
    XMLHttpRequest: fakeXhr(options.xhrBody ?? '{"data":{}}', href) as unknown as typeof XMLHttpRequest,
    document: doc,
    location: { href },
    CustomEvent,
  } satisfies HookWindow;
  const handed: string[] = [];
  doc.addEventListener(PAGE_DATA_EVENT, (e) => handed.push(String((e as CustomEvent).detail)));
  const uninstall = installPageHook(win, options.platform ?? 'x');
  const ready = (mode: 'on' | 'off') => doc.dispatchEvent(new CustomEvent(READY_EVENT, { detail: mode }));
  return { win, doc, handed, ready, uninstall, fetchImpl };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('the page-world hook', () => {
  it('gives the page the very response object, body unread, and hands a copy of an allowlisted one over', async () => {
    const original = new Response('{"data":{"user":1}}', { status: 200 });
    const { win, handed, ready } = page({ fetch: vi.fn(async () => original) });
    ready('on');
    const response = await win.fetch(TWEETS);
    expect(response).toBe(original);
    expect(await response.text()).toBe('{"data":{"user":1}}');
    await tick();
    expect(handed).toEqual([`${TWEETS}\n\n{"data":{"user":1}}`]);
  });

  it('does not touch responses of endpoints that are not on the list, nor private ones', async () => {
    const clone = vi.spyOn(Response.prototype, 'clone');
    const { win, handed, ready } = page();
    ready('on');
    await win.fetch('https://x.com/i/api/graphql/abc/Viewer');
    await win.fetch(DMS);
    await win.fetch('https://example.org/i/api/graphql/abc/UserTweets');
    await tick();
    expect(handed).toEqual([]);
    expect(clone).not.toHaveBeenCalled();
    clone.mockRestore();
  });

  it('drops a response over the size cap (by its Content-Length or its text)', async () => {
    const big = 'x'.repeat(8_000_001);
    const { win, handed, ready } = page({
      fetch: vi.fn(async (input: RequestInfo | URL) =>
        String(input).includes('Home')
          ? new Response('{}', { headers: { 'content-length': String(10 ** 9) } })
          : new Response(big),
      ),
    });
    ready('on');
    await win.fetch(TWEETS);
    await win.fetch('https://x.com/i/api/graphql/abc/HomeTimeline');
    await tick();
    expect(handed).toEqual([]);
  });

  it('passes the same error through when the request fails, and a failed status is not read', async () => {
    const error = new TypeError('Failed to fetch');
    const failing = page({ fetch: vi.fn(async () => Promise.reject(error)) });
    failing.ready('on');
    await expect(failing.win.fetch(TWEETS)).rejects.toBe(error);
    const notFound = page({ fetch: vi.fn(async () => new Response('{}', { status: 404 })) });
    notFound.ready('on');
    expect((await notFound.win.fetch(TWEETS)).status).toBe(404);
    await tick();
    expect([...failing.handed, ...notFound.handed]).toEqual([]);
  });

  it('keeps the page working when a listener of the hand-over throws', async () => {
    const { win, doc, ready } = page();
    doc.addEventListener(PAGE_DATA_EVENT, () => {
      throw new Error('a broken consumer');
    });
    ready('on');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const response = await win.fetch(TWEETS);
    expect(await response.json()).toEqual({ data: {} });
    await tick();
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('keeps early responses until the content script listens, and reads nothing once told "off"', async () => {
    const early = page();
    await early.win.fetch(TWEETS);
    await tick();
    expect(early.handed).toEqual([]);
    early.ready('on');
    expect(early.handed).toHaveLength(1);

    const off = page();
    await off.win.fetch(TWEETS);
    off.ready('off');
    await off.win.fetch(TWEETS);
    await tick();
    expect(off.handed).toEqual([]);
  });

  it('reads an XMLHttpRequest of a named GraphQL query, and the page still gets its load and text', async () => {
    const { win, handed, ready } = page({ platform: 'facebook', xhrBody: 'for (;;);{"data":{}}' });
    ready('on');
    const xhr = new win.XMLHttpRequest();
    const loaded = new Promise<string>((done) => xhr.addEventListener('load', () => done(xhr.responseText)));
    xhr.open('POST', '/api/graphql/');
    xhr.setRequestHeader('X-FB-Friendly-Name', 'CometNewsFeedPaginationQuery');
    xhr.send('fb_api_req_friendly_name=CometNewsFeedPaginationQuery&doc_id=1');
    expect(await loaded).toBe('for (;;);{"data":{}}');
    expect(handed).toEqual([
      'https://www.facebook.com/api/graphql/\nCometNewsFeedPaginationQuery\nfor (;;);{"data":{}}',
    ]);

    // Messenger's query on the same path is never read.
    const chat = new win.XMLHttpRequest();
    chat.open('POST', '/api/graphql/');
    chat.send('fb_api_req_friendly_name=MWChatThreadListQuery');
    await tick();
    expect(handed).toHaveLength(1);
  });
});

describe('the isolated side of the hand-over', () => {
  const post = {
    id: '1',
    url: null,
    author: { handle: 'acme', name: null },
    text: 'x',
    createdAt: null,
    metrics: { ...emptyMetrics(), likes: 5 },
    approx: [],
    media: 'text' as const,
    hashtags: [],
    mentions: [],
    links: [],
    promoted: false,
    repostedBy: null,
  };
  const reader = vi.fn((json: unknown) => {
    if ((json as { boom?: boolean }).boom) throw new Error('unreadable');
    return { posts: [post] };
  });
  const adapter: Adapter = { ...xAdapter, readResponse: reader };
  const options = { adapter, doc: document, url: () => PAGE };

  it('reads an allowlisted JSON response, one document per line, after an anti-script guard', () => {
    expect(readHandOver(options, `${TWEETS}\n\n{"a":1}`)?.posts).toEqual([post]);
    expect(readHandOver(options, `${TWEETS}\n\nfor (;;);{"a":1}\n{"a":2}`)?.posts).toEqual([post, post]);
  });

  it('refuses what the page could forge: a private or foreign address, not JSON, a reader that throws', () => {
    expect(readHandOver(options, `${DMS}\n\n{"a":1}`)).toBeNull();
    expect(readHandOver(options, `https://evil.example/i/api/graphql/a/UserTweets\n\n{}`)).toBeNull();
    expect(readHandOver(options, `${TWEETS}\n\n<html>`)).toBeNull();
    expect(readHandOver(options, `${TWEETS}\n\n{"boom":true}`)).toBeNull();
    expect(readHandOver(options, 'no separators at all')).toBeNull();
  });
});
