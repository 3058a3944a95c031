/**
 * One comment in the reply queue: what it says (as text), who wrote it, where and how long ago, its
 * priority in words, and 2–3 drafts to copy or insert into the page's reply box. Optional AI drafts
 * are made only when the user clicks for them.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { platformInfo } from '../../../core/platforms/registry';
import {
  type AiOutcome,
  type BuiltInStatus,
  draftLanguage,
  draftWithBuiltIn,
  languageModelApi,
} from '../../../core/replies/ai';
import { draftLanguages } from '../../../core/replies/draft';
import type { Grounding } from '../../../core/replies/grounding';
import { type BrandVoice, type Draft, draftReplies } from '../../../core/replies/index';
import { commentKey, type QueueItem as Item, type QueueKind } from '../../../core/reports/replies';
import { type MessageKey, t, lang as uiLang } from '../../i18n';
import { PLATFORM_NAMES } from '../common';
import { CorrectTriage } from './CorrectTriage';
import { formatAge } from './format';
import type { RepliesSource } from './replies-source';

export type BuiltInByLang = Record<'de' | 'en', BuiltInStatus>;

const KIND_LABEL: Record<QueueKind, MessageKey> = {
  urgent: 'replyKindUrgent',
  complaint: 'replyKindComplaint',
  question: 'replyKindQuestion',
  purchase: 'replyKindPurchase',
  other: 'replyKindOther',
  praise: 'replyKindPraise',
  spam: 'replyKindSpam',
};

const KIND_MARK: Record<QueueKind, string> = {
  urgent: '‼',
  complaint: '!',
  question: '?',
  purchase: '€',
  other: '·',
  praise: '♥',
  spam: '∅',
};

const TONE_LABEL: Record<Draft['tone'], MessageKey> = {
  thank: 'toneThank',
  answer: 'toneAnswer',
  apologise: 'toneApologise',
  deescalate: 'toneDeescalate',
  redirect: 'toneRedirect',
};

const FALLBACK_LABEL: Record<string, MessageKey> = {
  'not-configured': 'aiFallbackNotConfigured',
  'no-permission': 'aiFallbackNoPermission',
  unavailable: 'aiFallbackUnavailable',
  timeout: 'aiFallbackTimeout',
  network: 'aiFallbackNetwork',
  http: 'aiFallbackHttp',
  'invalid-response': 'aiFallbackInvalid',
  'too-few-drafts': 'aiFallbackTooFew',
  cancelled: 'aiFallbackCancelled',
};

/** Offline drafts per comment and brand voice, made once per panel session (stable while it is open). */
const draftCache = new Map<string, Draft[]>();
const remembered = new Set<string>();

/** Forgets cached drafts (tests). */
export function resetDraftCache(): void {
  draftCache.clear();
  remembered.clear();
}

function offlineDrafts(
  item: Item,
  voice: BrandVoice,
  recent: readonly string[],
): { key: string; drafts: Draft[] } {
  const key = `${commentKey(item.comment)}|${JSON.stringify(voice)}`;
  let drafts = draftCache.get(key);
  if (!drafts) {
    drafts = draftReplies({
      comment: {
        text: item.comment.text,
        authorName: item.comment.author.name,
        authorHandle: item.comment.author.handle,
        rating: item.comment.rating ?? null,
      },
      analysis: item.analysis,
      voice,
      recent: [...recent],
    });
    draftCache.set(key, drafts);
  }
  return { key, drafts };
}

export interface QueueItemProps {
  item: Item;
  voice: BrandVoice;
  recent: readonly string[];
  source: RepliesSource;
  /** The tab showing the comment's post, when the current tab does. */
  tabId: number | null;
  postUrl: string | null;
  builtIn: BuiltInByLang;
  /** Whether the user configured an AI endpoint. */
  endpoint?: boolean;
  /** The post, thread and earlier replies around the comment, for the built-in model (read on click). */
  grounding?: () => Grounding;
}

let requests = 0;

