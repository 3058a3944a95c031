/**
 * The reply assistant's worker side: its memory (what it suggested and what went into a reply box),
 * drafts for the in-place control, AI drafts from the user's endpoint, the endpoint's storage, and
 * dismissing alerts. Free of extension APIs: the entrypoint passes storage, permissions and fetch.
 *
 * Who may send what: `draftsFor` and `replyInserted` come from content scripts (they only read
 * drafts and add to the memory); everything else is privileged (extension pages only, see router).
 */
import { accountKey } from '../db/capture';
import type { ResonanzDb } from '../db/schema';
import type { ContentMessages, PanelMessages, RequestOf } from '../messages';
import type { StoredComment } from '../model';
import { AI_ENDPOINT_KEY, AiEndpoint, draftWithEndpoint, endpointPermission } from '../replies/ai';
import { type Grounding, groundingFor } from '../replies/grounding';
import { analyzeComment, draftReplies } from '../replies/index';
import type { Settings } from '../settings';
import { dismissAlert } from './alerts';

/** Replies remembered at most (the oldest go first). */
export const MEMORY_LIMIT = 1_000;
/** Replies passed to the drafting as `recent` (newest first): none of them is repeated word for word. */
export const RECENT_N = 200;

/** The newest remembered reply texts, newest first. */
export async function recentReplies(db: ResonanzDb, n = RECENT_N): Promise<string[]> {
  const rows = await db.replyMemory.orderBy('at').reverse().limit(n).toArray();
  return rows.map((r) => r.text);
}

/** Remembers replies (skipping texts already remembered with the same kind lately); keeps MEMORY_LIMIT rows. */
export async function rememberReplies(
  db: ResonanzDb,
  kind: 'suggested' | 'inserted',
  texts: readonly string[],
  now: number,
): Promise<number> {
  return db.transaction('rw', db.replyMemory, async () => {
    const latest = await db.replyMemory.orderBy('at').reverse().limit(RECENT_N).toArray();
    const known = new Set(latest.filter((r) => r.kind === kind).map((r) => r.text));
    const fresh = [...new Set(texts.map((t) => t.trim()).filter((t) => t && !known.has(t)))];
    if (fresh.length) await db.replyMemory.bulkAdd(fresh.map((text) => ({ at: now, text, kind })));
    const total = await db.replyMemory.count();
    if (total > MEMORY_LIMIT) {
      const old = await db.replyMemory
        .orderBy('at')
        .limit(total - MEMORY_LIMIT)
        .primaryKeys();
      await db.replyMemory.bulkDelete(old);
    }
    return fresh.length;
  });
}

