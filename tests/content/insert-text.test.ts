/**
 * "Insert in place", without a real editor framework (happy-dom): which editor a reply box is,
 * how its text is read back, and text fields end to end. The real editors (Draft.js, Lexical,
 * Quill, React) are exercised in Chromium by tests/e2e/insert-editors.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  detectEditorKind,
  insertDraft,
  normaliseDraft,
  readEditorText,
  resolveEditable,
} from '../../core/content/insert-text';

const DRAFT = 'Hallo Jürgen, danke dir! 😊\n\nÜbrigens: <img src=x onerror=alert(1)> bleibt Text. 👩‍💻';
const fast = { settleMs: 1, timeoutMs: 20 };

/** Counts every event that could send something: clicks, submits, key presses. */
function watchForSending() {
  const seen: string[] = [];
  const record = (e: Event) => seen.push(`${e.type}${'key' in e ? `:${(e as KeyboardEvent).key}` : ''}`);
  const types = ['click', 'submit', 'keydown', 'keypress', 'keyup'];
  for (const type of types) document.addEventListener(type, record, true);
  return {
    seen,
    stop: () => {
      for (const type of types) document.removeEventListener(type, record, true);
    },
  };
}

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('recognising the editor behind a reply box', () => {
  const cases: [string, string, ReturnType<typeof detectEditorKind>][] = [
    ['a textarea', '<textarea></textarea>', 'textarea'],
    ['a text input', '<input type="text">', 'input'],
    [
      'X (Draft.js)',
      '<div class="public-DraftEditor-content" contenteditable="true" role="textbox"></div>',
      'draftjs',
    ],
    [
      'Facebook (Lexical)',
      '<div contenteditable="true" role="textbox" data-lexical-editor="true"></div>',
      'lexical',
    ],
    ['LinkedIn (Quill)', '<div class="ql-editor" contenteditable="true"></div>', 'quill'],
    [
      'Bluesky (TipTap/ProseMirror)',
      '<div class="tiptap ProseMirror" contenteditable="true"></div>',
      'prosemirror',
    ],
    ['a Slate editor', '<div data-slate-editor="true" contenteditable="true"></div>', 'slate'],
    [
      'YouTube (plain contenteditable)',
      '<div id="contenteditable-root" contenteditable="true"></div>',
      'contenteditable',
    ],
    ['a non-editable box', '<div contenteditable="false"></div>', null],
    ['a checkbox', '<input type="checkbox">', null],
  ];
  for (const [name, html, kind] of cases) {
    it(`tells ${name}`, () => {
      expect(detectEditorKind(mount(html))).toBe(kind);
    });
  }

  it('finds the editor inside a wrapper and the editing host around an inner node', () => {
    const wrapper = mount(
      '<div data-e2e="comment-input"><div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"><div data-block="true"><span data-text="true">hi</span></div></div></div></div></div>',
    );
    const editor = wrapper.querySelector('.public-DraftEditor-content');
    expect(resolveEditable(wrapper)).toBe(editor);
    expect(resolveEditable(wrapper.querySelector('[data-text]') as Element)).toBe(editor);
    expect(detectEditorKind(editor as Element)).toBe('draftjs');
  });

  it('does not mistake a non-editable island (a mention chip) for the editor', () => {
    const root = mount(
      '<div contenteditable="true" data-lexical-editor="true"><p><span contenteditable="false" id="chip">Anna</span></p></div>',
    );
    expect(resolveEditable(document.getElementById('chip') as Element)).toBe(root);
  });

  it('reports no editor for a box without one', async () => {
    const result = await insertDraft(mount('<div><span>Reply…</span></div>'), DRAFT, fast);
    expect(result).toMatchObject({ ok: false, reason: 'no-editor' });
  });
});

