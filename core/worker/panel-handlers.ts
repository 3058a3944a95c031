/** Privileged requests from extension pages: role changes, erasing, page snapshots. */

import { accountKey } from '../db/capture';
import type { ResonanzDb } from '../db/schema';
import type { PanelMessages, RequestOf } from '../messages';
import { TabMessages } from '../messages';
import type { Settings } from '../settings';
import { saveSettingsHandler } from './save-settings';
import { setHandlers } from './sets';

export interface PanelDeps {
  db: () => Promise<ResonanzDb>;
  sendToTab: (tabId: number, message: unknown) => Promise<unknown>;
  /**
   * Called after everything was erased: the worker forgets its in-memory account statistics (or the
   * next capture would write the erased posts' aggregates back) and the toolbar badge stops saying
   * a collection records.
   */
  onErased?: () => Promise<void>;
  /** Writes validated settings to extension storage; without it `saveSettings` is refused. */
  writeSettings?: (settings: Settings) => Promise<void>;
}

type P = typeof PanelMessages;

/** The handlers `route` calls for messages from extension pages (already schema-checked). */
export function panelHandlers(deps: PanelDeps) {
  return {
    ...setHandlers({ db: deps.db }),
    saveSettings: saveSettingsHandler(deps.writeSettings),
    async setAccountRole(request: RequestOf<P, 'setAccountRole'>) {
      const db = await deps.db();
      const key = [request.platform, accountKey(request.handle)] as [typeof request.platform, string];
      await db.transaction('rw', db.accounts, async () => {
        const before = await db.accounts.get(key);
        // Everything known about the account stays (a place's rating too); only the role changes.
        await db.accounts.put({
          name: null,
          followers: null,
          following: null,
          posts: null,
          lastSeen: 0,
          ...before,
          platform: request.platform,
          handle: key[1],
          role: request.role,
        });
      });
      return { ok: true as const };
    },
    async eraseAll() {
      const db = await deps.db();
      await db.transaction('rw', db.tables, async () => {
        await Promise.all(db.tables.map((t) => t.clear()));
      });
      await deps.onErased?.();
      return { ok: true as const };
    },
    async snapshot(request: RequestOf<P, 'snapshot'>) {
      const answer = await deps.sendToTab(request.tabId, {
        type: 'snapshotPage',
        pseudonymise: request.pseudonymise,
      });
      const parsed = TabMessages.snapshotPage.response.safeParse(answer);
      return parsed.success
        ? parsed.data
        : { ok: false as const, error: 'the page did not answer', retry: true };
    },
  };
}
