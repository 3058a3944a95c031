/** What to tell the user when the local database cannot be used, by the error the worker or panel met. */
import { t } from '../i18n';

export function storageErrorMessage(error: unknown): string {
  const e = error as { name?: string; from?: number; to?: number; message?: string } | null;
  if (e?.name === 'UpgradeFailedError') return t('errorStorageUpgrade', e.from ?? '?', e.to ?? '?');
  if (e?.name === 'StorageUnavailableError') return t('errorStorageUnavailable');
  return String(e?.message ?? error);
}
