/**
 * "Research": record a named collection of everything seen while browsing, export it for research
 * tools (CSV for 4CAT, NDJSON, JSON, with a codebook), and keep, restore or erase the data.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { CollectionList } from './CollectionList';
import { DataCard } from './DataCard';
import { RecordingCard } from './RecordingCard';
import { browserResearch, type ResearchSource, type ResearchState } from './research-source';

let shared: ResearchSource | null = null;
/** One browser-backed source for the panel's lifetime (it holds the database connection). */
function defaultResearch(): ResearchSource {
  shared ??= browserResearch();
  return shared;
}

export function ResearchView({ research = defaultResearch() }: { research?: ResearchSource }) {
  const [state, setState] = useState<ResearchState>({ status: 'loading' });
  useEffect(() => research.watch(setState), [research]);
  if (state.status === 'loading')
    return (
      <p class="state" role="status">
        {t('loading')}
      </p>
    );
  if (state.status === 'error')
    return (
      <p class="state error" role="alert">
        {t('errorStorage', state.message)}
      </p>
    );
  const recording = state.collections.find((c) => c.collection.stoppedAt === null) ?? null;
  return (
    <div class="research">
      <RecordingCard research={research} recording={recording} />
      <CollectionList research={research} rows={state.collections} />
      <DataCard research={research} retentionDays={state.retentionDays} />
    </div>
  );
}
