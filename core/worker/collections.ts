/**
 * The worker's side of research capture: the privileged collection and restore messages, the
 * toolbar badge that says a collection is recording, retention, and the provenance a capture is
 * recorded with. Free of extension APIs: the entrypoint passes `setBadge`.
 */
import { RestoreError, RestoreSession, rollbackRestore } from '../db/backup';
import type { RecordingContext } from '../db/collections';
import {
  applyRetention,
  deleteCollection,
  destroySecret,
  retentionDays,
  runningCollection,
  setRetentionDays,
  startCollection,
  stopCollection,
} from '../db/collections';
import type { ResonanzDb } from '../db/schema';
import type { PanelMessages, RequestOf } from '../messages';
import type { Collection, PlatformId } from '../model';
import { ADAPTERS } from '../platforms/index';

type P = typeof PanelMessages;

/** What the toolbar button shows. */
export interface BadgeState {
  text: string;
  color: string;
  /** The recording collection (the entrypoint puts it in the localised tooltip), or null. */
  collectionName: string | null;
}

/** Recording red, as camera and screen recorders use it. */
export const RECORDING_COLOR = '#dc2626';

export function badgeFor(recording: Pick<Collection, 'name'> | undefined): BadgeState {
  return recording
    ? { text: 'REC', color: RECORDING_COLOR, collectionName: recording.name }
    : { text: '', color: RECORDING_COLOR, collectionName: null };
}

/** The version of the adapter that reads `platform` (recorded as provenance). */
export function adapterVersion(platform: PlatformId): string {
  return ADAPTERS.find((a) => a.id === platform)?.version ?? 'unknown';
}

/** The provenance a capture from a page with `uiLanguage` is recorded with. */
export function recordingContext(
  platform: PlatformId,
  uiLanguage: string | null | undefined,
  extensionVersion: string,
): RecordingContext {
  return { uiLanguage: uiLanguage || null, extensionVersion, adapterVersion: adapterVersion(platform) };
}

export interface ResearchDeps {
  db: () => Promise<ResonanzDb>;
  now: () => number;
  setBadge: (state: BadgeState) => Promise<void>;
  log?: (message: string, detail?: unknown) => void;
  /** A restore with no message for this long is abandoned and rolled back. */
  restoreIdleMs?: number;
  /**
   * Called whenever a restore replaced the stored data (finished, rolled back, or undone at start):
   * in-memory state derived from the database (the worker's account statistics) must be dropped.
   */
  onDataReplaced?: () => void;
}

const failure = (error: unknown, retry = false) => ({
  ok: false as const,
  error: error instanceof Error ? error.message : String(error),
  retry,
});

export function createResearch(deps: ResearchDeps) {
  let restore: RestoreSession | null = null;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const syncBadge = async () => {
    const db = await deps.db();
    await deps.setBadge(badgeFor(await runningCollection(db)));
  };

  const retain = async () => {
    const db = await deps.db();
    return applyRetention(db, await retentionDays(db), deps.now());
  };

  const abandon = async () => {
    const session = restore;
    restore = null;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (session) {
      await session.rollback();
      deps.onDataReplaced?.();
    }
  };

  const touch = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      deps.log?.('Resonanz: a restore stopped sending data; rolled back');
      void abandon().catch(() => {});
    }, deps.restoreIdleMs ?? 120_000);
  };

  const sessionFor = (id: string) => {
    if (!restore || restore.id !== id)
      throw new RestoreError('no such restore (it was cancelled or timed out)');
    return restore;
  };

  const handlers = {
    async startCollection(request: RequestOf<P, 'startCollection'>) {
      const db = await deps.db();
      const collection = await startCollection(db, {
        name: request.name,
        notes: request.notes,
        now: deps.now(),
      });
      await syncBadge();
      await retain();
      return { ok: true as const, collection };
    },
    async stopCollection(request: RequestOf<P, 'stopCollection'>) {
      await stopCollection(await deps.db(), request.id, deps.now());
      await syncBadge();
      return { ok: true as const };
    },
    async deleteCollection(request: RequestOf<P, 'deleteCollection'>) {
      await deleteCollection(await deps.db(), request.id);
      await syncBadge();
      return { ok: true as const };
    },
    async destroyCollectionSecret(request: RequestOf<P, 'destroyCollectionSecret'>) {
      await destroySecret(await deps.db(), request.id);
      return { ok: true as const };
    },
    async setResearchRetention(request: RequestOf<P, 'setResearchRetention'>) {
      await setRetentionDays(await deps.db(), request.days);
      return { ok: true as const, deleted: (await retain()).length };
    },
    async restoreBegin(request: RequestOf<P, 'restoreBegin'>) {
      try {
        if (restore) throw new RestoreError('another restore is running');
        const id = crypto.randomUUID();
        restore = await RestoreSession.begin(await deps.db(), request.header, deps.now(), id);
        touch();
        return { ok: true as const, restoreId: id };
      } catch (error) {
        return failure(error);
      }
    },
    async restoreChunk(request: RequestOf<P, 'restoreChunk'>) {
      try {
        const session = sessionFor(request.restoreId);
        touch();
        const rows = await session.chunk(request.lines, request.firstLine);
        return { ok: true as const, rows };
      } catch (error) {
        await abandon().catch(() => {});
        return failure(error);
      }
    },
    async restoreEnd(request: RequestOf<P, 'restoreEnd'>) {
      try {
        const counts = await sessionFor(request.restoreId).end();
        restore = null;
        deps.onDataReplaced?.();
        if (idleTimer) clearTimeout(idleTimer);
        await syncBadge();
        return { ok: true as const, counts };
      } catch (error) {
        await abandon().catch(() => {});
        return failure(error);
      }
    },
    async restoreAbort(request: RequestOf<P, 'restoreAbort'>) {
      if (restore?.id === request.restoreId) await abandon();
      return { ok: true as const };
    },
  };

  return {
    handlers,
    syncBadge,
    /** Why captures must wait now (a restore is writing), or null. */
    captureBlocked: (): string | null => (restore ? 'a backup is being restored' : null),
    /** On every worker start: undo a restore the worker died in, apply retention, show the badge. */
    async startup(): Promise<void> {
      const db = await deps.db();
      if (await rollbackRestore(db)) {
        deps.log?.('Resonanz: rolled back an unfinished restore');
        deps.onDataReplaced?.();
      }
      await retain();
      await syncBadge();
    },
  };
}
