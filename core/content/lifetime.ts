/**
 * Idle callbacks and timers that end with the content script's lifetime. WXT's `ctx.requestIdleCallback`
 * and `ctx.setTimeout` register an "invalidated" listener per call and never remove it, so a long
 * session piles up tens of thousands of them (one per read slice); these remove theirs when they run.
 */

/** What a content script's context offers (WXT's ContentScriptContext has both). */
export interface Lifetime {
  readonly isValid: boolean;
  /** Registers `cb` for when the extension goes away; returns a function that unregisters it. */
  onInvalidated(cb: () => void): () => void;
}

type Win = Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> & {
  requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

export function scheduler(life: Lifetime, win: Win = globalThis as Win) {
  return {
    /** Runs `task` when the page is idle (at most `timeout` ms later), unless the context ended. */
    idle(task: () => void, timeout = 500): void {
      let unwatch = () => {};
      const run = () => {
        unwatch();
        if (life.isValid) task();
      };
      if (win.requestIdleCallback && win.cancelIdleCallback) {
        const id = win.requestIdleCallback(run, { timeout });
        const cancel = win.cancelIdleCallback;
        unwatch = life.onInvalidated(() => cancel(id));
      } else {
        const id = win.setTimeout(run, 0);
        unwatch = life.onInvalidated(() => win.clearTimeout(id));
      }
    },
    /** Runs `fn` after `ms`, unless the context ended. */
    setTimer(fn: () => void, ms: number): void {
      let unwatch = () => {};
      const id = win.setTimeout(() => {
        unwatch();
        if (life.isValid) fn();
      }, ms);
      unwatch = life.onInvalidated(() => win.clearTimeout(id));
    },
  };
}
