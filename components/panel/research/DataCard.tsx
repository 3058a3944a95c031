/** Keeping and removing data: collection retention, backup, restore, erase everything. */
import { useSignal } from '@preact/signals';
import { formatCount, t } from '../../i18n';
import type { ResearchSource } from './research-source';

type Note = { kind: 'status' | 'alert'; text: string } | null;

export function DataCard({ research, retentionDays }: { research: ResearchSource; retentionDays: number }) {
  const days = useSignal<string | null>(null);
  const note = useSignal<Note>(null);
  const busy = useSignal(false);
  // Off by default: a backup with the keys would undo "Destroy pseudonym key" (PRIVACY.md).
  const withKeys = useSignal(false);
  const say = (kind: 'status' | 'alert', text: string) => {
    note.value = { kind, text };
  };

  const saveRetention = async (event: Event) => {
    event.preventDefault();
    const value = Number(days.value ?? retentionDays);
    if (!Number.isInteger(value) || value < 0) return;
    const answer = await research.setRetention(value);
    if (answer.ok) say('status', t('researchRetentionSaved', formatCount(answer.deleted ?? 0)));
    else say('alert', t('researchFailed', answer.error));
    days.value = null;
  };

  const backup = async () => {
    busy.value = true;
    const answer = await research.backup(
      (rows) => say('status', t('researchBackupProgress', formatCount(rows))),
      { includePseudonymKeys: withKeys.value },
    );
    busy.value = false;
    if (answer.ok)
      say('status', `${t('researchSaved', answer.filename ?? '')} (${formatCount(answer.rows ?? 0)})`);
    else say('alert', t('researchFailed', answer.error));
  };

  const restore = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    busy.value = true;
    say('status', t('researchRestoreProgress', 0));
    const answer = await research.restore(file, (fraction) =>
      say('status', t('researchRestoreProgress', Math.floor(fraction * 100))),
    );
    busy.value = false;
    if (answer.ok) say('status', t('researchRestoreDone', formatCount(answer.rows ?? 0)));
    else say('alert', t('researchRestoreFailed', answer.error));
  };

  return (
    <section class="block" aria-labelledby="h-data">
      <h2 id="h-data">{t('researchDataTitle')}</h2>
      <form class="retention" onSubmit={saveRetention}>
        <label for="research-retention">{t('researchRetention')}</label>
        <div class="row">
          <input
            id="research-retention"
            type="number"
            min={0}
            max={36500}
            step={1}
            value={days.value ?? String(retentionDays)}
            onInput={(e) => (days.value = (e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('researchSave')}</button>
        </div>
      </form>
      <div class="data-row">
        <button type="button" onClick={backup} disabled={busy.value}>
          {t('researchBackup')}
        </button>
        <label>
          <input
            type="checkbox"
            checked={withKeys.value}
            onChange={(e) => (withKeys.value = (e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('researchBackupKeys')}
        </label>
        <p class="muted">{t('researchBackupHint')}</p>
      </div>
      <div class="data-row">
        <label class="file-button">
          <span>{t('researchRestore')}</span>
          <input
            type="file"
            accept=".ndjson,.jsonl,application/x-ndjson"
            onChange={restore}
            disabled={busy.value}
          />
        </label>
        <p class="muted">{t('researchRestoreHint')}</p>
      </div>
      {/* One "Erase everything", in Settings: two buttons doing the same thing invited doubt about the difference. */}
      <p class="muted">{t('researchEraseInSettings')}</p>
      {note.value && (
        <p role={note.value.kind} aria-live="polite" class="data-note">
          {note.value.text}
        </p>
      )}
    </section>
  );
}
