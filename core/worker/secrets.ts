/**
 * Secrets (an API key, an access token): which keys they are, and where they live.
 *
 * Content scripts run inside web pages, and code in their world can read `storage.local` (Firefox
 * always; Chrome unless restricted) and hear `storage.onChanged`. So secrets are kept in IndexedDB of
 * the extension's own origin (`resonanz-secrets`), which only the worker and the extension's pages
 * can open, and never in extension storage. In Chrome `storage.local` is additionally restricted to
 * trusted contexts (`restrictStorage`); content scripts get what they need (badge settings) by message.
 *
 * A new secret is one line in SECRET_STORAGE_KEYS; read and write it with `openSecretStore()`.
 */
import Dexie, { type EntityTable, liveQuery } from 'dexie';
import { AI_ENDPOINT_KEY } from '../replies/ai-endpoint';

/** The 4CAT server URL and access token for "Send to 4CAT" (schema: FourcatServer in core/export/fourcat). */
export const FOURCAT_SERVER_KEY = 'fourcatServer';

/** Every key holding a secret (kept in the secret store; moved out of storage.local if found there). */
export const SECRET_STORAGE_KEYS = [AI_ENDPOINT_KEY, FOURCAT_SERVER_KEY] as const;
export type SecretKey = (typeof SECRET_STORAGE_KEYS)[number];

const isSecretKey = (key: string): key is SecretKey =>
  (SECRET_STORAGE_KEYS as readonly string[]).includes(key);

export const SECRETS_DB_NAME = 'resonanz-secrets';

interface SecretRow {
  key: SecretKey;
  value: unknown;
}

class SecretsDb extends Dexie {
  secrets!: EntityTable<SecretRow, 'key'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ secrets: '&key' });
  }
}

export interface SecretStore {
  get(key: SecretKey): Promise<unknown>;
  set(key: SecretKey, value: unknown): Promise<void>;
  remove(key: SecretKey): Promise<void>;
  /** Follows one secret: its value now, then after every change (from any of the extension's contexts). */
  watch(key: SecretKey, onValue: (value: unknown) => void, onError?: (error: unknown) => void): () => void;
}

/** The secret store of the extension origin (a test passes its own database name). */
export function openSecretStore(name = SECRETS_DB_NAME): SecretStore {
  let db: SecretsDb | null = null;
  const database = () => {
    db ??= new SecretsDb(name);
    return db;
  };
  const checked = (key: string) => {
    if (!isSecretKey(key)) throw new Error(`${key} is not a secret key`);
    return key;
  };
  return {
    async get(key) {
      return (await database().secrets.get(checked(key)))?.value;
    },
    async set(key, value) {
      await database().secrets.put({ key: checked(key), value });
    },
    async remove(key) {
      await database().secrets.delete(checked(key));
    },
    watch(key, onValue, onError) {
      const subscription = liveQuery(() => database().secrets.get(checked(key))).subscribe({
        next: (row) => onValue(row?.value),
        error: (error) => onError?.(error),
      });
      return () => subscription.unsubscribe();
    },
  };
}

/** The part of `storage.local` a migration needs. */
export interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Moves secrets an earlier version kept in storage.local into the secret store (worker start). */
export async function migrateSecrets(local: LocalArea, store: SecretStore): Promise<void> {
  const found = await local.get([...SECRET_STORAGE_KEYS]);
  const keys = SECRET_STORAGE_KEYS.filter((key) => found[key] !== undefined);
  for (const key of keys) if ((await store.get(key)) === undefined) await store.set(key, found[key]);
  if (keys.length) await local.remove(keys);
}

interface AccessLevelApi {
  storage: { local: { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> } };
}

/** Chrome: storage.local readable by the extension's pages and worker only, not by content scripts. */
export async function restrictStorage(api: AccessLevelApi): Promise<void> {
  await api.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
