/**
 * The side panel: a tab bar (ARIA tabs, arrow keys move between them) over one view at a time.
 * Views are listed in `VIEWS`; each is a component of its own that reads what it needs from the
 * panel's data source.
 */
import { useSignal, useSignalEffect } from '@preact/signals';
import type { ComponentType } from 'preact';
import { type MessageKey, t } from '../i18n';
import { PageView } from './PageView';
import type { PageState, PanelSource } from './source';

export interface ViewProps {
  source: PanelSource;
  /** The current tab's page, live. */
  page: PageState;
}

interface View {
  id: string;
  label: MessageKey;
  component: ComponentType<ViewProps>;
}

/** The panel's views, in tab order. */
export const VIEWS: readonly View[] = [
  {
    id: 'page',
    label: 'tabPage',
    component: ({ page, source }) => <PageView state={page} source={source} />,
  },
];

export function App({ source }: { source: PanelSource }) {
  const page = useSignal<PageState>({ status: 'loading' });
  const active = useSignal(VIEWS[0]!.id);
  useSignalEffect(() => source.watchPage((state) => (page.value = state)));
  const onKey = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex((v) => v.id === active.value);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length]!;
    active.value = next.id;
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next.id}`)?.focus();
  };
  const view = VIEWS.find((v) => v.id === active.value) ?? VIEWS[0]!;
  const Current = view.component;
  return (
    <div class="app">
      <header class="top">
        <h1>{t('extName')}</h1>
        <div role="tablist" aria-label={t('extName')} class="tabs" onKeyDown={onKey}>
          {VIEWS.map((v) => (
            <button
              key={v.id}
              id={`tab-${v.id}`}
              type="button"
              role="tab"
              aria-selected={v.id === active.value}
              aria-controls={`panel-${v.id}`}
              tabIndex={v.id === active.value ? 0 : -1}
              onClick={() => (active.value = v.id)}
            >
              {t(v.label)}
            </button>
          ))}
        </div>
      </header>
      <main>
        <div id={`panel-${view.id}`} role="tabpanel" aria-labelledby={`tab-${view.id}`}>
          <Current source={source} page={page.value} />
        </div>
      </main>
    </div>
  );
}
