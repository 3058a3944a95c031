// Wiring only: the service worker's behaviour lives in core/worker.
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb, type ResonanzDb } from '../core/db/schema';
import { parseSettings, SETTINGS_KEY } from '../core/settings';
import { panelHandlers } from '../core/worker/panel-handlers';
import { route } from '../core/worker/router';
import { ScoreCache } from '../core/worker/scores';

export default defineBackground(() => {
  let db: Promise<ResonanzDb> | null = null;
  const getDb = () => {
    db ??= openDb().catch((error) => {
      db = null; // Try again on the next message instead of caching the failure.
      throw error;
    });
    return db;
  };
  const deps = {
    db: getDb,
    settings: async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    now: () => Date.now(),
    scores: new ScoreCache(),
    log: (message: string, detail?: unknown) => console.warn(message, detail),
    panel: panelHandlers({
      db: getDb,
      sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    }),
  };
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
    route(message, sender, deps),
  );

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar from the button.
  const chromeSidePanel = (
    globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }
  ).chrome?.sidePanel;
  if (chromeSidePanel)
    void chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  else browser.action?.onClicked.addListener(() => void browser.sidebarAction?.toggle());

  browser.tabs.onRemoved.addListener(
    (tabId) =>
      void getDb()
        .then((d) => d.tabs.delete(tabId))
        .catch(() => {}),
  );
  browser.runtime.onStartup.addListener(
    () =>
      void getDb()
        .then((d) => d.tabs.clear())
        .catch(() => {}),
  );
});
