/**
 * "This page": the posts on the current tab, live as the user scrolls — interactions, × the
 * account's median, velocity and engagement rate, sortable, with breakouts marked (▲ and the word,
 * not colour alone). A click on a post scrolls the page to it. The table paints first; the account
 * baselines behind × median are read afterwards, so a large history never delays the first view.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { StoredPost } from '../../core/model';
import { assessHealth } from '../../core/platforms/health';
import { type PageBaseline, type PageRow, type PageSort, pageRows, sortRows } from '../../core/reports/page';
import { interactions } from '../../core/scoring/interactions';
import { formatCount, formatNumber, formatPercent, type MessageKey, t, tn, tnShown } from '../i18n';
import { PLATFORM_NAMES, rateText, ThinNote, timesText } from './common';
import type { PageState, PanelSource } from './source';

const METRICS = [
  ['likes', 'metricLikes'],
  ['comments', 'metricComments'],
  ['shares', 'metricShares'],
  ['views', 'metricViews'],
  ['saves', 'metricSaves'],
] as const satisfies readonly (readonly [keyof StoredPost['metrics'], MessageKey])[];

const COLUMNS: readonly { sort: PageSort; label: MessageKey; hint: MessageKey }[] = [
  { sort: 'interactions', label: 'colInteractions', hint: 'hintInteractions' },
  { sort: 'views', label: 'colViews', hint: 'hintViews' },
  { sort: 'xMedian', label: 'colXMedian', hint: 'hintXMedian' },
  { sort: 'velocity', label: 'colVelocity', hint: 'hintVelocity' },
  { sort: 'engagement', label: 'colEngagement', hint: 'hintEngagement' },
];

let firstRenderMarked = false;

/** Marks the first paint of real content (not "loading") for the start-up benchmark. */
function markFirstRender() {
  if (firstRenderMarked) return;
  firstRenderMarked = true;
  requestAnimationFrame(() => performance.mark?.('resonanz:panel:first-render'));
}

