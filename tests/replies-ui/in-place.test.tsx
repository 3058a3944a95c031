/**
 * Insert in place: focusing one of the platform's reply boxes finds the comment it answers (on the
 * real YouTube markup), asks for drafts and shows the InsertDraft control beside the box; picking a
 * draft puts it into that box and nothing else. The post's own "add a comment" box answers no comment.
 */

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InPlaceReplies } from '../../components/overlay/in-place';
import { shadowOf } from '../../components/overlay/shadow';
import { commentForBox, locateComment, scrollToComment } from '../../core/content/comments';
import type { InsertResult } from '../../core/content/insert-text';
import { insertReply } from '../../core/content/reply-actions';
import { youtubeAdapter } from '../../core/platforms/youtube/adapter';
import { ownPage } from '../platforms/load';
import { flush } from './fake-source';

const URL = 'https://www.youtube.com/watch?v=xY7_kLm9pQr';
const JANA = 'UgxA1b2C3d4E5f6G7h8AaABAg';
const TOM = 'UgzZ9y8X7w6V5u4T3s2AaABAg';
const BOX =
  '<ytd-commentbox><div id="contenteditable-root" contenteditable="true" role="textbox"></div></ytd-commentbox>';

function loadPage() {
  const page = ownPage('youtube/de-watch-2025.html');
  document.documentElement.lang = 'de';
  document.body.replaceChildren(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
}
const threadOf = (id: string) =>
  [...document.querySelectorAll('ytd-comment-thread-renderer')].find((t) =>
    t.querySelector(`a[href*="${id}"]`),
  )!;
/** A reply box as YouTube opens it: inside the comment, below its toolbar. */
function openReplyBox(under: Element): Element {
  const dialog = document.createElement('div');
  dialog.id = 'reply-dialog';
  dialog.insertAdjacentHTML('beforeend', BOX);
  under.querySelector('#main')?.append(dialog);
  return dialog.querySelector('#contenteditable-root')!;
}
const focus = (el: Element) => el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
const controlDrafts = () => {
  const host = document.querySelector('resonanz-reply-assist');
  const inner = shadowOf(host)?.querySelector('resonanz-insert-draft');
  return [...(shadowOf(inner)?.querySelectorAll<HTMLButtonElement>('button.draft') ?? [])];
};

const DRAFTS = [
  { text: 'Danke dir, Tom! Freut uns, dass es geholfen hat.', tone: 'thank' },
  { text: 'Hi Tom, danke für das Lob!', tone: 'thank' },
];

beforeEach(loadPage);
afterEach(() => {
  document.body.innerHTML = '';
});

describe('finding the comment on the page', () => {
  it('finds a comment by the id in its permalink, else by its text', () => {
    const tom = locateComment(document, { id: TOM, text: 'Super erklärt 👍' });
    expect(tom?.textContent).toContain('Super erklärt');
    expect(tom?.textContent).not.toContain('Wechselrichter');
    const byText = locateComment(document, { id: 'not-on-page', text: 'Super erklärt 👍' });
    expect(byText?.textContent?.trim()).toBe('Super erklärt 👍');
    expect(locateComment(document, { id: 'nope', text: 'Diesen Text gibt es nicht' })).toBeNull();
    expect(scrollToComment(document, { id: 'nope', text: 'Diesen Text gibt es nicht' })).toBe(false);
  });

  it('picks the comment a box is nested in, and none for a box all comments share', () => {
    const a = document.createElement('div');
    a.innerHTML =
      '<section><p id="c1">eins</p><div id="box1"></div></section><section><p id="c2">zwei</p></section><div id="top"></div>';
    const located = ['c1', 'c2'].map((id) => ({ comment: id, el: a.querySelector(`#${id}`)! }));
    expect(commentForBox(a.querySelector('#box1')!, located)).toBe('c1');
    expect(commentForBox(a.querySelector('#top')!, located)).toBeNull();
  });
});

describe('the panel’s insert action', () => {
  it('puts the draft into the reply box under the comment, and reports a missing box or comment', async () => {
    const insert = vi.fn(async (box: Element, text: string): Promise<InsertResult> => {
      box.textContent = text;
      return { ok: true, method: 'paste', kind: 'contenteditable' };
    });
    const tom = { id: TOM, text: 'Super erklärt 👍' };
    expect(await insertReply(document, 'youtube', tom, 'Danke!', insert)).toEqual({
      ok: true,
      found: true,
      result: { ok: false, reason: 'no-editor' },
    });
    const box = openReplyBox(threadOf(TOM));
    openReplyBox(threadOf(JANA)); // another open box elsewhere must not get it
    expect(await insertReply(document, 'youtube', tom, 'Danke!', insert)).toEqual({
      ok: true,
      found: true,
      result: { ok: true },
    });
    expect(insert).toHaveBeenCalledWith(box, 'Danke!');
    expect(box.textContent).toBe('Danke!');
    expect(await insertReply(document, 'youtube', { id: 'gone', text: 'weg' }, 'x', insert)).toMatchObject({
      found: false,
      result: { ok: false, reason: 'no-comment' },
    });
  });
});

describe('drafts in place', () => {
  function start() {
    const requestDrafts = vi.fn(async () => DRAFTS);
    const onInserted = vi.fn();
    const insert = vi.fn(async (box: Element, text: string): Promise<InsertResult> => {
      box.textContent = text;
      return { ok: true, method: 'paste', kind: 'contenteditable' };
    });
    const inPlace = new InPlaceReplies({
      doc: document,
      adapter: youtubeAdapter,
      url: () => URL,
      requestDrafts,
      onInserted,
      insert,
      lang: 'en',
    });
    inPlace.start();
    return { inPlace, requestDrafts, onInserted, insert };
  }

  it('shows drafts for the comment whose reply box was focused, and inserts the one picked', async () => {
    const { inPlace, requestDrafts, onInserted, insert } = start();
    const box = openReplyBox(threadOf(TOM));
    focus(box);
    await flush();
    expect(requestDrafts).toHaveBeenCalledWith({
      platform: 'youtube',
      postId: 'xY7_kLm9pQr',
      postAuthor: 'EnergieWende-Praxis',
      commentId: TOM,
      comment: {
        text: 'Super erklärt 👍',
        authorName: 'heizungsbauer_tom',
        authorHandle: 'heizungsbauer_tom',
      },
    });
    expect(controlDrafts().map((b) => b.querySelector('.text')?.textContent)).toEqual(
      DRAFTS.map((d) => d.text),
    );
    // The control sits outside the platform's comment tree.
    expect(document.querySelector('resonanz-reply-assist')?.parentElement).toBe(document.body);
    expect(inPlace.activeBox).toBe(box);

    controlDrafts()[1]?.click();
    await flush();
    expect(insert).toHaveBeenCalledWith(box, DRAFTS[1]!.text);
    expect(box.textContent).toBe(DRAFTS[1]!.text);
    expect(onInserted).toHaveBeenCalledWith(expect.objectContaining({ commentId: TOM }), DRAFTS[1]!.text);
    inPlace.stop();
    expect(document.querySelector('resonanz-reply-assist')).toBeNull();
  });

  it("answers the commenter, not the account, when the box is under the account's own reply", async () => {
    const { inPlace, requestDrafts } = start();
    const ownReply = document.querySelector('ytd-comment-view-model[is-reply]')!;
    const box = openReplyBox(ownReply);
    focus(box);
    await flush();
    expect(requestDrafts).toHaveBeenCalledWith(expect.objectContaining({ commentId: JANA }));
    inPlace.stop();
  });

  it('shows nothing for the post’s own comment box, or when there are no drafts (not an own post)', async () => {
    const { inPlace, requestDrafts } = start();
    const header = document.querySelector('ytd-comments #header')!;
    header.insertAdjacentHTML(
      'beforeend',
      `<ytd-comment-simplebox-renderer>${BOX}</ytd-comment-simplebox-renderer>`,
    );
    focus(header.querySelector('#contenteditable-root')!);
    await flush();
    expect(requestDrafts).not.toHaveBeenCalled();
    expect(document.querySelector('resonanz-reply-assist')).toBeNull();

    requestDrafts.mockResolvedValueOnce([]);
    focus(openReplyBox(threadOf(TOM)));
    await flush();
    expect(requestDrafts).toHaveBeenCalledTimes(1);
    expect(document.querySelector('resonanz-reply-assist')).toBeNull();
    inPlace.stop();
  });
});
