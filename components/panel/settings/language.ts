/** The UI language: the Settings override, else the browser's; kept on <html lang> for screen readers. */
import { useEffect } from 'preact/hooks';
import type { Settings } from '../../../core/settings';
import { browserLang, lang } from '../../i18n';
import type { InsightSource } from '../insight-source';

/** Applies a language choice to the `lang` signal and the document. */
export function applyLanguage(choice: Settings['language']): void {
  lang.value = choice === 'auto' ? browserLang() : choice;
  if (typeof document !== 'undefined') document.documentElement.lang = lang.value;
}

/** Follows the language setting for as long as the calling component is mounted. */
export function useLanguageSetting(source: Pick<InsightSource, 'watchSettings'>): void {
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = lang.value;
    return source.watchSettings((state) => {
      if (state.status === 'ready') applyLanguage(state.value.language);
    });
  }, [source]);
}
