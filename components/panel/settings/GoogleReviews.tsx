/**
 * Settings → Google reviews. Off by default: switching it on asks the browser for Google's Maps hosts
 * (this click is the user gesture the browser needs), and only then does Resonanz read Maps place
 * pages. Switching it off gives the permission back.
 */
import { useSignal } from '@preact/signals';
import { t } from '../../i18n';

export interface GoogleReviewsProps {
  on: boolean;
  /** Asks the browser for Google's hosts; resolves to whether they were granted. */
  requestPermission: () => Promise<boolean>;
  removePermission: () => Promise<void>;
  save: (on: boolean) => Promise<void>;
}

export function GoogleReviews({ on, requestPermission, removePermission, save }: GoogleReviewsProps) {
  const status = useSignal<string | null>(null);
  const toggle = async () => {
    if (on) {
      await save(false);
      await removePermission();
      status.value = t('googleOff');
      return;
    }
    if (!(await requestPermission())) {
      status.value = t('googleDenied');
      return;
    }
    await save(true);
    status.value = t('googleOn');
  };
  return (
    <fieldset class="google-reviews">
      <legend>{t('googleReviews')}</legend>
      <p class="hint">{t('googleHint')}</p>
      <label class="field">
        <input type="checkbox" role="switch" checked={on} aria-checked={on} onChange={() => void toggle()} />{' '}
        <span>{t('googleSwitch')}</span>
      </label>
      {status.value && <p role="status">{status.value}</p>}
    </fieldset>
  );
}
