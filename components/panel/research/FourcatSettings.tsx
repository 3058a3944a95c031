/**
 * The 4CAT server for "Send to 4CAT": its address and an access token (created in 4CAT under
 * "Access tokens"). Saving asks the browser for that one host's permission, in the click; the token
 * stays in this browser's extension storage, out of reach of web pages, and is sent to that server
 * only.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { RawUsage } from '../../../core/db/raw-items';
import { FourcatServer, normaliseServerUrl, serverPermission } from '../../../core/export/fourcat';
import { formatCount, t } from '../../i18n';
import type { FourcatSource } from './fourcat-source';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

export function FourcatSettings({
  fourcat,
  current,
  onChange,
}: {
  fourcat: FourcatSource;
  current: FourcatServer | null;
  onChange: (server: FourcatServer | null) => void;
}) {
  const url = useSignal(current?.url ?? '');
  const token = useSignal('');
  const status = useSignal<{ ok: boolean; text: string } | null>(null);
  const usage = useSignal<RawUsage | null>(null);
  // Open until a server is set; then the user's choice (saving must not fold away its own answer).
  const open = useSignal(current === null);
  useEffect(() => {
    url.value = current?.url ?? '';
  }, [current?.url, url]);
  useEffect(() => {
    void fourcat.rawUsage().then(
      (u) => (usage.value = u),
      () => {},
    );
  }, [fourcat, usage]);

  const save = async (event: Event) => {
    event.preventDefault();
    const origin = normaliseServerUrl(url.value);
    const parsed = FourcatServer.safeParse({
      url: origin ?? '',
      token: token.value.trim() || current?.token || '',
    });
    if (!origin || !parsed.success) {
      status.value = { ok: false, text: t(origin ? 'fourcatTokenMissing' : 'fourcatUrlInvalid') };
      return;
    }
    // Asked here, in the click, for this one host only.
    if (!(await fourcat.requestPermission(serverPermission(origin)))) {
      status.value = { ok: false, text: t('fourcatDenied', new URL(origin).host) };
      return;
    }
    await fourcat.saveServer(parsed.data);
    token.value = '';
    url.value = origin;
    status.value = { ok: true, text: t('saved') };
    onChange(parsed.data);
  };
  const remove = async () => {
    await fourcat.saveServer(null);
    status.value = { ok: true, text: t('fourcatRemoved') };
    onChange(null);
  };

  return (
    <details
      class="block fourcat-settings"
      open={open.value}
      onToggle={(e) => (open.value = (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <h2>{t('fourcatTitle')}</h2>
      </summary>
      <p class="note">{t('fourcatPrivacy')}</p>
      {usage.value && (
        <p class="muted raw-usage">
          {t('fourcatRawUsage', megabytes(usage.value.bytes), megabytes(usage.value.budgetBytes))}
          {usage.value.skipped > 0 && ` ${t('fourcatRawSkipped', formatCount(usage.value.skipped))}`}
        </p>
      )}
      <form onSubmit={(e) => void save(e)}>
        <label class="field">
          <span>{t('fourcatUrl')}</span>
          <input
            type="url"
            placeholder="https://4cat.example.org"
            value={url.value}
            onInput={(e) => (url.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('fourcatToken')}</span>
          <input
            type="password"
            autocomplete="off"
            placeholder={current ? t('fourcatTokenKept') : ''}
            value={token.value}
            onInput={(e) => (token.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            {t('fourcatSave')}
          </button>
          {current && (
            <button type="button" onClick={() => void remove()}>
              {t('fourcatRemove')}
            </button>
          )}
        </div>
      </form>
      {status.value && <p role={status.value.ok ? 'status' : 'alert'}>{status.value.text}</p>}
    </details>
  );
}
