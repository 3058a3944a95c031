/**
 * A PanelSource for component tests: plain data in, every command recorded. Each `watch*` answers
 * at once with what the test gave (a value, 'loading' forever, or an error).
 */
import type {
  AccountData,
  CommandResult,
  Loadable,
  PanelCommand,
  SetData,
} from '../../components/panel/insight-source';
import type { PageState, PanelSource } from '../../components/panel/source';
import type {
  AccountObservation,
  CompetitiveSet,
  StoredAccount,
  StoredComment,
  StoredPost,
} from '../../core/model';
import { accountBaseline } from '../../core/scoring/baseline';
import { accountKey } from '../../core/scoring/maturity';
import { viewsBaseline } from '../../core/scoring/views';
import { parseSettings, type Settings } from '../../core/settings';

export type Answer<T> = T | 'loading' | { error: string };

export interface FakeData {
  page?: PageState;
  posts?: StoredPost[];
  accounts?: Answer<StoredAccount[]>;
  history?: AccountObservation[];
  reviews?: StoredComment[];
  sets?: Answer<CompetitiveSet[]>;
  settings?: Answer<Partial<Settings>>;
  /** Overrides the account read (e.g. 'loading' or an error). */
  account?: Answer<AccountData>;
  setData?: Answer<SetData>;
  baselines?: 'fail';
  command?: (request: PanelCommand) => CommandResult;
}

function answer<T>(a: Answer<T>): Loadable<T> {
  if (a === 'loading') return { status: 'loading' };
  if (a && typeof a === 'object' && 'error' in (a as object) && Object.keys(a as object).length === 1)
    return { status: 'error', message: (a as { error: string }).error };
  return { status: 'ready', value: a as T };
}

export function fakeSource(data: FakeData = {}) {
  const posts = data.posts ?? [];
  const commands: PanelCommand[] = [];
  const scrolled: { tabId: number; postId: string }[] = [];
  const baselineCalls: { platform: string; handle: string }[][] = [];
  const source: PanelSource = {
    watchPage(onChange) {
      onChange(data.page ?? { status: 'none' });
      return () => {};
    },
    async scrollToPost(tabId, postId) {
      scrolled.push({ tabId, postId });
    },
    async snapshot() {
      return null;
    },
    async baselines(refs, now) {
      baselineCalls.push(refs.map((r) => ({ ...r })));
      if (data.baselines === 'fail') throw new Error('baselines failed');
      return new Map(
        refs.map((r) => {
          const own = posts.filter(
            (p) => p.platform === r.platform && p.authorKey === r.handle.toLowerCase(),
          );
          return [
            accountKey(r.platform, r.handle),
            { ...accountBaseline(own, now), views: viewsBaseline(own, now) },
          ];
        }),
      );
    },
    watchAccounts(onChange) {
      onChange(answer(data.accounts ?? []));
      return () => {};
    },
    watchAccount(ref, onChange) {
      if (data.account !== undefined) onChange(answer(data.account));
      else {
        const key = ref.handle.toLowerCase();
        const accounts = Array.isArray(data.accounts) ? data.accounts : [];
        onChange({
          status: 'ready',
          value: {
            account: accounts.find((a) => a.platform === ref.platform && a.handle === key) ?? null,
            posts: posts.filter((p) => p.platform === ref.platform && p.authorKey === key),
            history: (data.history ?? []).filter((h) => h.platform === ref.platform && h.handle === key),
            reviews: (data.reviews ?? []).filter(
              (c) => c.platform === ref.platform && c.postAuthorKey === key,
            ),
          },
        });
      }
      return () => {};
    },
    watchSets(onChange) {
      onChange(answer(data.sets ?? []));
      return () => {};
    },
    watchSetData(set, window, onChange) {
      if (data.setData !== undefined) onChange(answer(data.setData));
      else {
        const members = new Set(set.members.map((m) => accountKey(m.platform, m.handle)));
        onChange({
          status: 'ready',
          value: {
            posts: posts.filter((p) => members.has(accountKey(p.platform, p.authorKey))),
            accounts: (Array.isArray(data.accounts) ? data.accounts : []).filter((a) =>
              members.has(accountKey(a.platform, a.handle)),
            ),
            mentionPosts: window.mentions
              ? posts.filter((p) => p.time >= window.from && p.time < window.now)
              : [],
            placeHistory: (data.history ?? []).filter((h) => members.has(accountKey(h.platform, h.handle))),
            placeReviews: (data.reviews ?? []).filter((c) =>
              members.has(accountKey(c.platform, c.postAuthorKey)),
            ),
          },
        });
      }
      return () => {};
    },
    watchSettings(onChange) {
      const s = data.settings ?? {};
      const loadable = answer(s);
      onChange(
        loadable.status === 'ready' ? { status: 'ready', value: parseSettings(loadable.value) } : loadable,
      );
      return () => {};
    },
    async command(request) {
      commands.push(request);
      return data.command?.(request) ?? { ok: true, id: 'new-set' };
    },
  };
  return { source, commands, scrolled, baselineCalls };
}
