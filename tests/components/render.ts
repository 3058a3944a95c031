/** Mounting Preact components in happy-dom for component tests, and waiting for their effects. */
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const mounted: HTMLElement[] = [];

afterEach(() => {
  // Views remember small choices (a set's window) in localStorage: each test starts without them.
  globalThis.localStorage?.clear();
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

/** Renders `vnode` into a fresh element in the document and runs its effects. */
export async function mount(vnode: ComponentChild) {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => {
    render(vnode, root);
  });
  await settle();
  return {
    root,
    text: () => root.textContent ?? '',
    /** The first element matching `selector` (throws if none, so a test never passes on nothing). */
    get<T extends Element = HTMLElement>(selector: string): T {
      const el = root.querySelector<T>(selector);
      if (!el) throw new Error(`nothing matches ${selector}`);
      return el;
    },
    all<T extends Element = HTMLElement>(selector: string): T[] {
      return [...root.querySelectorAll<T>(selector)];
    },
    /** The button whose text (or aria-label) contains `label`. */
    button(label: string): HTMLButtonElement {
      const found = [...root.querySelectorAll('button')].find(
        (b) => (b.textContent ?? '').includes(label) || (b.getAttribute('aria-label') ?? '').includes(label),
      );
      if (!found) throw new Error(`no button "${label}" in: ${root.textContent}`);
      return found;
    },
  };
}

/** Lets promises, effects and lazy imports finish. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** Clicks and waits for what the click started. */
export async function click(el: Element): Promise<void> {
  await act(() => {
    (el as HTMLElement).click();
  });
  await settle();
}

/** Sets a form control's value, fires its input and change events, and waits. */
export async function setValue(el: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

/** Submits a form and waits. */
export async function submit(form: HTMLFormElement): Promise<void> {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}
