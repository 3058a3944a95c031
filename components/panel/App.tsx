/**
 * The side panel: a tab bar (ARIA tabs, arrow keys move between them) over one view at a time.
 * Views are listed in `VIEWS`; each is a component of its own that reads what it needs from the
 * panel's data source.
 */
import { useSignal, useSignalEffect } from '@preact/signals';
import type { ComponentType } from 'preact';
import { type MessageKey, t } from '../i18n';
import { lazyView } from './lazy';
import { PageView } from './PageView';
import { AlertBanner } from './replies/AlertBanner';
import { StorageBanner } from './StorageBanner';
import { useLanguageSetting } from './settings/language';
import { SettingsView } from './settings/SettingsView';
import type { PageState, PanelSource } from './source';

import type { ViewProps } from './view';

export type { ViewProps };

interface View {
  id: string;
  label: MessageKey;
  /** Shown instead of the label in a narrow panel, so the tab bar stays on one line at 360 px. */
  icon?: string;
  component: ComponentType<ViewProps>;
}

/** The panel's views, in tab order. */
export const VIEWS: readonly View[] = [
  {
    id: 'page',
    label: 'tabPage',
    component: ({ page, source }) => <PageView state={page} source={source} />,
  },
  // Account and Compare load their code (and uPlot) on first use: the first view never waits for them.
  {
    id: 'account',
    label: 'tabAccount',
    component: lazyView(() => import('./account/AccountView').then((m) => m.AccountView)),
  },
  {
    id: 'compare',
    label: 'tabCompare',
    component: lazyView(() => import('./compare/CompareView').then((m) => m.CompareView)),
  },
  // Replies loads the reply engine (lexicons, ~600 KB) on first use.
  {
    id: 'replies',
    label: 'tabReplies',
    component: lazyView(() => import('./replies/RepliesView').then((m) => m.RepliesTab)),
  },
  {
    id: 'research',
    label: 'tabResearch',
    component: lazyView(() =>
      import('./research/ResearchView').then(({ ResearchView }) => () => <ResearchView />),
    ),
  },
  { id: 'settings', label: 'tabSettings', icon: '⚙\uFE0E', component: SettingsView },
];

export function App({ source }: { source: PanelSource }) {
  const page = useSignal<PageState>({ status: 'loading' });
  const active = useSignal(VIEWS[0]!.id);
  useLanguageSetting(source);
  useSignalEffect(() => source.watchPage((state) => (page.value = state)));
  const onKey = (event: KeyboardEvent) => {
    const index = VIEWS.findIndex((v) => v.id === active.value);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const edge = event.key === 'Home' ? 0 : event.key === 'End' ? VIEWS.length - 1 : null;
    if (!step && edge === null) return;
    event.preventDefault();
    const next = edge !== null ? VIEWS[edge]! : VIEWS[(index + step + VIEWS.length) % VIEWS.length]!;
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
              aria-label={v.icon ? t(v.label) : undefined}
              title={v.icon ? t(v.label) : undefined}
            >
              {v.icon && (
                <span class="tab-icon" aria-hidden="true">
                  {v.icon}
                </span>
              )}
              <span class={v.icon ? 'tab-label with-icon' : 'tab-label'}>{t(v.label)}</span>
            </button>
          ))}
        </div>
      </header>
      <main>
        <StorageBanner />
        <AlertBanner />
        <div id={`panel-${view.id}`} role="tabpanel" aria-labelledby={`tab-${view.id}`}>
          <Current source={source} page={page.value} />
        </div>
      </main>
    </div>
  );
}
