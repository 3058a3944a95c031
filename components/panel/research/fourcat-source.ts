/**
 * What the "For 4CAT" part of the Research view needs: the 4CAT server settings (storage.local under
 * a secret key the extension keeps from content scripts), the host permission, each platform's
 * Zeeschuimer file of a collection (read from IndexedDB on the panel's own read-only connection),
 * and the upload. The components get this as an interface so tests can hand them a fake.
 */
import browser from 'webextension-polyfill';
import { exportBaseName } from '../../../core/db/collection-export';
import {
  type DataOrigin,
  type PlatformFileSummary,
  platformFileName,
  platformFileSummaries,
  platformNdjson,
} from '../../../core/db/platform-export';
import { type RawUsage, rawUsage } from '../../../core/db/raw-items';
import { openDb, type ResonanzDb } from '../../../core/db/schema';
import {
  type FourcatPseudonymise,
  FourcatServer,
  followImport,
  type UploadEvent,
  type UploadResult,
  uploadTo4cat,
} from '../../../core/export/fourcat';
import type { PlatformId } from '../../../core/model';
import { FOURCAT_SERVER_KEY, openSecretStore } from '../../../core/worker/secrets';
import { blobFromChunks, download } from './download';

export interface FourcatSource {
  server(): Promise<FourcatServer | null>;
  /** Saves (or with null removes) the server settings. */
  saveServer(server: FourcatServer | null): Promise<void>;
  /** Asks the browser for the host permission (call from a click). */
  requestPermission(pattern: string): Promise<boolean>;
  platforms(collectionId: string): Promise<PlatformFileSummary[]>;
  /** Downloads one platform's file (the 4CAT file, or the companion file of page-only items). */
  download(collectionId: string, platform: PlatformId, origin: DataOrigin): Promise<string>;
  send(
    collectionId: string,
    platform: PlatformId,
    module: string,
    pseudonymise: FourcatPseudonymise,
    onEvent: (event: UploadEvent) => void,
    signal: AbortSignal,
  ): Promise<UploadResult>;
  /** The platform data kept for research exports, against its budget. */
  rawUsage(): Promise<RawUsage>;
  /** Follows an import again after the connection was lost while 4CAT processed it. */
  follow(key: string, onEvent: (event: UploadEvent) => void, signal: AbortSignal): Promise<UploadResult>;
}

export function browserFourcat(): FourcatSource {
  const secrets = openSecretStore();
  let db: Promise<ResonanzDb> | null = null;
  const getDb = () => {
    db ??= openDb().catch((error) => {
      db = null;
      throw error;
    });
    return db;
  };
  const server = async () => {
    const stored = await secrets.get(FOURCAT_SERVER_KEY);
    const parsed = FourcatServer.safeParse(stored);
    return parsed.success ? parsed.data : null;
  };
  const body = async (collectionId: string, platform: PlatformId, origin: DataOrigin) => {
    const database = await getDb();
    const chunks = platformNdjson(database, collectionId, platform, origin, {
      userAgent: navigator.userAgent,
    });
    return blobFromChunks(chunks, 'application/x-ndjson;charset=utf-8');
  };
  return {
    server,
    async saveServer(next) {
      // The token is a secret: the extension origin's IndexedDB, never storage.local (core/worker/secrets).
      if (next) await secrets.set(FOURCAT_SERVER_KEY, next);
      else await secrets.remove(FOURCAT_SERVER_KEY);
    },
    async requestPermission(pattern) {
      try {
        return await browser.permissions.request({ origins: [pattern] });
      } catch {
        return false;
      }
    },
    async platforms(collectionId) {
      return platformFileSummaries(await getDb(), collectionId);
    },
    async download(collectionId, platform, origin) {
      const database = await getDb();
      const collection = await database.collections.get(collectionId);
      if (!collection) throw new Error('no such collection');
      const summaries = await platformFileSummaries(database, collectionId);
      const module = summaries.find((s) => s.platform === platform)?.module ?? platform;
      const filename = platformFileName(exportBaseName(collection), module, origin);
      download(await body(collectionId, platform, origin), filename);
      return filename;
    },
    async send(collectionId, platform, module, pseudonymise, onEvent, signal) {
      const settings = await server();
      if (!settings) return { ok: false, error: 'auth', detail: 'no 4CAT server configured' };
      return uploadTo4cat({
        server: settings,
        platform: module,
        body: await body(collectionId, platform, 'platform'),
        pseudonymise,
        onEvent,
        signal,
      });
    },
    async rawUsage() {
      return rawUsage(await getDb());
    },
    async follow(key, onEvent, signal) {
      const settings = await server();
      if (!settings) return { ok: false, error: 'auth', detail: 'no 4CAT server configured' };
      return followImport(key, { server: settings, onEvent, signal });
    },
  };
}
