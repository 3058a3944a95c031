/**
 * The marketer views' data: accounts, competitive sets and settings, read live from IndexedDB and
 * extension storage; every change goes to the worker as a validated message. Views see only the
 * `InsightSource` interface, so component tests hand them a fake.
 */
import { liveQuery } from 'dexie';
import browser from 'webextension-polyfill';
import type { z } from 'zod';
import {
  type AccountRef,
  accountComments,
  accountHistory,
  accountPosts,
  accountsOf,
  baselinePosts,
  postsBetween,
  setPosts,
  viewsBaselinePosts,
} from '../../core/db/queries';
import type { ResonanzDb } from '../../core/db/schema';
import { PanelMessages, type PanelRequest } from '../../core/messages';
import { sender } from '../../core/messaging';
import type {
  AccountObservation,
  CompetitiveSet,
  StoredAccount,
  StoredComment,
  StoredPost,
} from '../../core/model';
import type { PageBaseline } from '../../core/reports/page';
import { isPlace } from '../../core/reports/places';
import { accountBaseline } from '../../core/scoring/baseline';
import { accountKey } from '../../core/scoring/maturity';
import { viewsBaseline } from '../../core/scoring/views';
import { parseSettings, SETTINGS_KEY, type Settings } from '../../core/settings';

export type { AccountRef };

/** A value that is being read, could not be read, or is here. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T };

/** One account's stored history. */
export interface AccountData {
  account: StoredAccount | null;
  posts: StoredPost[];
  history: AccountObservation[];
  /** A place's reviews and the owner's answers (platforms whose accounts are places: Google). */
  reviews: StoredComment[];
}

/** What a competitive set's comparison reads. */
export interface SetData {
  posts: StoredPost[];
  accounts: StoredAccount[];
  /** Posts of any author in the window (only read when brand terms are set). */
  mentionPosts: StoredPost[];
  /** The set's places (Google reviews): their visits' ratings and counts, and their reviews. */
  placeHistory: AccountObservation[];
  placeReviews: StoredComment[];
}

/** A privileged request, as the worker's schema accepts it. */
/** A panel message to the worker, its answer checked against the message type's response schema. */
export const sendToWorker = sender(PanelMessages, (message) => browser.runtime.sendMessage(message));

export type PanelCommand = z.input<typeof PanelRequest>;
export type CommandResult = { ok: true; [key: string]: unknown } | { ok: false; error: string };

type Stop = () => void;

export interface InsightSource {
  /** Baselines at `now` of the given accounts, keyed by `accountKey(platform, handle)`. */
  baselines(refs: readonly AccountRef[], now: number): Promise<Map<string, PageBaseline>>;
  watchAccounts(onChange: (state: Loadable<StoredAccount[]>) => void): Stop;
  watchAccount(ref: AccountRef, onChange: (state: Loadable<AccountData>) => void): Stop;
  watchSets(onChange: (state: Loadable<CompetitiveSet[]>) => void): Stop;
  watchSetData(
    set: CompetitiveSet,
    window: { from: number; now: number; mentions: boolean },
    onChange: (state: Loadable<SetData>) => void,
  ): Stop;
  watchSettings(onChange: (state: Loadable<Settings>) => void): Stop;
  /** Sends a privileged message to the worker; never throws. */
  command(request: PanelCommand): Promise<CommandResult>;
}

/** A readable message for any thrown value. */
export const errorOf = (error: unknown) => String((error as Error)?.message ?? error);

/** Follows a Dexie live query; `onChange` sees loading first, then every result or the error. */
export function watch<T>(
  getDb: () => Promise<ResonanzDb>,
  query: (db: ResonanzDb) => Promise<T>,
  onChange: (state: Loadable<T>) => void,
): Stop {
  onChange({ status: 'loading' });
  let stopped = false;
  let subscription: { unsubscribe(): void } | null = null;
  getDb().then(
    (db) => {
      if (stopped) return;
      subscription = liveQuery(() => query(db)).subscribe({
        next: (value) => onChange({ status: 'ready', value }),
        error: (error) => onChange({ status: 'error', message: errorOf(error) }),
      });
    },
    (error) => onChange({ status: 'error', message: errorOf(error) }),
  );
  return () => {
    stopped = true;
    subscription?.unsubscribe();
  };
}

/** Follows one key of extension storage (`parse` reads its raw value); loading first, then every change. */
export function watchStorage<T>(
  key: string,
  parse: (raw: unknown) => T,
  onChange: (state: Loadable<T>) => void,
): Stop {
  onChange({ status: 'loading' });
  let stopped = false;
  browser.storage.local.get(key).then(
    (stored) => {
      if (!stopped) onChange({ status: 'ready', value: parse(stored[key]) });
    },
    (error) => onChange({ status: 'error', message: errorOf(error) }),
  );
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area === 'local' && key in changes)
      onChange({ status: 'ready', value: parse(changes[key]?.newValue) });
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** The browser-backed implementation (IndexedDB for reads, runtime messages for writes). */
export function browserInsight(getDb: () => Promise<ResonanzDb>): InsightSource {
  return {
    async baselines(refs, now) {
      const db = await getDb();
      const out = new Map<string, PageBaseline>();
      await Promise.all(
        refs.map(async (ref) => {
          const [posts, withViews] = await Promise.all([
            baselinePosts(db, ref, now),
            viewsBaselinePosts(db, ref, now),
          ]);
          out.set(accountKey(ref.platform, ref.handle), {
            ...accountBaseline(posts, now),
            views: viewsBaseline(withViews, now),
          });
        }),
      );
      return out;
    },
    watchAccounts(onChange) {
      return watch(getDb, (db) => db.accounts.toArray(), onChange);
    },
    watchAccount(ref, onChange) {
      return watch(
        getDb,
        async (db) => {
          const [account] = await accountsOf(db, [ref]);
          const [posts, history, reviews] = await Promise.all([
            accountPosts(db, ref),
            accountHistory(db, ref),
            // Places only: their reviews are what the account view is about.
            isPlace(ref) ? accountComments(db, ref) : Promise.resolve([]),
          ]);
          return { account: account ?? null, posts, history, reviews };
        },
        onChange,
      );
    },
    watchSets(onChange) {
      return watch(
        getDb,
        async (db) => (await db.sets.toArray()).sort((a, b) => a.createdAt - b.createdAt),
        onChange,
      );
    },
    watchSetData(set, window, onChange) {
      const members = set.members as AccountRef[];
      return watch(
        getDb,
        async (db) => {
          const places = members.filter(isPlace);
          const [posts, accounts, mentionPosts, placeHistory, placeReviews] = await Promise.all([
            setPosts(db, members, window.from, window.now),
            accountsOf(db, members),
            window.mentions ? postsBetween(db, window.from, window.now) : Promise.resolve([]),
            Promise.all(places.map((m) => accountHistory(db, m))).then((rows) => rows.flat()),
            Promise.all(places.map((m) => accountComments(db, m))).then((rows) => rows.flat()),
          ]);
          return { posts, accounts, mentionPosts, placeHistory, placeReviews };
        },
        onChange,
      );
    },
    watchSettings: (onChange) => watchStorage(SETTINGS_KEY, parseSettings, onChange),
    command: (request) => sendToWorker(request),
  };
}