describe('reading an editor back', () => {
  it('reads Draft.js blocks, an empty block being an empty line', () => {
    const el = mount(
      '<div contenteditable="true"><div data-contents="true"><div data-block="true"><div><span><span data-text="true">eins</span></span></div></div><div data-block="true"><div><span><br data-text="true"></span></div></div><div data-block="true"><div><span><span data-text="true">zwei</span></span></div></div></div></div>',
    );
    expect(readEditorText(el)).toBe('eins\n\nzwei');
  });

  it('reads paragraphs, line breaks and a trailing <br> the way they look', () => {
    expect(readEditorText(mount('<div contenteditable="true"><p>a</p><p><br></p><p>b</p></div>'))).toBe(
      'a\n\nb',
    );
    expect(readEditorText(mount('<div contenteditable="true">a<br>b<br></div>'))).toBe('a\nb');
    expect(readEditorText(mount('<div contenteditable="true">a<br><br>b</div>'))).toBe('a\n\nb');
    expect(readEditorText(mount('<div contenteditable="true"><p><br></p></div>'))).toBe('');
  });

  it('keeps emoji drawn as images and drops zero-width placeholders from the comparison', () => {
    expect(
      readEditorText(mount('<div contenteditable="true"><p>ok <img alt="👍" src="data:,"></p></div>')),
    ).toBe('ok 👍');
  });

  it('normalises drafts: Windows line breaks, control characters, surrounding blank lines', () => {
    expect(normaliseDraft('\r\n  Hi\u0007 there \r\n\r\nBye\t \n')).toBe('Hi there\n\nBye');
    expect(normaliseDraft(' \n ')).toBe('');
  });
});

describe('inserting into a text field', () => {
  let watch: ReturnType<typeof watchForSending>;
  beforeEach(() => {
    watch = watchForSending();
  });
  afterEach(() => watch.stop());

  it('fills an empty textarea through the native setter and an input event, paragraphs intact', async () => {
    const box = mount('<form><textarea placeholder="Antworten…"></textarea><button>Senden</button></form>');
    const textarea = box.querySelector('textarea') as HTMLTextAreaElement;
    const inputs: InputEvent[] = [];
    textarea.addEventListener('input', (e) => inputs.push(e as InputEvent));

    const result = await insertDraft(textarea, DRAFT, fast);

    expect(result).toEqual({ ok: true, method: 'value-setter', kind: 'textarea' });
    expect(textarea.value).toBe(DRAFT);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.inputType).toBe('insertText');
    expect(inputs[0]?.bubbles).toBe(true);
    expect(box.querySelector('img')).toBeNull(); // markup stayed text
    expect(watch.seen).toEqual([]); // nothing clicked, submitted or typed
  });

  it('updates a React-style controlled textarea, whose value tracker sits on the element itself', async () => {
    const textarea = mount('<textarea></textarea>') as HTMLTextAreaElement;
    // React keeps the last value it saw in an own `value` property and ignores input events whose
    // value equals it: writing through that property would make the insertion invisible to React.
    const proto = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value');
    let tracked = '';
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get() {
        return proto?.get?.call(this);
      },
      set(v: string) {
        tracked = v;
        proto?.set?.call(this, v);
      },
    });
    let state = '';
    textarea.addEventListener('input', () => {
      if (textarea.value !== tracked) {
        tracked = textarea.value;
        state = textarea.value;
      }
    });

    await insertDraft(textarea, DRAFT, fast);
    expect(state).toBe(DRAFT);
  });

  it("appends after the user's own words as a new paragraph instead of deleting them", async () => {
    const textarea = mount('<textarea>Das klären wir gern.</textarea>') as HTMLTextAreaElement;
    const result = await insertDraft(textarea, 'Schreib uns eine DM.', fast);
    expect(result.ok).toBe(true);
    expect(textarea.value).toBe('Das klären wir gern.\n\nSchreib uns eine DM.');
  });

  it('continues a prefilled @mention on the same line (Mastodon)', async () => {
    const textarea = mount(
      '<textarea class="autosuggest-textarea__textarea">@anna@example.social </textarea>',
    ) as HTMLTextAreaElement;
    await insertDraft(textarea, 'Danke dir!', fast);
    expect(textarea.value).toBe('@anna@example.social Danke dir!');
  });

  it('replaces its own previous draft, keeping the mention, when the user picks another one', async () => {
    const textarea = mount('<textarea>@anna </textarea>') as HTMLTextAreaElement;
    await insertDraft(textarea, 'Erster Entwurf.', fast);
    await insertDraft(textarea, 'Zweiter Entwurf.', fast);
    expect(textarea.value).toBe('@anna Zweiter Entwurf.');
  });

  it('keeps a previous draft the user has edited since, appending the new one', async () => {
    const textarea = mount('<textarea></textarea>') as HTMLTextAreaElement;
    await insertDraft(textarea, 'Erster Entwurf.', fast);
    textarea.value = 'Erster Entwurf, angepasst.';
    await insertDraft(textarea, 'Zweiter Entwurf.', fast);
    expect(textarea.value).toBe('Erster Entwurf, angepasst.\n\nZweiter Entwurf.');
  });

  it('replaces everything on request, and counts a placeholder-only box as empty', async () => {
    const textarea = mount('<textarea>alt</textarea>') as HTMLTextAreaElement;
    await insertDraft(textarea, 'neu', { ...fast, mode: 'replace' });
    expect(textarea.value).toBe('neu');
  });

  it('starts on the empty line the user left open', async () => {
    const textarea = mount('<textarea>Zu deiner Frage:\n</textarea>') as HTMLTextAreaElement;
    await insertDraft(textarea, 'Ja, ab Montag.', fast);
    expect(textarea.value).toBe('Zu deiner Frage:\nJa, ab Montag.');
  });

  it('fills a single-line input after a short greeting with a space', async () => {
    const input = mount('<input type="text" value="Hi Anna">') as HTMLInputElement;
    await insertDraft(input, 'thanks!', fast);
    expect(input.value).toBe('Hi Anna thanks!');
  });

  it('refuses locked fields, drafts longer than the field allows, and empty drafts', async () => {
    expect(await insertDraft(mount('<textarea readonly></textarea>'), DRAFT, fast)).toMatchObject({
      ok: false,
      reason: 'read-only',
    });
    expect(await insertDraft(mount('<textarea disabled></textarea>'), DRAFT, fast)).toMatchObject({
      ok: false,
      reason: 'read-only',
    });
    const short = mount('<textarea maxlength="10"></textarea>') as HTMLTextAreaElement;
    expect(await insertDraft(short, DRAFT, fast)).toMatchObject({ ok: false, reason: 'too-long' });
    expect(short.value).toBe('');
    expect(await insertDraft(mount('<textarea></textarea>'), ' \n ', fast)).toMatchObject({
      ok: false,
      reason: 'empty-draft',
    });
  });

  it('reports a field that throws the text away, and leaves it as it was', async () => {
    const textarea = mount('<textarea>keep</textarea>') as HTMLTextAreaElement;
    textarea.addEventListener('input', () => {
      textarea.value = 'keep';
    });
    const result = await insertDraft(textarea, 'Neuer Text', fast);
    expect(result).toMatchObject({ ok: false, reason: 'rejected' });
    expect(textarea.value).toBe('keep');
  });

  it('takes back a half-done insertion instead of leaving garbage', async () => {
    const textarea = mount('<textarea></textarea>') as HTMLTextAreaElement;
    textarea.addEventListener('input', () => {
      if (textarea.value.length > 5) textarea.value = textarea.value.slice(0, 5); // a field that truncates
    });
    const result = await insertDraft(textarea, 'Ein längerer Entwurf', fast);
    expect(result).toMatchObject({ ok: false, reason: 'rejected' });
    expect(textarea.value).toBe('');
  });
});

