/**
 * Export options for one collection: format, which counts, pseudonymisation, CSV delimiter and
 * columns, the codebook; then a streamed download with progress.
 */
import { useSignal } from '@preact/signals';
import {
  COLUMN_DEFS,
  type CsvColumnName,
  OPTIONAL_COLUMNS,
  REQUIRED_COLUMNS,
} from '../../../core/export/columns';
import type { CsvMode, ExportFormat, MetricSnapshot, PseudonymModeKind } from '../../../core/export/index';
import { type MessageKey, t } from '../../i18n';
import type { CollectionRow, ExportChoice, ResearchSource } from './research-source';

const FORMATS: readonly [ExportFormat, MessageKey][] = [
  ['csv', 'researchFormatCsv'],
  ['ndjson', 'researchFormatNdjson'],
  ['json', 'researchFormatJson'],
];
const SNAPSHOTS: readonly [MetricSnapshot, MessageKey][] = [
  ['first', 'researchSnapshotFirst'],
  ['last', 'researchSnapshotLast'],
  ['history', 'researchSnapshotHistory'],
];
const CSV_MODES: readonly [CsvMode, MessageKey][] = [
  ['spreadsheet', 'researchCsvModeSpreadsheet'],
  ['analysis', 'researchCsvModeAnalysis'],
];
const NAMES: readonly [PseudonymModeKind, MessageKey][] = [
  ['none', 'researchNamesNone'],
  ['pseudonymise', 'researchNamesPseudonymise'],
  ['redact', 'researchNamesRedact'],
];

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; filename: string }
  | { kind: 'failed'; error: string };

export function ExportForm({
  research,
  row,
  onClose,
}: {
  research: ResearchSource;
  row: CollectionRow;
  onClose: () => void;
}) {
  const format = useSignal<ExportFormat>('csv');
  const snapshot = useSignal<MetricSnapshot>('last');
  const names = useSignal<PseudonymModeKind>(row.hasSecret ? 'pseudonymise' : 'redact');
  const delimiter = useSignal<',' | ';'>(',');
  const csvMode = useSignal<CsvMode>('spreadsheet');
  const fallback = useSignal(true);
  const codebook = useSignal(true);
  const columns = useSignal<ReadonlySet<CsvColumnName>>(new Set(OPTIONAL_COLUMNS));
  const status = useSignal<Status>({ kind: 'idle' });
  const id = row.collection.id;

  const run = async (event: Event) => {
    event.preventDefault();
    if (status.value.kind === 'running') return;
    status.value = { kind: 'running', done: 0, total: 0 };
    const choice: ExportChoice = {
      format: format.value,
      snapshot: snapshot.value,
      pseudonymisation: names.value,
      columns: OPTIONAL_COLUMNS.filter((c) => columns.value.has(c)),
      delimiter: delimiter.value,
      csvMode: csvMode.value,
      timestampFallback: fallback.value ? 'first-seen' : 'none',
      codebook: codebook.value,
    };
    const answer = await research.exportCollection(id, choice, (done, total) => {
      status.value = { kind: 'running', done, total };
    });
    status.value = answer.ok
      ? { kind: 'done', filename: answer.filename ?? '' }
      : { kind: 'failed', error: answer.error };
  };

  const radios = <T extends string>(
    name: string,
    legend: MessageKey,
    options: readonly [T, MessageKey][],
    value: { value: T },
    disabled: (option: T) => boolean = () => false,
  ) => (
    <fieldset>
      <legend>{t(legend)}</legend>
      {options.map(([option, label]) => (
        <label key={option} class="choice">
          <input
            type="radio"
            name={`${name}-${id}`}
            value={option}
            checked={value.value === option}
            disabled={disabled(option)}
            onChange={() => (value.value = option)}
          />{' '}
          {t(label)}
        </label>
      ))}
    </fieldset>
  );

  const toggle = (column: CsvColumnName) => {
    const next = new Set(columns.value);
    if (next.has(column)) next.delete(column);
    else next.add(column);
    columns.value = next;
  };

  const s = status.value;
  return (
    <form class="export-form" onSubmit={run} aria-label={t('researchExportTitle', row.collection.name)}>
      {radios('format', 'researchFormat', FORMATS, format)}
      {radios('snapshot', 'researchSnapshot', SNAPSHOTS, snapshot)}
      {radios('names', 'researchNames', NAMES, names, (o) => o === 'pseudonymise' && !row.hasSecret)}
      {format.value === 'csv' && (
        <>
          {radios(
            'delimiter',
            'researchDelimiter',
            [
              [',', 'researchDelimiterComma'],
              [';', 'researchDelimiterSemicolon'],
            ],
            delimiter,
          )}
          {radios('csvmode', 'researchCsvMode', CSV_MODES, csvMode)}
          <label class="choice">
            <input
              type="checkbox"
              checked={fallback.value}
              onChange={(e) => (fallback.value = (e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('researchFallback')}
          </label>
        </>
      )}
      <label class="choice">
        <input
          type="checkbox"
          checked={codebook.value}
          onChange={(e) => (codebook.value = (e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('researchCodebook')}
      </label>
      <details class="columns">
        <summary>
          {t(
            'researchColumns',
            REQUIRED_COLUMNS.length + columns.value.size,
            REQUIRED_COLUMNS.length + OPTIONAL_COLUMNS.length,
          )}
        </summary>
        <p class="muted">{t('researchColumnsHint')}</p>
        <p>
          <button type="button" onClick={() => (columns.value = new Set(OPTIONAL_COLUMNS))}>
            {t('researchAll')}
          </button>{' '}
          <button type="button" onClick={() => (columns.value = new Set())}>
            {t('researchNone')}
          </button>
        </p>
        <div class="column-grid">
          {REQUIRED_COLUMNS.map((c) => (
            <label key={c} class="choice" title={COLUMN_DEFS.get(c)?.meaning}>
              <input type="checkbox" checked disabled /> <code>{c}</code>
            </label>
          ))}
          {OPTIONAL_COLUMNS.map((c) => (
            <label key={c} class="choice" title={COLUMN_DEFS.get(c)?.meaning}>
              <input type="checkbox" checked={columns.value.has(c)} onChange={() => toggle(c)} />{' '}
              <code>{c}</code>
            </label>
          ))}
        </div>
      </details>
      <p class="actions">
        <button type="submit" class="primary" disabled={s.kind === 'running'}>
          {t('researchExport')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('researchClose')}
        </button>
      </p>
      <p role="status" aria-live="polite" class="export-status">
        {s.kind === 'running' &&
          t('researchExportPercent', s.total ? Math.floor((100 * s.done) / s.total) : 0)}
        {s.kind === 'done' && t('researchSaved', s.filename)}
      </p>
      {s.kind === 'failed' && <p role="alert">{t('researchFailed', s.error)}</p>}
    </form>
  );
}
