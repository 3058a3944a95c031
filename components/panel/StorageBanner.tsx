/**
 * Storage trouble, said plainly above every view: capture paused because the disk is full (why, that
 * nothing stored is lost, what to free, and a "try again" that asks the worker to resume), or a
 * warning once the browser reports storage ≥ 80 % used.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CAPTURE_PAUSED_KEY, CapturePaused } from '../../core/capture-pause';
import { formatPercent, lang, t } from '../i18n';
import { sendToWorker } from './insight-source';

/** Where the banner's facts come from (tests pass a fake). */
export interface StorageBannerSource {
  /** Calls `onChange` with whether capture is paused, now and on every change; returns a stop function. */
  watchPaused(onChange: (paused: boolean) => void): () => void;
  /** Bytes used and available to the extension, when the browser says. */
  estimate(): Promise<{ usage: number; quota: number } | null>;
  /** Asks the worker to resume capture; true when it accepted. */
  resume(): Promise<boolean>;
}

/** Share of the quota from which the banner warns. */
export const NEARLY_FULL = 0.8;

export function browserStorageSource(): StorageBannerSource {
  return {
    watchPaused(onChange) {
      const isPaused = (value: unknown) => CapturePaused.safeParse(value).success;
      void browser.storage.local
        .get(CAPTURE_PAUSED_KEY)
        .then((stored) => onChange(isPaused(stored[CAPTURE_PAUSED_KEY])))
        .catch(() => {});
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        const change = changes[CAPTURE_PAUSED_KEY];
        if (area === 'local' && change) onChange(isPaused(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    async estimate() {
      const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => null);
      return estimate?.quota ? { usage: estimate.usage ?? 0, quota: estimate.quota } : null;
    },
    async resume() {
      return (await sendToWorker({ type: 'resumeCapture' })).ok;
    },
  };
}

/** "1,2 GB", "850 MB" in the UI language. */
function bytes(n: number): string {
  const [value, unit] = n >= 1e9 ? [n / 1e9, 'gigabyte'] : [n / 1e6, 'megabyte'];
  return new Intl.NumberFormat(lang.value, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function StorageBanner({ source }: { source?: StorageBannerSource }) {
  const from = useMemo(() => source ?? browserStorageSource(), [source]);
  const paused = useSignal(false);
  const usage = useSignal<{ usage: number; quota: number } | null>(null);
  const trying = useSignal(false);
  /** Set when the user tried to resume: a pause that comes back means the space is still short. */
  const tried = useSignal(false);
  // Signals are stable objects: listing them changes nothing but keeps the hook rule honest.
  useEffect(
    () =>
      from.watchPaused((value) => {
        paused.value = value;
        void from.estimate().then((e) => {
          usage.value = e;
        });
      }),
    [from, paused, usage],
  );
  useEffect(() => {
    void from.estimate().then((e) => {
      usage.value = e;
    });
  }, [from, usage]);

  if (paused.value) {
    const resume = async () => {
      trying.value = true;
      tried.value = false;
      const ok = await from.resume();
      trying.value = false;
      tried.value = true;
      if (!ok) paused.value = true;
    };
    return (
      <div class="banner warn storage-banner" role="alert">
        <p>{t('storagePaused')}</p>
        <p>{t('storagePausedHelp')}</p>
        {tried.value && !trying.value && <p>{t('storageStillFull')}</p>}
        <button type="button" onClick={resume} disabled={trying.value}>
          {trying.value ? t('storageTrying') : t('storageTryAgain')}
        </button>
      </div>
    );
  }
  const e = usage.value;
  if (e && e.quota > 0 && e.usage / e.quota >= NEARLY_FULL) {
    return (
      <p class="banner warn storage-banner" role="status">
        {t('storageNearlyFull', formatPercent((e.usage / e.quota) * 100, 0), bytes(e.usage), bytes(e.quota))}
      </p>
    );
  }
  return null;
}
