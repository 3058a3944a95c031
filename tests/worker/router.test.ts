/** The worker's gate: who may send what, schema checks, and what a capture answers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResonanzDb } from '../../core/db/schema';
import { emptyMetrics, type PageExtraction } from '../../core/model';
import { Settings } from '../../core/settings';
import { route, type WorkerDeps } from '../../core/worker/router';
import { ScoreCache } from '../../core/worker/scores';

const ORIGIN = 'chrome-extension://abc/';
let db: ResonanzDb;
let deps: WorkerDeps;
let n = 0;
const log = vi.fn();

beforeEach(async () => {
  db = new ResonanzDb(`router-test-${n++}`);
  await db.open();
  log.mockReset();
  deps = {
    db: async () => db,
    settings: async () => Settings.parse({}),
    extensionId: 'abc',
    extensionOrigin: ORIGIN,
    now: () => 1_000,
    scores: new ScoreCache(),
    log,
    panel: { eraseAll: async () => ({ ok: true }) },
  };
});
afterEach(async () => {
  await db.delete();
});

const tab = { id: 3, url: 'https://x.com/acme' };
const self = { id: 'abc', tab };

function capture(extraction: Partial<PageExtraction> = {}) {
  return {
    type: 'capture',
    batchId: 'b1',
    complete: true,
    extraction: {
      platform: 'x',
      url: 'https://x.com/acme',
      kind: 'profile',
      profile: { handle: 'acme', name: null, followers: 200, following: null, posts: null },
      posts: [
        {
          id: '1',
          url: null,
          author: { handle: 'acme', name: null },
          text: 'hi',
          createdAt: null,
          metrics: { ...emptyMetrics(), likes: 8, comments: 2 },
          approx: [],
          media: 'text',
          hashtags: [],
          mentions: [],
          links: [],
          promoted: false,
          repostedBy: null,
        },
      ],
      comments: [],
      health: { candidates: 1, extracted: 1, missing: {} },
      ...extraction,
    },
  };
}

describe('the worker router', () => {
  it('stores a valid capture and answers with the engagement rate by followers', async () => {
    const reply = await route(capture(), self, deps);
    expect(reply).toEqual({
      ok: true,
      stored: 1,
      scores: { '1': expect.objectContaining({ rate: { value: 5, denominator: 'followers' } }) },
      paused: false,
    });
    expect(await db.posts.count()).toBe(1);
  });

  it('rejects an invalid capture with a logged reason and writes nothing', async () => {
    const bad = capture();
    (bad.extraction.posts[0] as { metrics: Record<string, unknown> }).metrics.likes = -5;
    const reply = await route(bad, self, deps);
    expect(reply.ok).toBe(false);
    expect(log).toHaveBeenCalledOnce();
    expect(await db.posts.count()).toBe(0);
  });

  it('refuses messages from other extensions', async () => {
    const reply = await route(capture(), { id: 'someone-else', tab }, deps);
    expect(reply).toMatchObject({ ok: false });
    expect(await db.posts.count()).toBe(0);
  });

  it('refuses privileged commands from a content script', async () => {
    const reply = await route({ type: 'eraseAll', confirm: 'erase' }, self, deps);
    expect(reply).toMatchObject({ ok: false });
  });

  it('accepts privileged commands from extension pages', async () => {
    const reply = await route(
      { type: 'eraseAll', confirm: 'erase' },
      { id: 'abc', url: `${ORIGIN}sidepanel.html` },
      deps,
    );
    expect(reply).toEqual({ ok: true });
  });

  it('stores nothing for a platform the user switched off', async () => {
    deps.settings = async () => Settings.parse({ platforms: { x: false } });
    const reply = await route(capture(), self, deps);
    expect(reply).toMatchObject({ ok: true, stored: 0 });
    expect(await db.posts.count()).toBe(0);
  });
});
