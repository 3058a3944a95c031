/**
 * What the worker does when storage fails it: a full disk pauses capture (and says so where the
 * side panel can read it, even while the worker sleeps), and a database that cannot be opened is
 * retried with back-off instead of on every message. Free of extension APIs: the entrypoint passes
 * `storage.local`, tests pass a map.
 */
import { CAPTURE_PAUSED_KEY, CapturePaused } from '../capture-pause';
import { capturePaused, pauseCapture, resumeCapture } from './router';

/** The part of `storage.local` this needs. */
export interface KeyValueStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface CaptureStateDeps {
  store: KeyValueStore;
  now: () => number;
  log: (message: string, detail?: unknown) => void;
}

export function captureState(deps: CaptureStateDeps) {
  return {
    /** The router's `onQuota`: remember the pause outside IndexedDB so the panel can explain it. */
    onQuota(error: unknown): void {
      deps.log('Resonanz: storage is full, capture paused', error);
      const flag: CapturePaused = { reason: 'quota', at: deps.now() };
      void deps.store
        .set({ [CAPTURE_PAUSED_KEY]: flag })
        .catch((e) => deps.log('could not record the pause', e));
    },
    /** On worker start: a pause recorded before the worker stopped still holds. */
    async restore(): Promise<void> {
      const stored = await deps.store.get(CAPTURE_PAUSED_KEY).catch(() => ({}) as Record<string, unknown>);
      if (CapturePaused.safeParse(stored[CAPTURE_PAUSED_KEY]).success) pauseCapture();
    },
    /** Privileged handlers (extension pages only; `route` checks the sender). */
    handlers: {
      async resumeCapture() {
        resumeCapture();
        await deps.store.remove(CAPTURE_PAUSED_KEY);
        return { ok: true as const };
      },
    },
    paused: capturePaused,
  };
}

/**
 * A lazily opened database that, when opening fails (IndexedDB unavailable, an upgrade that failed),
 * answers with the same error for a while instead of trying again for every message: 1 s, then
 * doubling up to 5 min. A success is kept; a later failure of the open database is not its concern.
 */
export function lazyDb<T>(
  open: () => Promise<T>,
  options: { now?: () => number; firstDelayMs?: number; maxDelayMs?: number } = {},
): () => Promise<T> {
  const now = options.now ?? Date.now;
  const first = options.firstDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 300_000;
  let pending: Promise<T> | null = null;
  let failure: { error: unknown; until: number; delay: number } | null = null;
  return () => {
    if (pending) return pending;
    if (failure && now() < failure.until) return Promise.reject(failure.error);
    const attempt = open();
    pending = attempt;
    attempt.then(
      () => {
        failure = null;
      },
      (error: unknown) => {
        const delay = failure ? Math.min(failure.delay * 2, max) : first;
        failure = { error, until: now() + delay, delay };
        pending = null;
      },
    );
    return attempt;
  };
}
