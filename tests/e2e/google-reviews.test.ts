/**
 * Google reviews end to end, in Chromium with the built extension: the user switches Google reviews
 * on in Settings, a Maps place page (our English fixture, written after a real capture's structure)
 * is read as its real URL, the place is marked as the user's own, the Replies queue lists the
 * unanswered reviews lowest stars first, and a draft goes into the owner's reply box — never sent.
 *
 * Chromium under automation cannot answer the browser's permission prompt (browser UI, not a page),
 * so this test builds the extension with Google's Maps hosts granted at install (RESONANZ_E2E_GRANT,
 * see wxt.config.ts); everything after the prompt — the switch, the registration of the content
 * script for Maps pages only, reading, the queue, inserting — is the shipped code.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launch,
  openPanel,
  ROOT,
  readStore,
  type Session,
  screenshot,
  sendEvents,
  sendWatcher,
  serve,
  tabIdOf,
  until,
} from './harness';

const PLACE = '0x47a851e0a1b2c3d4:0x5e6f708192a3b4c5';
const URL = `https://www.google.com/maps/place/Ramen+Example/data=!4m7!3m6!1s${PLACE}`;
const OUT = join(ROOT, '.output/e2e-google');

/** Counts anything on the page that could send: clicks on "Post reply", submits, Enter. */
const WATCH = sendWatcher('button[aria-label="Post reply"]');

interface CommentRow {
  id: string;
  rating?: number;
  byPostAuthor: boolean;
  answeredAt: number | null;
}

describe('Google reviews on Google Maps, in Chromium', () => {
  let session: Session;
  let maps: Page;
  let panel: Page;

  beforeAll(async () => {
    execFileSync('npx', ['wxt', 'build'], {
      cwd: ROOT,
      env: { ...process.env, RESONANZ_E2E_GRANT: 'google', RESONANZ_OUT_DIR: OUT },
      stdio: 'ignore',
    });
    session = await launch({ lang: 'en', extension: join(OUT, 'chrome-mv3') });
    const html = readFileSync(join(ROOT, 'tests/fixtures/google/place-reviews-en.html'), 'utf8');
    await serve(session, 'https://www.google.com', html.replace('<body>', `<body>${WATCH}`));
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  const registered = () =>
    session.worker.evaluate(async () => {
      type Scripting = {
        scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
      };
      return (globalThis as unknown as { chrome: Scripting }).chrome.scripting.getRegisteredContentScripts();
    });

  it('reads nothing on Google until the user switches Google reviews on', async () => {
    maps = await session.context.newPage();
    await maps.goto(URL);
    await maps.waitForTimeout(1_500);
    expect(await readStore(session, 'comments')).toEqual([]);
    expect((await registered()).map((s) => s.id)).not.toContain('platform:google');

    panel = await openPanel(session, await tabIdOf(session, URL));
    await panel.getByRole('tab', { name: 'Settings' }).click();
    await panel.getByRole('switch', { name: 'Read Google reviews on Google Maps' }).check();
    await panel.getByText('Google reviews are on', { exact: false }).waitFor();
    const scripts = await until(
      async () => (await registered()).find((s) => s.id === 'platform:google'),
      15_000,
      'the content script registered for Maps',
    );
    expect(scripts.matches).toContain('https://www.google.com/maps/*');
    expect(scripts.matches?.every((m) => m.includes('/maps/'))).toBe(true);
  });

  it('stores every review with its stars and the owner answer once the place is open', async () => {
    await maps.reload();
    const rows = await until(
      async () => {
        const all = await readStore<CommentRow>(session, 'comments');
        return all.length >= 4 ? all : null;
      },
      30_000,
      'three reviews and one owner answer in IndexedDB',
    );
    expect(rows.filter((r) => !r.byPostAuthor).map((r) => [r.id, r.rating])).toEqual(
      expect.arrayContaining([
        ['EN_R1_ChZDSUhNMG9nS0VJQ0FnSUR', 1],
        ['EN_R2_ChZDSUhNMG9nS0VJQ0FnSUR', 5],
        ['EN_R3_ChZDSUhNMG9nS0VJQ0FnSUR', 3],
      ]),
    );
    expect(rows.find((r) => r.id === 'EN_R2_ChZDSUhNMG9nS0VJQ0FnSUR')?.answeredAt).toEqual(
      expect.any(Number),
    );
  });

  it('lists the unanswered reviews lowest stars first once the place is marked as own', async () => {
    await panel.close();
    panel = await openPanel(session, await tabIdOf(session, URL));
    await panel.getByRole('tab', { name: 'Replies' }).click();
    await panel
      .getByRole('button', { name: /Ramen Example Berlin.*is my account|is my account/ })
      .first()
      .click();
    await until(
      async () => (await panel.locator('.reply-item').count()) === 2,
      20_000,
      'two waiting reviews',
    );
    const ids = await panel
      .locator('.reply-item')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.commentId));
    expect(ids).toEqual(['EN_R1_ChZDSUhNMG9nS0VJQ0FnSUR', 'EN_R3_ChZDSUhNMG9nS0VJQ0FnSUR']);
    await screenshot(panel, 'google-reviews-queue-en');
  });

  it('inserts a draft into the owner reply box under the 1-star review, and nothing is sent', async () => {
    const item = panel.locator('.reply-item[data-comment-id="EN_R1_ChZDSUhNMG9nS0VJQ0FnSUR"]');
    const draft = ((await item.locator('.draft-text').first().textContent()) ?? '').trim();
    expect(draft.length).toBeGreaterThan(20);
    await item.getByRole('button', { name: 'Insert into reply box' }).first().click();
    await until(
      async () => (await maps.locator('textarea[aria-label="Reply publicly"]').inputValue()).trim() === draft,
      10_000,
      'the draft in the reply box',
    );
    expect(await sendEvents(maps)).toEqual({ clicks: 0, submits: 0, enter: 0 });
  });

  it('shows the place in the Account view: rating, reviews, histogram and the share answered', async () => {
    await panel.getByRole('tab', { name: 'Account' }).click();
    const section = panel.locator('section[aria-labelledby="h-place"]');
    await section.waitFor();
    // The fixture's place: "4.3" stars, 1,532 reviews, a five-row histogram; one of the three reviews
    // shown is answered.
    const text = (await section.textContent()) ?? '';
    expect(text).toMatch(/4\.3 ★/);
    expect(text).toContain('1,532');
    expect(await section.locator('table.histogram tr').count()).toBe(5);
    expect(text).toContain('1 of 3 reviews seen');
    await screenshot(panel, 'google-reviews-account-en');
  });
});
