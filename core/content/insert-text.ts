/**
 * "Insert in place": puts a reply draft into the platform's own reply box so that the human can
 * edit and send it. Nothing here ever clicks, submits or dispatches a key: the draft enters the
 * editor through the same paths a paste or a typed word takes (a synthetic `paste` with a
 * DataTransfer, `beforeinput`, `execCommand('insertText')`, or the native value setter plus an
 * `input` event for text fields), so the editor's own model — Draft.js, Lexical, Quill,
 * ProseMirror, React state — holds the text and the platform enables its send button itself.
 *
 * Every attempt is verified by reading the editor back; a method whose result does not show up is
 * followed by the next one, and a method that left something half-done is undone where the
 * browser allows it. Pure DOM and events, no extension APIs: testable in happy-dom and Chromium.
 *
 * Where the draft goes (mode 'auto', the default):
 * - empty box (only whitespace or the placeholder): the draft fills it;
 * - the box still holds exactly what the previous insertDraft put there (the user switched to
 *   another draft without editing): that previous draft is replaced, whatever came before it
 *   (e.g. a prefilled @mention) is kept;
 * - the box holds text the user wrote or the platform prefilled: nothing is deleted, the draft is
 *   appended — after a space when that text is a short single line without closing punctuation
 *   (an @mention or a name chip, "Hi Anna"), otherwise as a new paragraph.
 */

export type EditorKind =
  | 'textarea'
  | 'input'
  | 'draftjs'
  | 'lexical'
  | 'quill'
  | 'prosemirror'
  | 'slate'
  | 'contenteditable';

export type InsertMethod = 'paste' | 'beforeinput' | 'textinput' | 'execCommand' | 'value-setter' | 'dom';

/** Why nothing (or not everything) was inserted. */
export type InsertFailure =
  | 'empty-draft'
  | 'no-editor'
  | 'read-only'
  | 'not-focusable'
  | 'too-long'
  | 'rejected'
  | 'partial';

/** Caveats of an insertion that did succeed. */
export type InsertNote = 'line-breaks-changed' | 'text-adjusted';

export interface InsertResult {
  ok: boolean;
  /** The method that succeeded, or the last one tried ('none' when none was tried). */
  method: InsertMethod | 'none';
  kind: EditorKind | null;
  reason?: InsertFailure;
  note?: InsertNote;
}

export interface InsertOptions {
  /** 'auto' (see the module comment), 'replace' everything in the box, or always 'append'. */
  mode?: 'auto' | 'replace' | 'append';
  /** Time the editor gets to react to one step (selection sync, re-render), in ms. */
  settleMs?: number;
  /** How long a handled-but-not-yet-visible insertion is waited for, in ms. */
  timeoutMs?: number;
  /** The methods to try, in order (defaults per editor kind; for tests and diagnostics). */
  methods?: InsertMethod[];
}

const METHODS: Record<EditorKind, InsertMethod[]> = {
  textarea: ['execCommand', 'value-setter'],
  input: ['execCommand', 'value-setter'],
  // Draft.js, Lexical, Quill 2 and ProseMirror all read pasted text/plain into their model. A
  // direct DOM write would desynchronise them, so it is never used on them. execCommand is not
  // used on Draft.js either: Chromium inserts natively *and* Draft inserts into its model, which
  // doubles the text and makes React 18 throw (removeChild) — the composer breaks. Its fallback is
  // a synthetic `textInput`, the event React's onBeforeInput (and so Draft) is built on.
  draftjs: ['paste', 'textinput'],
  lexical: ['paste', 'beforeinput', 'execCommand'],
  quill: ['paste', 'execCommand'],
  prosemirror: ['paste', 'execCommand'],
  slate: ['paste', 'beforeinput', 'execCommand'],
  contenteditable: ['paste', 'beforeinput', 'execCommand', 'dom'],
};

