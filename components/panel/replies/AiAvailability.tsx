/**
 * Settings → "AI drafts": whether Chrome's on-device model (Prompt API) can draft in German and in
 * English on this browser, and whether an endpoint is set up — asked with `availability()` only, so
 * nothing is downloaded and no session is created here. The endpoint itself is set up in Replies.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type BuiltInStatus, builtInStatus, languageModelApi } from '../../../core/replies/ai';
import { type MessageKey, t } from '../../i18n';

export const BUILTIN_LABEL: Record<BuiltInStatus, MessageKey> = {
  absent: 'aiBuiltInAbsent',
  unavailable: 'aiBuiltInUnavailable',
  downloadable: 'aiBuiltInDownloadable',
  downloading: 'aiBuiltInDownloadable',
  available: 'aiBuiltInAvailable',
};

export function AiAvailability({
  languageModel = (globalThis as { LanguageModel?: unknown }).LanguageModel,
  endpointConfigured,
}: {
  /** The page's `LanguageModel` global (tests pass a fake). */
  languageModel?: unknown;
  endpointConfigured: boolean | null;
}) {
  const status = useSignal<Record<'de' | 'en', BuiltInStatus> | null>(null);
  useEffect(() => {
    const api = languageModelApi({ LanguageModel: languageModel });
    let cancelled = false;
    void Promise.all([builtInStatus('de', api), builtInStatus('en', api)]).then(([de, en]) => {
      if (!cancelled) status.value = { de, en };
    });
    return () => {
      cancelled = true;
    };
  }, [languageModel, status]);
  return (
    <div class="ai-availability">
      <p>{t('aiBuiltInTitle')}</p>
      <ul>
        <li data-lang="de">
          {t('aiBuiltInStatus', 'Deutsch', status.value ? t(BUILTIN_LABEL[status.value.de]) : '…')}
        </li>
        <li data-lang="en">
          {t('aiBuiltInStatus', 'English', status.value ? t(BUILTIN_LABEL[status.value.en]) : '…')}
        </li>
      </ul>
      {endpointConfigured !== null && (
        <p class="note">{t(endpointConfigured ? 'aiEndpointSet' : 'aiEndpointNotSet')}</p>
      )}
      <p class="note">{t('aiSettingsWhere')}</p>
    </div>
  );
}
