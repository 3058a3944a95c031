/**
 * "Insert in place" against the real editors the platforms use, in Chromium: Draft.js (X, TikTok),
 * Lexical (Facebook, Instagram, Threads), Quill 2 (LinkedIn), a ProseMirror-style editor with its
 * own paste handling and model (Bluesky's TipTap parses pasted text the same way), a plain
 * contenteditable that only listens to `input` (YouTube), and a React 18 controlled textarea
 * (Mastodon). Each page is bundled at test time with esbuild; no extension is loaded.
 *
 * What must hold, read from each editor's own model rather than from the DOM: the draft arrived
 * whole (umlauts, emoji, paragraphs, markup as literal text), the page's send button became
 * enabled by the editor's own state, and nothing was clicked, submitted, typed or executed.
 */
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsertMethod, InsertOptions, InsertResult } from '../../core/content/insert-text';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const PARAGRAPH_1 = 'Hallo Jürgen, danke für dein Feedback zur Größe! 😊 Wir kümmern uns darum.';
const PARAGRAPH_2 = 'PS: <img src=x onerror=alert(1)> bleibt Text – versprochen. 👩‍💻🇩🇪';
const DRAFT = `${PARAGRAPH_1}\n\n${PARAGRAPH_2}`;
const OTHER = 'Danke dir, Jürgen! Magst du uns eine DM schicken? 🙏';

/** Installed before any editor: counts what could send something, and makes markup execution visible. */
const WATCH = `
window.__events = { clicks: 0, submits: 0, enter: 0, executed: 0 };
window.alert = () => { window.__events.executed++; };
document.addEventListener('click', (e) => { if (e.target.closest && e.target.closest('#send')) window.__events.clicks++; }, true);
document.addEventListener('submit', (e) => { window.__events.submits++; e.preventDefault(); }, true);
document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__events.enter++; }, true);
`;

/** Shared page scaffolding: a form with the editor's mount point and a send button. */
const SHELL = `
export const mount = document.getElementById('mount');
export const send = document.getElementById('send');
export function setSendEnabled(on) { send.disabled = !on; }
`;

