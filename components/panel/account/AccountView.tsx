/**
 * The account view: for the profile on screen or any stored account — followers over time, the
 * engagement trend, cadence, best time, top posts, format and hashtag lift, each with its sample
 * size and its denominator; role buttons; published industry figures as context.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { StoredAccount } from '../../../core/model';
import { platformInfo } from '../../../core/platforms/registry';
import { accountReport } from '../../../core/reports/account';
import { accountKey } from '../../../core/scoring/maturity';
import type { Settings } from '../../../core/settings';
import { t } from '../../i18n';
import { accountLabel, Empty, ErrorNote, Loading } from '../common';
import type { AccountData, AccountRef, Loadable } from '../insight-source';
import type { PanelSource } from '../source';
import type { ViewProps } from '../view';
import { AccountHeader } from './AccountHeader';
import { AccountSections } from './AccountSections';
import { PlaceSection } from './PlaceSection';

/** The user's time zone: Settings, else the browser's. */
export function userTimeZone(settings: Loadable<Settings>): string {
  const chosen = settings.status === 'ready' ? settings.value.timeZone : null;
  return chosen ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}

/**
 * The account on the current tab: the profile it shows when its posts are on the page, else the
 * author of most posts on the page (a feed, or a profile whose header names the account differently
 * from its posts' permalinks); ties go to the post higher up the page.
 */
export function accountOnScreen(page: ViewProps['page']): AccountRef | null {
  if (page.status !== 'ready' || page.fallback) return null;
  const { platform, profileHandle } = page.tab;
  const authors = new Map<string, number>();
  for (const p of page.posts) if (p.authorKey) authors.set(p.authorKey, (authors.get(p.authorKey) ?? 0) + 1);
  if (profileHandle && (authors.size === 0 || authors.has(profileHandle.toLowerCase().replace(/^@/, ''))))
    return { platform, handle: profileHandle };
  let best: string | null = null;
  for (const [author, n] of authors) if (best === null || n > authors.get(best)!) best = author;
  return best === null ? null : { platform, handle: best };
}

const ROLE_ORDER = { own: 0, competitor: 1, watch: 2 } as const;
export const ROLE_LABEL = { own: 'roleOwn', competitor: 'roleCompetitor', watch: 'roleWatch' } as const;

/** Accounts for the picker: own first, then competitors, watched, the rest; each by last seen. */
function pickerOrder(accounts: readonly StoredAccount[]): StoredAccount[] {
  return [...accounts].sort(
    (a, b) =>
      (a.role ? ROLE_ORDER[a.role] : 3) - (b.role ? ROLE_ORDER[b.role] : 3) || b.lastSeen - a.lastSeen,
  );
}

const keyOf = (ref: AccountRef) => accountKey(ref.platform, ref.handle);

export function AccountView({ source, page }: ViewProps) {
  const accounts = useSignal<Loadable<StoredAccount[]>>({ status: 'loading' });
  const settings = useSignal<Loadable<Settings>>({ status: 'loading' });
  const chosen = useSignal<string | null>(null);
  useEffect(() => source.watchAccounts((s) => (accounts.value = s)), [source, accounts]);
  useEffect(() => source.watchSettings((s) => (settings.value = s)), [source, settings]);

  const state = accounts.value;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNote message={state.message} />;
  const onScreen = accountOnScreen(page);
  const list = pickerOrder(state.value);
  if (onScreen && !list.some((a) => keyOf(a) === keyOf(onScreen)))
    list.unshift({
      ...onScreen,
      name: null,
      role: null,
      followers: null,
      following: null,
      posts: null,
      lastSeen: 0,
    });
  if (list.length === 0) return <Empty>{t('accountEmpty')}</Empty>;
  const selectedKey = chosen.value ?? (onScreen ? keyOf(onScreen) : keyOf(list[0]!));
  const selected = list.find((a) => keyOf(a) === selectedKey) ?? list[0]!;
  return (
    <section aria-label={t('tabAccount')} class="view">
      <label class="field">
        <span>{t('accountPick')}</span>
        <select
          value={keyOf(selected)}
          onChange={(e) => (chosen.value = (e.currentTarget as HTMLSelectElement).value)}
        >
          {list.map((a) => (
            <option key={keyOf(a)} value={keyOf(a)}>
              {optionLabel(a, onScreen)}
            </option>
          ))}
        </select>
      </label>
      <AccountDetail
        key={keyOf(selected)}
        source={source}
        target={{ platform: selected.platform, handle: selected.handle }}
        timeZone={userTimeZone(settings.value)}
      />
    </section>
  );
}

function optionLabel(a: StoredAccount, onScreen: AccountRef | null): string {
  const parts = [accountLabel(a)];
  // A place's label is its name already.
  if (a.name && !platformInfo(a.platform)?.opaqueHandles) parts.push(a.name);
  if (a.role) parts.push(`(${t(ROLE_LABEL[a.role])})`);
  if (onScreen && keyOf(onScreen) === keyOf(a)) parts.push(`— ${t('onScreen')}`);
  return parts.join(' ');
}

/** One account's figures, live. */
export function AccountDetail(props: { source: PanelSource; target: AccountRef; timeZone: string }) {
  const { source, timeZone } = props;
  const { platform, handle } = props.target;
  // The caller builds `target` afresh on each render; the subscription follows the account, not the object.
  const ref = useMemo(() => ({ platform, handle }), [platform, handle]);
  const data = useSignal<Loadable<AccountData>>({ status: 'loading' });
  useEffect(() => source.watchAccount(ref, (s) => (data.value = s)), [source, ref, data]);
  const state = data.value;
  // Minutes are precise enough for "is it 24 h old yet", and keep the figures stable between renders.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const report = useMemo(() => {
    if (state.status !== 'ready') return null;
    try {
      return accountReport({ platform: ref.platform, ...state.value, now, timeZone });
    } catch (error) {
      return error as Error;
    }
  }, [state, timeZone, now, ref.platform]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNote message={state.message} />;
  if (report instanceof Error) return <ErrorNote message={report.message} />;
  const { account, posts, history, reviews } = state.value;
  return (
    <>
      <AccountHeader source={source} target={ref} account={account} />
      {platformInfo(ref.platform)?.opaqueHandles ? (
        <PlaceSection account={account} history={history} reviews={reviews} />
      ) : posts.length === 0 && history.length === 0 ? (
        <Empty>{t('accountNoPosts', accountLabel(ref))}</Empty>
      ) : (
        report && <AccountSections report={report} platform={ref.platform} timeZone={timeZone} />
      )}
    </>
  );
}
