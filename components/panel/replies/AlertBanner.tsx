/**
 * Crisis alerts at the top of the side panel, whatever view is open: a sudden rise of negative
 * comments on an own post, or an own post spreading much faster than usual with negative replies
 * (core/worker/alerts.ts has the rules). Each can be dismissed (the privileged `dismissAlert`).
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { alertFigures } from '../../../core/reports/alerts';
import { formatNumber, t } from '../../i18n';
import { PLATFORM_NAMES } from '../common';
import { type AlertRow, browserReplies, type Loadable, type RepliesSource } from './replies-source';

type AlertSource = Pick<RepliesSource, 'watchAlerts' | 'command'>;

let shared: AlertSource | null = null;

export function AlertBanner({ source }: { source?: AlertSource }) {
  const alerts = useSignal<Loadable<AlertRow[]>>({ status: 'loading' });
  const failed = useSignal<string | null>(null);
  useEffect(() => {
    let active = source;
    if (!active) {
      try {
        shared ??= browserReplies();
        active = shared;
      } catch {
        return; // No extension context (a test without one): no banner.
      }
    }
    return active.watchAlerts((s) => (alerts.value = s));
  }, [source, alerts]);
  const state = alerts.value;
  if (state.status !== 'ready' || state.value.length === 0) return null;
  const dismiss = async (id: string) => {
    const answer = await (source ?? shared)?.command({ type: 'dismissAlert', id });
    failed.value = answer && !answer.ok ? t('commandFailed', answer.error) : null;
  };
  return (
    <div class="alerts">
      {state.value.map(({ alert, post }) => {
        const f = alertFigures(alert);
        const account = post?.authorKey ? `@${post.authorKey}` : '';
        const where = `${account} · ${PLATFORM_NAMES[alert.platform] ?? alert.platform}`;
        return (
          <div key={alert.id} class="banner warn alert-banner" role="alert" data-alert-kind={alert.kind}>
            <p>
              <strong>
                <span aria-hidden="true">⚠ </span>
                {alert.kind === 'negativeSurge' ? t('alertSurgeTitle') : t('alertSpreadTitle')}
              </strong>{' '}
              {alert.kind === 'negativeSurge'
                ? t('alertSurgeText', formatNumber(f.recent, 0), formatNumber(f.previousRate, 1), where)
                : t(
                    'alertSpreadText',
                    formatNumber(f.ratio, 1),
                    formatNumber(f.negative, 0),
                    formatNumber(f.total, 0),
                    where,
                  )}
            </p>
            {post?.text && <p class="alert-post">{post.text.slice(0, 140)}</p>}
            <div class="actions">
              {post?.url && (
                <a href={post.url} target="_blank" rel="noopener noreferrer">
                  {t('replyOpenPost')}
                </a>
              )}
              <button type="button" onClick={() => void dismiss(alert.id)}>
                {t('alertDismiss')}
              </button>
            </div>
          </div>
        );
      })}
      {failed.value && <p role="alert">{failed.value}</p>}
    </div>
  );
}