export function PageView({ state, source }: { state: PageState; source: PanelSource }) {
  const sort = useSignal<PageSort>('page');
  const baselines = useSignal<ReadonlyMap<string, PageBaseline> | null>(null);
  const baselineError = useSignal(false);
  const now = Date.now();

  useEffect(() => {
    if (state.status !== 'loading') markFirstRender();
  }, [state.status]);

  // Baselines of the page's authors: re-read when the set of authors or the page's posts change.
  const authors =
    state.status === 'ready'
      ? [...new Set(state.posts.filter((p) => p.authorKey).map((p) => `${p.platform}\u0000${p.authorKey}`))]
          .sort()
          .join('\u0001')
      : '';
  const version = state.status === 'ready' ? state.posts.reduce((s, p) => Math.max(s, p.lastSeen), 0) : 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` re-reads the baselines when new captures arrive
  useEffect(() => {
    if (!authors) return;
    let cancelled = false;
    const refs = authors.split('\u0001').map((key) => {
      const [platform, handle] = key.split('\u0000') as [StoredPost['platform'], string];
      return { platform, handle };
    });
    source.baselines(refs, Date.now()).then(
      (map) => {
        if (cancelled) return;
        baselines.value = map;
        baselineError.value = false;
        performance.mark?.('resonanz:panel:scores');
      },
      () => {
        if (!cancelled) baselineError.value = true;
      },
    );
    return () => {
      cancelled = true;
    };
  }, [authors, version, source, baselines, baselineError]);

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
  if (state.status === 'none') return <p class="state">{t('emptyNoTab')}</p>;
  const { tab, posts } = state;
  const verdict = assessHealth(tab.kind, tab.health);
  const rows = sortRows(pageRows(posts, baselines.value, now), sort.value);
  // Views are a column only where some post shows them (X, YouTube, TikTok, reels…).
  const withViews = posts.some((p) => p.metrics.views !== null);
  // A column nobody on the page has a value for (interactions on a TikTok grid) gives its room away.
  const withInteractions = posts.some((p) => interactions(p.metrics) !== null);
  const shown = new Set<PageSort>(['xMedian', 'velocity']);
  if (withInteractions || !withViews) shown.add('interactions');
  if (withViews) shown.add('views');
  if (withInteractions) shown.add('engagement');
  const columns = COLUMNS.filter((c) => shown.has(c.sort));
  const thinAccounts = [...(baselines.value?.values() ?? [])].filter((b) =>
    b.n === 0 && b.views && b.views.n > 0 ? b.views.thin : b.thin,
  ).length;
  const breakouts = rows.filter((r) => r.breakout).length;
  return (
    <section aria-label={t('tabPage')}>
      <div class="page-head">
        <p class="page-url" title={tab.url}>
          <strong>{PLATFORM_NAMES[tab.platform]}</strong> · {tn('postsOnPage', posts.length)}
          {breakouts > 0 && (
            <>
              {' · '}
              <span class="breakout-count">
                <span aria-hidden="true">▲ </span>
                {tn('breakoutsOnPage', breakouts)}
              </span>
            </>
          )}
        </p>
        <SnapshotButton tabId={tab.tabId} source={source} />
      </div>
      {state.fallback && <p class="note">{t('pageFallback', tab.url)}</p>}
      {verdict.status === 'degraded' && (
        <p class="banner warn" role="alert">
          {t(
            'healthDegraded',
            PLATFORM_NAMES[tab.platform] ?? tab.platform,
            verdict.reason === 'noPosts' ? t('healthNoPosts', verdict.candidates) : t('healthNoCounts'),
          )}
        </p>
      )}
      {posts.length === 0 ? (
        <p class="state">{t('emptyNoPosts')}</p>
      ) : (
        <>
          {baselineError.value && <p role="alert">{t('baselineFailed')}</p>}
          {thinAccounts > 0 && <ThinNote>{tn('pageThin', thinAccounts)}</ThinNote>}
          <div class="table-wrap">
            <table class="posts">
              <caption class="sr-only">{t('pageTableCaption')}</caption>
              <thead>
                <tr>
                  <SortHeader
                    label="colPost"
                    hint="hintPageOrder"
                    value="page"
                    sort={sort.value}
                    onSort={(v) => (sort.value = v)}
                  />
                  {columns.map((c) => (
                    <SortHeader
                      key={c.sort}
                      label={c.label}
                      hint={c.hint}
                      value={c.sort}
                      numeric
                      sort={sort.value}
                      onSort={(v) => (sort.value = v)}
                    />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <PostRow
                    key={row.post.id}
                    row={row}
                    shown={shown}
                    loading={baselines.value === null && !baselineError.value}
                    onShow={() => source.scrollToPost(tab.tabId, row.post.id)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function SortHeader(props: {
  label: MessageKey;
  hint: MessageKey;
  value: PageSort;
  sort: PageSort;
  numeric?: boolean;
  onSort: (value: PageSort) => void;
}) {
  const active = props.sort === props.value;
  return (
    <th
      scope="col"
      class={props.numeric ? 'num' : undefined}
      aria-sort={active ? (props.value === 'page' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        class="sort-button"
        title={t(props.hint)}
        // Labels carry soft hyphens for narrow panels; the spoken name goes without them.
        aria-label={t(props.label).replaceAll('\u00ad', '')}
        onClick={() => props.onSort(props.value)}
      >
        {t(props.label)}
        <span aria-hidden="true">{active ? (props.value === 'page' ? ' ↑' : ' ↓') : ''}</span>
      </button>
    </th>
  );
}

function PostRow({
  row,
  loading,
  shown,
  onShow,
}: {
  row: PageRow;
  loading: boolean;
  /** The optional columns this page shows. */
  shown: ReadonlySet<PageSort>;
  onShow: () => void;
}) {
  const { post } = row;
  const approx = post.approx.some((m) => m !== 'views');
  return (
    <tr data-post-id={post.id} class={row.breakout ? 'breakout' : undefined}>
      <th scope="row" class="post">
        <button type="button" class="link" onClick={onShow} title={t('scrollToPost')}>
          <span class="author">
            {post.author.handle ? `@${post.author.handle}` : (post.author.name ?? t('unknown'))}
          </span>
          <span class="excerpt">{post.text.slice(0, 140) || t('unknown')}</span>
          <span class="metrics">
            {METRICS.filter(([m]) => post.metrics[m] !== null)
              .map(([m, label]) =>
                tnShown(
                  label,
                  post.metrics[m] ?? 0,
                  `${post.approx.includes(m) ? '≈' : ''}${formatCount(post.metrics[m])}`,
                ),
              )
              .join(' · ')}
          </span>
        </button>
        {row.breakout && (
          <span class="breakout-tag">
            <span aria-hidden="true">▲ </span>
            {t('badgeBreakout')}
          </span>
        )}
      </th>
      {shown.has('interactions') && (
        <td
          class="num"
          title={row.interactions === null ? t('unknownHint') : approx ? t('approxHint') : undefined}
        >
          {row.interactions !== null && approx ? '≈' : ''}
          {formatCount(row.interactions)}
        </td>
      )}
      {shown.has('views') && (
        <td class="num" title={post.metrics.views === null ? t('unknownHint') : undefined}>
          {post.metrics.views !== null && post.approx.includes('views') ? '≈' : ''}
          {formatCount(post.metrics.views)}
        </td>
      )}
      <XMedianCell row={row} loading={loading} />
      <td
        class="num"
        title={
          row.velocity === null
            ? t('velocityUnknown')
            : row.viewsFirst && row.views
              ? t('viewsPerHourHint')
              : t('velocityHint')
        }
      >
        {velocityText(row.velocity)}
      </td>
      {shown.has('engagement') && (
        <td
          class="num"
          title={
            row.rate
              ? row.rate.denominator === 'followers'
                ? t('erFollowers', formatPercent(row.rate.value))
                : t('erViews', formatPercent(row.rate.value))
              : t('erUnknown')
          }
        >
          {row.rate ? (
            <>
              {rateText(row.rate.value)}{' '}
              <abbr title={row.rate.denominator === 'followers' ? t('denomFollowers') : t('denomViews')}>
                {row.rate.denominator === 'followers' ? t('denomFollowersShort') : t('denomViewsShort')}
              </abbr>
            </>
          ) : (
            t('unknown')
          )}
        </td>
      )}
    </tr>
  );
}

/** Interactions per hour: "120/h", "0,7/h", "< 0,1/h" (never a bare 0 for a slow but non-zero pace). */
function velocityText(v: number | null): string {
  if (v === null) return t('unknown');
  if (v > 0 && v < 0.1) return `< ${formatNumber(0.1, 1)}/h`;
  return `${formatNumber(v, v < 10 ? 1 : 0)}/h`;
}

function XMedianCell({ row, loading }: { row: PageRow; loading: boolean }) {
  const a = row.assessment;
  if (row.post.createdAt === null)
    return (
      <td class="num" title={t('xMedianNoTime')}>
        {t('unknown')}
      </td>
    );
  if (!a)
    return (
      <td class="num" title={loading ? t('loading') : t('xMedianNoAccount')}>
        {loading ? '…' : t('unknown')}
      </td>
    );
  if (a.status === 'young')
    return (
      <td class="num" title={t('xMedianYoung')}>
        {t('youngShort')}
      </td>
    );
  if (a.status === 'stale')
    return (
      <td class="num" title={t('xMedianStale')}>
        {t('unknown')}
      </td>
    );
  // Views-first rows (YouTube, TikTok, Shorts, Reels) are judged by × the account's median views.
  const views = row.viewsFirst ? row.views : null;
  const n = views ? views.n : a.n;
  const thin = views ? views.thin : a.thin;
  if (thin)
    return (
      <td class="num" title={tn('thinMarkerLong', n)}>
        <small class="n-marker">{t('thinMarker', n)}</small>
      </td>
    );
  if (!views && a.status === 'unknown')
    return (
      <td class="num" title={t('xMedianUnknown')}>
        {t('unknown')}
      </td>
    );
  return (
    <td
      class="num"
      title={
        views
          ? t('badgeViewsXMedian', formatNumber(row.xMedian, 1), n)
          : t('badgeXMedianLong', formatNumber(row.xMedian, 1), n)
      }
    >
      {row.breakout && <span aria-hidden="true">▲ </span>}
      {timesText(row.xMedian)}
    </td>
  );
}

function SnapshotButton({ tabId, source }: { tabId: number; source: PanelSource }) {
  const pseudonymise = useSignal(true);
  const failed = useSignal(false);
  const save = async () => {
    const result = await source.snapshot(tabId, pseudonymise.value);
    failed.value = !result;
    if (!result) return;
    const url = URL.createObjectURL(new Blob([result.html], { type: 'text/html' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = result.filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  // Tucked into "Report a problem": it is for bug reports, not the marketer's everyday view.
  return (
    <details class="snapshot report-problem">
      <summary>{t('reportProblem')}</summary>
      <p class="note">{t('reportProblemHint')}</p>
      <button type="button" onClick={save}>
        {t('saveSnapshot')}
      </button>
      <label>
        <input
          type="checkbox"
          checked={pseudonymise.value}
          onChange={(e) => (pseudonymise.value = (e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('snapshotPseudonymise')}
      </label>
      {failed.value && <p role="alert">{t('snapshotFailed')}</p>}
    </details>
  );
}
