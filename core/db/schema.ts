/**
 * The IndexedDB schema (Dexie). Every change to it is a new version with an upgrade function, and
 * `tests/db/migrations.test.ts` opens a database written by every earlier version.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AccountObservation,
  AccountStatsRow,
  Collection,
  CollectionItem,
  CompetitiveSet,
  ExtractionHealth,
  Observation,
  PageKind,
  PlatformId,
  StoredAccount,
  StoredComment,
  StoredPost,
} from '../model';
import type { StoredRawItem } from './raw-item-row';

/** What a tab showed last: the side panel's "This page" reads it live. Cleared when the tab closes. */
export interface TabState {
  tabId: number;
  url: string;
  platform: PlatformId;
  kind: PageKind;
  /** Post ids on the page, in page order. */
  postIds: string[];
  profileHandle: string | null;
  health: ExtractionHealth;
  updatedAt: number;
  /** The last batches stored from this tab: a replayed one is not stored (or counted) twice. */
  batchIds?: string[];
}

/** The HMAC key that pseudonymises one collection's exports (base64). */
export interface CollectionSecret {
  collectionId: string;
  secret: string;
  createdAt: number;
}

/** A reply the assistant suggested or the user inserted, so it never repeats one word for word. */
export interface ReplyMemory {
  id?: number;
  at: number;
  text: string;
  kind: 'suggested' | 'inserted';
}

/** A crisis alert on an own post (sudden negative comments or unusual spread). */
export interface Alert {
  id: string;
  at: number;
  platform: PlatformId;
  postId: string;
  kind: 'negativeSurge' | 'fastSpreadNegative';
  detail: string;
  dismissed: boolean;
}

/**
 * A community manager's correction of the triage of one comment (the latest per comment): what the
 * queue should have called it. The brand's on-device model is learned from these (core/replies/adapt.ts).
 */
export interface TriageCorrection {
  platform: PlatformId;
  commentId: string;
  /** the own account whose post the comment is under (its lower-case handle): corrections are per brand account */
  account: string;
  text: string;
  label: 'urgent' | 'spam' | 'complaint' | 'question' | 'purchase' | 'praise' | 'other';
  at: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const DB_NAME = 'resonanz';

/** Index definitions per version, oldest first. Never edit a shipped entry; add a new one. */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string | null> }[] = [
  {
    version: 1,
    stores: {
      posts: '&[platform+id], [platform+authorKey+time], time, lastSeen',
      observations: '&[platform+id+at], at',
      accounts: '&[platform+handle], role',
      accountObservations: '&[platform+handle+at]',
      comments: '&[platform+id], [platform+postId], [platform+postAuthorKey]',
      sets: '&id',
      collections: '&id, startedAt',
      collectionItems: '&[collectionId+type+platform+itemId], collectionId',
      tabs: '&tabId',
    },
  },
  {
    // v2: per-collection pseudonymisation secrets kept apart from the data (deleting one destroys
    // the mapping), the reply assistant's memory of suggested/sent replies, crisis alerts, and a
    // small key-value table for worker state (retention runs, capture pause), and each account's
    // maintained aggregates so the competitive-set table needs no scan of the posts.
    version: 2,
    stores: {
      collectionSecrets: '&collectionId',
      replyMemory: '++id, at',
      alerts: '&id, at',
      meta: '&key',
      accountStats: '&[platform+handle]',
    },
  },
  {
    // v3: the platforms' own JSON per item, kept only while a research collection records (for
    // NDJSON that 4CAT's importers read); gzip-compressed, counted against a budget (raw-items.ts).
    version: 3,
    stores: {
      rawItems: '&[collectionId+platform+kind+id], collectionId',
    },
  },
  {
    // v4: the community manager's corrections of the reply triage, one per comment, read per own
    // account to learn that brand's on-device offsets (core/replies/adapt.ts). A new table: the
    // rows of earlier versions need no change.
    version: 4,
    stores: {
      triageCorrections: '&[platform+commentId], [platform+account], at',
    },
  },
];

export class ResonanzDb extends Dexie {
  posts!: Table<StoredPost, [PlatformId, string]>;
  observations!: Table<Observation, [PlatformId, string, number]>;
  accounts!: Table<StoredAccount, [PlatformId, string]>;
  accountObservations!: Table<AccountObservation, [PlatformId, string, number]>;
  comments!: Table<StoredComment, [PlatformId, string]>;
  sets!: EntityTable<CompetitiveSet, 'id'>;
  collections!: EntityTable<Collection, 'id'>;
  collectionItems!: Table<CollectionItem, [string, string, PlatformId, string]>;
  tabs!: EntityTable<TabState, 'tabId'>;
  collectionSecrets!: EntityTable<CollectionSecret, 'collectionId'>;
  replyMemory!: EntityTable<ReplyMemory, 'id'>;
  alerts!: EntityTable<Alert, 'id'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  accountStats!: Table<AccountStatsRow, [PlatformId, string]>;
  rawItems!: Table<StoredRawItem, [string, PlatformId, 'post' | 'comment', string]>;
  triageCorrections!: Table<TriageCorrection, [PlatformId, string]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}

/**
 * Opens the database, turning failures into errors the panel can explain: an upgrade that failed
 * (IndexedDB rolled it back: the data stays as it was, at the old version) is an `UpgradeFailedError`;
 * anything else — IndexedDB unavailable, as in Firefox private windows — a `StorageUnavailableError`.
 * `create` builds the Dexie instance (tests pass one with an extra version).
 */
export async function openDb(
  name = DB_NAME,
  create: (name: string) => ResonanzDb = (n) => new ResonanzDb(n),
): Promise<ResonanzDb> {
  const db = create(name);
  try {
    await db.open();
  } catch (error) {
    const installed = await installedVersion(name);
    if (installed !== null && installed < db.verno) throw new UpgradeFailedError(installed, db.verno, error);
    throw new StorageUnavailableError(error);
  }
  return db;
}

/** The version of the database on disk, or null when there is none or it cannot be opened. */
async function installedVersion(name: string): Promise<number | null> {
  try {
    if (!(await Dexie.exists(name))) return null;
    const probe = new Dexie(name); // no versions declared: opens whatever is installed, upgrades nothing
    try {
      await probe.open();
      return probe.verno;
    } finally {
      probe.close();
    }
  } catch {
    return null;
  }
}

export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super('IndexedDB is not available in this window (private browsing?)', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** The database could not be brought to the new version; it is still at `from`, with its data intact. */
export class UpgradeFailedError extends Error {
  constructor(
    readonly from: number,
    readonly to: number,
    cause: unknown,
  ) {
    super(`the database could not be updated from version ${from} to ${to}; its data is unchanged`, {
      cause,
    });
    this.name = 'UpgradeFailedError';
  }
}

/** True for a full disk or quota, also when IndexedDB wraps it in an AbortError. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'Dexie.QuotaExceededError') return true;
    const inner = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    if (name === 'AbortError' && /quota/i.test(String((e as { message?: string }).message))) return true;
    e = inner;
  }
  return false;
}