const ENTRIES: Record<string, string> = {
  // X's composer: Draft.js in React, the content element carries data-testid="tweetTextarea_0"
  // (X sets it through Draft's webDriverTestID), and the button follows hasText().
  draftjs: `
    import React from 'react';
    import { createRoot } from 'react-dom/client';
    import { Editor, EditorState } from 'draft-js';
    const latest = { state: EditorState.createEmpty() };
    window.__model = () => latest.state.getCurrentContent().getPlainText();
    function App() {
      const [state, setState] = React.useState(latest.state);
      latest.state = state;
      return React.createElement('form', { onSubmit: (e) => e.preventDefault() },
        React.createElement(Editor, { editorState: state, onChange: setState, placeholder: 'Post your reply', webDriverTestID: 'tweetTextarea_0' }),
        React.createElement('button', { id: 'send', type: 'submit', disabled: !state.getCurrentContent().hasText() }, 'Reply'));
    }
    createRoot(document.getElementById('mount')).render(React.createElement(App));
    window.__ready = () => !!document.querySelector('[data-testid="tweetTextarea_0"]');
  `,
  // Facebook/Instagram/Threads: a Lexical rich-text editor; an update listener drives the button.
  lexical: `
    import { createEditor, $getRoot, $createParagraphNode } from 'lexical';
    import { registerRichText, HeadingNode, QuoteNode } from '@lexical/rich-text';
    import { mount, setSendEnabled } from 'shell';
    const root = document.createElement('div');
    root.setAttribute('contenteditable', 'true');
    root.setAttribute('role', 'textbox');
    root.setAttribute('aria-label', 'Schreibe einen Kommentar …');
    mount.append(root);
    const editor = createEditor({ namespace: 'comment', nodes: [HeadingNode, QuoteNode], onError: (e) => { throw e; } });
    editor.setRootElement(root);
    registerRichText(editor);
    editor.update(() => { const r = $getRoot(); if (r.isEmpty()) r.append($createParagraphNode()); });
    editor.registerUpdateListener(({ editorState }) => {
      setSendEnabled(editorState.read(() => $getRoot().getTextContent()).trim() !== '');
    });
    window.__model = () => editor.getEditorState().read(() => $getRoot().getTextContent());
    window.__blocks = () => editor.getEditorState().read(() => $getRoot().getChildren().map((n) => n.getTextContent()));
    window.__ready = () => root.hasAttribute('data-lexical-editor');
  `,
  // LinkedIn: Quill inside the comment box; the button follows text-change.
  quill: `
    import Quill from 'quill';
    import { mount, setSendEnabled } from 'shell';
    const box = document.createElement('div');
    box.className = 'comments-comment-box';
    const el = document.createElement('div');
    box.append(el);
    mount.append(box);
    const quill = new Quill(el, { placeholder: 'Kommentar hinzufügen …' });
    quill.on('text-change', () => setSendEnabled(quill.getText().trim() !== ''));
    window.__model = () => quill.getText();
    window.__ready = () => !!document.querySelector('.ql-editor');
  `,
  // Bluesky-style: the editor owns a model of paragraphs, turns a pasted text/plain into
  // paragraphs (one per line, as bsky's clipboardTextParser does) and re-reads the DOM on input.
  prosemirror: `
    import { mount, setSendEnabled } from 'shell';
    const el = document.createElement('div');
    el.className = 'tiptap ProseMirror';
    el.setAttribute('contenteditable', 'true');
    el.setAttribute('role', 'textbox');
    mount.append(el);
    let doc = [''];
    const sync = () => setSendEnabled(doc.join('\\n').trim() !== '');
    function render() {
      el.replaceChildren(...doc.map((text) => {
        const p = document.createElement('p');
        if (text) p.textContent = text; else p.append(document.createElement('br'));
        return p;
      }));
      sync();
    }
    function point(node, offset) {
      const paragraphs = [...el.children];
      if (node === el) {
        const i = Math.min(offset, paragraphs.length - 1);
        return offset >= paragraphs.length ? [i, doc[i].length] : [i, 0];
      }
      const p = (node.nodeType === 3 ? node.parentElement : node).closest('p');
      const i = paragraphs.indexOf(p);
      return [i, node.nodeType === 3 ? offset : offset === 0 ? 0 : doc[i].length];
    }
    el.addEventListener('paste', (e) => {
      const text = e.clipboardData && e.clipboardData.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      const sel = getSelection();
      let a = point(sel.anchorNode, sel.anchorOffset), b = point(sel.focusNode, sel.focusOffset);
      if (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) [a, b] = [b, a];
      const lines = text.split(/\\r?\\n/);
      const last = lines.length - 1;
      const tail = doc[b[0]].slice(b[1]);
      lines[0] = doc[a[0]].slice(0, a[1]) + lines[0];
      const caret = [a[0] + last, lines[last].length];
      lines[last] += tail;
      doc.splice(a[0], b[0] - a[0] + 1, ...lines);
      render();
      const target = el.children[caret[0]].firstChild;
      if (target && target.nodeType === 3) getSelection().collapse(target, caret[1]);
    });
    el.addEventListener('input', () => { doc = [...el.children].map((p) => p.textContent); if (!doc.length) doc = ['']; sync(); });
    render();
    window.__model = () => doc.join('\\n');
    window.__ready = () => true;
  `,
  // YouTube: a plain contenteditable whose owner only listens to input events.
  plain: `
    import { mount, setSendEnabled } from 'shell';
    const box = document.createElement('ytd-commentbox');
    const el = document.createElement('div');
    el.id = 'contenteditable-root';
    el.setAttribute('contenteditable', 'true');
    el.setAttribute('aria-label', 'Antworten …');
    el.style.whiteSpace = 'pre-wrap';
    box.append(el);
    mount.append(box);
    let model = '';
    el.addEventListener('input', () => { model = el.innerText; setSendEnabled(model.trim() !== ''); });
    window.__model = () => model;
    window.__ready = () => true;
  `,
  // Mastodon: a React 18 controlled textarea; the button depends on React state.
  textarea: `
    import React from 'react';
    import { createRoot } from 'react-dom/client';
    const latest = { value: window.__initial || '' };
    window.__model = () => latest.value;
    function App() {
      const [value, setValue] = React.useState(latest.value);
      latest.value = value;
      return React.createElement('form', { onSubmit: (e) => e.preventDefault() },
        React.createElement('textarea', { className: 'autosuggest-textarea__textarea', value, placeholder: 'Was gibt’s Neues?', onChange: (e) => setValue(e.target.value) }),
        React.createElement('button', { id: 'send', type: 'submit', disabled: value.trim() === '' }, 'Veröffentlichen'));
    }
    createRoot(document.getElementById('mount')).render(React.createElement(App));
    window.__ready = () => !!document.querySelector('textarea');
  `,
};