/** What the previous successful insertion left in an editor, to replace it on the next one. */
interface Memory {
  /** The editor's text before our draft (kept on replacement). */
  prefix: string;
  /** Characters of text nodes (or of the value) that the prefix occupied. */
  prefixRaw: number;
  /** The editor's text right after our insertion. */
  after: string;
}
const memory = new WeakMap<Element, Memory>();

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);
const ZERO_WIDTH = /[\u200B\uFEFF]/g;

// ---------------------------------------------------------------------------------------------
// Finding and classifying the editor

type TextField = HTMLTextAreaElement | HTMLInputElement;

function isTextField(el: Element): el is TextField {
  if (el.localName === 'textarea') return true;
  return el.localName === 'input' && TEXT_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

function isEditingHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

const EDITABLE_INSIDE =
  'textarea, input:not([type]), input[type="text"], input[type="search"], [contenteditable]:not([contenteditable="false"])';

/**
 * The element that takes the text: `target` itself when it is a text field, the outermost editing
 * host it is in, or the first text field / editing host inside it (a wrapper such as X's
 * `[data-testid="tweetTextarea_0"]` or TikTok's `[data-e2e="comment-input"]`).
 */
export function resolveEditable(target: Element): HTMLElement | null {
  if (isTextField(target)) return target as HTMLElement;
  let host: Element | null = null;
  for (let el: Element | null = target; el; el = el.parentElement) {
    // A non-editable island (a mention chip) inside an editor still belongs to that editor.
    if (isEditingHost(el)) host = el;
  }
  if (host) return host as HTMLElement;
  const inside = target.querySelector(EDITABLE_INSIDE);
  return inside ? resolveEditable(inside) : null;
}

/** Which editor framework runs an editable element (by the markers each one leaves in the DOM). */
export function detectEditorKind(el: Element): EditorKind | null {
  if (el.localName === 'textarea') return 'textarea';
  if (isTextField(el)) return 'input';
  if (!isEditingHost(el)) return null;
  if (
    el.classList.contains('public-DraftEditor-content') ||
    el.querySelector(':scope > [data-contents="true"]') ||
    el.closest('.DraftEditor-root')
  )
    return 'draftjs';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.classList.contains('ql-editor')) return 'quill';
  if (el.classList.contains('ProseMirror') || el.classList.contains('tiptap')) return 'prosemirror';
  if (el.hasAttribute('data-slate-editor')) return 'slate';
  return 'contenteditable';
}

function isReadOnly(el: HTMLElement): boolean {
  if (isTextField(el)) return el.disabled || el.readOnly;
  return el.getAttribute('aria-disabled') === 'true' || el.getAttribute('aria-readonly') === 'true';
}

// ---------------------------------------------------------------------------------------------
// Reading the editor back

const BLOCK_TAGS = new Set(
  'address article aside blockquote dd div dl dt figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tr ul'.split(
    ' ',
  ),
);
const SKIP_TAGS = new Set(['script', 'style', 'template', 'noscript']);

type Token = { t: 'text'; s: string } | { t: 'br' } | { t: 'block' };

function tokens(node: Node, out: Token[]): Token[] {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const s = (child as Text).data;
      // Newline-only whitespace between blocks comes from pretty-printed markup, not from typing.
      if (s && !/^[ \t]*\n\s*$/.test(s)) out.push({ t: 'text', s });
    } else if (child.nodeType === 1) {
      const el = child as Element;
      const tag = el.localName;
      if (SKIP_TAGS.has(tag)) continue;
      if (tag === 'br') out.push({ t: 'br' });
      else if (tag === 'img') {
        const alt = el.getAttribute('alt');
        if (alt) out.push({ t: 'text', s: alt }); // emoji drawn as images keep their character in alt
      } else if (BLOCK_TAGS.has(tag)) {
        out.push({ t: 'block' });
        tokens(el, out);
        out.push({ t: 'block' });
      } else tokens(el, out);
    }
  }
  return out;
}

