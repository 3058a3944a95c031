/**
 * Where the side panel's data comes from. Components see only this interface, so component tests
 * hand them a fake; `browserSource` reads IndexedDB live (Dexie liveQuery) and talks to the worker.
 */
import { liveQuery } from 'dexie';
import browser from 'webextension-polyfill';
import { openDb, type ResonanzDb, type TabState } from '../../core/db/schema';
import { TabMessages } from '../../core/messages';
import { tabSender } from '../../core/messaging';
import type { StoredPost } from '../../core/model';
import { browserInsight, type InsightSource, sendToWorker } from './insight-source';
import { storageErrorMessage } from './storage-messages';

const sendToTab = tabSender(TabMessages, (tabId, message) => browser.tabs.sendMessage(tabId, message));

export type PageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'none' }
  | { status: 'ready'; tab: TabState; posts: StoredPost[]; fallback: boolean };

export interface PanelSource extends InsightSource {
  /** Calls `onChange` with the current tab's posts now and whenever they change; returns a stop function. */
  watchPage(onChange: (state: PageState) => void): () => void;
  scrollToPost(tabId: number, postId: string): Promise<void>;
  snapshot(tabId: number, pseudonymise: boolean): Promise<{ html: string; filename: string } | null>;
}

/** Reads the posts of a tab state, in page order. */
export async function postsOfTab(db: ResonanzDb, tab: TabState): Promise<StoredPost[]> {
  const rows = await db.posts.bulkGet(
    tab.postIds.map((id) => [tab.platform, id] as [typeof tab.platform, string]),
  );
  return rows.filter((p): p is StoredPost => p !== undefined);
}

/** The tab the panel describes: `?tabId=` (tests, pop-out), else the active tab of this window. */
async function currentTabId(): Promise<number | null> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

/** `open` is the database opener (tests pass one for a database of their own). */
export function browserSource(open: () => Promise<ResonanzDb> = () => openDb()): PanelSource {
  let db: Promise<ResonanzDb> | null = null;
  const getDb = () => {
    db ??= open();
    return db;
  };
  return {
    ...browserInsight(getDb),
    watchPage(onChange) {
      onChange({ status: 'loading' });
      let subscription: { unsubscribe(): void } | null = null;
      let stopped = false;
      const follow = async () => {
        subscription?.unsubscribe();
        let database: ResonanzDb;
        try {
          database = await getDb();
          performance.mark?.('resonanz:panel:db-open');
        } catch (error) {
          onChange({ status: 'error', message: storageErrorMessage(error) });
          return;
        }
        const tabId = await currentTabId();
        if (stopped) return;
        subscription = liveQuery(async () => {
          let tab = tabId === null ? undefined : await database.tabs.get(tabId);
          let fallback = false;
          if (!tab) {
            // Not on a platform page: show the last page read, marked as such, rather than nothing.
            tab = await database.tabs
              .orderBy('tabId')
              .toArray()
              .then((all) => all.sort((a, b) => b.updatedAt - a.updatedAt)[0]);
            fallback = true;
          }
          if (!tab) return { status: 'none' } as const;
          return { status: 'ready', tab, posts: await postsOfTab(database, tab), fallback } as const;
        }).subscribe({
          next: (state) => {
            performance.mark?.('resonanz:panel:page-read');
            onChange(state);
          },
          error: (error) =>
            onChange({ status: 'error', message: String((error as Error)?.message ?? error) }),
        });
      };
      void follow();
      const refollow = () => void follow();
      browser.tabs.onActivated.addListener(refollow);
      return () => {
        stopped = true;
        subscription?.unsubscribe();
        browser.tabs.onActivated.removeListener(refollow);
      };
    },
    async scrollToPost(tabId, postId) {
      await sendToTab(tabId, { type: 'scrollToPost', postId });
    },
    async snapshot(tabId, pseudonymise) {
      const answer = await sendToWorker({ type: 'snapshot', tabId, pseudonymise });
      return answer.ok ? { html: answer.html, filename: answer.filename } : null;
    },
  };
}
