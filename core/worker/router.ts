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
import type { PageExtraction } from '../model';
import { badgesOn, type Settings } from '../settings';
import { recordingContext } from './collections';
import type { ScoreCache } from './scores';

/** What the router needs to know about a message's sender (a subset of `runtime.MessageSender`). */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

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
  /** Extra privileged handlers the entrypoint wires in (export, erase, snapshot, …). */
  panel?: Partial<Record<string, (request: never, sender: Sender) => Promise<unknown>>>;
  /** Handlers for content-script requests other than capture (reply drafts in place). */
  content?: Partial<Record<string, (request: never, sender: Sender) => Promise<unknown>>>;
  /** Runs after a capture was stored and scored (crisis alerts); its failure never fails the capture. */
  afterCapture?: (db: ResonanzDb, extraction: PageExtraction) => Promise<unknown>;
}

export type Reply = { ok: true; [key: string]: unknown } | ErrorResponse;

let paused = false;

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
      const handler = deps.panel?.[request.data.type];
      if (!handler) return reject(deps, `no handler for ${request.data.type}`, sender);
      return (await handler(request.data as never, sender)) as Reply;
    }
    if (!sender.tab) return reject(deps, 'message from an unknown context', sender);
    const request = ContentRequest.safeParse(message);
    if (!request.success)
      return reject(deps, `invalid content message: ${request.error.issues[0]?.message}`, sender);
    const settings = await deps.settings();
    if (request.data.type === 'overlaySettings') {
      const platform = request.data.platform;
      return {
        ok: true,
        badges: badgesOn(settings, platform),
        capture: settings.platforms[platform] !== false,
      };
    }
    if (request.data.type !== 'capture') {
      const handler = deps.content?.[request.data.type];
      if (!handler) return reject(deps, `no handler for ${request.data.type}`, sender);
      return (await handler(request.data as never, sender)) as Reply;
    }
    const { extraction } = request.data;
    if (settings.platforms[extraction.platform] === false)
      return { ok: true, stored: 0, scores: {}, paused: false };
    if (paused) return reject(deps, 'storage is full: capture paused', sender, true);
    const blocked = deps.captureBlocked?.();
    if (blocked) return reject(deps, `capture waits: ${blocked}`, sender, true);
    const db = await deps.db();
    const result = await storeCapture(db, extraction, {
      now: deps.now(),
      tabId: sender.tab.id ?? null,
      complete: request.data.complete,
      research: recordingContext(
        extraction.platform,
        request.data.uiLanguage,
        deps.extensionVersion ?? 'unknown',
      ),
    });
    // The platforms' own JSON, for research exports: kept only while a collection records.
    if (result.recorded > 0 && extraction.raw?.length)
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

function reject(deps: WorkerDeps, reason: string, sender: Sender, retry = false): Reply {
  deps.log(`Resonanz rejected a message: ${reason}`, { from: sender.url ?? sender.tab?.url });
  return { ok: false, error: reason, retry };
}
