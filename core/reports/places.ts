/**
 * The Compare view for places (Google reviews): average rating, review count, new reviews per
 * month and the owner's answers, side by side for the places of a competitive set. The figures are
 * core/scoring/places.ts's, per member; members on other platforms are left to the posts table.
 */
import type { AccountObservation, CompetitiveSet, StoredAccount, StoredComment } from '../model';
import { platformInfo } from '../platforms/registry';
import { normalizeHandle } from '../scoring/maturity';
import { type PlaceFigures, placeFigures } from '../scoring/places';

export interface PlaceRow {
  platform: string;
  handle: string;
  name: string | null;
  figures: PlaceFigures;
}

/** Whether a set member is a place (its platform's accounts are places: Google). */
export function isPlace(member: { platform: StoredAccount['platform'] }): boolean {
  return platformInfo(member.platform)?.opaqueHandles === true;
}

/** One row per place of the set, in the set's order. */
export function placesTable(
  set: CompetitiveSet,
  accounts: readonly StoredAccount[],
  history: readonly AccountObservation[],
  reviews: readonly StoredComment[],
): PlaceRow[] {
  return set.members.filter(isPlace).map((m) => {
    const handle = normalizeHandle(m.handle);
    const mine = <T extends { platform: string }>(row: T, key: string) =>
      row.platform === m.platform && key === handle;
    const account = accounts.find((a) => mine(a, a.handle)) ?? null;
    return {
      platform: m.platform,
      handle,
      name: account?.name ?? null,
      figures: placeFigures(
        { platform: m.platform, handle },
        history.filter((h) => mine(h, h.handle)),
        reviews.filter((c) => mine(c, c.postAuthorKey)),
      ),
    };
  });
}