/** The editable element of each page (the selector the platform data in reply-boxes.ts uses). */
const TARGET: Record<string, string> = {
  draftjs: '[data-testid="tweetTextarea_0"]',
  lexical: '[data-lexical-editor="true"]',
  quill: '.comments-comment-box .ql-editor',
  prosemirror: '.ProseMirror',
  plain: 'ytd-commentbox #contenteditable-root',
  textarea: 'textarea.autosuggest-textarea__textarea',
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: [
      {
        name: 'shell',
        setup(b) {
          b.onResolve({ filter: /^shell$/ }, () => ({ path: 'shell', namespace: 'shell' }));
          b.onLoad({ filter: /.*/, namespace: 'shell' }, () => ({ contents: SHELL, loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0]?.text ?? '';
}

let browser: Browser;
let inserter = '';
const pages: Record<string, string> = {};

beforeAll(async () => {
  const insertBuild = await build({
    entryPoints: [join(ROOT, 'core/content/insert-text.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ResonanzInsert',
    write: false,
    logLevel: 'silent',
  });
  inserter = insertBuild.outputFiles[0]?.text ?? '';
  for (const [name, entry] of Object.entries(ENTRIES)) pages[name] = await bundle(entry);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
  insert(text: string, options?: InsertOptions): Promise<InsertResult>;
  model(): Promise<string>;
  /** The editor's visible text as insertDraft reads it back. */
  readBack(): Promise<string>;
  sendEnabled(): Promise<boolean>;
  events(): Promise<{ clicks: number; submits: number; enter: number; executed: number }>;
  imgCount(): Promise<number>;
  close(): Promise<void>;
}

async function open(editor: string, initial = ''): Promise<Opened> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body><div id="mount"></div>${
      editor === 'draftjs' || editor === 'textarea'
        ? ''
        : '<button id="send" type="submit" disabled>Senden</button>'
    }</body></html>`,
  );
  await page.addScriptTag({ content: `${WATCH}\nwindow.__initial = ${JSON.stringify(initial)};` });
  await page.addScriptTag({ content: pages[editor] ?? '' });
  await page.addScriptTag({ content: inserter });
  await page.waitForFunction(() => (window as unknown as { __ready?: () => boolean }).__ready?.() === true);
  const selector = TARGET[editor] ?? '';
  return {
    page,
    dialogs,
    errors,
    insert: (text, options) =>
      page.evaluate(
        ({ selector, text, options }) => {
          const api = (
            window as unknown as { ResonanzInsert: typeof import('../../core/content/insert-text') }
          ).ResonanzInsert;
          const target = document.querySelector(selector);
          if (!target) throw new Error(`no ${selector}`);
          return api.insertDraft(target, text, options);
        },
        { selector, text, options },
      ),
    model: () => page.evaluate(() => (window as unknown as { __model: () => string }).__model()),
    readBack: () =>
      page.evaluate((selector) => {
        const api = (window as unknown as { ResonanzInsert: typeof import('../../core/content/insert-text') })
          .ResonanzInsert;
        return api.readEditorText(document.querySelector(selector) as Element);
      }, selector),
    sendEnabled: () => page.evaluate(() => !(document.getElementById('send') as HTMLButtonElement).disabled),
    events: () =>
      page.evaluate(
        () =>
          (
            window as unknown as {
              __events: { clicks: number; submits: number; enter: number; executed: number };
            }
          ).__events,
      ),
    imgCount: () => page.evaluate(() => document.querySelectorAll('img').length),
    close: () => page.close(),
  };
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** The common promise: the draft is there, the button is on, nothing was sent or executed. */
async function expectInsertedSafely(o: Opened) {
  expect(await o.sendEnabled()).toBe(true);
  expect(await o.events()).toEqual({ clicks: 0, submits: 0, enter: 0, executed: 0 });
  expect(o.dialogs).toEqual([]);
  expect(await o.imgCount()).toBe(0);
  expect(o.errors).toEqual([]);
}

describe('insert in place, in the real editors', () => {
  it('Draft.js (X, TikTok): a synthetic paste reaches getPlainText(), empty block between paragraphs', async () => {
    const o = await open('draftjs');
    try {
      expect(await o.sendEnabled()).toBe(false);
      const result = await o.insert(DRAFT);
      expect(result).toEqual({ ok: true, method: 'paste', kind: 'draftjs' });
      expect(await o.model()).toBe(DRAFT);
      await expectInsertedSafely(o);

      // The user prefers another draft and has not edited: it replaces the first one.
      expect(await o.insert(OTHER)).toMatchObject({ ok: true, method: 'paste' });
      expect(await o.model()).toBe(OTHER);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it("Draft.js: the user's own words stay, the draft follows as a new paragraph", async () => {
    const o = await open('draftjs');
    try {
      await o.page.click('[data-testid="tweetTextarea_0"]');
      await o.page.keyboard.type('Gute Frage.');
      expect(await o.insert(DRAFT)).toMatchObject({ ok: true, method: 'paste' });
      expect(await o.model()).toBe(`Gute Frage.\n\n${DRAFT}`);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('Lexical (Facebook, Instagram, Threads): two paragraph nodes, getTextContent() equals the draft', async () => {
    const o = await open('lexical');
    try {
      expect(await o.sendEnabled()).toBe(false);
      const result = await o.insert(DRAFT);
      expect(result).toEqual({ ok: true, method: 'paste', kind: 'lexical' });
      expect(await o.model()).toBe(DRAFT);
      expect(
        await o.page.evaluate(() => (window as unknown as { __blocks: () => string[] }).__blocks()),
      ).toEqual([PARAGRAPH_1, PARAGRAPH_2]);
      await expectInsertedSafely(o);

      expect(await o.insert(OTHER)).toMatchObject({ ok: true, method: 'paste' });
      expect(await o.model()).toBe(OTHER);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('Lexical: a name the user typed first is kept and the draft continues after it', async () => {
    const o = await open('lexical');
    try {
      await o.page.click('[data-lexical-editor="true"]');
      await o.page.keyboard.type('Hallo Jürgen');
      expect(await o.insert(OTHER)).toMatchObject({ ok: true, method: 'paste' });
      expect(await o.model()).toBe(`Hallo Jürgen ${OTHER}`);
      // Picking another draft replaces only the draft, not the user's greeting.
      expect(await o.insert('Melde dich gern per DM.')).toMatchObject({ ok: true });
      expect(await o.model()).toBe('Hallo Jürgen Melde dich gern per DM.');
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('Quill 2 (LinkedIn): getText() holds the draft, lines intact', async () => {
    const o = await open('quill');
    try {
      expect(await o.sendEnabled()).toBe(false);
      const result = await o.insert(DRAFT);
      expect(result).toEqual({ ok: true, method: 'paste', kind: 'quill' });
      expect(await o.model()).toBe(`${DRAFT}\n`); // Quill always ends its text with a newline
      await expectInsertedSafely(o);

      expect(await o.insert(OTHER)).toMatchObject({ ok: true, method: 'paste' });
      expect(await o.model()).toBe(`${OTHER}\n`);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('ProseMirror-style editor with its own paste handling and model (Bluesky)', async () => {
    const o = await open('prosemirror');
    try {
      expect(await o.sendEnabled()).toBe(false);
      const result = await o.insert(DRAFT);
      expect(result).toEqual({ ok: true, method: 'paste', kind: 'prosemirror' });
      expect(await o.model()).toBe(DRAFT);
      await expectInsertedSafely(o);

      expect(await o.insert(OTHER)).toMatchObject({ ok: true, method: 'paste' });
      expect(await o.model()).toBe(OTHER);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('plain contenteditable that only listens to input (YouTube): execCommand fires a real input', async () => {
    const o = await open('plain');
    try {
      expect(await o.sendEnabled()).toBe(false);
      const result = await o.insert(DRAFT);
      expect(result).toEqual({ ok: true, method: 'execCommand', kind: 'contenteditable' });
      // The page's model is innerText, which Chromium pads around the <div> lines execCommand
      // creates ("a<div><br></div><div>b</div>" reads "a\n\n\nb"): compare its lines, and the
      // visible text as insertDraft reads it.
      expect(lines(await o.model())).toEqual([PARAGRAPH_1, PARAGRAPH_2]);
      expect(await o.readBack()).toBe(DRAFT);
      await expectInsertedSafely(o);

      expect(await o.insert(OTHER)).toMatchObject({ ok: true, method: 'execCommand' });
      expect(lines(await o.model())).toEqual([OTHER]);
      expect(await o.readBack()).toBe(OTHER);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('React 18 controlled textarea (Mastodon): React state holds the draft, the button follows it', async () => {
    const o = await open('textarea');
    try {
      expect(await o.sendEnabled()).toBe(false);
      const result = await o.insert(DRAFT);
      expect(result).toEqual({ ok: true, method: 'execCommand', kind: 'textarea' });
      expect(await o.model()).toBe(DRAFT);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('React textarea: the value setter path also reaches React state', async () => {
    const o = await open('textarea');
    try {
      const result = await o.insert(DRAFT, { methods: ['value-setter'] });
      expect(result).toEqual({ ok: true, method: 'value-setter', kind: 'textarea' });
      expect(await o.model()).toBe(DRAFT);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });

  it('React textarea with a prefilled @mention: the draft continues the mention, a second draft replaces the first', async () => {
    const o = await open('textarea', '@juergen@example.social ');
    try {
      expect(await o.insert(DRAFT)).toMatchObject({ ok: true });
      expect(await o.model()).toBe(`@juergen@example.social ${DRAFT}`);
      expect(await o.insert(OTHER)).toMatchObject({ ok: true });
      expect(await o.model()).toBe(`@juergen@example.social ${OTHER}`);
      await expectInsertedSafely(o);
    } finally {
      await o.close();
    }
  });
});

/**
 * The second way into each editor, for when a platform blocks the first (e.g. LinkedIn on Quill 1,
 * whose paste handler reads a hidden clipboard element instead of the event's clipboardData).
 */
describe('fallback methods', () => {
  const cases: [editor: string, method: InsertMethod, note: InsertResult['note']][] = [
    ['draftjs', 'textinput', undefined],
    ['lexical', 'beforeinput', undefined],
    ['lexical', 'execCommand', 'line-breaks-changed'],
    ['quill', 'execCommand', undefined],
    ['prosemirror', 'execCommand', undefined],
    ['plain', 'dom', undefined],
  ];
  for (const [editor, method, note] of cases) {
    it(`${editor} takes the draft through ${method}${note ? ` (${note})` : ''}`, async () => {
      const o = await open(editor);
      try {
        const result = await o.insert(DRAFT, { methods: [method] });
        expect(result).toEqual({
          ok: true,
          method,
          kind: editor === 'plain' ? 'contenteditable' : editor,
          ...(note ? { note } : {}),
        });
        const model = await o.model();
        if (note) expect(model.replace(/\s+/g, '')).toBe(DRAFT.replace(/\s+/g, ''));
        else expect(lines(model)).toEqual([PARAGRAPH_1, PARAGRAPH_2]);
        await expectInsertedSafely(o);
      } finally {
        await o.close();
      }
    });
  }

  it('execCommand is never used on Draft.js: it doubles the text and breaks React', async () => {
    const o = await open('draftjs');
    try {
      const result = await o.insert(PARAGRAPH_1, { methods: ['execCommand'] });
      expect(result).toMatchObject({ ok: false }); // reported, not passed off as inserted
      expect(o.errors.join()).toMatch(/removeChild/);
    } finally {
      await o.close();
    }
  });
});
