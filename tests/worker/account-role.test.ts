/** Marking an account as own (or competitor) changes its role and nothing else it knows. */
import { describe, expect, it } from 'vitest';
import { ResonanzDb } from '../../core/db/schema';
import type { StoredAccount } from '../../core/model';
import { panelHandlers } from '../../core/worker/panel-handlers';

describe('setAccountRole', () => {
  it("keeps a place's rating, count and histogram, and the account's counts, when the role changes", async () => {
    const db = new ResonanzDb(`account-role-${Date.now()}`);
    const place: StoredAccount = {
      platform: 'google',
      handle: '0x1:0xa',
      name: 'Bäckerei Beispiel',
      role: null,
      followers: null,
      following: null,
      posts: null,
      lastSeen: 123,
      place: { rating: 4.1, reviews: 87, histogram: { '5': 52, '4': 14, '3': 6, '2': 5, '1': 10 } },
    };
    await db.accounts.put(place);
    const handlers = panelHandlers({ db: async () => db, sendToTab: async () => undefined });
    await handlers.setAccountRole({
      type: 'setAccountRole',
      platform: 'google',
      handle: '0x1:0xA',
      role: 'own',
    });
    expect(await db.accounts.get(['google', '0x1:0xa'])).toEqual({ ...place, role: 'own' });
  });

  it('creates a bare account row for an account never seen', async () => {
    const db = new ResonanzDb(`account-role-new-${Date.now()}`);
    const handlers = panelHandlers({ db: async () => db, sendToTab: async () => undefined });
    await handlers.setAccountRole({
      type: 'setAccountRole',
      platform: 'x',
      handle: 'Acme',
      role: 'competitor',
    });
    expect(await db.accounts.get(['x', 'acme'])).toEqual({
      platform: 'x',
      handle: 'acme',
      name: null,
      role: 'competitor',
      followers: null,
      following: null,
      posts: null,
      lastSeen: 0,
    });
  });
});