/**
 * The text an editor shows, lines separated by "\n": blocks (`<p>`, `<div>`…) are lines, an empty
 * block is an empty line, and a `<br>` breaks a line unless it merely holds an empty block open.
 */
export function readEditorText(el: Element): string {
  if (isTextField(el)) return el.value;
  const list = tokens(el, []);
  const lines: string[] = [];
  let line = '';
  let open = false;
  list.forEach((token, i) => {
    if (token.t === 'text') {
      line += token.s;
      open = true;
    } else if (token.t === 'block') {
      if (open) lines.push(line);
      line = '';
      open = false;
    } else {
      const next = list.slice(i + 1).find((n) => n.t !== 'text' || n.s.replace(ZERO_WIDTH, '') !== '');
      if (next === undefined || next.t === 'block')
        open = true; // a trailing <br> holds its line open
      else {
        lines.push(line);
        line = '';
        open = true;
      }
    }
  });
  if (open) lines.push(line);
  return lines.join('\n');
}

/** Non-empty lines with whitespace collapsed: the comparison that survives each editor's markup. */
function lineKey(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(/\u00A0/g, ' ')
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean);
}

function bare(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\s+/g, '');
}

function isBlank(text: string, el: Element): boolean {
  if (lineKey(text).length === 0) return true;
  const placeholder =
    el.getAttribute('aria-placeholder') ??
    el.getAttribute('data-placeholder') ??
    el.getAttribute('placeholder');
  return placeholder !== null && bare(placeholder) !== '' && bare(placeholder) === bare(text);
}

// ---------------------------------------------------------------------------------------------
// Planning: what replaces what

interface Plan {
  /** Where the replaced part starts: a character offset into the value / the text nodes. */
  from: number | 'all';
  /** The text to put there (separator + draft). */
  insert: string;
  /** What the editor should read afterwards. */
  expected: string;
  /** The kept part before the draft (for the next replacement). */
  prefix: string;
  prefixRaw: number;
}

/**
 * What goes between the kept text and the draft: nothing after a space or an open empty line
 * ("@anna ", a prefilled mention), a space after a short single line without closing punctuation
 * ("Hi Anna", a name chip), a paragraph break after anything longer.
 */
function separator(prefix: string): string {
  if (/[\s\u00A0]$/.test(prefix)) return '';
  if (!prefix.includes('\n') && prefix.trim().length <= 80 && !/[.!?…:;)\]]$/.test(prefix)) return ' ';
  return '\n\n';
}

function rawLength(el: Element): number {
  if (isTextField(el)) return el.value.length;
  let n = 0;
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) n += (node as Text).data.length;
  return n;
}

function plan(el: Element, before: string, draft: string, mode: InsertOptions['mode']): Plan {
  const replaceAll = (): Plan => ({ from: 'all', insert: draft, expected: draft, prefix: '', prefixRaw: 0 });
  if (mode === 'replace' || isBlank(before, el)) return replaceAll();
  const previous = memory.get(el);
  let prefix = before;
  let prefixRaw = rawLength(el);
  if (mode !== 'append' && previous && previous.after === before) {
    if (isBlank(previous.prefix, el)) return replaceAll();
    prefix = previous.prefix;
    prefixRaw = previous.prefixRaw;
  }
  const insert = separator(prefix) + draft;
  return { from: prefixRaw, insert, expected: prefix + insert, prefix, prefixRaw };
}

// ---------------------------------------------------------------------------------------------
// Selections inside contenteditable editors

type Position = [Node, number];

function indexOf(node: Node): number {
  let i = 0;
  for (let n = node.previousSibling; n; n = n.previousSibling) i++;
  return i;
}

function isIsland(node: Node, root: Element): boolean {
  return (
    node.nodeType === 1 && node !== root && (node as Element).getAttribute('contenteditable') === 'false'
  );
}

