/**
 * What the side panel's reply queue asks of a page: show a comment, and put a draft into the reply
 * box under it. The box must already be open — Resonanz never clicks "Reply" for the user, and never
 * sends: insertDraft only puts text into the platform's own editor.
 */
import type { PlatformId } from '../model';
import { type CommentRef, locateComment } from './comments';
import { type InsertResult, insertDraft } from './insert-text';
import { findReplyBox } from './reply-boxes';

export interface InsertReplyAnswer {
  ok: true;
  /** Whether the comment was found on the page. */
  found: boolean;
  result: Pick<InsertResult, 'ok' | 'reason' | 'note'> | { ok: false; reason: 'no-comment' };
}

/** Inserts `draft` into the reply box nearest the comment; the comment must be on the page. */
export async function insertReply(
  doc: Document,
  platform: PlatformId,
  comment: CommentRef,
  draft: string,
  insert: (target: Element, text: string) => Promise<InsertResult> = insertDraft,
): Promise<InsertReplyAnswer> {
  const el = locateComment(doc, comment);
  if (!el) return { ok: true, found: false, result: { ok: false, reason: 'no-comment' } };
  const box = findReplyBox(doc, platform, el);
  if (!box) return { ok: true, found: true, result: { ok: false, reason: 'no-editor' } };
  const result = await insert(box, draft).catch(
    (): InsertResult => ({ ok: false, method: 'none', kind: null, reason: 'rejected' }),
  );
  return {
    ok: true,
    found: true,
    result: {
      ok: result.ok,
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.note ? { note: result.note } : {}),
    },
  };
}
