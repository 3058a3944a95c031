/**
 * The worker side of triage corrections: a community manager says what a comment in the reply
 * queue really is (or takes that back). One row per comment, the latest wins; the side panel
 * learns the brand's offsets from them (core/replies/adapt.ts). Privileged: extension pages only.
 */
import type { ResonanzDb } from '../db/schema';
import type { PanelMessages, RequestOf } from '../messages';

export interface TriageDeps {
  db: () => Promise<ResonanzDb>;
  now: () => number;
}

/** Stores or removes a correction. */
export async function correctTriage(
  db: ResonanzDb,
  request: RequestOf<typeof PanelMessages, 'correctTriage'>,
  now: number,
): Promise<void> {
  const key: [typeof request.platform, string] = [request.platform, request.commentId];
  if (request.label === null) await db.triageCorrections.delete(key);
  else
    await db.triageCorrections.put({
      platform: request.platform,
      commentId: request.commentId,
      account: request.account.toLowerCase(),
      text: request.text,
      label: request.label,
      at: now,
    });
}

/** Privileged handlers (extension pages). */
export function triageHandlers(deps: TriageDeps) {
  return {
    async correctTriage(request: RequestOf<typeof PanelMessages, 'correctTriage'>) {
      await correctTriage(await deps.db(), request, deps.now());
      return { ok: true as const };
    },
  };
}
