/**
 * A set's members: remove any; add the account on screen with one click, a stored account, an author
 * seen on this page, or any handle typed in (on any platform).
 */
import { useSignal } from '@preact/signals';
import { type CompetitiveSet, PLATFORM_IDS, type PlatformId, type StoredAccount } from '../../../core/model';
import { accountKey } from '../../../core/scoring/maturity';
import { t } from '../../i18n';
import { accountLabel, PLATFORM_NAMES } from '../common';
import type { AccountRef } from '../insight-source';
import type { PanelSource } from '../source';
import type { ViewProps } from '../view';

/** The account the tab shows: its profile, or on a post page the post's author. */
export function pageAccount(page: ViewProps['page']): AccountRef | null {
  if (page.status !== 'ready' || page.fallback) return null;
  if (page.tab.profileHandle) return { platform: page.tab.platform, handle: page.tab.profileHandle };
  const first = page.posts[0];
  if (page.tab.kind === 'post' && first?.authorKey)
    return { platform: first.platform, handle: first.authorKey };
  return null;
}

/** Authors of the page's posts (feeds, searches), in page order, without duplicates. */
function pageAuthors(page: ViewProps['page']): AccountRef[] {
  if (page.status !== 'ready') return [];
  const seen = new Set<string>();
  const out: AccountRef[] = [];
  for (const p of page.posts) {
    if (!p.authorKey) continue;
    const key = accountKey(p.platform, p.authorKey);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ platform: p.platform, handle: p.authorKey });
  }
  return out;
}

export function Members(props: {
  source: PanelSource;
  set: CompetitiveSet;
  page: ViewProps['page'];
  accounts: readonly StoredAccount[];
}) {
  const { source, set } = props;
  const error = useSignal<string | null>(null);
  const pick = useSignal('');
  const platform = useSignal<PlatformId>('x');
  const handle = useSignal('');
  const inSet = new Set(set.members.map((m) => accountKey(m.platform, m.handle)));
  const keyOf = (r: AccountRef) => accountKey(r.platform, r.handle);

  const add = async (ref: AccountRef) => {
    const answer = await source.command({
      type: 'addSetMember',
      id: set.id,
      platform: ref.platform,
      handle: ref.handle,
    });
    error.value = answer.ok ? null : answer.error;
    return answer.ok;
  };
  const remove = async (ref: AccountRef) => {
    const answer = await source.command({
      type: 'removeSetMember',
      id: set.id,
      platform: ref.platform,
      handle: ref.handle,
    });
    error.value = answer.ok ? null : answer.error;
  };

  const onScreen = pageAccount(props.page);
  const candidates = [
    ...props.accounts.map((a) => ({ platform: a.platform, handle: a.handle })),
    ...pageAuthors(props.page),
  ].filter((r, i, all) => !inSet.has(keyOf(r)) && all.findIndex((o) => keyOf(o) === keyOf(r)) === i);
  const chosen = candidates.find((c) => keyOf(c) === pick.value) ?? candidates[0] ?? null;

  return (
    <div class="members">
      <h2 class="sr-only">{t('setMembersTitle')}</h2>
      {set.members.length > 0 && (
        <ul class="member-list" aria-label={t('setMembersTitle')}>
          {set.members.map((m) => (
            <li key={keyOf(m)}>
              <span>{accountLabel(m)}</span>
              <button
                type="button"
                class="small"
                onClick={() => remove(m)}
                aria-label={t('memberRemoveOf', accountLabel(m))}
              >
                {t('memberRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        {onScreen && !inSet.has(keyOf(onScreen)) && (
          <button type="button" class="primary" onClick={() => add(onScreen)}>
            {t('memberAddOnScreen', accountLabel(onScreen))}
          </button>
        )}
        {onScreen && inSet.has(keyOf(onScreen)) && (
          <span class="note">{t('memberOnScreenIn', accountLabel(onScreen))}</span>
        )}
      </div>
      {chosen && (
        <div class="row">
          <label class="field grow">
            <span>{t('memberAddKnown')}</span>
            <select
              value={keyOf(chosen)}
              onChange={(e) => (pick.value = (e.currentTarget as HTMLSelectElement).value)}
            >
              {candidates.map((c) => (
                <option key={keyOf(c)} value={keyOf(c)}>
                  {accountLabel(c)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => add(chosen)}>
            {t('memberAddSelected')}
          </button>
        </div>
      )}
      <form
        class="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const text = handle.value.trim().replace(/^@/, '');
          if (text && (await add({ platform: platform.value, handle: text }))) handle.value = '';
        }}
      >
        <label class="field">
          <span>{t('memberPlatform')}</span>
          <select
            value={platform.value}
            onChange={(e) => (platform.value = (e.currentTarget as HTMLSelectElement).value as PlatformId)}
          >
            {PLATFORM_IDS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
        <label class="field grow">
          <span>{t('memberHandle')}</span>
          <input
            type="text"
            value={handle.value}
            maxLength={200}
            placeholder="@"
            onInput={(e) => (handle.value = (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit">{t('memberAddHandle')}</button>
      </form>
      {error.value !== null && <p role="alert">{t('commandFailed', error.value)}</p>}
    </div>
  );
}