/** The first or last caret position in an editor: inside its first/last text, or its empty block. */
function edge(root: Element, end: boolean): Position {
  let node: Node = root;
  for (;;) {
    let child: Node | null = end ? node.lastChild : node.firstChild;
    while (child && (child.nodeType === 8 || (child.nodeType === 3 && !(child as Text).data))) {
      child = end ? child.previousSibling : child.nextSibling;
    }
    if (!child) return [node, 0];
    if (child.nodeType === 3) return [child, end ? (child as Text).data.length : 0];
    const el = child as Element;
    if (el.localName === 'br' || el.localName === 'img')
      return [node, indexOf(el) + (end && el.localName === 'img' ? 1 : 0)];
    if (isIsland(el, root)) return [node, indexOf(el) + (end ? 1 : 0)];
    node = el;
  }
}

/** The caret position after `offset` characters of text, counted over every text node in order. */
function positionAt(root: Element, offset: number): Position {
  if (offset <= 0) return edge(root, false);
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = (node as Text).data.length;
    if (seen + length >= offset) {
      for (let up = node.parentNode; up && up !== root; up = up.parentNode) {
        if (isIsland(up, root) && up.parentNode) return [up.parentNode, indexOf(up) + 1];
      }
      return [node, offset - seen];
    }
    seen += length;
  }
  return edge(root, true);
}

function selectionOf(doc: Document): Selection | null {
  return doc.getSelection?.() ?? doc.defaultView?.getSelection() ?? null;
}

