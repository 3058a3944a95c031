/**
 * The brand voice: how drafts address people (Sie or du), emoji, a sign-off, phrases never to use,
 * the brand's name and the language for comments that are neither German nor English. Saved with the
 * other settings through the worker's `saveSettings` (validated whole). The Settings view can
 * include this section as it is.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { type BrandVoice, BrandVoiceSchema } from '../../../core/replies/voice';
import type { Settings } from '../../../core/settings';
import { t } from '../../i18n';
import type { CommandResult, PanelCommand } from '../insight-source';

interface Draft {
  address: BrandVoice['address'];
  emoji: boolean;
  signOff: string;
  neverSay: string;
  brandName: string;
  fallbackLanguage: 'de' | 'en';
}

function toDraft(voice: BrandVoice): Draft {
  return {
    address: voice.address,
    emoji: voice.emoji,
    signOff: voice.signOff ?? '',
    neverSay: voice.neverSay.join('\n'),
    brandName: voice.brandName ?? '',
    fallbackLanguage: voice.fallbackLanguage ?? 'en',
  };
}

/** The form's values as a brand voice (empty fields → null), or the reason it is not one. */
export function voiceFromForm(form: Draft): { ok: true; voice: BrandVoice } | { ok: false } {
  const parsed = BrandVoiceSchema.safeParse({
    address: form.address,
    emoji: form.emoji,
    signOff: form.signOff.trim() || null,
    neverSay: form.neverSay
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    brandName: form.brandName.trim() || null,
    fallbackLanguage: form.fallbackLanguage,
  });
  return parsed.success ? { ok: true, voice: parsed.data } : { ok: false };
}

export function VoiceSettings({
  settings,
  source,
}: {
  settings: Settings;
  source: { command(request: PanelCommand): Promise<CommandResult> };
}) {
  const form = useSignal<Draft>(toDraft(settings.voice));
  const status = useSignal<{ ok: boolean; text: string } | null>(null);
  const stored = JSON.stringify(settings.voice);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form is reset when the stored voice changes, not on every render
  useEffect(() => {
    form.value = toDraft(settings.voice);
  }, [stored]);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    form.value = { ...form.value, [key]: value };
    status.value = null;
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const result = voiceFromForm(form.value);
    if (!result.ok) {
      status.value = { ok: false, text: t('voiceInvalid') };
      return;
    }
    const answer = await source.command({
      type: 'saveSettings',
      settings: { ...settings, voice: result.voice },
    });
    status.value = answer.ok
      ? { ok: true, text: t('saved') }
      : { ok: false, text: t('commandFailed', answer.error) };
  };
  const f = form.value;
  return (
    <details class="block voice">
      <summary>
        <h2>{t('voiceTitle')}</h2>
      </summary>
      <form onSubmit={(e) => void save(e)}>
        <fieldset>
          <legend>{t('voiceAddress')}</legend>
          <label class="choice">
            <input
              type="radio"
              name="voice-address"
              value="sie"
              checked={f.address === 'sie'}
              onChange={() => set('address', 'sie')}
            />{' '}
            {t('voiceSie')}
          </label>
          <label class="choice">
            <input
              type="radio"
              name="voice-address"
              value="du"
              checked={f.address === 'du'}
              onChange={() => set('address', 'du')}
            />{' '}
            {t('voiceDu')}
          </label>
        </fieldset>
        <label class="choice">
          <input
            type="checkbox"
            checked={f.emoji}
            onChange={(e) => set('emoji', (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('voiceEmoji')}
        </label>
        <label class="field">
          <span>{t('voiceBrandName')}</span>
          <input
            type="text"
            maxLength={80}
            value={f.brandName}
            onInput={(e) => set('brandName', (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('voiceSignOff')}</span>
          <input
            type="text"
            maxLength={80}
            value={f.signOff}
            placeholder={t('voiceSignOffExample')}
            onInput={(e) => set('signOff', (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('voiceNeverSay')}</span>
          <textarea
            rows={3}
            value={f.neverSay}
            onInput={(e) => set('neverSay', (e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
        <label class="field">
          <span>{t('voiceFallback')}</span>
          <select
            value={f.fallbackLanguage}
            onChange={(e) =>
              set('fallbackLanguage', (e.currentTarget as HTMLSelectElement).value as 'de' | 'en')
            }
          >
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
        <button type="submit" class="primary">
          {t('voiceSave')}
        </button>
        <p class="status-line" role="status">
          {status.value?.ok ? status.value.text : ''}
        </p>
        {status.value && !status.value.ok && <p role="alert">{status.value.text}</p>}
      </form>
    </details>
  );
}
