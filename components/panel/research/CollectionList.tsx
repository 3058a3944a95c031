/** The collections, newest first: period, live counts, and export, delete and destroy-key actions. */
import { useSignal } from '@preact/signals';
import { formatCount, t } from '../../i18n';
import { ExportForm } from './ExportForm';
import { FourcatExport } from './FourcatExport';
import { formatDateTime } from './format';
import type { FourcatSource } from './fourcat-source';
import { useCounts } from './hooks';
import type { CollectionRow, ResearchSource } from './research-source';

export function CollectionList({
  research,
  rows,
  fourcat,
  fourcatConfigured,
}: {
  research: ResearchSource;
  rows: CollectionRow[];
  fourcat: FourcatSource;
  fourcatConfigured: boolean;
}) {
  const open = useSignal<string | null>(null);
  const forFourcat = useSignal<string | null>(null);
  return (
    <section class="block" aria-labelledby="h-collections">
      <h2 id="h-collections">{t('researchCollections')}</h2>
      {rows.length === 0 ? (
        <p class="state">{t('researchNoCollections')}</p>
      ) : (
        <ul class="collections">
          {rows.map((row) => (
            <CollectionItem
              key={row.collection.id}
              research={research}
              row={row}
              exporting={open.value === row.collection.id}
              onExport={() => (open.value = open.value === row.collection.id ? null : row.collection.id)}
              fourcat={fourcat}
              fourcatConfigured={fourcatConfigured}
              forFourcat={forFourcat.value === row.collection.id}
              onFourcat={() =>
                (forFourcat.value = forFourcat.value === row.collection.id ? null : row.collection.id)
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

type Confirming = 'delete' | 'destroy' | null;

function CollectionItem({
  research,
  row,
  exporting,
  onExport,
  fourcat,
  fourcatConfigured,
  forFourcat,
  onFourcat,
}: {
  research: ResearchSource;
  row: CollectionRow;
  exporting: boolean;
  onExport: () => void;
  fourcat: FourcatSource;
  fourcatConfigured: boolean;
  forFourcat: boolean;
  onFourcat: () => void;
}) {
  const { collection } = row;
  const counts = useCounts(research, collection.id);
  const confirming = useSignal<Confirming>(null);
  const error = useSignal<string | null>(null);
  const act = async (action: () => Promise<{ ok: boolean; error?: string }>) => {
    const answer = await action();
    confirming.value = null;
    error.value = answer.ok ? null : (answer.error ?? null);
  };
  const recording = collection.stoppedAt === null;
  return (
    <li class="collection" data-collection-id={collection.id}>
      <div class="collection-head">
        <strong class="collection-name">{collection.name}</strong>
        {recording && (
          <span class="rec-label">
            <span class="rec-dot" aria-hidden="true" /> {t('researchRecordingLabel')}
          </span>
        )}
      </div>
      <p class="muted">
        {t(
          'researchPeriod',
          formatDateTime(collection.startedAt),
          recording ? '…' : formatDateTime(collection.stoppedAt!),
        )}
        {' · '}
        {counts
          ? t(
              'researchItemsCount',
              formatCount(counts.total),
              formatCount(counts.post),
              formatCount(counts.comment),
              formatCount(counts.profile),
            )
          : t('loading')}
        {!row.hasSecret && ` · ${t('researchKeyDestroyed')}`}
      </p>
      <div class="actions">
        <button type="button" aria-expanded={exporting} onClick={onExport}>
          {t('researchExportOpen')}
        </button>
        <button type="button" aria-expanded={forFourcat} onClick={onFourcat}>
          {t('fourcatOpen')}
        </button>
        <button type="button" onClick={() => (confirming.value = 'delete')}>
          {t('researchDelete')}
        </button>
        {row.hasSecret && (
          <button type="button" onClick={() => (confirming.value = 'destroy')}>
            {t('researchDestroyKey')}
          </button>
        )}
      </div>
      {confirming.value && (
        <div class="confirm" role="alertdialog" aria-label={t('researchDelete')}>
          <p>
            {confirming.value === 'delete'
              ? t('researchDeleteConfirm', collection.name, formatCount(counts?.total ?? null))
              : t('researchDestroyKeyConfirm')}
          </p>
          <button
            type="button"
            class="danger"
            onClick={() =>
              act(() =>
                confirming.value === 'delete'
                  ? research.remove(collection.id)
                  : research.destroySecret(collection.id),
              )
            }
          >
            {confirming.value === 'delete' ? t('researchConfirmDelete') : t('researchConfirmDestroy')}
          </button>{' '}
          <button type="button" onClick={() => (confirming.value = null)}>
            {t('researchCancel')}
          </button>
        </div>
      )}
      {error.value && <p role="alert">{t('researchFailed', error.value)}</p>}
      {exporting && <ExportForm research={research} row={row} onClose={onExport} />}
      {forFourcat && (
        <FourcatExport fourcat={fourcat} collectionId={collection.id} configured={fourcatConfigured} />
      )}
    </li>
  );
}
