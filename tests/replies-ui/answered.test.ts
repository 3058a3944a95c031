/**
 * Answering on the platform takes a comment out of the queue once the page shows the answer:
 * capture marks `answeredAt` when a reply by the post's author to the comment is read — in the same
 * batch, in a later batch without the comment, or as a comment-only batch the capture loop sends
 * when a reply appears without any post changing.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaptureLoop, type CaptureLoopOptions } from '../../core/content/capture-loop';
import { storeCapture } from '../../core/db/capture';
import type { ResonanzDb } from '../../core/db/schema';
import type { PageExtraction } from '../../core/model';
import { extractPage } from '../../core/platforms/index';
import { youtubeAdapter } from '../../core/platforms/youtube/adapter';
import { analyzeComment } from '../../core/replies/index';
import { buildQueue } from '../../core/reports/replies';
import { ownPage, parseHtml } from '../platforms/load';
import { account, freshDb, HOUR } from './helpers';

const URL = 'https://www.youtube.com/watch?v=xY7_kLm9pQr';
const JANA = 'UgxA1b2C3d4E5f6G7h8AaABAg';
const TOM = 'UgzZ9y8X7w6V5u4T3s2AaABAg';
const OWN = [account('energiewende-praxis', 'own')];
const queueIds = async (db: ResonanzDb, now: number) =>
  buildQueue(await db.comments.toArray(), OWN, (c) => analyzeComment(c.text), now).items.map(
    (i) => i.comment.id,
  );

/** The fixture without the uploader's reply under Jana's question. */
function withoutReply(): Document {
  const doc = ownPage('youtube/de-watch-2025.html');
  doc.querySelector('ytd-comment-replies-renderer')?.remove();
  return doc;
}

/** An uploader's reply (with the author badge, as YouTube draws it) under the thread of `parentId`. */
function uploaderReply(parentId: string, replyId: string, text: string): string {
  return `<ytd-comment-replies-renderer><div id="expander-contents"><ytd-comment-view-model is-reply="">
    <div id="body"><div id="main"><div id="header"><div id="header-author">
      <h3><a id="author-text" href="/@EnergieWende-Praxis" hidden=""><span>@EnergieWende-Praxis</span></a></h3>
      <span id="author-comment-badge"><ytd-author-comment-badge-renderer creator=""><a href="/@EnergieWende-Praxis"><yt-formatted-string id="text">@EnergieWende-Praxis</yt-formatted-string></a></ytd-author-comment-badge-renderer></span>
      <span id="published-time-text"><a href="/watch?v=xY7_kLm9pQr&amp;lc=${parentId}.${replyId}">vor 1 Minute</a></span>
    </div></div>
    <div id="expander"><yt-attributed-string id="content-text"><span>${text}</span></yt-attributed-string></div>
    </div></div></ytd-comment-view-model></div></ytd-comment-replies-renderer>`;
}

let db: ResonanzDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
  document.body.innerHTML = '';
});