export function QueueItem({
  item,
  voice,
  recent,
  source,
  tabId,
  postUrl,
  builtIn,
  endpoint,
  grounding,
}: QueueItemProps) {
  const { comment, analysis, kind } = item;
  const { key, drafts } = offlineDrafts(item, voice, recent);
  const ai = useSignal<AiOutcome | null>(null);
  const busy = useSignal(false);
  /** Stops the running AI request (set while one runs). */
  const cancel = useSignal<(() => void) | null>(null);
  const status = useSignal<{ text: string; ok: boolean } | null>(null);
  const lang = draftLanguage(analysis, voice);
  const other = draftLanguages(analysis, voice).other;

  const remember = (kind: 'suggested' | 'inserted', texts: string[]) =>
    texts.length ? source.command({ type: 'rememberReply', kind, texts: texts.slice(0, 5) }) : undefined;

  // What was suggested is remembered once, so later drafts for other comments never repeat it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names the comment and voice the drafts were made for
  useEffect(() => {
    if (remembered.has(key) || drafts.length === 0) return;
    remembered.add(key);
    void remember(
      'suggested',
      drafts.map((d) => d.text),
    );
  }, [key]);

  const draftComment = {
    text: comment.text,
    authorName: comment.author.name,
    authorHandle: comment.author.handle,
    rating: comment.rating ?? null,
  };

  const showAi = (outcome: AiOutcome) => {
    ai.value = outcome;
    if (outcome.source !== 'offline')
      void remember(
        'suggested',
        outcome.drafts.map((d) => d.text),
      );
  };

  const fromEndpoint = async () => {
    busy.value = true;
    requests++;
    const requestId = `${commentKey(comment)}#${requests}`;
    cancel.value = () => void source.command({ type: 'aiCancel', requestId });
    const answer = await source.command({
      type: 'aiDraft',
      platform: comment.platform,
      commentId: comment.id,
      comment: draftComment,
      requestId,
    });
    busy.value = false;
    cancel.value = null;
    if (!answer.ok) {
      status.value = { ok: false, text: t('commandFailed', answer.error) };
      return;
    }
    showAi(answer as unknown as AiOutcome);
  };

  // The session is created here, in the click handler, never before.
  const fromBuiltIn = async () => {
    busy.value = true;
    const controller = new AbortController();
    cancel.value = () => controller.abort();
    const outcome = await draftWithBuiltIn(
      {
        comment: draftComment,
        analysis,
        voice,
        recent: [...recent],
        ...(grounding ? { context: grounding() } : {}),
      },
      { api: languageModelApi({ LanguageModel: source.languageModel() }), signal: controller.signal },
    );
    busy.value = false;
    cancel.value = null;
    showAi(outcome);
  };

  const copy = async (text: string) => {
    const ok = await source.copy(text);
    status.value = ok ? { ok: true, text: t('replyCopied') } : { ok: false, text: t('replyCopyFailed') };
    if (ok) void remember('inserted', [text]);
  };

  const insert = async (text: string) => {
    if (tabId === null) return;
    const answer = await source.insertReply(tabId, comment.id, comment.text, text);
    if (!answer) status.value = { ok: false, text: t('replyInsertNoPage') };
    else if (!answer.found) status.value = { ok: false, text: t('replyInsertNoComment') };
    else if (answer.result.ok) {
      status.value = { ok: true, text: t('replyInserted') };
      void remember('inserted', [text]);
    } else if (answer.result.reason === 'no-editor')
      status.value = { ok: false, text: t('replyInsertNoBox') };
    else status.value = { ok: false, text: t('replyInsertFailed', answer.result.reason ?? '?') };
  };

  const show = async () => {
    if (tabId === null) return;
    const found = await source.scrollToComment(tabId, comment.id, comment.text);
    status.value = found ? null : { ok: false, text: t('replyInsertNoComment') };
  };

  const builtInUsable = ['available', 'downloadable', 'downloading'].includes(builtIn[lang]);
  // Google's contributor ids are no handles anyone reads: names only there.
  const handle = platformInfo(comment.platform)?.opaqueHandles ? null : comment.author.handle;
  const author = comment.author.name ?? (handle ? `@${handle}` : t('unknown'));
  const label = t(KIND_LABEL[kind]);
  const aiOutcome = ai.value;

  return (
    <li class={`reply-item kind-${kind}`} data-kind={kind} data-comment-id={comment.id}>
      <header class="reply-head">
        <span class={`kind-tag kind-${kind}`}>
          <span aria-hidden="true">{KIND_MARK[kind]} </span>
          {label}
        </span>
        <span class="reply-meta">
          <strong>{author}</strong>
          {handle && comment.author.name ? <span class="muted"> @{handle}</span> : null}
          {typeof comment.rating === 'number' ? (
            <span class="stars" role="img" aria-label={t('reviewStars', comment.rating)}>
              {' '}
              {'★'.repeat(comment.rating)}
              {'☆'.repeat(5 - comment.rating)}
            </span>
          ) : null}
          {' · '}
          {PLATFORM_NAMES[comment.platform] ?? comment.platform}
          {' · '}
          {item.time === null || item.ageMs === null ? (
            <span title={t('replyTimeUnknown')}>{t('unknown')}</span>
          ) : (
            <span title={new Date(item.time).toLocaleString()}>{formatAge(item.ageMs)}</span>
          )}
        </span>
      </header>
      <blockquote class="reply-text">{comment.text || t('unknown')}</blockquote>
      <CorrectTriage item={item} source={source} />
      {other && (
        <p class="note" data-other-language={other}>
          {t('replyOtherLanguage', languageName(other))}
        </p>
      )}
      <div class="reply-actions">
        {tabId !== null ? (
          <button type="button" class="link" onClick={() => void show()}>
            {t('replyShowOnPage')}
          </button>
        ) : postUrl ? (
          <a href={postUrl} target="_blank" rel="noopener noreferrer">
            {t('replyOpenPost')}
          </a>
        ) : null}
      </div>
      <DraftList
        title={t('replyDrafts')}
        drafts={drafts}
        showLang={other !== null}
        canInsert={tabId !== null}
        onCopy={(text) => void copy(text)}
        onInsert={(text) => void insert(text)}
      />
      {(endpoint || builtInUsable) && (
        <div class="ai-actions">
          {builtInUsable && (
            <button type="button" disabled={busy.value} onClick={() => void fromBuiltIn()}>
              {t('aiDraftBuiltIn')}
            </button>
          )}
          {endpoint && (
            <button type="button" disabled={busy.value} onClick={() => void fromEndpoint()}>
              {t('aiDraftEndpoint')}
            </button>
          )}
          {busy.value && (
            <span class="muted" role="status">
              {t('aiDrafting')}
            </span>
          )}
          {busy.value && cancel.value && (
            <button type="button" class="link" onClick={() => cancel.value?.()}>
              {t('aiCancel')}
            </button>
          )}
        </div>
      )}
      {aiOutcome &&
        (aiOutcome.source === 'offline' ? (
          <p class="note" role="status">
            {t(
              'aiFallback',
              t(FALLBACK_LABEL[aiOutcome.fallback ?? 'unavailable'] ?? 'aiFallbackUnavailable'),
            )}
          </p>
        ) : (
          <DraftList
            title={t(aiOutcome.source === 'builtin' ? 'aiDraftsBuiltIn' : 'aiDraftsEndpoint')}
            drafts={aiOutcome.drafts}
            canInsert={tabId !== null}
            onCopy={(text) => void copy(text)}
            onInsert={(text) => void insert(text)}
          />
        ))}
      <p class={`reply-status${status.value && !status.value.ok ? ' failed' : ''}`} role="status">
        {status.value?.text ?? ''}
      </p>
    </li>
  );
}

