// @vitest-environment happy-dom
/**
 * The worker's gate under attack: privileged commands from content scripts and anything from other
 * extensions are refused and logged; every message type is parsed with its schema before a handler
 * sees it; and `route`, fed arbitrary JSON from every kind of sender, never throws and never writes.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResonanzDb } from '../../core/db/schema';
import { ContentMessages, ContentRequest, PanelMessages, PanelRequest } from '../../core/messages';
import { Settings } from '../../core/settings';
import { route, type Sender, type WorkerDeps } from '../../core/worker/router';
import { ScoreCache } from '../../core/worker/scores';

const SOAK = process.env.SOAK === '1';
const ID = 'resonanzid';
const ORIGIN = `chrome-extension://${ID}/`;
const PANEL: Sender = { id: ID, url: `${ORIGIN}sidepanel.html` };
const PANEL_IN_TAB: Sender = {
  id: ID,
  url: `${ORIGIN}sidepanel.html?tabId=3`,
  tab: { id: 9, url: `${ORIGIN}sidepanel.html?tabId=3` },
};
const CONTENT: Sender = { id: ID, url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };
const OTHER_EXTENSION: Sender = { id: 'someone-else', url: 'chrome-extension://someone-else/bg.html' };

const PANEL_TYPES = Object.keys(PanelMessages) as (keyof typeof PanelMessages)[];
const CONTENT_TYPES = Object.keys(ContentMessages) as (keyof typeof ContentMessages)[];

/** Requests that pass their schema: refusing them proves the sender, not the shape, was the reason. */
const VALID_PRIVILEGED: Record<string, unknown> = {
  eraseAll: { type: 'eraseAll', confirm: 'erase' },
  deleteCollection: { type: 'deleteCollection', id: 'k1' },
  destroyCollectionSecret: { type: 'destroyCollectionSecret', id: 'k1' },
  setAccountRole: { type: 'setAccountRole', platform: 'x', handle: 'acme', role: 'own' },
  snapshot: { type: 'snapshot', tabId: 3, pseudonymise: false },
  createSet: { type: 'createSet', name: 'Wettbewerb' },
  deleteSet: { type: 'deleteSet', id: 's1' },
  saveSettings: { type: 'saveSettings', settings: Settings.parse({}) },
  saveAiEndpoint: { type: 'saveAiEndpoint', endpoint: null },
  restoreBegin: { type: 'restoreBegin', header: '{}' },
};

let db: ResonanzDb;
let n = 0;
const log = vi.fn();
/** A spy for every handler name, privileged or not; a call is recorded with its request. */
const calls: { name: string; request: unknown; sender: Sender }[] = [];
const spy = () =>
  new Proxy(
    {},
    {
      get: (_, name: string) => async (request: unknown, sender: Sender) => {
        calls.push({ name, request, sender });
        return { ok: true };
      },
    },
  );
// A Proxy answers every handler name: the test sees which the router reaches (its types cannot).
const spies = spy() as WorkerDeps['panel'];
const contentSpies = spy() as WorkerDeps['content'];

function deps(): WorkerDeps {
  return {
    db: async () => db,
    settings: async () => Settings.parse({}),
    extensionId: ID,
    extensionOrigin: ORIGIN,
    now: () => 1_700_000_000_000,
    scores: new ScoreCache(),
    log,
    panel: spies,
    content: contentSpies,
  };
}

/** Rows in every table: what "never writes" is judged by. */
async function rows(): Promise<number[]> {
  return Promise.all(db.tables.map((t) => t.count()));
}

beforeAll(async () => {
  db = new ResonanzDb(`hardening-messages-${n++}`);
  await db.open();
  // Something to lose: an erase or a stray write would change these counts.
  await db.sets.put({ id: 's1', name: 'Wettbewerb', members: [], createdAt: 1 });
  await db.accounts.put({
    platform: 'x',
    handle: 'acme',
    name: null,
    role: 'own',
    followers: 5,
    following: null,
    posts: null,
    lastSeen: 1,
  });
});
afterAll(async () => {
  await db.delete();
});
beforeEach(() => {
  log.mockReset();
  calls.length = 0;
});
afterEach(() => {
  calls.length = 0;
});

describe('who may send what', () => {
  it.each(PANEL_TYPES)('refuses and logs the privileged "%s" from a content script', async (type) => {
    const message = VALID_PRIVILEGED[type] ?? { type };
    if (VALID_PRIVILEGED[type]) expect(PanelRequest.safeParse(message).success).toBe(true);
    const before = await rows();
    const reply = await route(message, CONTENT, deps());
    expect(reply.ok).toBe(false);
    expect(log).toHaveBeenCalledOnce();
    expect(String(log.mock.calls[0]?.[0])).toMatch(/rejected/);
    expect(calls).toEqual([]);
    expect(await rows()).toEqual(before);
  });

  it('accepts the same privileged requests from the side panel, in a tab of its own too', async () => {
    for (const sender of [PANEL, PANEL_IN_TAB]) {
      for (const [type, message] of Object.entries(VALID_PRIVILEGED)) {
        calls.length = 0;
        const reply = await route(message, sender, deps());
        expect(reply, type).toEqual({ ok: true });
        expect(calls.map((c) => c.name)).toEqual([type]);
      }
    }
  });

  it.each([...PANEL_TYPES, ...CONTENT_TYPES])(
    'refuses and logs "%s" from another extension',
    async (type) => {
      const message = VALID_PRIVILEGED[type] ?? { type, platform: 'x' };
      for (const sender of [
        OTHER_EXTENSION,
        { ...OTHER_EXTENSION, tab: CONTENT.tab },
        { ...PANEL, id: 'x' },
      ]) {
        log.mockReset();
        const reply = await route(message, sender, deps());
        expect(reply).toMatchObject({ ok: false, error: 'message from another extension' });
        expect(log).toHaveBeenCalledOnce();
      }
      expect(calls).toEqual([]);
    },
  );

  it('refuses a panel request from a web page that only claims an extension URL in its tab', async () => {
    const forged: Sender = {
      id: ID,
      url: 'https://x.com/home',
      tab: { id: 3, url: `${ORIGIN}sidepanel.html` },
    };
    const reply = await route(VALID_PRIVILEGED.eraseAll, forged, deps());
    expect(reply.ok).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses messages from a context that is neither a tab nor an extension page', async () => {
    const reply = await route(
      { type: 'overlaySettings', platform: 'x' },
      { id: ID, url: 'https://x.com/' },
      deps(),
    );
    expect(reply).toMatchObject({ ok: false, error: 'message from an unknown context' });
    expect(log).toHaveBeenCalledOnce();
  });
});

