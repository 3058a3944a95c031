/**
 * The service worker's message handling, free of extension APIs so it runs in tests: who may send
 * what (content scripts capture; only extension pages change or export data), schema validation of
 * every request, and the answers.
 */
import { storeCapture } from '../db/capture';
import { storeRawItems } from '../db/raw-items';
import { thinIfDue } from '../db/retention';
import { isQuotaError, type ResonanzDb } from '../db/schema';
import { ContentRequest, type ErrorResponse, PanelRequest } from '../messages';
import { type ContentHandlers, dispatch, type PanelHandlers, type Sender } from '../messaging';
import type { PageExtraction } from '../model';
import { platformAllowedAt } from '../platforms/hosts';
import { badgesOn, type Settings } from '../settings';
import { recordingContext } from './collections';
import { CAPTURE_LIMITS, CaptureBudget, type CaptureLimits } from './limits';
import type { ScoreCache } from './scores';

export type { Sender };

/** Panel messages that write nothing, so they may run while a restore is writing the database. */
const DURING_RESTORE = new Set([
  'restoreBegin',
  'restoreChunk',
  'restoreEnd',
  'restoreAbort',
  'snapshot',
  'aiDraft',
]);

export interface WorkerDeps {
  db: () => Promise<ResonanzDb>;
  settings: () => Promise<Settings>;
  extensionId: string;
  /** The extension's own origin (`chrome-extension://<id>/`): privileged senders live here. */
  extensionOrigin: string;
  now: () => number;
  /** Per-account running statistics, kept between captures. */
  scores: ScoreCache;
  log: (message: string, detail?: unknown) => void;
  /** Recorded with research captures (`runtime.getManifest().version`). */
  extensionVersion?: string;
  /** Why captures must wait right now (a restore is writing), or null. */
  captureBlocked?: () => string | null;
  /** Called when storage is full: capture pauses until the user frees space. */
  onQuota?: (error: unknown) => void;
  /**
   * The privileged handlers, one per panel message type (the entrypoint wires them all; its map is
   * typed complete there). A type without a handler is refused.
   */
  panel?: Partial<PanelHandlers>;
  /** Handlers for content-script requests other than capture (reply drafts in place). */
  content?: Partial<ContentHandlers>;
  /** Runs after a capture was stored and scored (crisis alerts); its failure never fails the capture. */
  afterCapture?: (db: ResonanzDb, extraction: PageExtraction) => Promise<unknown>;
  /** Per-tab and total capture budgets (CAPTURE_LIMITS unless a test sets smaller ones). */
  limits?: CaptureLimits;
}

export type Reply = { ok: true; [key: string]: unknown } | ErrorResponse;

let paused = false;
/** One budget per wired worker (the deps object lives as long as the worker). */
const budgets = new WeakMap<WorkerDeps, CaptureBudget>();
const budgetOf = (deps: WorkerDeps) => {
  const known = budgets.get(deps);
  if (known) return known;
  const budget = new CaptureBudget(deps.limits ?? CAPTURE_LIMITS);
  budgets.set(deps, budget);
  return budget;
};

