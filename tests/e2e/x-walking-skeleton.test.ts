/**
 * The whole path in a real browser: an X timeline (real captured posts) → content script → worker →
 * IndexedDB → side panel, with badges on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launch,
  openPanel,
  readStore,
  type Session,
  screenshot,
  serve,
  shadowContents,
  tabIdOf,
  until,
} from './harness';
import { xHomeTimeline } from './pages';

interface Row {
  id: string;
  platform: string;
  metrics: Record<string, number | null>;
  author: { handle: string | null };
}

describe('X walking skeleton in Chromium', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch();
    await serve(session, 'https://x.com', xHomeTimeline());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('stores the timeline posts with the counts X shows, and the side panel lists them', async () => {
    const page = await session.context.newPage();
    await page.goto('https://x.com/home');
    const posts = await until(
      async () => {
        const rows = await readStore<Row>(session, 'posts');
        return rows.length >= 3 ? rows : null;
      },
      30_000,
      'three posts in IndexedDB',
    );
    const byId = new Map(posts.map((p) => [p.id, p]));
    // Read by hand off the captures' aria-labels.
    expect(byId.get('1981398750557065646')?.metrics).toMatchObject({
      comments: 48,
      shares: 152,
      likes: 553,
      saves: 9,
      views: 30142,
    });
    expect(byId.get('1983130065320780162')?.metrics).toMatchObject({
      comments: 2534,
      shares: 4483,
      likes: 25616,
      saves: 797,
      views: 2596467,
    });
    expect(byId.get('1983128852952998358')?.metrics).toMatchObject({
      comments: 972,
      shares: 2370,
      likes: 11313,
      saves: 732,
      views: 2195266,
    });
    expect(posts.every((p) => p.platform === 'x')).toBe(true);

    const observations = await readStore(session, 'observations');
    expect(observations.length).toBe(3);

    // One badge per post, in a shadow root.
    await until(async () => (await page.locator('resonanz-badge').count()) === 3, 10_000, 'three badges');
    // The badge's shadow root is closed: the page sees none, DevTools (the protocol) does.
    expect(
      await page
        .locator('resonanz-badge')
        .first()
        .evaluate((el) => el.shadowRoot),
    ).toBeNull();
    const [first] = await shadowContents(page, 'resonanz-badge');
    const badgeText = await page.evaluate((html) => {
      const box = document.createElement('template');
      box.innerHTML = html;
      return box.content.textContent ?? '';
    }, first?.html ?? '');
    expect(badgeText).toContain('762'); // 48 + 152 + 553 + 9 interactions

    const tabId = await tabIdOf(session, 'https://x.com/home');
    const panel = await openPanel(session, tabId);
    await panel.getByRole('table').waitFor();
    const rows = panel.locator('tbody tr');
    await until(async () => (await rows.count()) === 3, 10_000, 'three rows in the panel');
    await expect(panel.locator('tbody').textContent()).resolves.toContain('25,616');
    await screenshot(panel, 'sidepanel-x-en');
  });
});
