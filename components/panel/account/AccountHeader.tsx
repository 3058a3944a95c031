/** The account's name, follower count and role buttons (own / competitor / watch). */
import { useSignal } from '@preact/signals';
import type { AccountRole, StoredAccount } from '../../../core/model';
import { platformInfo } from '../../../core/platforms/registry';
import { formatCount, t } from '../../i18n';
import { accountLabel } from '../common';
import type { AccountRef } from '../insight-source';
import type { PanelSource } from '../source';

const ROLES: readonly { role: AccountRole; label: 'roleOwn' | 'roleCompetitor' | 'roleWatch' }[] = [
  { role: 'own', label: 'roleOwn' },
  { role: 'competitor', label: 'roleCompetitor' },
  { role: 'watch', label: 'roleWatch' },
];

export function AccountHeader(props: {
  source: PanelSource;
  target: AccountRef;
  account: StoredAccount | null;
}) {
  const { source, target, account } = props;
  const failed = useSignal<string | null>(null);
  const busy = useSignal(false);
  const current = account?.role ?? null;
  const setRole = async (role: AccountRole) => {
    busy.value = true;
    const next = current === role ? null : role;
    const answer = await source.command({
      type: 'setAccountRole',
      platform: target.platform,
      handle: target.handle,
      role: next,
    });
    busy.value = false;
    failed.value = answer.ok ? null : answer.error;
  };
  return (
    <div class="account-head">
      <p class="account-name">
        <strong>{account?.name ?? `@${target.handle}`}</strong>{' '}
        <span class="muted">{accountLabel(target)}</span>
        {/* A place (Google reviews) has reviews, not followers: its figures follow below. */}
        {!platformInfo(target.platform)?.opaqueHandles && (
          <>
            <br />
            <span>{t('followersCount', formatCount(account?.followers ?? null))}</span>
          </>
        )}
      </p>
      <fieldset class="roles">
        <legend class="sr-only">{t('roleGroup')}</legend>
        {ROLES.map(({ role, label }) => (
          <button
            key={role}
            type="button"
            aria-pressed={current === role}
            disabled={busy.value}
            onClick={() => setRole(role)}
          >
            {current === role && <span aria-hidden="true">✓ </span>}
            {t(label)}
          </button>
        ))}
      </fieldset>
      {failed.value && <p role="alert">{t('commandFailed', failed.value)}</p>}
    </div>
  );
}
