/** "This page": the posts on the current tab, live as the user scrolls, with health and snapshot. */
import { useSignal } from '@preact/signals';
import type { StoredPost } from '../../core/model';
import { assessHealth } from '../../core/platforms/health';
import { engagementRate } from '../../core/scoring/engagement';
import { interactions } from '../../core/scoring/interactions';
import { formatCount, formatPercent, type MessageKey, t } from '../i18n';
import type { PageState, PanelSource } from './source';

type SortKey = 'page' | 'interactions' | 'engagement';
const METRIC_COLUMNS = [
  ['likes', 'colLikes'],
  ['comments', 'colComments'],
  ['shares', 'colShares'],
  ['views', 'colViews'],
] as const satisfies readonly (readonly [keyof StoredPost['metrics'], MessageKey])[];

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  threads: 'Threads',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  reddit: 'Reddit',
  pinterest: 'Pinterest',
  xing: 'XING',
};

export function PageView({ state, source }: { state: PageState; source: PanelSource }) {
  const sort = useSignal<SortKey>('page');
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
  const rows = sortPosts(posts, sort.value);
  return (
    <section aria-label={t('tabPage')}>
      <div class="page-head">
        <p class="page-url" title={tab.url}>
          <strong>{PLATFORM_NAMES[tab.platform]}</strong> · {t('postsOnPage', formatCount(posts.length))}
        </p>
        <SnapshotButton tabId={tab.tabId} source={source} />
      </div>
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
          <label class="sort">
            {t('sortBy')}{' '}
            <select
              value={sort.value}
              onChange={(e) => (sort.value = (e.currentTarget as HTMLSelectElement).value as SortKey)}
            >
              <option value="page">{t('tabPage')}</option>
              <option value="interactions">{t('colInteractions')}</option>
              <option value="engagement">{t('colEngagement')}</option>
            </select>
          </label>
          <table class="posts">
            <thead>
              <tr>
                <th scope="col">{t('colPost')}</th>
                {METRIC_COLUMNS.map(([, label]) => (
                  <th scope="col" class="num" key={label}>
                    {t(label)}
                  </th>
                ))}
                <th scope="col" class="num">
                  {t('colInteractions')}
                </th>
                <th scope="col" class="num">
                  {t('colEngagement')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((post) => (
                <PostRow key={post.id} post={post} onShow={() => source.scrollToPost(tab.tabId, post.id)} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function PostRow({ post, onShow }: { post: StoredPost; onShow: () => void }) {
  const rate = engagementRate(post);
  return (
    <tr data-post-id={post.id}>
      <th scope="row" class="post">
        <button type="button" class="link" onClick={onShow} title={t('scrollToPost')}>
          <span class="author">
            {post.author.handle ? `@${post.author.handle}` : (post.author.name ?? t('unknown'))}
          </span>
          <span class="excerpt">{post.text.slice(0, 140) || t('unknown')}</span>
        </button>
      </th>
      {METRIC_COLUMNS.map(([metric]) => (
        <Cell key={metric} value={post.metrics[metric]} approx={post.approx.includes(metric)} />
      ))}
      <Cell value={interactions(post.metrics)} approx={post.approx.some((m) => m !== 'views')} />
      <td
        class="num"
        title={
          rate
            ? rate.denominator === 'followers'
              ? t('erFollowers', '')
              : t('erViews', '')
            : t('unknownHint')
        }
      >
        {rate && rate.denominator !== 'none' ? (
          <>
            {formatPercent(rate.value)} <small>{rate.denominator === 'followers' ? 'F' : 'V'}</small>
          </>
        ) : (
          t('unknown')
        )}
      </td>
    </tr>
  );
}

function Cell({ value, approx }: { value: number | null; approx: boolean }) {
  const title = value === null ? t('unknownHint') : approx ? t('approxHint') : undefined;
  return (
    <td class="num" title={title}>
      {value !== null && approx ? '≈' : ''}
      {formatCount(value)}
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
  return (
    <div class="snapshot">
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
    </div>
  );
}

function sortPosts(posts: readonly StoredPost[], key: SortKey): StoredPost[] {
  if (key === 'page') return [...posts];
  const score = (p: StoredPost) =>
    key === 'interactions' ? (interactions(p.metrics) ?? -1) : (engagementRate(p)?.value ?? -1);
  return [...posts].sort((a, b) => score(b) - score(a));
}
