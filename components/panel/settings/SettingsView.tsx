/**
 * Settings: which platforms are read and badged, own accounts, brand terms for mention share,
 * retention, language, time zone, and erasing everything (asked twice). Every change is sent whole
 * to the worker (`saveSettings`), which validates it before it reaches extension storage.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PLATFORM_IDS, type PlatformId, type StoredAccount } from '../../../core/model';
import { platformInfo } from '../../../core/platforms/registry';
import type { Settings } from '../../../core/settings';
import { instancePattern } from '../../../core/worker/instances';
import { originsOf } from '../../../core/worker/optional-platforms';
import { t } from '../../i18n';
import { accountLabel, ErrorNote, Loading, PLATFORM_NAMES, Section } from '../common';
import type { Loadable } from '../insight-source';
import { MastodonInstances } from '../MastodonInstances';
import { AiAvailability } from '../replies/AiAvailability';
import type { PanelSource } from '../source';
import type { ViewProps } from '../view';
import { GoogleReviews } from './GoogleReviews';

/** Time zones the browser knows (for the picker); a short list if it cannot say. */
function timeZones(): string[] {
  const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['UTC', 'Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'];
}

export function SettingsView({ source }: ViewProps) {
  const settings = useSignal<Loadable<Settings>>({ status: 'loading' });
  const accounts = useSignal<Loadable<StoredAccount[]>>({ status: 'loading' });
  const status = useSignal<{ ok: boolean; text: string } | null>(null);
  const pending = useRef<Settings | null>(null);
  useEffect(() => source.watchSettings((s) => (settings.value = s)), [source, settings]);
  useEffect(() => source.watchAccounts((s) => (accounts.value = s)), [source, accounts]);

  const state = settings.value;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNote message={state.message} />;
  // Two quick changes must not undo each other: each builds on the last one sent, not on what storage
  // has echoed back so far.
  const current = pending.current ?? state.value;
  const save = async (next: Settings) => {
    pending.current = next;
    const answer = await source.command({ type: 'saveSettings', settings: next });
    if (pending.current === next) pending.current = null;
    status.value = answer.ok
      ? { ok: true, text: t('saved') }
      : { ok: false, text: t('commandFailed', answer.error) };
  };
  const own = accounts.value.status === 'ready' ? accounts.value.value.filter((a) => a.role === 'own') : [];

  return (
    <section aria-label={t('tabSettings')} class="view settings">
      <p class="status-line" role="status">
        {status.value?.ok ? status.value.text : ''}
      </p>
      {status.value && !status.value.ok && <p role="alert">{status.value.text}</p>}

      <Section id="platforms" title={t('secPlatforms')}>
        <label class="check">
          <input
            type="checkbox"
            checked={current.badges}
            onChange={(e) => save({ ...current, badges: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('badgesGlobal')}
        </label>
        <table class="settings-table">
          <caption class="sr-only">{t('secPlatforms')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colPlatform')}</th>
              <th scope="col">{t('colRead')}</th>
              <th scope="col">{t('colBadges')}</th>
            </tr>
          </thead>
          <tbody>
            {PLATFORM_IDS.filter((p) => !platformInfo(p)?.optional).map((p) => (
              <PlatformRow key={p} platform={p} settings={current} save={save} />
            ))}
          </tbody>
        </table>
        <p class="note">{t('platformsNote')}</p>
      </Section>

      <Section id="own" title={t('secOwnAccounts')}>
        {own.length === 0 ? (
          <p class="note">{t('ownNone')}</p>
        ) : (
          <ul class="member-list">
            {own.map((a) => (
              <li key={`${a.platform}:${a.handle}`}>
                <span>{accountLabel(a)}</span>
                <OwnRemove source={source} account={a} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="brand" title={t('secBrandTerms')}>
        <BrandTerms settings={current} save={save} />
      </Section>

      <Section id="general" title={t('secGeneral')}>
        <label class="field">
          <span>{t('languagePick')}</span>
          <select
            value={current.language}
            onChange={(e) =>
              save({
                ...current,
                language: (e.currentTarget as HTMLSelectElement).value as Settings['language'],
              })
            }
          >
            <option value="auto">{t('languageAuto')}</option>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
        <label class="field">
          <span>{t('timeZonePick')}</span>
          <select
            value={current.timeZone ?? ''}
            onChange={(e) => {
              const value = (e.currentTarget as HTMLSelectElement).value;
              save({ ...current, timeZone: value === '' ? null : value });
            }}
          >
            <option value="">
              {t('timeZoneAuto', Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC')}
            </option>
            {timeZones().map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        <Retention settings={current} save={save} />
      </Section>

      <Section id="mastodon" title={t('mastodonInstances')}>
        <MastodonInstances
          instances={current.mastodonInstances}
          requestPermission={(host) => browser.permissions.request({ origins: [instancePattern(host)] })}
          removePermission={async (host) => {
            await browser.permissions.remove({ origins: [instancePattern(host)] });
          }}
          save={(hosts) => save({ ...current, mastodonInstances: hosts })}
        />
      </Section>

      <Section id="google" title={t('googleReviews')}>
        <GoogleReviews
          on={current.platforms.google === true}
          requestPermission={() => browser.permissions.request({ origins: googleOrigins() })}
          removePermission={async () => {
            await browser.permissions.remove({ origins: googleOrigins() });
          }}
          save={(on) => save({ ...current, platforms: { ...current.platforms, google: on } })}
        />
      </Section>

      <Section id="ai" title={t('aiTitle')}>
        <AiAvailability endpointConfigured={null} />
      </Section>

      <Section id="erase" title={t('secErase')}>
        <Erase source={source} />
      </Section>
    </section>
  );
}

function googleOrigins(): string[] {
  const google = platformInfo('google');
  return google ? originsOf(google) : [];
}

function PlatformRow(props: { platform: PlatformId; settings: Settings; save: (s: Settings) => void }) {
  const { platform: p, settings: s, save } = props;
  const read = s.platforms[p] !== false;
  const badges = s.badgesPerPlatform[p] !== false;
  const name = PLATFORM_NAMES[p] ?? p;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <input
          type="checkbox"
          checked={read}
          aria-label={t('readOn', name)}
          onChange={(e) =>
            save({ ...s, platforms: { ...s.platforms, [p]: (e.currentTarget as HTMLInputElement).checked } })
          }
        />
      </td>
      <td>
        <input
          type="checkbox"
          checked={badges}
          disabled={!s.badges || !read}
          aria-label={t('badgesOn', name)}
          onChange={(e) =>
            save({
              ...s,
              badgesPerPlatform: {
                ...s.badgesPerPlatform,
                [p]: (e.currentTarget as HTMLInputElement).checked,
              },
            })
          }
        />
      </td>
    </tr>
  );
}

function OwnRemove({ source, account }: { source: PanelSource; account: StoredAccount }) {
  return (
    <button
      type="button"
      class="small"
      aria-label={t('ownRemoveOf', accountLabel(account))}
      onClick={() =>
        source.command({
          type: 'setAccountRole',
          platform: account.platform,
          handle: account.handle,
          role: null,
        })
      }
    >
      {t('ownRemove')}
    </button>
  );
}

function BrandTerms({ settings, save }: { settings: Settings; save: (s: Settings) => void }) {
  const draft = useSignal('');
  const add = (e: Event) => {
    e.preventDefault();
    const term = draft.value.trim();
    if (!term || settings.brandTerms.some((b) => b.toLowerCase() === term.toLowerCase())) return;
    save({ ...settings, brandTerms: [...settings.brandTerms, term] });
    draft.value = '';
  };
  return (
    <>
      <p class="note">{t('brandTermsNote')}</p>
      {settings.brandTerms.length > 0 && (
        <ul class="member-list">
          {settings.brandTerms.map((term) => (
            <li key={term}>
              <span>{term}</span>
              <button
                type="button"
                class="small"
                aria-label={t('brandTermRemoveOf', term)}
                onClick={() =>
                  save({ ...settings, brandTerms: settings.brandTerms.filter((b) => b !== term) })
                }
              >
                {t('memberRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={add}>
        <label class="field grow">
          <span>{t('brandTermNew')}</span>
          <input
            type="text"
            maxLength={100}
            value={draft.value}
            onInput={(e) => (draft.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={settings.brandTerms.length >= 50}>
          {t('brandTermAdd')}
        </button>
      </form>
    </>
  );
}

function Retention({ settings, save }: { settings: Settings; save: (s: Settings) => void }) {
  const invalid = useSignal(false);
  return (
    <label class="field">
      <span>{t('retentionPick')}</span>
      <input
        type="number"
        min={0}
        max={3650}
        step={1}
        value={settings.retentionDays}
        aria-invalid={invalid.value}
        aria-describedby="retention-hint"
        onChange={(e) => {
          const value = Number((e.currentTarget as HTMLInputElement).value);
          invalid.value = !(Number.isInteger(value) && value >= 0 && value <= 3650);
          if (!invalid.value) save({ ...settings, retentionDays: value });
        }}
      />
      <small id="retention-hint">{invalid.value ? t('retentionInvalid') : t('retentionNote')}</small>
    </label>
  );
}

function Erase({ source }: { source: PanelSource }) {
  const step = useSignal<'idle' | 'confirm' | 'done' | 'failed'>('idle');
  const error = useSignal('');
  const erase = async () => {
    const answer = await source.command({ type: 'eraseAll', confirm: 'erase' });
    step.value = answer.ok ? 'done' : 'failed';
    if (!answer.ok) error.value = answer.error;
  };
  return (
    <div>
      <p class="note">{t('eraseNote')}</p>
      {step.value === 'confirm' ? (
        <fieldset class="confirm">
          <legend>
            <strong>{t('eraseConfirm')}</strong>
          </legend>
          <button type="button" class="danger" onClick={erase}>
            {t('eraseYes')}
          </button>
          <button type="button" onClick={() => (step.value = 'idle')}>
            {t('cancel')}
          </button>
        </fieldset>
      ) : (
        <button type="button" class="danger" onClick={() => (step.value = 'confirm')}>
          {t('eraseStart')}
        </button>
      )}
      {step.value === 'done' && <p role="status">{t('eraseDone')}</p>}
      {step.value === 'failed' && <p role="alert">{t('commandFailed', error.value)}</p>}
    </div>
  );
}
