/**
 * The marketer's views in real Chromium, in English and in German: a German X profile (hand-written
 * fixture) and the real X timeline are read by the content script; the side panel (opened as a tab,
 * 420 × 900 like a docked panel) shows This page, the Account view and a competitive set built through
 * the UI; Settings switches the page's badges off and on live. Screenshots go to test-artifacts/.
 *
 * The fixture holds three posts from 2025, so the Account view is first shown as it really is (a thin
 * sample); then 90 days of synthetic history (tests/e2e/seed.ts, clearly made up) are written to
 * IndexedDB to show the full view with charts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  launch,
  openPanel,
  ROOT,
  readStore,
  type Session,
  screenshot,
  tabIdOf,
  until,
} from './harness';
import { xHomeTimeline } from './pages';
import { followerHistory, historyPosts, putRows } from './seed';

const PROFILE = readFileSync(join(ROOT, 'tests/fixtures/x/de-profile.html'), 'utf8');

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const catalogs: Record<string, Catalog> = {
  en: JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')),
  de: JSON.parse(readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8')),
};

/** A UI string as the panel shows it (same substitution as components/i18n.ts). */
function msg(lang: string, key: string, ...subs: (string | number)[]): string {
  const entry = catalogs[lang]![key];
  if (!entry) throw new Error(`no message ${key}`);
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {}))
    text = text.replaceAll(`$${name.toUpperCase()}$`, String(subs[Number(content.slice(1)) - 1] ?? ''));
  return text;
}

async function panelFor(session: Session, tabId: number): Promise<Page> {
  const panel = await openPanel(session, tabId);
  await panel.setViewportSize({ width: 420, height: 900 });
  return panel;
}

