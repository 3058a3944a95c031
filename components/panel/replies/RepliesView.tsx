/**
 * "Replies": the queue of comments under the own accounts' posts that wait for an answer, most
 * urgent first (attack or crisis, complaint, question, purchase interest, other, praise), each with
 * 2–3 drafts in the brand voice to copy or insert into the page's reply box — never sent from here.
 * Above it, each own account's response rate and median response time, with their sample sizes.
 * Below it, the brand voice and the optional AI drafting settings.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { StoredComment } from '../../../core/model';
import { type AiEndpoint, builtInStatus, languageModelApi } from '../../../core/replies/ai';
import { groundingFor } from '../../../core/replies/grounding';
import {
  buildQueue,
  type QueueItem as Item,
  type QueueFilter,
  type ReplyQueue,
} from '../../../core/reports/replies';
import type { Settings } from '../../../core/settings';
import { formatCount, formatPercent, t } from '../../i18n';
import { accountLabel, Empty, ErrorNote, Loading, PLATFORM_NAMES, Section, ThinNote } from '../common';
import type { PageState } from '../source';
import type { ViewProps } from '../view';
import { AiSettings } from './AiSettings';
import { brandAnalyzer } from './brand-triage';
import { formatDuration } from './format';
import { type BuiltInByLang, QueueItem } from './QueueItem';
import { browserReplies, type Loadable, type QueueData, type RepliesSource } from './replies-source';
import { VoiceSettings } from './VoiceSettings';

/** Items shown before "show more". */
const PAGE_SIZE = 20;

let shared: RepliesSource | null = null;
/** One browser-backed source for the panel's lifetime. */
export function defaultReplies(): RepliesSource {
  shared ??= browserReplies();
  return shared;
}

/** The tab entry of VIEWS: the browser-backed source and the current page. */
export function RepliesTab({ page }: ViewProps) {
  return <RepliesView source={defaultReplies()} page={page} />;
}

export interface RepliesViewProps {
  source: RepliesSource;
  page: PageState;
  now?: () => number;
}