describe('answered comments leave the queue', () => {
  it("marks Jana's question answered when the uploader's reply is on the page (real YouTube markup)", async () => {
    db = freshDb();
    const now = Date.now();
    await storeCapture(db, extractPage(ownPage('youtube/de-watch-2025.html'), URL), { now, complete: true });
    expect((await db.comments.get(['youtube', JANA]))?.answeredAt).toBe(now);
    expect((await db.comments.get(['youtube', TOM]))?.answeredAt).toBeNull();
    expect(await queueIds(db, now)).toEqual([TOM]);
  });

  it('takes a comment out of the queue when the answer shows up on a later visit', async () => {
    db = freshDb();
    const t0 = Date.now() - HOUR;
    await storeCapture(db, extractPage(withoutReply(), URL), { now: t0, complete: true });
    expect(await queueIds(db, t0)).toEqual([JANA, TOM]); // question before praise

    const t1 = Date.now();
    await storeCapture(db, extractPage(ownPage('youtube/de-watch-2025.html'), URL), {
      now: t1,
      complete: true,
    });
    expect((await db.comments.get(['youtube', JANA]))?.answeredAt).toBe(t1);
    expect(await queueIds(db, t1)).toEqual([TOM]);
  });

  it('marks a stored comment answered by a reply that comes in a batch without it, and without the post', async () => {
    db = freshDb();
    const t0 = Date.now() - HOUR;
    await storeCapture(db, extractPage(withoutReply(), URL), { now: t0, complete: true });
    const full = extractPage(ownPage('youtube/de-watch-2025.html'), URL);
    const onlyReply: PageExtraction = {
      ...full,
      posts: [],
      comments: full.comments.filter((c) => c.byPostAuthor),
    };
    const t1 = Date.now();
    await storeCapture(db, onlyReply, { now: t1, complete: false });
    expect((await db.comments.get(['youtube', JANA]))?.answeredAt).toBe(t1);
    // The reply, stored without its post in the batch, still knows whose post it is under.
    const reply = (await db.comments.toArray()).find((c) => c.byPostAuthor);
    expect(reply?.postAuthorKey).toBe('energiewende-praxis');
    expect(await queueIds(db, t1)).toEqual([TOM]);
  });

  it('also counts a reply under the post author’s handle that the adapter did not flag', async () => {
    db = freshDb();
    const page = extractPage(withoutReply(), URL);
    const reply = {
      id: `${TOM}.xyz`,
      postId: 'xY7_kLm9pQr',
      parentId: TOM,
      author: { handle: 'EnergieWende-Praxis', name: null },
      text: 'Danke dir!',
      createdAt: null,
      likes: null,
      byPostAuthor: false,
    };
    const now = Date.now();
    await storeCapture(db, { ...page, comments: [...page.comments, reply] }, { now, complete: true });
    expect((await db.comments.get(['youtube', TOM]))?.answeredAt).toBe(now);
  });

  it('has the capture loop send the comments when only a reply appeared (no post changed)', async () => {
    const page = parseHtml(ownPage('youtube/de-watch-2025.html').documentElement.outerHTML);
    document.documentElement.lang = 'de';
    document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    type Send = CaptureLoopOptions['send'];
    const send = vi.fn<Send>(async () => ({ ok: true, stored: 0, scores: {}, paused: false }));
    const tasks: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const loop = new CaptureLoop({
      adapter: youtubeAdapter,
      doc: document,
      url: () => URL,
      send,
      idle: (task) => tasks.push(task),
      setTimer: (fn) => timers.push(fn),
    });
    const run = async () => {
      for (let i = 0; i < 10 && (tasks.length || i === 0); i++) {
        while (tasks.length) tasks.shift()?.();
        await new Promise((r) => setTimeout(r, 0));
      }
    };
    loop.start();
    await run();
    const first = send.mock.calls.flatMap((c) => c[0].extraction.comments.map((x) => x.id));
    expect(first).toContain(TOM);
    send.mockClear();

    // The account answers Tom on the page: only the comment section changes.
    const thread = [...document.querySelectorAll('ytd-comment-thread-renderer')].find((t) =>
      t.querySelector(`a[href*="${TOM}"]`),
    );
    thread
      ?.querySelector('#replies')
      ?.insertAdjacentHTML('beforeend', uploaderReply(TOM, 'Rpl1', 'Danke, Tom!'));
    await new Promise((r) => setTimeout(r, 1_100)); // comments are re-read at most once a second
    await run();
    while (timers.length) timers.shift()?.();
    await run();
    const batches = send.mock.calls.map((c) => c[0]);
    expect(batches.length).toBeGreaterThanOrEqual(1);
    const sent = batches.flatMap((b) => b.extraction.comments);
    expect(sent.find((c) => c.id === `${TOM}.Rpl1`)).toMatchObject({ parentId: TOM, byPostAuthor: true });
    expect(batches.every((b) => b.extraction.posts.length === 0)).toBe(true);

    // Nothing changed since: no further batch.
    send.mockClear();
    await new Promise((r) => setTimeout(r, 1_100));
    document.body.append(document.createElement('span'));
    await run();
    while (timers.length) timers.shift()?.();
    await run();
    expect(send).not.toHaveBeenCalled();
    loop.stop();
  });
});