/** Handles one runtime message; never throws (a rejected message is answered with a reason). */
export async function route(message: unknown, sender: Sender, deps: WorkerDeps): Promise<Reply> {
  if (sender.id !== deps.extensionId) return reject(deps, 'message from another extension', sender);
  // An extension page: the side panel (no tab), or the panel opened in a tab of its own (its tab
  // shows our origin too). A content script's URL is always the web page's.
  const ours = (url: string | undefined) => (url ?? '').startsWith(deps.extensionOrigin);
  const fromExtensionPage = ours(sender.url) && (!sender.tab || ours(sender.tab.url));
  try {
    if (fromExtensionPage) {
      const request = PanelRequest.safeParse(message);
      if (!request.success)
        return reject(deps, `invalid panel message: ${request.error.issues[0]?.message}`, sender);
      // A restore writes into an empty database and rolls back on failure: nothing else may write meanwhile.
      const restoring = deps.captureBlocked?.();
      if (restoring && !DURING_RESTORE.has(request.data.type))
        return reject(deps, `${request.data.type} waits: ${restoring}`, sender, true);
      const answer = deps.panel && dispatch(deps.panel, request.data.type, request.data, sender);
      if (!answer) return reject(deps, `no handler for ${request.data.type}`, sender);
      return await answer;
    }
    if (!sender.tab) return reject(deps, 'message from an unknown context', sender);
    const request = ContentRequest.safeParse(message);
    if (!request.success)
      return reject(deps, `invalid content message: ${request.error.issues[0]?.message}`, sender);
    // An incognito tab (the extension spans both profiles): nothing it shows reaches the normal
    // profile's database, so it is answered as if there were nothing to store.
    if (sender.tab.incognito) {
      if (request.data.type === 'capture') return { ok: true, stored: 0, scores: {}, paused: false };
      if (request.data.type === 'draftsFor') return { ok: true, own: false, drafts: [] };
      if (request.data.type === 'replyInserted') return { ok: true };
    }
    if (request.data.type !== 'overlaySettings') {
      const blocked = deps.captureBlocked?.();
      if (blocked) return reject(deps, `${request.data.type} waits: ${blocked}`, sender, true);
    }
    const settings = await deps.settings();
    if (request.data.type === 'overlaySettings') {
      const platform = request.data.platform;
      return {
        ok: true,
        badges: badgesOn(settings, platform),
        capture: settings.platforms[platform] !== false,
        language: settings.language,
      };
    }
    if (request.data.type !== 'capture') {
      const answer = deps.content && dispatch(deps.content, request.data.type, request.data, sender);
      if (!answer) return reject(deps, `no handler for ${request.data.type}`, sender);
      return await answer;
    }
    const { extraction } = request.data;
    // The platform comes from where the sender is, never from what the page claims.
    const senderUrl = sender.url ?? sender.tab.url;
    const allowed = platformAllowedAt(senderUrl);
    if (extraction.platform !== allowed)
      return reject(
        deps,
        `a ${extraction.platform} capture from ${hostOf(senderUrl) ?? 'an unknown page'}`,
        sender,
      );
    if (hostOf(extraction.url) !== hostOf(senderUrl))
      return reject(deps, 'the capture names another page than the tab shows', sender);
    if (settings.platforms[extraction.platform] === false)
      return { ok: true, stored: 0, scores: {}, paused: false };
    if (paused) return reject(deps, 'storage is full: capture paused', sender, true);
    const items = extraction.posts.length + extraction.comments.length + (extraction.profile ? 1 : 0);
    if (!budgetOf(deps).take(sender.tab.id ?? -1, items, deps.now()))
      return reject(deps, 'too many captures from this tab or in total: wait', sender, true);
    const db = await deps.db();
    const result = await storeCapture(db, extraction, {
      now: deps.now(),
      tabId: sender.tab.id ?? null,
      batchId: request.data.batchId,
      complete: request.data.complete,
      research: recordingContext(
        extraction.platform,
        request.data.uiLanguage,
        deps.extensionVersion ?? 'unknown',
      ),
    });
    // The platforms' own JSON, for research exports: kept only while a collection records.
    // (A batch may carry only raw items: the capture loop sends them apart from the posts.)
    if (extraction.raw?.length)
      await storeRawItems(db, extraction, deps.now()).catch((error) => deps.log('raw items not kept', error));
    const scores = await deps.scores.score(db, result.posts, deps.now());
    if (deps.afterCapture)
      void deps.afterCapture(db, extraction).catch((error) => deps.log('after-capture task failed', error));
    // Thinning old observations rides on captures (at most daily), so no alarm permission is needed.
    void thinIfDue(db, settings.retentionDays, deps.now()).catch((error) =>
      deps.log('retention failed', error),
    );
    return { ok: true, stored: result.stored, scores, paused: false };
  } catch (error) {
    if (isQuotaError(error)) {
      paused = true;
      deps.onQuota?.(error);
      return reject(deps, 'storage is full: capture paused', sender, true);
    }
    return reject(deps, `failed: ${(error as Error)?.message ?? String(error)}`, sender, true);
  }
}

/** Lets capture run again after the user freed space. */
export function resumeCapture(): void {
  paused = false;
}

/** Pauses capture as a full disk does (a restarted worker finds the pause it persisted). */
export function pauseCapture(): void {
  paused = true;
}

/** Whether capture is paused because storage is full. */
export function capturePaused(): boolean {
  return paused;
}

function hostOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return null;
  }
}

function reject(deps: WorkerDeps, reason: string, sender: Sender, retry = false): Reply {
  deps.log(`Resonanz rejected a message: ${reason}`, { from: sender.url ?? sender.tab?.url });
  return { ok: false, error: reason, retry };
}
