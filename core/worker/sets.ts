/**
 * Competitive sets: create, rename, delete, and add or remove members (any mix of platforms). Each
 * change is one read-modify-write transaction, so two panels editing the same set never lose a member.
 */
import { accountKey } from '../db/capture';
import type { ResonanzDb } from '../db/schema';
import type { PanelMessages, RequestOf } from '../messages';
import { CompetitiveSet } from '../model';

type P = typeof PanelMessages;

export interface SetDeps {
  db: () => Promise<ResonanzDb>;
  /** Epoch ms (injected for tests). */
  now?: () => number;
  /** A fresh set id (injected for tests). */
  newId?: () => string;
}

/** The refusal when a set does not exist (deleted in another panel, or a stale id). */
const NO_SET = { ok: false as const, error: 'no such competitive set', retry: false };
/** The schema's member limit, as a refusal rather than an exception. */
const FULL = { ok: false as const, error: 'a competitive set holds at most 100 accounts', retry: false };

/** Handlers for the set messages; `route` has already checked the sender and the request schema. */
export function setHandlers(deps: SetDeps) {
  const now = deps.now ?? (() => Date.now());
  const newId = deps.newId ?? (() => crypto.randomUUID());

  /** Applies `change` to the set `id` inside one transaction; the result is validated before it is written. */
  async function update(id: string, change: (set: CompetitiveSet) => CompetitiveSet | typeof FULL) {
    const db = await deps.db();
    return db.transaction('rw', db.sets, async () => {
      const before = await db.sets.get(id);
      if (!before) return NO_SET;
      const after = change(before);
      if ('ok' in after) return after;
      await db.sets.put(CompetitiveSet.parse(after));
      return { ok: true as const };
    });
  }

  return {
    async createSet(request: RequestOf<P, 'createSet'>) {
      const db = await deps.db();
      const set = CompetitiveSet.parse({ id: newId(), name: request.name, members: [], createdAt: now() });
      await db.sets.add(set);
      return { ok: true as const, id: set.id };
    },
    async renameSet(request: RequestOf<P, 'renameSet'>) {
      return update(request.id, (set) => ({ ...set, name: request.name }));
    },
    async deleteSet(request: RequestOf<P, 'deleteSet'>) {
      const db = await deps.db();
      await db.sets.delete(request.id);
      return { ok: true as const };
    },
    async addSetMember(request: RequestOf<P, 'addSetMember'>) {
      const member = { platform: request.platform, handle: accountKey(request.handle.replace(/^@/, '')) };
      return update(request.id, (set) => {
        const present = set.members.some((m) => m.platform === member.platform && m.handle === member.handle);
        if (present) return set;
        if (set.members.length >= 100) return FULL;
        return { ...set, members: [...set.members, member] };
      });
    },
    async removeSetMember(request: RequestOf<P, 'removeSetMember'>) {
      const handle = accountKey(request.handle.replace(/^@/, ''));
      return update(request.id, (set) => ({
        ...set,
        members: set.members.filter((m) => !(m.platform === request.platform && m.handle === handle)),
      }));
    },
  };
}
