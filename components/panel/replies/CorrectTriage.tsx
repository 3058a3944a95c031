/**
 * The small control under a queue item that lets the community manager say what the comment really
 * is. The correction is stored for the post's own account and the brand's on-device model learns
 * from it (core/replies/adapt.ts), so similar comments are sorted the same way from then on;
 * "automatic" takes the correction back.
 */
import { useSignal } from '@preact/signals';
import { CorrectionLabel } from '../../../core/replies/index';
import type { QueueItem as Item, QueueKind } from '../../../core/reports/replies';
import { type MessageKey, t } from '../../i18n';
import type { RepliesSource } from './replies-source';

const OPTIONS: [QueueKind, MessageKey][] = [
  ['urgent', 'replyKindUrgent'],
  ['complaint', 'replyKindComplaint'],
  ['question', 'replyKindQuestion'],
  ['purchase', 'replyKindPurchase'],
  ['praise', 'replyKindPraise'],
  ['other', 'replyKindOther'],
  ['spam', 'replyKindSpam'],
];

export function CorrectTriage({ item, source }: { item: Item; source: RepliesSource }) {
  const status = useSignal<{ text: string; ok: boolean } | null>(null);
  const { comment } = item;
  const choose = async (value: string) => {
    const label = CorrectionLabel.nullable().safeParse(value === '' ? null : value);
    if (!label.success) return;
    const answer = await source.command({
      type: 'correctTriage',
      platform: comment.platform,
      commentId: comment.id,
      account: comment.postAuthorKey,
      text: comment.text,
      label: label.data,
    });
    status.value = answer.ok
      ? { ok: true, text: t(label.data ? 'triageLearned' : 'triageReset') }
      : { ok: false, text: t('commandFailed', answer.error) };
  };
  return (
    <div class="triage-correct">
      <label>
        {t('triageLabel')}{' '}
        <select value={item.kind} onChange={(event) => void choose(event.currentTarget.value)}>
          {OPTIONS.map(([kind, key]) => (
            <option key={kind} value={kind}>
              {t(key)}
            </option>
          ))}
          <option value="">{t('triageAuto')}</option>
        </select>
      </label>
      {status.value && (
        <span class={status.value.ok ? 'muted' : 'failed'} role="status">
          {' '}
          {status.value.text}
        </span>
      )}
    </div>
  );
}
