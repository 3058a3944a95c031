/**
 * Optional AI drafting. Nothing is sent anywhere unless the user sets an endpoint here and then
 * clicks "Draft with my AI endpoint" on a comment. Saving asks the browser for that host's permission
 * at that moment; the key stays in this browser's local extension storage (not synced, not in
 * backups or exports). Chrome's built-in model, when the browser has one, runs on this machine.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { AiEndpoint, endpointPermission } from '../../../core/replies/ai-endpoint';
import { t } from '../../i18n';
import { BUILTIN_LABEL } from './AiAvailability';
import type { BuiltInByLang } from './QueueItem';
import type { Loadable, RepliesSource } from './replies-source';

export function AiSettings({
  source,
  builtIn,
  endpoint,
}: {
  source: RepliesSource;
  builtIn: BuiltInByLang;
  endpoint: Loadable<AiEndpoint | null>;
}) {
  const current = endpoint.status === 'ready' ? endpoint.value : null;
  const baseUrl = useSignal(current?.baseUrl ?? '');
  const model = useSignal(current?.model ?? '');
  const apiKey = useSignal('');
  const status = useSignal<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    baseUrl.value = current?.baseUrl ?? '';
    model.value = current?.model ?? '';
  }, [current?.baseUrl, current?.model, baseUrl, model]);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = AiEndpoint.safeParse({
      baseUrl: baseUrl.value,
      model: model.value,
      // An empty key field keeps the stored key.
      apiKey: apiKey.value.trim() || current?.apiKey || '',
    });
    if (!parsed.success) {
      status.value = { ok: false, text: t('aiEndpointInvalid') };
      return;
    }
    // Asked here, in the click, for this one host only.
    const granted = await source.requestPermission(endpointPermission(parsed.data.baseUrl));
    if (!granted) {
      status.value = { ok: false, text: t('aiEndpointDenied', new URL(parsed.data.baseUrl).host) };
      return;
    }
    const answer = await source.command({ type: 'saveAiEndpoint', endpoint: parsed.data });
    apiKey.value = '';
    status.value = answer.ok
      ? { ok: true, text: t('saved') }
      : { ok: false, text: t('commandFailed', answer.error) };
  };
  const remove = async () => {
    const answer = await source.command({ type: 'saveAiEndpoint', endpoint: null });
    status.value = answer.ok
      ? { ok: true, text: t('aiEndpointRemoved') }
      : { ok: false, text: t('commandFailed', answer.error) };
  };

  return (
    <details class="block ai">
      <summary>
        <h2>{t('aiTitle')}</h2>
      </summary>
      <p class="note">{t('aiPrivacy')}</p>
      <h3>{t('aiBuiltInTitle')}</h3>
      <p>
        {t('aiBuiltInStatus', 'Deutsch', t(BUILTIN_LABEL[builtIn.de] ?? 'aiBuiltInAbsent'))}
        <br />
        {t('aiBuiltInStatus', 'English', t(BUILTIN_LABEL[builtIn.en] ?? 'aiBuiltInAbsent'))}
      </p>
      <h3>{t('aiEndpointTitle')}</h3>
      <form onSubmit={(e) => void save(e)}>
        <label class="field">
          <span>{t('aiEndpointBase')}</span>
          <input
            type="url"
            placeholder="https://api.example.com/v1"
            value={baseUrl.value}
            onInput={(e) => (baseUrl.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('aiEndpointModel')}</span>
          <input
            type="text"
            value={model.value}
            onInput={(e) => (model.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('aiEndpointKey')}</span>
          <input
            type="password"
            autocomplete="off"
            placeholder={current?.apiKey ? t('aiEndpointKeyKept') : ''}
            value={apiKey.value}
            onInput={(e) => (apiKey.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <p class="note">{t('aiEndpointKeyNote')}</p>
        <div class="actions">
          <button type="submit" class="primary">
            {t('aiEndpointSave')}
          </button>
          {current && (
            <button type="button" onClick={() => void remove()}>
              {t('aiEndpointRemove')}
            </button>
          )}
        </div>
        <p class="status-line" role="status">
          {status.value?.ok ? status.value.text : ''}
        </p>
        {status.value && !status.value.ok && <p role="alert">{status.value.text}</p>}
      </form>
    </details>
  );
}
