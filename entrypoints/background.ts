// Wiring only: the service worker's behaviour lives in core/worker.
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { openDb, type ResonanzDb } from '../core/db/schema';
import { TabMessages } from '../core/messages';
import { type PanelHandlers, tabSender } from '../core/messaging';
import { parseSettings, SETTINGS_KEY } from '../core/settings';
import { alertNotification, checkAlerts } from '../core/worker/alerts';
import type { BadgeState } from '../core/worker/collections';
import { createDataSide } from '../core/worker/data-side';
import { syncInstances } from '../core/worker/instances';
import { syncOptionalPlatforms } from '../core/worker/optional-platforms';
import { browserRegistrar, browserScripts, type RegistrationApis } from '../core/worker/registrar';
import { AI_ENDPOINT_KEY, contentReplyHandlers, replyHandlers } from '../core/worker/replies';
import { route } from '../core/worker/router';
import { type LocalArea, migrateSecrets, openSecretStore, restrictStorage } from '../core/worker/secrets';
import { captureState, type KeyValueStore, lazyDb } from '../core/worker/storage-state';
import { triageHandlers } from '../core/worker/triage';

export default defineBackground(() => {
  const sendToTab = tabSender(TabMessages, (tabId, message) => browser.tabs.sendMessage(tabId, message));
  // Opened on first use; a failure (private window, failed upgrade) is retried with back-off, not per message.
  const getDb: () => Promise<ResonanzDb> = lazyDb(() => openDb());
  // A full disk pauses capture; the pause is kept in storage.local, where the side panel reads it.
  const storageState = captureState({
    store: browser.storage.local as unknown as KeyValueStore,
    now: () => Date.now(),
    log: (message, detail) => console.warn(message, detail),
  });
  void storageState.restore();
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? browser.browserAction;
  // Scores, research capture and the panel's data handlers (erase and restore reset the scores there).
  const data = createDataSide({
    db: getDb,
    now: () => Date.now(),
    log: (message, detail) => console.warn(message, detail),
    setBadge: async ({ text, color, collectionName }: BadgeState) => {
      await action?.setBadgeText({ text });
      await action?.setBadgeBackgroundColor({ color });
      await action?.setTitle({
        title: collectionName
          ? browser.i18n.getMessage('actionRecordingTitle', [collectionName])
          : browser.i18n.getMessage('actionTitle'),
      });
    },
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    writeSettings: (settings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
  });
  const { research } = data;
  void research.startup().catch((error) => console.warn('Resonanz: research startup failed', error));
  // Secrets live in the extension origin's IndexedDB, out of content scripts' reach; storage.local is
  // for trusted contexts only where the browser allows it (Chrome). Keys an older version kept in
  // storage.local move out of it.
  const secrets = openSecretStore();
  void restrictStorage(globalThis as unknown as Parameters<typeof restrictStorage>[0]).catch((error) =>
    console.warn('Resonanz: could not restrict storage.local', error),
  );
  void migrateSecrets(browser.storage.local as unknown as LocalArea, secrets).catch((error) =>
    console.warn('Resonanz: could not move secrets out of storage.local', error),
  );
  // The reply assistant: memory, in-place drafts, the user's AI endpoint (in the secret store).
  const replies = {
    db: getDb,
    settings: async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
    now: () => Date.now(),
    readEndpoint: () => secrets.get(AI_ENDPOINT_KEY),
    writeEndpoint: (endpoint: unknown) =>
      endpoint ? secrets.set(AI_ENDPOINT_KEY, endpoint) : secrets.remove(AI_ENDPOINT_KEY),
    hasPermission: (origin: string) => browser.permissions.contains({ origins: [origin] }),
  };
  // Crisis alerts on own posts: written after captures, raised as a browser notification.
  const afterCapture = (database: ResonanzDb, extraction: Parameters<typeof checkAlerts>[1]) =>
    checkAlerts(database, extraction, {
      now: Date.now(),
      notify: async (alert, post) => {
        const { title, message } = alertNotification(alert, post, (key, subs) =>
          browser.i18n.getMessage(key, subs),
        );
        await browser.notifications
          ?.create(`resonanz:${alert.id}`, {
            type: 'basic',
            iconUrl: browser.runtime.getURL('/icon/128.png'),
            title,
            message,
          })
          .catch((error) => console.warn('Resonanz: notification failed', error));
      },
    });
  // Every panel message type has its handler: a type added to core/messages.ts without one fails here.
  const panel: PanelHandlers = {
    ...storageState.handlers,
    ...data.panel,
    ...replyHandlers(replies),
    ...triageHandlers(replies),
  };
  const deps = {
    db: getDb,
    extensionVersion: browser.runtime.getManifest().version,
    captureBlocked: research.captureBlocked,
    settings: async () => parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    now: () => Date.now(),
    scores: data.scores,
    log: (message: string, detail?: unknown) => console.warn(message, detail),
    content: contentReplyHandlers(replies),
    afterCapture,
    onQuota: storageState.onQuota,
    panel,
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
  else action?.onClicked.addListener(() => void browser.sidebarAction?.toggle());

  // User-added Mastodon instances: the content script runs there once the host was permitted.
  const registrar = browserRegistrar(browser as unknown as RegistrationApis, 'content-scripts/content.js');
  // Platforms the user switches on (Google reviews): registered for their pages once permitted.
  const optionalScripts = browserScripts(
    browser as unknown as RegistrationApis,
    'content-scripts/content.js',
  );
  const syncOptional = () =>
    void browser.storage.local
      .get(SETTINGS_KEY)
      .then((stored) => syncOptionalPlatforms(optionalScripts, parseSettings(stored[SETTINGS_KEY])))
      .catch((error) => console.warn('Resonanz: could not update optional platforms', error));
  syncOptional();
  browser.permissions.onAdded.addListener(syncOptional);
  browser.permissions.onRemoved.addListener(syncOptional);
  const instancesOf = (raw: unknown) => parseSettings(raw).mastodonInstances;
  void browser.storage.local
    .get(SETTINGS_KEY)
    .then((stored) => syncInstances(registrar, instancesOf(stored[SETTINGS_KEY])))
    .catch((error) => console.warn('Resonanz: could not enable Mastodon instances', error));
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    syncOptional();
    void syncInstances(registrar, instancesOf(change.newValue), instancesOf(change.oldValue)).catch((error) =>
      console.warn('Resonanz: could not update Mastodon instances', error),
    );
    // Content scripts cannot read extension storage: open pages hear of new badge settings by message.
    void browser.tabs
      .query({})
      .then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) void sendToTab(tab.id, { type: 'settingsChanged' });
      })
      .catch(() => {});
  });
  browser.permissions.onRemoved.addListener(
    () =>
      void browser.storage.local
        .get(SETTINGS_KEY)
        .then((stored) =>
          syncInstances(registrar, instancesOf(stored[SETTINGS_KEY]), instancesOf(stored[SETTINGS_KEY])),
        )
        .catch(() => {}),
  );

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
