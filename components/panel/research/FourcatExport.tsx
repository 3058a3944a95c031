/**
 * "For 4CAT": per platform of a collection, the Zeeschuimer file with the platform's own data (what
 * 4CAT's importer for that platform reads), the companion file of items read only from the page,
 * and "Send to 4CAT" with progress, the row count and a link to the new dataset.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { PlatformFileSummary } from '../../../core/db/platform-export';
import type { FourcatPseudonymise, UploadEvent, UploadResult } from '../../../core/export/fourcat';
import { hasImporter } from '../../../core/export/importers';
import { platformName } from '../../../core/platforms/registry';
import { formatCount, type MessageKey, t } from '../../i18n';
import type { FourcatSource } from './fourcat-source';

const NAMES: readonly [FourcatPseudonymise, MessageKey][] = [
  ['pseudonymise', 'fourcatNamesPseudonymise'],
  ['anonymise', 'fourcatNamesAnonymise'],
  ['none', 'fourcatNamesNone'],
];

const ERRORS: Record<Exclude<UploadResult, { ok: true }>['error'], MessageKey> = {
  auth: 'fourcatErrorAuth',
  'not-enabled': 'fourcatErrorNotEnabled',
  'rate-limit': 'fourcatErrorRateLimit',
  network: 'fourcatErrorNetwork',
  'lost-while-processing': 'fourcatErrorLost',
  server: 'fourcatErrorServer',
  aborted: 'fourcatErrorAborted',
};

type Sending =
  | { kind: 'idle' }
  | { kind: 'running'; event: UploadEvent | null }
  | { kind: 'done'; result: UploadResult };

function eventText(event: UploadEvent | null): string {
  if (!event || event.phase === 'uploading') return t('fourcatUploading');
  if (event.phase === 'waiting')
    return t(
      event.reason === 'rate-limit' ? 'fourcatWaitingRateLimit' : 'fourcatWaitingNetwork',
      event.seconds,
    );
  return t('fourcatProcessing', event.progress ?? 0, event.status);
}

export function FourcatExport({
  fourcat,
  collectionId,
  configured,
}: {
  fourcat: FourcatSource;
  collectionId: string;
  configured: boolean;
}) {
  const platforms = useSignal<PlatformFileSummary[] | null>(null);
  const failed = useSignal<string | null>(null);
  useEffect(() => {
    let live = true;
    fourcat.platforms(collectionId).then(
      (list) => {
        if (live) platforms.value = list;
      },
      (error) => {
        if (live) failed.value = String((error as Error)?.message ?? error);
      },
    );
    return () => {
      live = false;
    };
  }, [fourcat, collectionId, platforms, failed]);

  if (failed.value) return <p role="alert">{t('researchFailed', failed.value)}</p>;
  if (!platforms.value)
    return (
      <p class="state" role="status">
        {t('loading')}
      </p>
    );
  return (
    <div class="fourcat-export">
      <p class="note">{t('fourcatExportNote')}</p>
      {platforms.value.length === 0 ? (
        <p class="state">{t('fourcatNoItems')}</p>
      ) : (
        <ul class="fourcat-platforms">
          {platforms.value.map((summary) => (
            <PlatformRow
              key={summary.platform}
              fourcat={fourcat}
              collectionId={collectionId}
              summary={summary}
              configured={configured}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function PlatformRow({
  fourcat,
  collectionId,
  summary,
  configured,
}: {
  fourcat: FourcatSource;
  collectionId: string;
  summary: PlatformFileSummary;
  configured: boolean;
}) {
  const names = useSignal<FourcatPseudonymise>('pseudonymise');
  const sending = useSignal<Sending>({ kind: 'idle' });
  const saved = useSignal<string | null>(null);
  const controller = useSignal<AbortController | null>(null);
  const importer = hasImporter(summary.module);

  const run = async (
    start: (signal: AbortSignal, onEvent: (e: UploadEvent) => void) => Promise<UploadResult>,
  ) => {
    const abort = new AbortController();
    controller.value = abort;
    sending.value = { kind: 'running', event: null };
    const result = await start(abort.signal, (event) => {
      sending.value = { kind: 'running', event };
    });
    controller.value = null;
    sending.value = { kind: 'done', result };
  };
  const send = () =>
    run((signal, onEvent) =>
      fourcat.send(collectionId, summary.platform, summary.module, names.value, onEvent, signal),
    );
  const followAgain = (key: string) => run((signal, onEvent) => fourcat.follow(key, onEvent, signal));
  const save = async (origin: 'platform' | 'resonanz-dom') => {
    saved.value = await fourcat.download(collectionId, summary.platform, origin);
  };

  const s = sending.value;
  return (
    <li class="fourcat-platform" data-module={summary.module}>
      <strong>{platformName(summary.platform)}</strong> <code>{summary.module}</code>
      <p class="muted">
        {t('fourcatCounts', formatCount(summary.platformLines), formatCount(summary.domLines))}
      </p>
      <div class="actions">
        <button type="button" disabled={summary.platformLines === 0} onClick={() => void save('platform')}>
          {t('fourcatDownload', `${summary.module}.ndjson`)}
        </button>
        {summary.domLines > 0 && (
          <button type="button" onClick={() => void save('resonanz-dom')}>
            {t('fourcatDownloadDom')}
          </button>
        )}
      </div>
      {saved.value && <p class="muted">{t('researchSaved', saved.value)}</p>}
      {!importer && <p class="muted">{t('fourcatNoImporter')}</p>}
      {importer && !configured && <p class="muted">{t('fourcatConfigureFirst')}</p>}
      {importer && configured && summary.platformLines > 0 && (
        <fieldset>
          <legend>{t('fourcatNames')}</legend>
          {NAMES.map(([option, label]) => (
            <label key={option} class="choice">
              <input
                type="radio"
                name={`fourcat-names-${collectionId}-${summary.platform}`}
                checked={names.value === option}
                onChange={() => (names.value = option)}
              />{' '}
              {t(label)}
            </label>
          ))}
          <p class="actions">
            <button type="button" class="primary" disabled={s.kind === 'running'} onClick={() => void send()}>
              {t('fourcatSend')}
            </button>{' '}
            {s.kind === 'running' && (
              <button type="button" onClick={() => controller.value?.abort()}>
                {t('researchCancel')}
              </button>
            )}
          </p>
        </fieldset>
      )}
      <p role="status" aria-live="polite" class="fourcat-status">
        {s.kind === 'running' && eventText(s.event)}
        {s.kind === 'done' && s.result.ok && (
          <>
            {t('fourcatDone', formatCount(s.result.rows))}{' '}
            <a href={s.result.url} target="_blank" rel="noopener noreferrer">
              {t('fourcatOpenDataset')}
            </a>
          </>
        )}
      </p>
      {s.kind === 'done' && s.result.ok && s.result.rows < summary.platformLines && (
        <p class="muted">{t('fourcatFewerRows', formatCount(summary.platformLines))}</p>
      )}
      {s.kind === 'done' && !s.result.ok && (
        <div role="alert" class="fourcat-error">
          <p>
            {t(ERRORS[s.result.error], summary.module.split('.')[0] ?? summary.module)}
            {s.result.detail ? ` (${s.result.detail})` : ''}
          </p>
          {s.result.error === 'lost-while-processing' && s.result.key && (
            <button type="button" onClick={() => void followAgain((s.result as { key: string }).key)}>
              {t('fourcatCheckAgain')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