export function RepliesView({ source, page, now = Date.now }: RepliesViewProps) {
  const data = useSignal<Loadable<QueueData>>({ status: 'loading' });
  const settings = useSignal<Loadable<Settings>>({ status: 'loading' });
  const shown = useSignal(PAGE_SIZE);
  /** The filter's choices: '' = all; an account as `platform:handle`; a post as `platform:postId`, or 'page'. */
  const accountChoice = useSignal('');
  const postChoice = useSignal('');
  const builtIn = useSignal<BuiltInByLang>({ de: 'absent', en: 'absent' });
  const endpoint = useSignal<Loadable<AiEndpoint | null>>({ status: 'loading' });
  useEffect(() => source.watchQueue((s) => (data.value = s)), [source, data]);
  useEffect(() => source.watchSettings((s) => (settings.value = s)), [source, settings]);
  useEffect(() => source.watchEndpoint((s) => (endpoint.value = s)), [source, endpoint]);
  useEffect(() => {
    // Only asks whether the built-in model could work; no session is created before a click.
    const api = languageModelApi({ LanguageModel: source.languageModel() });
    if (!api) return;
    let cancelled = false;
    void Promise.all([builtInStatus('de', api), builtInStatus('en', api)]).then(([de, en]) => {
      if (!cancelled) builtIn.value = { de, en };
    });
    return () => {
      cancelled = true;
    };
  }, [source, builtIn]);

  const state = data.value;
  const config = settings.value;
  if (state.status === 'loading' || config.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorNote message={state.message} />;
  if (config.status === 'error') return <ErrorNote message={config.message} />;
  const { own, comments, postUrls, recent } = state.value;
  const voice = config.value.voice;

  if (own.length === 0)
    return (
      <section aria-label={t('tabReplies')} class="view replies">
        <NoOwnAccounts source={source} page={page} />
        <VoiceSettings settings={config.value} source={source} />
      </section>
    );

  const tab = page.status === 'ready' && !page.fallback ? page.tab : null;
  const filter = queueFilter(own, tab, accountChoice.value, postChoice.value);
  const queue: ReplyQueue = buildQueue(
    comments,
    own,
    brandAnalyzer(state.value.corrections ?? []),
    now(),
    filter,
  );
  const total = queue.byAccount.reduce((sum, a) => sum + a.waiting, 0);
  const items = queue.items.slice(0, shown.value);
  return (
    <section aria-label={t('tabReplies')} class="view replies">
      <ResponseFigures queue={queue} />
      <Section id="queue" title={t('repliesQueueTitle', formatCount(queue.items.length))}>
        {total > 0 && (
          <QueueFilters
            queue={queue}
            total={total}
            tab={tab}
            postTexts={state.value.postTexts ?? {}}
            account={accountChoice.value}
            post={postChoice.value}
            onAccount={(value) => {
              accountChoice.value = value;
              postChoice.value = '';
              shown.value = PAGE_SIZE;
            }}
            onPost={(value) => {
              postChoice.value = value;
              shown.value = PAGE_SIZE;
            }}
          />
        )}
        {queue.items.length === 0 ? (
          <Empty>{total > 0 ? t('repliesFilteredEmpty') : t('repliesQueueEmpty')}</Empty>
        ) : (
          <ol class="reply-queue">
            {items.map((item: Item) => (
              <QueueItem
                key={`${item.comment.platform}:${item.comment.id}`}
                item={item}
                voice={voice}
                recent={recent}
                source={source}
                tabId={
                  tab && tab.platform === item.comment.platform && tab.postIds.includes(item.comment.postId)
                    ? tab.tabId
                    : null
                }
                postUrl={postUrls[`${item.comment.platform}:${item.comment.postId}`] ?? null}
                builtIn={builtIn.value}
                endpoint={endpoint.value.status === 'ready' && endpoint.value.value !== null}
                grounding={() => {
                  const key = `${item.comment.platform}:${item.comment.postId}`;
                  const text = state.value.postTexts?.[key];
                  // The account's own replies on the page are the examples; suggested drafts are not.
                  return groundingFor(
                    item.comment,
                    comments,
                    text
                      ? { author: item.comment.postAuthorKey ? `@${item.comment.postAuthorKey}` : null, text }
                      : null,
                  );
                }}
              />
            ))}
          </ol>
        )}
        {queue.items.length > items.length && (
          <button type="button" onClick={() => (shown.value += PAGE_SIZE)}>
            {t('repliesShowMore', queue.items.length - items.length)}
          </button>
        )}
        {queue.older > 0 && <p class="note">{t('repliesOlder', formatCount(queue.older))}</p>}
      </Section>
      <VoiceSettings settings={config.value} source={source} />
      <AiSettings source={source} builtIn={builtIn.value} endpoint={endpoint.value} />
    </section>
  );
}

type Tab = Extract<PageState, { status: 'ready' }>['tab'];

/** The filter the two choices stand for ('' = everything; 'page' = the post open in the tab). */
function queueFilter(
  own: readonly { platform: Item['comment']['platform']; handle: string }[],
  tab: Tab | null,
  account: string,
  post: string,
): QueueFilter {
  const filter: QueueFilter = {};
  const chosen = own.find((a) => `${a.platform}:${a.handle}` === account);
  if (chosen) filter.account = { platform: chosen.platform, handle: chosen.handle };
  if (post === 'page') {
    // The tab's post; a tab on no post (a feed) selects nothing rather than everything.
    filter.post = {
      platform: tab?.platform ?? 'x',
      postId: tab?.postIds.length === 1 ? tab.postIds[0]! : '',
    };
  } else if (post) {
    const at = post.indexOf(':');
    const platform = own.find((a) => a.platform === post.slice(0, at))?.platform;
    if (platform) filter.post = { platform, postId: post.slice(at + 1) };
  }
  return filter;
}

function QueueFilters(props: {
  queue: ReplyQueue;
  total: number;
  tab: Tab | null;
  postTexts: Record<string, string>;
  account: string;
  post: string;
  onAccount: (value: string) => void;
  onPost: (value: string) => void;
}) {
  const { queue, tab } = props;
  const accountOf = (p: { platform: string; postAuthorKey: string }) => `${p.platform}:${p.postAuthorKey}`;
  const posts = queue.byPost.filter(
    (p) => !props.account || accountOf(p.value) === props.account.toLowerCase(),
  );
  const inAccount = posts.reduce((sum, p) => sum + p.waiting, 0);
  const onPage =
    tab && tab.postIds.length === 1
      ? posts.find((p) => p.value.platform === tab.platform && p.value.postId === tab.postIds[0])
      : undefined;
  const postLabel = (key: string, postId: string) => {
    const text = (props.postTexts[key] ?? '').replace(/\s+/g, ' ').trim();
    return text ? (text.length > 48 ? `${text.slice(0, 47)}…` : text) : postId;
  };
  return (
    <div class="queue-filters">
      {queue.byAccount.length > 1 && (
        <label>
          {t('repliesFilterAccount')}{' '}
          <select value={props.account} onChange={(e) => props.onAccount(e.currentTarget.value)}>
            <option value="">{t('repliesFilterAll', formatCount(props.total))}</option>
            {queue.byAccount.map(({ value, waiting }) => (
              <option key={`${value.platform}:${value.handle}`} value={`${value.platform}:${value.handle}`}>
                {t('repliesFilterOption', accountLabel(value), formatCount(waiting))}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('repliesFilterPost')}{' '}
        <select value={props.post} onChange={(e) => props.onPost(e.currentTarget.value)}>
          <option value="">{t('repliesFilterAll', formatCount(inAccount))}</option>
          {onPage && <option value="page">{t('repliesFilterThisPage', formatCount(onPage.waiting))}</option>}
          {posts.map(({ value, waiting }) => {
            const key = `${value.platform}:${value.postId}`;
            return (
              <option key={key} value={key}>
                {t('repliesFilterOption', postLabel(key, value.postId), formatCount(waiting))}
              </option>
            );
          })}
        </select>
      </label>
    </div>
  );
}

function ResponseFigures({ queue }: { queue: ReplyQueue }) {
  return (
    <Section id="response" title={t('repliesResponseTitle')}>
      <ul class="response-figures">
        {queue.accounts.map(({ platform, handle, name, stats }) => {
          const time = formatDuration(stats.medianMs);
          return (
            <li key={`${platform}:${handle}`}>
              <strong>{accountLabel({ platform, handle, name })}</strong>
              <span>
                {stats.rate === null
                  ? t('repliesRateNone')
                  : t(
                      'repliesRate',
                      formatPercent(stats.rate, 0),
                      formatCount(stats.answered),
                      formatCount(stats.n),
                    )}
              </span>
              <span>
                {time === null ? t('repliesTimeNone') : t('repliesTime', time, formatCount(stats.timedN))}
              </span>
              {stats.thin && stats.n > 0 && <ThinNote>{t('repliesThin', formatCount(stats.n))}</ThinNote>}
            </li>
          );
        })}
      </ul>
      <p class="note">{t('repliesSeenOnly')}</p>
    </Section>
  );
}

/** No own account yet: what the queue needs, and the page's accounts to mark with one click. */
function NoOwnAccounts({ source, page }: { source: RepliesSource; page: PageState }) {
  const status = useSignal<string | null>(null);
  const candidates: { platform: StoredComment['platform']; handle: string }[] = [];
  if (page.status === 'ready') {
    const seen = new Set<string>();
    const add = (handle: string | null | undefined) => {
      const key = (handle ?? '').toLowerCase();
      if (!key || seen.has(key)) return;
      seen.add(key);
      candidates.push({ platform: page.tab.platform, handle: key });
    };
    add(page.tab.profileHandle);
    for (const post of page.posts.slice(0, 10)) add(post.authorKey);
  }
  const mark = async (ref: (typeof candidates)[number]) => {
    const answer = await source.command({
      type: 'setAccountRole',
      platform: ref.platform,
      handle: ref.handle,
      role: 'own',
    });
    status.value = answer.ok ? null : t('commandFailed', answer.error);
  };
  return (
    <div class="no-own">
      <Empty>{t('repliesNoOwn')}</Empty>
      {candidates.length > 0 ? (
        <>
          <p class="note">{t('repliesMarkHint')}</p>
          <ul class="mark-own">
            {candidates.map((c) => (
              <li key={c.handle}>
                <button type="button" onClick={() => void mark(c)}>
                  {t('repliesMarkOwn', `@${c.handle}`, PLATFORM_NAMES[c.platform] ?? c.platform)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="note">{t('repliesNoOwnHow')}</p>
      )}
      {status.value && <p role="alert">{status.value}</p>}
    </div>
  );
}
