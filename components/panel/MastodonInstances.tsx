/**
 * Settings → Mastodon instances: the user adds an instance by name; the browser asks for that one
 * host's permission (this click is the user gesture it needs), and only then is it enabled.
 */
import { useSignal } from '@preact/signals';
import { InstanceHost } from '../../core/worker/instances';
import { t } from '../i18n';

export interface MastodonInstancesProps {
  instances: readonly string[];
  /** Asks the browser for the host permission; resolves to whether it was granted. */
  requestPermission: (host: string) => Promise<boolean>;
  removePermission: (host: string) => Promise<void>;
  /** Saves the new list of instances (settings). */
  save: (hosts: string[]) => Promise<void>;
}

export function MastodonInstances({
  instances,
  requestPermission,
  removePermission,
  save,
}: MastodonInstancesProps) {
  const input = useSignal('');
  const status = useSignal<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    const parsed = InstanceHost.safeParse(input.value);
    if (!parsed.success) {
      status.value = t('mastodonInvalid');
      return;
    }
    const host = parsed.data;
    if (instances.includes(host)) {
      status.value = t('mastodonAlready', host);
      return;
    }
    if (!(await requestPermission(host))) {
      status.value = t('mastodonDenied', host);
      return;
    }
    await save([...instances, host]);
    input.value = '';
    status.value = t('mastodonAdded', host);
  };
  const remove = async (host: string) => {
    await save(instances.filter((h) => h !== host));
    await removePermission(host);
    status.value = t('mastodonRemoved', host);
  };
  return (
    <fieldset class="mastodon-instances">
      <legend>{t('mastodonInstances')}</legend>
      <p class="hint">{t('mastodonHint')}</p>
      {instances.length > 0 && (
        <ul>
          {instances.map((host) => (
            <li key={host}>
              <span>{host}</span>{' '}
              <button type="button" onClick={() => remove(host)} aria-label={t('mastodonRemove', host)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label>
          {t('mastodonAddLabel')}{' '}
          <input
            type="text"
            inputMode="url"
            placeholder="social.example.de"
            value={input.value}
            onInput={(e) => (input.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>{' '}
        <button type="submit">{t('mastodonAdd')}</button>
      </form>
      {status.value && <p role="status">{status.value}</p>}
    </fieldset>
  );
}