describe('inserting into a plain contenteditable (no editor framework)', () => {
  it("uses the editor's paste handling when it has one", async () => {
    const el = mount('<div contenteditable="true" role="textbox"></div>');
    let model = '';
    el.addEventListener('paste', (e) => {
      e.preventDefault();
      model = (e as ClipboardEvent).clipboardData?.getData('text/plain') ?? '';
      el.replaceChildren(
        ...model.split('\n').map((line) => Object.assign(document.createElement('p'), { textContent: line })),
      );
    });
    const result = await insertDraft(el, DRAFT, fast);
    expect(result).toMatchObject({ ok: true, method: 'paste', kind: 'contenteditable' });
    expect(model).toBe(DRAFT);
    expect(el.querySelector('img')).toBeNull();
  });

  it('writes text nodes and line breaks itself when nothing else takes the text, then announces an input', async () => {
    const el = mount('<div id="contenteditable-root" contenteditable="true"></div>');
    const inputs: string[] = [];
    el.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    const watch = watchForSending();

    const result = await insertDraft(el, DRAFT, fast);
    watch.stop();

    expect(result).toMatchObject({ ok: true, method: 'dom', kind: 'contenteditable' });
    expect(readEditorText(el)).toBe(DRAFT);
    expect(el.querySelectorAll('br')).toHaveLength(2);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(inputs).toEqual(['insertText']);
    expect(watch.seen).toEqual([]);
  });

  it('appends after existing text in a contenteditable', async () => {
    const el = mount('<div contenteditable="true"><p>Meine Notiz.</p></div>');
    const result = await insertDraft(el, 'Entwurf', fast);
    expect(result.ok).toBe(true);
    expect(readEditorText(el).split('\n').filter(Boolean)).toEqual(['Meine Notiz.', 'Entwurf']);
  });
});