/** "Französisch" / "French" for a language code, in the UI language; the code when unknown. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(uiLang.value, { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function DraftList(props: {
  title: string;
  drafts: readonly Draft[];
  /** Say which language each draft is in (for comments in other languages). */
  showLang?: boolean;
  canInsert: boolean;
  onCopy: (text: string) => void;
  onInsert: (text: string) => void;
}) {
  if (props.drafts.length === 0) return null;
  return (
    <div class="drafts">
      <h3>{props.title}</h3>
      <ul>
        {props.drafts.map((draft) => (
          <li key={draft.text} class="draft">
            <span class="tone">
              {t(TONE_LABEL[draft.tone])}
              {props.showLang && draft.lang
                ? ` · ${t(draft.lang === 'de' ? 'replyDraftInGerman' : 'replyDraftInEnglish')}`
                : ''}
            </span>
            <p class="draft-text">{draft.text}</p>
            <div class="draft-actions">
              <button type="button" onClick={() => props.onCopy(draft.text)}>
                {t('replyCopy')}
              </button>
              <button
                type="button"
                class="primary"
                disabled={!props.canInsert}
                title={props.canInsert ? t('replyInsertHint') : t('replyInsertNeedsPage')}
                onClick={() => props.onInsert(draft.text)}
              >
                {t('replyInsert')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
