/**
 * The "insert in place" control as a user meets it: drafts shown as text, picked by mouse or
 * keyboard, a status that says the draft was only inserted — and keys that stay inside it.
 */

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsertDraft, mountInsertDraft } from '../../components/overlay/InsertDraft';
import { shadowOf } from '../../components/overlay/shadow';
import type { InsertResult } from '../../core/content/insert-text';

const DRAFTS = [
  { text: 'Danke, Jürgen! 😊\n\nWir melden uns.', tone: 'freundlich' },
  { text: '<img src=x onerror=alert(1)> ist kein Bild', tone: 'sachlich' },
];

let root: HTMLElement;
function show(props: Parameters<typeof InsertDraft>[0]) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<InsertDraft {...props} />, root));
  return root;
}

const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('button.draft')];
const status = () => root.querySelector('[role="status"]')?.textContent ?? '';
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});

describe('the insert-draft control', () => {
  it('shows each draft as text with its tone, markup included literally', () => {
    show({ drafts: DRAFTS, target: null, lang: 'de' });
    expect(buttons()).toHaveLength(2);
    expect(root.querySelector('img')).toBeNull();
    expect(buttons()[1]?.textContent).toContain('<img src=x onerror=alert(1)> ist kein Bild');
    expect(buttons()[0]?.getAttribute('aria-label')).toBe('Entwurf 1 von 2 einfügen, Ton: freundlich');
  });

  it('inserts the picked draft into the reply box and says it was not sent (German)', async () => {
    document.body.innerHTML = '<textarea id="box"></textarea>';
    const box = document.getElementById('box') as HTMLTextAreaElement;
    const onInsert = vi.fn();
    show({ drafts: DRAFTS, target: () => box, lang: 'de', onInsert });

    buttons()[0]?.click();
    await vi.waitFor(() => expect(status()).toBe('Entwurf eingefügt – bitte prüfen und selbst senden'), {
      timeout: 2000,
    });
    expect(box.value).toBe(DRAFTS[0]?.text);
    expect(onInsert).toHaveBeenCalledWith(DRAFTS[0]?.text, expect.objectContaining({ ok: true }));
  });

  it('inserts once, however fast the user clicks', async () => {
    const insert = vi.fn(async (): Promise<InsertResult> => ({ ok: true, method: 'paste', kind: 'lexical' }));
    show({ drafts: DRAFTS, target: document.createElement('div'), lang: 'en', insert });
    buttons()[0]?.click();
    buttons()[0]?.click();
    buttons()[1]?.click();
    await flush();
    expect(insert).toHaveBeenCalledTimes(1);
    expect(status()).toBe('Draft inserted — review and send it yourself');
  });

  it('explains a failure in English and offers to copy the draft instead', async () => {
    const insert = vi.fn(
      async (): Promise<InsertResult> => ({
        ok: false,
        method: 'paste',
        kind: 'lexical',
        reason: 'rejected',
      }),
    );
    const target = document.createElement('div');
    show({ drafts: DRAFTS, target, lang: 'en', insert });

    buttons()[1]?.click();
    await flush();
    expect(insert).toHaveBeenCalledWith(target, DRAFTS[1]?.text);
    expect(status()).toContain('The reply box did not take the text — copy the draft instead.');
    expect(root.querySelector('button.copy')?.textContent).toBe('Copy');
  });

  it('tells the user to open the reply box when there is none', async () => {
    show({ drafts: DRAFTS, target: () => null, lang: 'en' });
    buttons()[0]?.click();
    await flush();
    expect(status()).toContain('No reply box found — open the reply box first.');
  });

  it('moves between drafts with the arrow keys, and keeps keys away from the page', () => {
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    show({ drafts: DRAFTS, target: null, lang: 'en' });
    buttons()[0]?.focus();

    buttons()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(buttons()[1]);
    buttons()[1]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(document.activeElement).toBe(buttons()[0]);
    buttons()[0]?.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));

    expect(pageKeys).not.toHaveBeenCalled(); // X's "j" or YouTube's space would otherwise fire
    document.removeEventListener('keydown', pageKeys);
  });

  it('mounts in its own shadow root and can be removed again', () => {
    const container = document.createElement('div');
    document.body.append(container);
    root = document.createElement('div');
    const handle = mountInsertDraft(container, { drafts: DRAFTS, target: null, lang: 'de' });
    expect(shadowOf(handle.host)?.querySelectorAll('button.draft')).toHaveLength(2);
    expect(container.querySelectorAll('button')).toHaveLength(0); // the page cannot style or query it
    handle.remove();
    expect(container.children).toHaveLength(0);
  });
});