for (const lang of ['en', 'de'] as const) {
  describe(`side panel views in Chromium (${lang})`, () => {
    let session: Session;
    let profile: Page;
    let profileTab: number;
    const m = (key: string, ...subs: (string | number)[]) => msg(lang, key, ...subs);

    beforeAll(async () => {
      session = await launch({ lang: lang === 'de' ? 'de-DE' : 'en-US' });
      await session.context.route('https://x.com/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        return route.fulfill({
          body: path === '/home' ? xHomeTimeline() : PROFILE,
          contentType: 'text/html; charset=utf-8',
        });
      });
      const home = await session.context.newPage();
      await home.goto('https://x.com/home');
      profile = await session.context.newPage();
      await profile.goto('https://x.com/beispiel_gmbh');
      await until(
        async () => {
          const posts = await readStore<{ authorKey: string }>(session, 'posts');
          return (
            posts.some((p) => p.authorKey === 'beispiel_gmbh') &&
            posts.some((p) => p.authorKey === 'testuser123')
          );
        },
        30_000,
        'the profile and the timeline stored',
      );
      profileTab = await tabIdOf(session, 'https://x.com/beispiel_gmbh');
    });
    afterAll(async () => {
      await session?.close();
    });

    it('shows This page for the profile, with × median, velocity and the ER denominator', async () => {
      const panel = await panelFor(session, profileTab);
      await panel.locator('table.posts').waitFor();
      // The profile shows 4 posts (pinned, a repost, a poll, an ad): all listed.
      await until(
        async () => (await panel.locator('table.posts tbody tr').count()) === 4,
        10_000,
        'four rows',
      );
      const pinned = panel.locator('tr[data-post-id="1850000000000000001"]');
      // 12 + 1,234 + 5,678 + 3 = 6,927 interactions; ÷ 12,300 followers ≈ 56.3 %.
      await expect(pinned.locator('td').first().textContent()).resolves.toBe(
        lang === 'de' ? '6.927' : '6,927',
      );
      expect(await pinned.locator('td').last().textContent()).toMatch(
        lang === 'de' ? /^56,3\s%\sF$/ : /^56\.3% F$/,
      );
      // Headings sort; the sort is announced with aria-sort.
      await panel
        .getByRole('button', { name: m('colInteractions').replaceAll('\u00ad', ''), exact: true })
        .click();
      await expect(panel.locator('th[aria-sort="descending"]').textContent()).resolves.toContain(
        m('colInteractions'),
      );
      // The poll's 1.2 million likes (read from "1,2 Mio.") sort first.
      await expect(panel.locator('table.posts tbody tr').first().getAttribute('data-post-id')).resolves.toBe(
        '1850000000000000003',
      );
      await screenshot(panel, `panel-page-${lang}`);
      await panel.close();
    });

    it('shows the Account view, thin from the fixture alone, full with 90 days of history', async () => {
      const panel = await panelFor(session, profileTab);
      await panel.locator('#tab-account').click();
      // Two of the four posts are the account's own (the others: a repost and an ad).
      await panel.getByText(m('accountSample', 2, 2)).waitFor();
      await panel.getByText(m('accountThin', 2, 8).slice(0, 20)).waitFor();
      // Role buttons go through the worker and come back through IndexedDB.
      await panel.getByRole('button', { name: m('roleOwn'), exact: true }).click();
      await panel.getByRole('button', { name: m('roleOwn'), exact: true, pressed: true }).waitFor();
      const accounts = await readStore<{ handle: string; role: string | null }>(session, 'accounts');
      expect(accounts.find((a) => a.handle === 'beispiel_gmbh')?.role).toBe('own');
      await screenshot(panel, `panel-account-thin-${lang}`);

      // Synthetic history (made up, see seed.ts): 90 days of @beispiel_gmbh and @testuser123.
      const now = Date.now();
      await putRows(session, 'posts', [
        ...historyPosts({
          handle: 'beispiel_gmbh',
          n: 45,
          now,
          days: 90,
          followers: 12_300,
          typical: 120,
          seed: 1,
        }),
        ...historyPosts({
          handle: 'TestUser123',
          n: 30,
          now,
          days: 90,
          followers: 4_000,
          typical: 60,
          seed: 2,
        }),
      ]);
      await putRows(session, 'accountObservations', [
        ...followerHistory({ handle: 'beispiel_gmbh', now, weeks: 12, followers: 12_300, growth: 40 }),
      ]);
      await panel.reload();
      await panel.locator('#tab-account').click();
      await panel.getByText(m('accountSample', 47, '@@').split('@@')[0]!).waitFor();
      // uPlot draws the follower and engagement lines (loaded on first use).
      await until(
        async () => (await panel.locator('.uplot canvas').count()) >= 2,
        10_000,
        'two uPlot charts',
      );
      expect(await panel.locator('svg.heatmap rect:not(.empty)').count()).toBeGreaterThan(0);
      await expect(panel.getByText(m('formatVideo'), { exact: false }).first().isVisible()).resolves.toBe(
        true,
      );
      await screenshot(panel, `panel-account-${lang}`);
      // Dark mode: the charts read their colours when drawn, so the panel is opened anew.
      await panel.emulateMedia({ colorScheme: 'dark' });
      await panel.reload();
      await panel.locator('#tab-account').click();
      await until(
        async () => (await panel.locator('.uplot canvas').count()) >= 2,
        10_000,
        'two uPlot charts',
      );
      await screenshot(panel, `panel-account-dark-${lang}`);
      await panel.close();
    });

    it('builds a competitive set through the UI and exports it', async () => {
      const panel = await panelFor(session, profileTab);
      await panel.locator('#tab-compare').click();
      await panel.getByText(m('compareEmpty')).waitFor();
      await panel.getByRole('button', { name: m('setNew') }).click();
      await panel.getByLabel(m('setNameNew')).fill(lang === 'de' ? 'Wettbewerb Q4' : 'Competitors Q4');
      await panel.getByRole('button', { name: m('setCreate'), exact: true }).click();
      await panel.getByRole('button', { name: m('memberAddOnScreen', '@beispiel_gmbh · X') }).click();
      await panel.getByLabel(m('memberHandle')).fill('@TestUser123');
      await panel.getByRole('button', { name: m('memberAddHandle') }).click();
      const rows = panel.locator('table.compare tbody tr');
      await until(async () => (await rows.count()) === 2, 10_000, 'two accounts in the table');
      const sets = await readStore<{ members: { handle: string }[] }>(session, 'sets');
      expect(sets[0]?.members.map((x) => x.handle)).toEqual(['beispiel_gmbh', 'testuser123']);
      await panel.getByRole('radio', { name: m('windowDays', 90) }).check();
      await panel.locator('svg.bars').waitFor();
      const shares = await panel.locator('svg.bars .value-label').allTextContents();
      expect(shares).toHaveLength(2);

      // CSV: UTF-8 with BOM; PNG: a real PNG drawn from the SVG.
      const [csv] = await Promise.all([
        panel.waitForEvent('download'),
        panel.getByRole('button', { name: m('exportCsv') }).click(),
      ]);
      const csvBytes = readFileSync((await csv.path())!);
      expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(csvBytes.toString('utf8')).toContain('"x","beispiel_gmbh",12300,');
      const [png] = await Promise.all([
        panel.waitForEvent('download'),
        panel.locator('.export-row button', { hasText: 'PNG' }).first().click(),
      ]);
      await png.saveAs(join(ARTIFACTS, `export-share-of-voice-${lang}.png`));
      const pngBytes = readFileSync((await png.path())!);
      expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(pngBytes.length).toBeGreaterThan(2_000);
      await screenshot(panel, `panel-compare-${lang}`);
      await panel.close();
    });

    it('switches the badges on the open page off and on from Settings', async () => {
      await until(
        async () => (await profile.locator('resonanz-badge').count()) > 0,
        10_000,
        'badges on the profile',
      );
      const panel = await panelFor(session, profileTab);
      await panel.locator('#tab-settings').click();
      const global = panel.getByLabel(m('badgesGlobal'));
      await global.uncheck();
      await until(
        async () => (await profile.locator('resonanz-badge').count()) === 0,
        10_000,
        'badges removed',
      );
      await screenshot(panel, `panel-settings-${lang}`);
      await global.check();
      await until(async () => (await profile.locator('resonanz-badge').count()) > 0, 10_000, 'badges back');
      await panel.close();
    });
  });
}