function select(el: Element, from: number | 'all'): boolean {
  if (isTextField(el)) {
    const start = from === 'all' ? 0 : Math.min(from, el.value.length);
    el.setSelectionRange(start, el.value.length);
    return true;
  }
  const doc = el.ownerDocument;
  const selection = selectionOf(doc);
  if (!selection) return false;
  const range = doc.createRange();
  const [startNode, startOffset] = from === 'all' ? edge(el, false) : positionAt(el, from);
  const [endNode, endOffset] = edge(el, true);
  range.setStart(startNode, startOffset);
  try {
    range.setEnd(endNode, endOffset);
  } catch {
    range.collapse(true);
  }
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Insertion methods

type View = Window & typeof globalThis;

function viewOf(el: Element): View {
  return (el.ownerDocument.defaultView ?? globalThis) as View;
}

function sleep(el: Element, ms: number): Promise<void> {
  const view = viewOf(el);
  return new Promise((resolve) => (view.setTimeout ?? setTimeout)(resolve, ms));
}

function inputEvent(el: Element, type: 'beforeinput' | 'input', init: InputEventInit): Event {
  const view = viewOf(el);
  const Ctor = view.InputEvent ?? globalThis.InputEvent;
  const options = { bubbles: true, cancelable: type === 'beforeinput', composed: true, ...init };
  return Ctor ? new Ctor(type, options) : new view.Event(type, options);
}

function execInsert(el: Element, text: string): boolean {
  const doc = el.ownerDocument;
  if (typeof doc.execCommand !== 'function') return false;
  try {
    return doc.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** Lexical's canonical plain text separates paragraphs by "\n\n" and each pasted "\n" starts one. */
function forEditor(kind: EditorKind, text: string): string {
  return kind === 'lexical' ? text.replace(/\n{2,}/g, '\n') : text;
}

/** Runs one method; `handled` is false when no handler took it (so there is nothing to wait for). */
function run(
  method: InsertMethod,
  el: HTMLElement,
  kind: EditorKind,
  p: Plan,
  before: string,
): { handled: boolean } {
  const text = forEditor(kind, p.insert);
  switch (method) {
    case 'paste': {
      const view = viewOf(el);
      if (!view.DataTransfer || !view.ClipboardEvent) return { handled: false };
      const data = new view.DataTransfer();
      data.setData('text/plain', text);
      const event = new view.ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      if (!event.clipboardData) return { handled: false }; // the browser ignored clipboardData
      el.dispatchEvent(event);
      return { handled: event.defaultPrevented };
    }
    case 'beforeinput': {
      const view = viewOf(el);
      const data = view.DataTransfer ? new view.DataTransfer() : null;
      data?.setData('text/plain', text);
      const event = inputEvent(el, 'beforeinput', {
        inputType: 'insertText',
        data: text,
        dataTransfer: data,
      });
      el.dispatchEvent(event);
      return { handled: event.defaultPrevented };
    }
    case 'textinput': {
      const doc = el.ownerDocument;
      // React builds onBeforeInput from `textInput` in Chromium; TextEvent has no constructor.
      let event: Event & { initTextEvent?: (...args: unknown[]) => void };
      try {
        event = doc.createEvent('TextEvent') as Event;
      } catch {
        return { handled: false }; // no TextEvent in this browser
      }
      if (typeof event.initTextEvent !== 'function') return { handled: false };
      event.initTextEvent('textInput', true, true, doc.defaultView, text);
      el.dispatchEvent(event);
      return { handled: event.defaultPrevented };
    }
    case 'execCommand':
      return { handled: execInsert(el, text) };
    case 'value-setter': {
      if (!isTextField(el)) return { handled: false };
      const start = p.from === 'all' ? 0 : Math.min(p.from, before.length);
      const value = el.value.slice(0, start) + text;
      // The prototype's setter, not the element's own: React tracks `value` on the instance and
      // would otherwise think nothing changed and drop the input event.
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
      if (setter) setter.call(el, value);
      else el.value = value;
      el.setSelectionRange(value.length, value.length);
      el.dispatchEvent(inputEvent(el, 'input', { inputType: 'insertText', data: text }));
      return { handled: true };
    }
    case 'dom': {
      const selection = selectionOf(el.ownerDocument);
      if (!selection || selection.rangeCount === 0) return { handled: false };
      const range = selection.getRangeAt(0);
      if (!el.contains(range.commonAncestorContainer)) return { handled: false };
      range.deleteContents();
      const doc = el.ownerDocument;
      const fragment = doc.createDocumentFragment();
      text.split('\n').forEach((line, i) => {
        if (i > 0) fragment.append(doc.createElement('br'));
        if (line) fragment.append(doc.createTextNode(line));
      });
      const last = fragment.lastChild;
      range.insertNode(fragment);
      if (last) {
        range.setStartAfter(last);
        range.collapse(true);
        selection.removeAllRanges();
        selection.addRange(range);
      }
      el.dispatchEvent(inputEvent(el, 'input', { inputType: 'insertText', data: text }));
      return { handled: true };
    }
  }
}

type Outcome = { status: 'done'; note?: InsertNote } | { status: 'unchanged' } | { status: 'partial' };

function judge(after: string, before: string, p: Plan, draft: string): Outcome {
  const got = lineKey(after);
  const want = lineKey(p.expected);
  if (got.length === want.length && got.every((line, i) => line === want[i])) return { status: 'done' };
  const got$ = bare(after);
  const want$ = bare(p.expected);
  if (got$ === want$) return { status: 'done', note: 'line-breaks-changed' };
  // The editor may touch the text a little (an emoji shortcode, a re-rendered mention chip); a
  // doubled or truncated draft is not "a little".
  if (got$.includes(bare(draft)) && Math.abs(got$.length - want$.length) <= Math.max(8, want$.length / 10))
    return { status: 'done', note: 'text-adjusted' };
  return after === before ? { status: 'unchanged' } : { status: 'partial' };
}

/** Waits until the editor's text changes (up to `timeoutMs` when the method was handled), then for it to settle. */
async function observe(
  el: HTMLElement,
  before: string,
  handled: boolean,
  o: Required<Pick<InsertOptions, 'settleMs' | 'timeoutMs'>>,
) {
  const deadline = Date.now() + (handled ? o.timeoutMs : o.settleMs);
  let text = before;
  do {
    await sleep(el, o.settleMs);
    text = readEditorText(el);
  } while (text === before && Date.now() < deadline);
  if (text !== before) {
    await sleep(el, o.settleMs); // an editor may render in several steps
    text = readEditorText(el);
  }
  return text;
}

/** Takes a half-done native edit back, where the browser's own undo stack holds it. */
async function rollback(
  el: HTMLElement,
  method: InsertMethod,
  before: string,
  settleMs: number,
): Promise<boolean> {
  if (isTextField(el)) {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
    if (setter) setter.call(el, before);
    else el.value = before;
    el.dispatchEvent(inputEvent(el, 'input', { inputType: 'historyUndo' }));
  } else if (method === 'execCommand' || method === 'dom') {
    // Only edits the browser performed are on its undo stack; an editor's model-level paste is
    // not, and undoing there could take back the user's own typing instead.
    try {
      el.ownerDocument.execCommand('undo');
    } catch {
      return false;
    }
  } else return false;
  await sleep(el, settleMs);
  return readEditorText(el) === before;
}

function isFocused(el: HTMLElement): boolean {
  const root = el.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return active !== null && (active === el || el.contains(active));
}

/** Normalises a draft: Unix line breaks, no control characters, no surrounding blank lines. */
export function normaliseDraft(text: string): string {
  const printable = [...text.replace(/\r\n?/g, '\n')].filter((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code === 9 || code === 10 || (code >= 32 && code !== 127);
  });
  return printable
    .join('')
    .replace(/[ \t]+$/gm, '')
    .trim();
}

/**
 * Puts `text` into the reply box at (or around) `target`, through the editor's own input path, and
 * checks that the editor took it. Never clicks, submits or presses a key: sending stays with the
 * human. Asynchronous because editors (React, Lexical) apply input on a later tick.
 */
export async function insertDraft(
  target: Element,
  text: string,
  options: InsertOptions = {},
): Promise<InsertResult> {
  const draft = normaliseDraft(text);
  if (!draft) return { ok: false, method: 'none', kind: null, reason: 'empty-draft' };
  const el = resolveEditable(target);
  const kind = el ? detectEditorKind(el) : null;
  if (!el || !kind) return { ok: false, method: 'none', kind: null, reason: 'no-editor' };
  if (isReadOnly(el)) return { ok: false, method: 'none', kind, reason: 'read-only' };
  const timing = { settleMs: options.settleMs ?? 30, timeoutMs: options.timeoutMs ?? 400 };

  el.focus({ preventScroll: true });
  if (!isFocused(el)) return { ok: false, method: 'none', kind, reason: 'not-focusable' };
  await sleep(el, timing.settleMs); // let the editor handle its focus before the selection moves

  const before = readEditorText(el);
  const p = plan(el, before, draft, options.mode ?? 'auto');
  if (isTextField(el) && el.maxLength >= 0 && p.expected.length > el.maxLength)
    return { ok: false, method: 'none', kind, reason: 'too-long' };

  let method: InsertMethod | 'none' = 'none';
  for (const next of options.methods ?? METHODS[kind]) {
    method = next;
    if (!isFocused(el)) el.focus({ preventScroll: true });
    select(el, p.from);
    if (!isTextField(el)) await sleep(el, timing.settleMs); // editors sync their selection on selectionchange
    const { handled } = run(next, el, kind, p, before);
    const after = await observe(el, before, handled, timing);
    const outcome = judge(after, before, p, draft);
    if (outcome.status === 'done') {
      memory.set(el, { prefix: p.prefix, prefixRaw: p.prefixRaw, after: readEditorText(el) });
      return outcome.note
        ? { ok: true, method: next, kind, note: outcome.note }
        : { ok: true, method: next, kind };
    }
    if (outcome.status === 'partial') {
      // Something went in, but not the draft: undo it if possible and try the next way, else stop
      // before a second method doubles the mess.
      if (!(await rollback(el, next, before, timing.settleMs)))
        return { ok: false, method: next, kind, reason: 'partial' };
    }
  }
  return { ok: false, method, kind, reason: 'rejected' };
}
