/**
 * The comparison view: competitive sets (any mix of platforms) — create, rename, delete, add the
 * account on screen with one click, remove members — and for the chosen set and window a table of
 * followers, cadence, median engagement (one denominator for all rows), median interactions,
 * breakouts and share of voice, with charts and CSV / SVG / PNG export.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CompetitiveSet, StoredAccount } from '../../../core/model';
import type { Settings } from '../../../core/settings';
import { t } from '../../i18n';
import { Empty, ErrorNote, Loading } from '../common';
import type { Loadable } from '../insight-source';
import type { ViewProps } from '../view';
import { Members } from './Members';
import { SetReport } from './SetReport';
import { SetToolbar } from './SetToolbar';

export function CompareView({ source, page }: ViewProps) {
  const sets = useSignal<Loadable<CompetitiveSet[]>>({ status: 'loading' });
  const accounts = useSignal<Loadable<StoredAccount[]>>({ status: 'loading' });
  const settings = useSignal<Loadable<Settings>>({ status: 'loading' });
  const chosen = useSignal<string | null>(null);
  useEffect(() => source.watchSets((s) => (sets.value = s)), [source, sets]);
  useEffect(() => source.watchAccounts((s) => (accounts.value = s)), [source, accounts]);
  useEffect(() => source.watchSettings((s) => (settings.value = s)), [source, settings]);

  const state = sets.value;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNote message={state.message} />;
  const list = state.value;
  const selected = list.find((s) => s.id === chosen.value) ?? list.at(-1) ?? null;
  return (
    <section aria-label={t('tabCompare')} class="view">
      <SetToolbar source={source} sets={list} selected={selected} onSelect={(id) => (chosen.value = id)} />
      {selected === null ? (
        <Empty>{t('compareEmpty')}</Empty>
      ) : (
        <>
          <Members
            source={source}
            set={selected}
            page={page}
            accounts={accounts.value.status === 'ready' ? accounts.value.value : []}
          />
          {selected.members.length === 0 ? (
            <Empty>{t('compareNoMembers')}</Empty>
          ) : (
            <SetReport
              key={selected.id}
              source={source}
              set={selected}
              brandTerms={settings.value.status === 'ready' ? settings.value.value.brandTerms : []}
            />
          )}
        </>
      )}
    </section>
  );
}