// ─── Fuzzing ─────────────────────────────────────────────────────────────────────────────────────

/** Keys a request schema knows (so fuzzed messages get past "unknown type" and hit the field checks). */
function keysOf(type: string): string[] {
  const schema =
    (PanelMessages as Record<string, { request: { shape?: object } }>)[type]?.request ??
    (ContentMessages as Record<string, { request: { shape?: object } }>)[type]?.request;
  return Object.keys(schema?.shape ?? {}).filter((k) => k !== 'type');
}

const ALL_TYPES = [...PANEL_TYPES, ...CONTENT_TYPES];
const shaped = fc.constantFrom(...ALL_TYPES).chain((type) =>
  fc
    .record(Object.fromEntries(keysOf(type).map((k) => [k, fc.jsonValue({ maxDepth: 3 })])), {
      requiredKeys: [],
    })
    .map((fields) => ({ ...fields, type })),
);
/** A valid request with one field damaged or dropped. */
const damaged = fc
  .tuple(
    fc.constantFrom(...Object.values(VALID_PRIVILEGED)),
    fc.nat(),
    fc.option(fc.jsonValue({ maxDepth: 2 })),
  )
  .map(([message, k, value]) => {
    const copy = { ...(message as Record<string, unknown>) };
    const keys = Object.keys(copy).filter((key) => key !== 'type');
    const key = keys[k % Math.max(1, keys.length)];
    if (key === undefined) return copy;
    if (value === null) delete copy[key];
    else copy[key] = value;
    return copy;
  });
const anyMessage = fc.oneof(
  fc.constantFrom(...Object.values(VALID_PRIVILEGED), { type: 'overlaySettings', platform: 'x' }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
  shaped,
  damaged,
  fc.constantFrom(...ALL_TYPES).map((type) => ({ type, __proto__: { confirm: 'erase' } })),
);
const anySender: fc.Arbitrary<Sender> = fc.oneof(
  fc.constantFrom(PANEL, PANEL_IN_TAB, CONTENT, OTHER_EXTENSION),
  fc.record(
    {
      id: fc.option(fc.constantFrom(ID, 'other', ''), { nil: undefined }),
      url: fc.option(fc.constantFrom(`${ORIGIN}x.html`, 'https://x.com/', 'about:blank', ''), {
        nil: undefined,
      }),
      tab: fc.option(
        fc.record({
          id: fc.option(fc.integer(), { nil: undefined }),
          url: fc.option(fc.webUrl(), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    },
    { requiredKeys: [] },
  ),
);

describe('route, fed arbitrary messages from arbitrary senders', () => {
  it('never throws, never writes, and hands a handler only what its schema accepts', async () => {
    const before = await rows();
    let tried = 0;
    let handled = 0;
    await fc.assert(
      fc.asyncProperty(anyMessage, anySender, async (message, sender) => {
        tried++;
        calls.length = 0;
        log.mockReset();
        const reply = await route(message, sender, deps());
        expect(typeof reply === 'object' && reply !== null && typeof reply.ok === 'boolean').toBe(true);
        if (!reply.ok) {
          expect(log).toHaveBeenCalledOnce();
          expect(calls).toEqual([]);
        }
        for (const call of calls) {
          handled++;
          const fromPanel = sender.id === ID && (sender.url ?? '').startsWith(ORIGIN);
          const schema = PANEL_TYPES.includes(call.name as never) ? PanelRequest : ContentRequest;
          // Privileged handlers only for extension pages; content handlers only for tabs.
          expect(schema === PanelRequest ? fromPanel : !fromPanel && sender.tab !== undefined).toBe(true);
          const parsed = schema.safeParse(message);
          expect(parsed.success).toBe(true);
          expect(call.request).toEqual(parsed.data);
        }
        // The only writing path left is a schema-valid capture, which these messages never are.
        expect(ContentMessages.capture.request.safeParse(message).success).toBe(false);
      }),
      { numRuns: SOAK ? 20_000 : 600 },
    );
    expect(await rows()).toEqual(before);
    console.log(`[hardening] route fuzz: ${tried} messages, ${handled} reached a handler after their schema`);
  });

  it('never throws on messages whose fields are getters that throw or are not plain data', async () => {
    const evil = {
      get type() {
        throw new Error('boom');
      },
    };
    for (const message of [
      evil,
      Object.create(null),
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
    ]) {
      for (const sender of [PANEL, CONTENT]) {
        const reply = await route(message, sender, deps());
        expect(reply.ok).toBe(false);
      }
    }
  });
});
