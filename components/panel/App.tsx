/** The side panel: one tab per view (more arrive with later work), state in signals. */
import { useSignal, useSignalEffect } from '@preact/signals';
import { t } from '../i18n';
import { PageView } from './PageView';
import type { PageState, PanelSource } from './source';

export function App({ source }: { source: PanelSource }) {
  const page = useSignal<PageState>({ status: 'loading' });
  useSignalEffect(() => source.watchPage((state) => (page.value = state)));
  return (
    <div class="app">
      <header class="top">
        <h1>{t('extName')}</h1>
      </header>
      <main>
        <PageView state={page.value} source={source} />
      </main>
    </div>
  );
}
