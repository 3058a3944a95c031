/**
 * The worker's data side, composed in one place for background.ts and the tests: the per-account score
 * cache, research capture (collections, backup and restore) and the side panel's privileged data
 * handlers. Erasing or restoring data drops the score cache here, so no caller can forget to (the next
 * capture would otherwise write the erased posts' aggregates back).
 */
import type { ResonanzDb } from '../db/schema';
import type { Settings } from '../settings';
import { type BadgeState, createResearch } from './collections';
import { panelHandlers } from './panel-handlers';
import { ScoreCache } from './scores';

export interface DataSideDeps {
  db: () => Promise<ResonanzDb>;
  now: () => number;
  log?: (message: string, detail?: unknown) => void;
  /** Shows whether a research collection records (the toolbar badge). */
  setBadge: (state: BadgeState) => Promise<void>;
  sendToTab: (tabId: number, message: unknown) => Promise<unknown>;
  /** Writes validated settings to extension storage; without it `saveSettings` is refused. */
  writeSettings?: (settings: Settings) => Promise<void>;
  restoreIdleMs?: number;
}

export function createDataSide(deps: DataSideDeps) {
  const scores = new ScoreCache();
  const research = createResearch({
    db: deps.db,
    now: deps.now,
    log: deps.log,
    setBadge: deps.setBadge,
    restoreIdleMs: deps.restoreIdleMs,
    onDataReplaced: () => scores.clear(),
  });
  const panel = {
    ...panelHandlers({
      db: deps.db,
      sendToTab: deps.sendToTab,
      writeSettings: deps.writeSettings,
      onErased: async () => {
        scores.clear();
        await research.syncBadge();
      },
    }),
    ...research.handlers,
  };
  return { scores, research, panel };
}
