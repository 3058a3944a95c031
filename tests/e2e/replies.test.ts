/**
 * Community management in place, in Chromium with the built extension: a YouTube watch page (our
 * German fixture, with more comments and an open reply box added the way YouTube draws them) is
 * read; in the side panel the account is marked as own, the Replies queue lists the waiting
 * comments by priority, a draft goes into the page's reply box — and nothing is submitted. Then the
 * account answers on the page and the comment leaves the queue; the negative comments raise a
 * crisis alert; and focusing a reply box on the page shows drafts beside it.
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
  sendEvents,
  sendWatcher,
  serve,
  tabIdOf,
  until,
} from './harness';

const URL = 'https://www.youtube.com/watch?v=xY7_kLm9pQr';
const VIDEO = 'xY7_kLm9pQr';

/** A top-level comment as YouTube draws it (id in the `lc=` permalink). */
function thread(id: string, handle: string, text: string, ago: string, extra = ''): string {
  return `<ytd-comment-thread-renderer><ytd-comment-view-model id="comment"><div id="body"><div id="main">
    <div id="header"><div id="header-author">
      <h3><a id="author-text" href="/@${handle}"><span>@${handle}</span></a></h3>
      <span id="published-time-text"><a href="/watch?v=${VIDEO}&amp;lc=${id}">${ago}</a></span>
    </div></div>
    <div id="expander"><yt-attributed-string id="content-text"><span>${text}</span></yt-attributed-string></div>
    <ytd-comment-engagement-bar id="action-buttons"><div id="toolbar">
      <ytd-toggle-button-renderer id="like-button"><button aria-label="Mag ich"></button></ytd-toggle-button-renderer>
    </div></ytd-comment-engagement-bar>${extra}
  </div></div></ytd-comment-view-model><div id="replies"></div></ytd-comment-thread-renderer>`;
}

/** The reply box YouTube opens under a comment after "Antworten", inside a form with its send button. */
function replyBox(id: string): string {
  return `<div id="reply-dialog"><form class="reply-form" onsubmit="return false">
    <ytd-commentbox><div id="contenteditable-root" data-box="${id}" contenteditable="true" role="textbox" aria-label="Antworten …"></div></ytd-commentbox>
    <button id="submit-button" type="submit">Antworten</button></form></div>`;
}

/** The uploader's answer to a comment (author badge, as YouTube marks it). */
function uploaderReply(parentId: string, text: string): string {
  return `<ytd-comment-replies-renderer><div id="expander-contents"><ytd-comment-view-model is-reply="">
    <div id="body"><div id="main"><div id="header"><div id="header-author">
      <h3><a id="author-text" href="/@EnergieWende-Praxis" hidden=""><span>@EnergieWende-Praxis</span></a></h3>
      <span id="author-comment-badge"><ytd-author-comment-badge-renderer creator=""><a href="/@EnergieWende-Praxis"><yt-formatted-string id="text">@EnergieWende-Praxis</yt-formatted-string></a></ytd-author-comment-badge-renderer></span>
      <span id="published-time-text"><a href="/watch?v=${VIDEO}&amp;lc=${parentId}.Rpl${parentId.slice(-4)}">vor 1 Minute</a></span>
    </div></div>
    <div id="expander"><yt-attributed-string id="content-text"><span>${text}</span></yt-attributed-string></div>
    </div></div></ytd-comment-view-model></div></ytd-comment-replies-renderer>`;
}

const COMMENTS = {
  attack: [
    'UgyAttack0001AaABAg',
    'troll_42',
    'Ihr seid doch alle komplett unfähige Idioten!',
    'vor 10 Minuten',
  ],
  complaint: [
    'UgyComplaint01AaABAg',
    'kunde_karin',
    'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.',
    'vor 50 Minuten',
  ],
  service: [
    'UgyService0001AaABAg',
    'max_m',
    'Das ist der schlechteste Service, den ich je erlebt habe.',
    'vor 40 Minuten',
  ],
  broken: ['UgyBroken00001AaABAg', 'lena_s', 'Total enttäuscht, funktioniert nicht.', 'vor 30 Minuten'],
  mess: ['UgyMess000001AaABAg', 'ole_p', 'Absolute Katastrophe, so ein Mist.', 'vor 20 Minuten'],
  purchase: ['UgyPurchase01AaABAg', 'sonja_k', 'Ich würde das sofort kaufen.', 'vor 15 Minuten'],
} as const;

