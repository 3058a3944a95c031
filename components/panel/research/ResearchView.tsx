/**
 * "Research": record a named collection of everything seen while browsing, export it for research
 * tools (CSV for 4CAT, NDJSON, JSON, with a codebook), and keep, restore or erase the data.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FourcatServer } from '../../../core/export/fourcat';
import { t } from '../../i18n';
import { CollectionList } from './CollectionList';
import { DataCard } from './DataCard';
import { FourcatSettings } from './FourcatSettings';
import { browserFourcat, type FourcatSource } from './fourcat-source';
import { RecordingCard } from './RecordingCard';
import { browserResearch, type ResearchSource, type ResearchState } from './research-source';

let shared: ResearchSource | null = null;
/** One browser-backed source for the panel's lifetime (it holds the database connection). */
function defaultResearch(): ResearchSource {
  shared ??= browserResearch();
  return shared;
}

let sharedFourcat: FourcatSource | null = null;
function defaultFourcat(): FourcatSource {
  sharedFourcat ??= browserFourcat();
  return sharedFourcat;
}

export function ResearchView({
  research = defaultResearch(),
  fourcat = defaultFourcat(),
}: {
  research?: ResearchSource;
  fourcat?: FourcatSource;
}) {
  const [state, setState] = useState<ResearchState>({ status: 'loading' });
  const [server, setServer] = useState<FourcatServer | null>(null);
  useEffect(() => research.watch(setState), [research]);
  useEffect(() => {
    void fourcat.server().then(setServer, () => setServer(null));
  }, [fourcat]);
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
      <CollectionList
        research={research}
        rows={state.collections}
        fourcat={fourcat}
        fourcatConfigured={server !== null}
      />
      <FourcatSettings fourcat={fourcat} current={server} onChange={setServer} />
      <DataCard research={research} retentionDays={state.retentionDays} />
    </div>
  );
}
