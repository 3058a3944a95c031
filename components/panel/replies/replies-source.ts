/**
 * Where the Replies view's data comes from. The view sees only `RepliesSource`, so component tests
 * hand it a fake; `browserReplies` reads IndexedDB live (own accounts, the comments under their
 * posts, the reply memory, alerts) and sends every change to the worker as a privileged message.
 * Page actions (show a comment, insert a draft) go to the tab's content script.
 */
import browser from 'webextension-polyfill';
import type { z } from 'zod';
import type { Alert, ResonanzDb, TriageCorrection } from '../../../core/db/schema';
import { openDb } from '../../../core/db/schema';
import { TabMessages } from '../../../core/messages';
import { tabSender } from '../../../core/messaging';
import type { StoredAccount, StoredComment, StoredPost } from '../../../core/model';
import { AI_ENDPOINT_KEY, AiEndpoint } from '../../../core/replies/ai-endpoint';
import { POST_CHARS } from '../../../core/replies/grounding';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../../core/settings';
import { openSecretStore } from '../../../core/worker/secrets';
import {
  type CommandResult,
  errorOf,
  type Loadable,
  type PanelCommand,
  sendToWorker,
  watch,
  watchStorage,
} from '../insight-source';

export type { CommandResult, Loadable, PanelCommand };

/** Replies remembered and passed to the drafting as `recent`. */
export const RECENT_REPLIES = 200;

export interface QueueData {
  /** Accounts with role 'own'. */
  own: StoredAccount[];
  /** Every stored comment under the own accounts' posts (answered ones too: response figures need them). */
  comments: StoredComment[];
  /** Permalinks of the posts those comments are under, by `platform:postId`. */
  postUrls: Record<string, string>;
  /** Those posts' texts (capped), by `platform:postId`: the post filter's labels and the model's grounding. */
  postTexts?: Record<string, string>;
  /** The newest remembered replies (suggested or inserted), newest first. */
  recent: string[];
  /** The community manager's triage corrections (the brand's on-device model learns from them). */
  corrections?: TriageCorrection[];
}

export interface AlertRow {
  alert: Alert;
  post: Pick<StoredPost, 'url' | 'text' | 'authorKey'> | null;
}

/** What the page answered to "insert into reply box". */
export type InsertAnswer = z.infer<typeof TabMessages.insertReply.response>;

type Stop = () => void;

export interface RepliesSource {
  watchQueue(onChange: (state: Loadable<QueueData>) => void): Stop;
  watchSettings(onChange: (state: Loadable<Settings>) => void): Stop;
  /** The configured AI endpoint (with its key, which only this panel and the worker ever read). */
  watchEndpoint(onChange: (state: Loadable<AiEndpoint | null>) => void): Stop;
  watchAlerts(onChange: (state: Loadable<AlertRow[]>) => void): Stop;
  /** A privileged message to the worker; never throws. */
  command(request: PanelCommand): Promise<CommandResult>;
  scrollToComment(tabId: number, commentId: string, text: string): Promise<boolean>;
  insertReply(tabId: number, commentId: string, text: string, draft: string): Promise<InsertAnswer | null>;
  /** Asks the browser for a host permission (call it straight from a click). */
  requestPermission(pattern: string): Promise<boolean>;
  copy(text: string): Promise<boolean>;
  /** The Prompt API global of this page, if any (feature detection only). */
  languageModel(): unknown;
}

/** What the queue reads: own accounts, their posts' comments (by index), post links, memory. */
export async function readQueue(db: ResonanzDb): Promise<QueueData> {
  const own = await db.accounts.where('role').equals('own').toArray();
  const lists = await Promise.all(
    own.map((a) => db.comments.where('[platform+postAuthorKey]').equals([a.platform, a.handle]).toArray()),
  );
  const comments = lists.flat();
  const postKeys = [...new Set(comments.map((c) => `${c.platform}\u0000${c.postId}`))].map(
    (k) => k.split('\u0000') as [StoredPost['platform'], string],
  );
  const posts = await db.posts.bulkGet(postKeys);
  const postUrls: Record<string, string> = {};
  const postTexts: Record<string, string> = {};
  for (const p of posts) {
    if (p?.url) postUrls[`${p.platform}:${p.id}`] = p.url;
    if (p?.text) postTexts[`${p.platform}:${p.id}`] = p.text.slice(0, POST_CHARS);
  }
  const memory = await db.replyMemory.orderBy('at').reverse().limit(RECENT_REPLIES).toArray();
  const corrections = await db.triageCorrections.orderBy('at').toArray();
  return { own, comments, postUrls, postTexts, recent: memory.map((m) => m.text), corrections };
}

/** Alerts not dismissed, newest first, with their posts. */
export async function readAlerts(db: ResonanzDb): Promise<AlertRow[]> {
  const alerts = (await db.alerts.orderBy('at').reverse().toArray()).filter((a) => !a.dismissed);
  const posts = await db.posts.bulkGet(
    alerts.map((a) => [a.platform, a.postId] as [Alert['platform'], string]),
  );
  return alerts.map((alert, i) => {
    const post = posts[i];
    return { alert, post: post ? { url: post.url, text: post.text, authorKey: post.authorKey } : null };
  });
}

const sendToTab = tabSender(TabMessages, (tabId, message) => browser.tabs.sendMessage(tabId, message));

export function browserReplies(getDb: () => Promise<ResonanzDb> = () => openDb()): RepliesSource {
  const secrets = openSecretStore();
  let db: Promise<ResonanzDb> | null = null;
  const database = () => {
    db ??= getDb();
    return db;
  };
  return {
    watchQueue: (onChange) => watch(database, readQueue, onChange),
    watchAlerts: (onChange) => watch(database, readAlerts, onChange),
    watchSettings: (onChange) => watchStorage(SETTINGS_KEY, parseSettings, onChange),
    // The endpoint (its key included) is in the secret store, out of content scripts' reach.
    watchEndpoint: (onChange) => {
      onChange({ status: 'loading' });
      return secrets.watch(
        AI_ENDPOINT_KEY,
        (raw) => {
          const parsed = AiEndpoint.safeParse(raw);
          onChange({ status: 'ready', value: parsed.success ? parsed.data : null });
        },
        (error) => onChange({ status: 'error', message: errorOf(error) }),
      );
    },
    command: (request) => sendToWorker(request),
    async scrollToComment(tabId, commentId, text) {
      const answer = await sendToTab(tabId, { type: 'scrollToComment', commentId, text });
      return answer.ok && answer.found;
    },
    async insertReply(tabId, commentId, text, draft) {
      const answer = await sendToTab(tabId, { type: 'insertReply', commentId, text, draft });
      return answer.ok ? answer : null;
    },
    async requestPermission(pattern) {
      try {
        return await browser.permissions.request({ origins: [pattern] });
      } catch {
        return false;
      }
    },
    async copy(text) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    languageModel: () => (globalThis as { LanguageModel?: unknown }).LanguageModel,
  };
}