/** Counts anything on the page that could send: clicks on send, submits, Enter. */
const WATCH = sendWatcher('#submit-button');

function watchPage(): string {
  const html = readFileSync(join(ROOT, 'tests/fixtures/youtube/de-watch-2025.html'), 'utf8');
  const { attack, complaint, service, broken, mess, purchase } = COMMENTS;
  const added = [
    thread(...attack),
    thread(...complaint, replyBox('complaint')),
    thread(...service),
    thread(...broken),
    thread(...mess),
    thread(...purchase, replyBox('purchase')),
  ].join('\n');
  // New comments go at the end of the comment list (#contents), the watcher script first in <body>.
  const end = html.indexOf('</ytd-item-section-renderer>');
  const contentsEnd = html.lastIndexOf('</div>', end);
  return html
    .slice(0, contentsEnd)
    .concat(added, html.slice(contentsEnd))
    .replace('<body>', `<body>${WATCH}`);
}

interface CommentRow {
  id: string;
  answeredAt: number | null;
  byPostAuthor: boolean;
}

describe('the reply queue and insert in place, in Chromium', () => {
  let session: Session;
  let page: Page;
  let panel: Page;
  beforeAll(async () => {
    session = await launch({ lang: 'de' });
    await serve(session, 'https://www.youtube.com', watchPage());
  });
  afterAll(async () => {
    await session?.close();
  });

  const events = () => sendEvents(page);
  const queueKinds = () =>
    panel.locator('.reply-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind));
  const queueIds = () =>
    panel.locator('.reply-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.commentId));

  it('reads the comments, and the queue appears once the account is marked as own', async () => {
    page = await session.context.newPage();
    await page.goto(URL);
    const comments = await until(
      async () => {
        const rows = await readStore<CommentRow>(session, 'comments');
        return rows.length >= 9 ? rows : null;
      },
      30_000,
      'nine comments in IndexedDB',
    );
    // Jana's question is answered on the page already (the uploader's reply): capture marked it.
    expect(comments.find((c) => c.id === 'UgxA1b2C3d4E5f6G7h8AaABAg')?.answeredAt).toEqual(
      expect.any(Number),
    );

    const tabId = await tabIdOf(session, URL);
    panel = await openPanel(session, tabId);
    await panel.getByRole('tab', { name: 'Antworten' }).click();
    await panel.getByText('Noch kein eigenes Konto', { exact: false }).waitFor();
    await panel.getByRole('button', { name: '@energiewende-praxis (YouTube) ist mein Konto' }).click();

    await until(
      async () => (await panel.locator('.reply-item').count()) === 7,
      20_000,
      'seven waiting comments',
    );
    expect(await queueKinds()).toEqual([
      'urgent',
      'complaint',
      'complaint',
      'complaint',
      'complaint',
      'purchase',
      'praise',
    ]);
    // Oldest complaint first; the answered question and the uploader's own reply are not listed.
    const ids = await queueIds();
    expect(ids.slice(1, 5)).toEqual([
      COMMENTS.complaint[0],
      COMMENTS.service[0],
      COMMENTS.broken[0],
      COMMENTS.mess[0],
    ]);
    expect(ids).not.toContain('UgxA1b2C3d4E5f6G7h8AaABAg');
    await expect(panel.locator('.response-figures').textContent()).resolves.toContain('1 von 8 Kommentaren');
  });

  it('inserts a draft into the reply box under the comment, and nothing is sent', async () => {
    const item = panel.locator(`.reply-item[data-comment-id="${COMMENTS.complaint[0]}"]`);
    // The first draft assumes nothing about the problem (triage may guess it wrong); a later one names
    // the undelivered order and asks for its number. The community manager picks that one.
    const texts = await item.locator('.draft-text').allTextContents();
    const pick = texts.findIndex((text) => /Bestellnummer|Bestellung|Lieferung/.test(text));
    expect(pick).toBeGreaterThan(-1);
    const draft = texts[pick] ?? '';
    await item.getByRole('button', { name: 'Ins Antwortfeld einfügen' }).nth(pick).click();
    await item.getByText('Entwurf ins Antwortfeld eingefügt', { exact: false }).waitFor();

    const box = page.locator('[data-box="complaint"]');
    await expect(box.evaluate((el) => (el as HTMLElement).innerText.trim())).resolves.toBe(draft.trim());
    // The other open box stays empty; nothing was clicked, submitted or typed.
    await expect(page.locator('[data-box="purchase"]').textContent()).resolves.toBe('');
    expect(await events()).toEqual({ clicks: 0, submits: 0, enter: 0 });
    const memory = await readStore<{ text: string; kind: string }>(session, 'replyMemory');
    expect(memory.filter((m) => m.kind === 'inserted').map((m) => m.text)).toEqual([draft]);
    expect(memory.some((m) => m.kind === 'suggested')).toBe(true);
  });

  it('takes the comment out of the queue once the answer shows on the page, and raises the crisis alert', async () => {
    // The community manager sends the reply on the platform: YouTube shows it under the comment.
    await page.evaluate(
      ([id, html]) => {
        const link = document.querySelector(`a[href*="lc=${id}"]`);
        link
          ?.closest('ytd-comment-thread-renderer')
          ?.querySelector('#replies')
          ?.insertAdjacentHTML('beforeend', html!);
      },
      [
        COMMENTS.complaint[0],
        uploaderReply(
          COMMENTS.complaint[0],
          'Das tut uns leid, Karin – bitte schick uns deine Bestellnummer per DM.',
        ),
      ],
    );
    await until(
      async () => !(await queueIds()).includes(COMMENTS.complaint[0]),
      20_000,
      'the answered complaint leaving the queue',
    );
    expect(await queueKinds()).toEqual([
      'urgent',
      'complaint',
      'complaint',
      'complaint',
      'purchase',
      'praise',
    ]);
    const rows = await readStore<CommentRow>(session, 'comments');
    expect(rows.find((c) => c.id === COMMENTS.complaint[0])?.answeredAt).toEqual(expect.any(Number));

    // Five negative or attacking comments within the hour under an own post: the alert and its banner.
    const alerts = await until(
      async () => {
        const list = await readStore<{ kind: string; postId: string }>(session, 'alerts');
        return list.length ? list : null;
      },
      20_000,
      'a crisis alert',
    );
    expect(alerts).toEqual([expect.objectContaining({ kind: 'negativeSurge', postId: VIDEO })]);
    await panel.locator('.alert-banner').waitFor();
    await expect(panel.locator('.alert-banner').textContent()).resolves.toContain(
      'Negative Kommentare häufen sich',
    );
    await panel.setViewportSize({ width: 420, height: 900 }); // as wide as a side panel
    await screenshot(panel, 'replies-de');
    await panel.screenshot({ path: join(ARTIFACTS, 'replies-de-top.png') }); // what the side panel shows first
  });

  it('shows drafts beside a reply box the user focuses on the page, and puts the picked one in', async () => {
    await page.bringToFront();
    await page.locator('[data-box="purchase"]').focus();
    // (Inserting from the panel focused the complaint's box, which showed its own control: wait for this one.)
    const control = page.locator(`resonanz-reply-assist[data-comment-id="${COMMENTS.purchase[0]}"]`);
    await control.waitFor({ timeout: 15_000 });
    const drafts = control.locator('button.draft');
    await until(async () => (await drafts.count()) >= 2, 10_000, 'drafts beside the box');
    const text = (await drafts.nth(1).locator('.text').textContent()) ?? '';
    await drafts.nth(1).click();
    await control.getByText('bitte prüfen und selbst senden', { exact: false }).waitFor();
    await expect(
      page.locator('[data-box="purchase"]').evaluate((el) => (el as HTMLElement).innerText.trim()),
    ).resolves.toBe(text.trim());
    expect(await events()).toEqual({ clicks: 0, submits: 0, enter: 0 });
    // The control sits below the reply box's send button, never over it.
    const send = await page
      .locator('[data-box="purchase"]')
      .locator('xpath=ancestor::form//button')
      .boundingBox();
    const shown = await control.boundingBox();
    expect(shown!.y).toBeGreaterThanOrEqual(send!.y + send!.height);
    await screenshot(page, 'replies-in-place-de');
    await page.screenshot({
      path: join(ARTIFACTS, 'replies-in-place-de-control.png'),
      clip: { x: 0, y: send!.y - 120, width: 700, height: shown!.height + 160 },
    });
    const memory = await readStore<{ text: string; kind: string }>(session, 'replyMemory');
    expect(memory.filter((m) => m.kind === 'inserted').map((m) => m.text)).toContain(text);
  });
});