export interface ReplyDeps {
  db: () => Promise<ResonanzDb>;
  settings: () => Promise<Settings>;
  now: () => number;
  /** The stored endpoint settings (raw from storage.local, validated here). */
  readEndpoint?: () => Promise<unknown>;
  /** Writes (or with null removes) the endpoint settings in storage.local. */
  writeEndpoint?: (endpoint: AiEndpoint | null) => Promise<void>;
  /** Whether the extension holds a host permission (browser.permissions.contains). */
  hasPermission?: (origin: string) => Promise<boolean>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

type P = typeof PanelMessages;
type C = typeof ContentMessages;

/** Comments of a post read for the thread, and of the account read for its earlier replies, at most. */
const GROUNDING_ROWS = 500;

/**
 * The conversation around a stored comment: its post, the thread, the account's earlier replies
 * (from the page, then what the user inserted). Empty when the comment is not stored.
 */
export async function groundingFromDb(
  db: ResonanzDb,
  platform: StoredComment['platform'],
  commentId: string,
): Promise<Grounding | undefined> {
  const comment = await db.comments.get([platform, commentId]);
  if (!comment) return undefined;
  const [post, thread, account, inserted] = await Promise.all([
    db.posts.get([platform, comment.postId]),
    db.comments.where('[platform+postId]').equals([platform, comment.postId]).limit(GROUNDING_ROWS).toArray(),
    comment.postAuthorKey
      ? db.comments
          .where('[platform+postAuthorKey]')
          .equals([platform, comment.postAuthorKey])
          .filter((c) => c.byPostAuthor && c.parentId !== null)
          .limit(GROUNDING_ROWS)
          .toArray()
      : Promise.resolve([]),
    db.replyMemory
      .orderBy('at')
      .reverse()
      .filter((r) => r.kind === 'inserted')
      .limit(20)
      .toArray(),
  ]);
  const around = [...new Map([...thread, ...account].map((c) => [c.id, c])).values()];
  const author = post ? (post.author.handle ? `@${post.author.handle}` : post.author.name) : null;
  return groundingFor(
    comment,
    [comment, ...around.filter((c) => c.id !== comment.id)],
    post ? { author, text: post.text } : null,
    inserted.map((r) => r.text),
  );
}

/** Privileged handlers (extension pages). */
export function replyHandlers(deps: ReplyDeps) {
  // Running AI requests by id, so the panel's Cancel can stop one.
  const running = new Map<string, AbortController>();
  return {
    async aiCancel(request: RequestOf<P, 'aiCancel'>) {
      const controller = running.get(request.requestId);
      controller?.abort();
      return { ok: true as const, cancelled: controller !== undefined };
    },
    async rememberReply(request: RequestOf<P, 'rememberReply'>) {
      const stored = await rememberReplies(await deps.db(), request.kind, request.texts, deps.now());
      return { ok: true as const, stored };
    },
    async dismissAlert(request: RequestOf<P, 'dismissAlert'>) {
      const found = await dismissAlert(await deps.db(), request.id);
      return found ? { ok: true as const } : { ok: false as const, error: 'no such alert', retry: false };
    },
    async saveAiEndpoint(request: RequestOf<P, 'saveAiEndpoint'>) {
      if (!deps.writeEndpoint) return { ok: false as const, error: 'storage is not available', retry: false };
      await deps.writeEndpoint(request.endpoint);
      return { ok: true as const };
    },
    async aiDraft(request: RequestOf<P, 'aiDraft'>) {
      const [db, settings] = await Promise.all([deps.db(), deps.settings()]);
      const context = await groundingFromDb(db, request.platform, request.commentId);
      const input = {
        comment: request.comment,
        analysis: analyzeComment(request.comment.text),
        voice: settings.voice,
        recent: await recentReplies(db),
        ...(context ? { context } : {}),
      };
      const parsed = AiEndpoint.safeParse(await deps.readEndpoint?.().catch(() => null));
      const endpoint = parsed.success ? parsed.data : null;
      let outcome: Awaited<ReturnType<typeof draftWithEndpoint>>;
      if (endpoint && deps.hasPermission && !(await deps.hasPermission(endpointPermission(endpoint.baseUrl))))
        outcome = { source: 'offline', drafts: draftReplies(input), fallback: 'no-permission' };
      else {
        const controller = new AbortController();
        if (request.requestId) running.set(request.requestId, controller);
        try {
          outcome = await draftWithEndpoint(input, endpoint, {
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
            ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
            signal: controller.signal,
          });
        } finally {
          if (request.requestId) running.delete(request.requestId);
        }
      }
      return { ok: true as const, ...outcome };
    },
  };
}

/** Handlers for content scripts: drafts for the in-place control, and what went into a reply box. */
export function contentReplyHandlers(deps: ReplyDeps) {
  return {
    async draftsFor(request: RequestOf<C, 'draftsFor'>) {
      const db = await deps.db();
      const post = await db.posts.get([request.platform, request.postId]);
      const author = post?.authorKey || accountKey(request.postAuthor);
      const account = author ? await db.accounts.get([request.platform, author]) : undefined;
      if (account?.role !== 'own') return { ok: true as const, own: false, drafts: [] };
      const settings = await deps.settings();
      const drafts = draftReplies({
        comment: request.comment,
        analysis: analyzeComment(request.comment.text),
        voice: settings.voice,
        recent: await recentReplies(db),
      });
      if (drafts.length)
        await rememberReplies(
          db,
          'suggested',
          drafts.map((d) => d.text),
          deps.now(),
        );
      return { ok: true as const, own: true, drafts };
    },
    async replyInserted(request: RequestOf<C, 'replyInserted'>) {
      await rememberReplies(await deps.db(), 'inserted', [request.text], deps.now());
      return { ok: true as const };
    },
  };
}

export { AI_ENDPOINT_KEY };
