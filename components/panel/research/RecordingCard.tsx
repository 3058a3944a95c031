/** Start a named recording with its notes, or — while one records — what it has caught so far, live. */
import { useSignal } from '@preact/signals';
import { formatCount, t } from '../../i18n';
import { formatDateTime } from './format';
import { useCounts } from './hooks';
import type { CollectionRow, ResearchSource } from './research-source';

/** The notes as one text (the collection keeps free-text notes; the codebook prints them). */
export function composeNotes(fields: { question: string; query: string; who: string }): string {
  return [
    [t('researchQuestion'), fields.question],
    [t('researchQuery'), fields.query],
    [t('researchWho'), fields.who],
  ]
    .filter(([, value]) => value?.trim())
    .map(([label, value]) => `${label}: ${value?.trim()}`)
    .join('\n');
}

export function RecordingCard({
  research,
  recording,
}: {
  research: ResearchSource;
  recording: CollectionRow | null;
}) {
  return (
    <section class="block research-recording" aria-labelledby="h-recording">
      <h2 id="h-recording">{t('researchRecordingTitle')}</h2>
      {recording ? <Recording research={research} row={recording} /> : <StartForm research={research} />}
    </section>
  );
}

function Recording({ research, row }: { research: ResearchSource; row: CollectionRow }) {
  const counts = useCounts(research, row.collection.id);
  const error = useSignal<string | null>(null);
  const stop = async () => {
    const answer = await research.stop(row.collection.id);
    error.value = answer.ok ? null : answer.error;
  };
  return (
    <div class="rec-live">
      <p class="rec-indicator" role="status">
        <span class="rec-dot" aria-hidden="true" />
        <strong>{t('researchRecordingNow', row.collection.name)}</strong>
      </p>
      <p class="rec-count" aria-live="polite" data-testid="rec-count">
        {counts
          ? t(
              'researchItemsCount',
              formatCount(counts.total),
              formatCount(counts.post),
              formatCount(counts.comment),
              formatCount(counts.profile),
            )
          : t('loading')}
      </p>
      <p class="muted">{t('researchSince', formatDateTime(row.collection.startedAt))}</p>
      <button type="button" class="danger" onClick={stop}>
        {t('researchStop')}
      </button>
      {error.value && <p role="alert">{t('researchFailed', error.value)}</p>}
    </div>
  );
}

function StartForm({ research }: { research: ResearchSource }) {
  const name = useSignal('');
  const question = useSignal('');
  const query = useSignal('');
  const who = useSignal('');
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!name.value.trim() || busy.value) return;
    busy.value = true;
    const answer = await research.start(
      name.value.trim(),
      composeNotes({ question: question.value, query: query.value, who: who.value }),
    );
    busy.value = false;
    error.value = answer.ok ? null : answer.error;
    if (answer.ok) name.value = question.value = query.value = who.value = '';
  };
  const field = (label: string, value: typeof name, multiline = false, required = false) =>
    multiline ? (
      <label class="field">
        <span>{label}</span>
        <textarea
          rows={2}
          value={value.value}
          onInput={(e) => (value.value = (e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
    ) : (
      <label class="field">
        <span>{label}</span>
        <input
          type="text"
          required={required}
          maxLength={200}
          value={value.value}
          onInput={(e) => (value.value = (e.currentTarget as HTMLInputElement).value)}
        />
      </label>
    );
  return (
    <form class="research-start" onSubmit={submit}>
      {field(t('researchName'), name, false, true)}
      {field(t('researchQuestion'), question, true)}
      {field(t('researchQuery'), query, true)}
      {field(t('researchWho'), who)}
      <p class="muted">{t('researchStartHint')}</p>
      <button type="submit" class="rec-start" disabled={busy.value || !name.value.trim()}>
        <span class="rec-dot" aria-hidden="true" /> {t('researchStart')}
      </button>
      {error.value && <p role="alert">{t('researchFailed', error.value)}</p>}
    </form>
  );
}
