/**
 * Finding the reply box a draft should go into, on small hand-written pages shaped like each
 * platform's: the one under the comment being answered, else the focused one, else the only one —
 * and none rather than a guess.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { detectEditorKind, resolveEditable } from '../../core/content/insert-text';
import { findReplyBox, findReplyBoxes, REPLY_BOXES } from '../../core/content/reply-boxes';
import { PLATFORM_IDS } from '../../core/model';

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const byId = (id: string) => document.getElementById(id) as Element;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('reply box data', () => {
  it('has selectors for every platform, all of them valid CSS', () => {
    for (const platform of PLATFORM_IDS) {
      const spec = REPLY_BOXES[platform];
      expect(spec?.boxes.length, platform).toBeGreaterThan(0);
      for (const selector of [...(spec?.boxes ?? []), ...(spec?.shadowHosts ?? [])]) {
        expect(() => document.querySelector(selector), `${platform}: ${selector}`).not.toThrow();
      }
    }
  });
});

describe('finding the reply box on X', () => {
  const x = `
    <div id="home-composer"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div></div>
    <section>
      <article id="tweet-1" data-testid="tweet"><div data-testid="tweetText">Erster</div></article>
      <article id="tweet-2" data-testid="tweet"><div data-testid="tweetText">Zweiter</div></article>
      <div id="inline-reply"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0" id="reply-box"></div></div>
    </section>`;

  it('picks the box below the post being answered, not the home composer', () => {
    const doc = page(x);
    expect(findReplyBox(doc, 'x', byId('tweet-2'))?.id).toBe('reply-box');
  });

  it('picks the focused box when no comment is given, and refuses to guess among several', () => {
    const doc = page(x);
    expect(findReplyBox(doc, 'x')).toBeNull();
    (byId('reply-box') as HTMLElement).focus();
    expect(findReplyBox(doc, 'x')?.id).toBe('reply-box');
  });

  it('returns what insertDraft can use: the Draft.js editor', () => {
    const box = findReplyBox(page(x), 'x', byId('tweet-1')) as Element;
    expect(detectEditorKind(resolveEditable(box) as Element)).toBe('draftjs');
  });
});

describe('finding the reply box under a comment', () => {
  it('YouTube: the reply box of the same thread, ignoring the top-level box and hidden earlier pages', () => {
    const doc = page(`
      <ytd-browse hidden><ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox></ytd-browse>
      <ytd-comments>
        <ytd-commentbox id="top"><div id="contenteditable-root" contenteditable="true" class="top"></div></ytd-commentbox>
        <ytd-comment-thread-renderer>
          <ytd-comment-view-model id="c1"><span id="content-text">Super Video!</span></ytd-comment-view-model>
          <div id="replies"><ytd-commentbox><div id="contenteditable-root" contenteditable="true" class="reply-1"></div></ytd-commentbox></div>
        </ytd-comment-thread-renderer>
        <ytd-comment-thread-renderer>
          <ytd-comment-view-model id="c2"><span id="content-text">Naja.</span></ytd-comment-view-model>
        </ytd-comment-thread-renderer>
      </ytd-comments>`);
    expect(findReplyBox(doc, 'youtube', byId('c1'))?.className).toBe('reply-1');
    expect(findReplyBoxes(doc, 'youtube')).toHaveLength(2); // the hidden page's box is not offered
  });

  it('Facebook: the Lexical box inside the comment, over the post-level box', () => {
    const doc = page(`
      <div role="article" id="post">
        <form><div contenteditable="true" role="textbox" data-lexical-editor="true" id="post-box"><p><br></p></div></form>
        <div role="article" id="comment">Tolles Angebot
          <form><div contenteditable="true" role="textbox" data-lexical-editor="true" id="comment-box"><p><br></p></div></form>
        </div>
      </div>`);
    expect(findReplyBox(doc, 'facebook', byId('comment'))?.id).toBe('comment-box');
    expect(findReplyBox(doc, 'facebook', byId('post'))?.id).toBe('post-box');
  });

  it('LinkedIn: a wrapper and its Quill editor count as one box', () => {
    const doc = page(`
      <article class="comments-comment-entity" id="comment">Danke!</article>
      <div class="comments-comment-box"><div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true" id="ql"></div></div></div>`);
    expect(findReplyBoxes(doc, 'linkedin').map((el) => el.id)).toEqual(['ql']);
    expect(findReplyBox(doc, 'linkedin', byId('comment'))?.id).toBe('ql');
  });

  it("Reddit: a box inside shreddit-composer's shadow root", () => {
    const doc = page(
      `<shreddit-comment id="comment">Gute Frage</shreddit-comment><shreddit-composer id="composer"></shreddit-composer>`,
    );
    const shadow = byId('composer').attachShadow({ mode: 'open' });
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.setAttribute('role', 'textbox');
    editor.id = 'rte';
    shadow.append(editor);
    expect(findReplyBox(doc, 'reddit', byId('comment'))?.id).toBe('rte');
  });

  it('Mastodon: the compose textarea; Bluesky: the ProseMirror editor', () => {
    expect(
      findReplyBox(
        page(
          '<div class="compose-form"><textarea class="autosuggest-textarea__textarea" id="m"></textarea></div>',
        ),
        'mastodon',
      )?.id,
    ).toBe('m');
    expect(
      findReplyBox(
        page('<div class="tiptap ProseMirror" contenteditable="true" role="textbox" id="b"><p></p></div>'),
        'bluesky',
      )?.id,
    ).toBe('b');
  });

  it('TikTok: the Draft.js editor inside data-e2e="comment-input"', () => {
    const doc = page(
      '<div data-e2e="comment-input"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" role="textbox" id="tt"></div></div></div>',
    );
    const box = findReplyBox(doc, 'tiktok') as Element;
    expect(box.id).toBe('tt');
    expect(detectEditorKind(box)).toBe('draftjs');
  });

  it('finds nothing while the reply box is still a collapsed, disabled or hidden placeholder', () => {
    const doc = page(`
      <div id="comment">Hallo</div>
      <div style="display:none"><textarea class="autosuggest-textarea__textarea"></textarea></div>
      <textarea class="autosuggest-textarea__textarea" disabled></textarea>
      <div aria-hidden="true"><textarea class="autosuggest-textarea__textarea"></textarea></div>`);
    expect(findReplyBox(doc, 'mastodon', byId('comment'))).toBeNull();
  });
});
