/** A RepliesSource for component tests: fixed states, recorded commands and page actions. */
import { vi } from 'vitest';
import type {
  AlertRow,
  InsertAnswer,
  Loadable,
  QueueData,
  RepliesSource,
} from '../../components/panel/replies/replies-source';
import type { PageState } from '../../components/panel/source';
import type { TabState } from '../../core/db/schema';
import type { StoredPost } from '../../core/model';
import type { AiEndpoint } from '../../core/replies/ai';
import { Settings } from '../../core/settings';

export interface FakeOptions {
  queue?: Loadable<QueueData>;
  settings?: Loadable<Settings>;
  endpoint?: Loadable<AiEndpoint | null>;
  alerts?: Loadable<AlertRow[]>;
  insert?: InsertAnswer | null;
  languageModel?: unknown;
}

export function fakeSource(options: FakeOptions = {}) {
  const source = {
    watchQueue: vi.fn((onChange: (s: Loadable<QueueData>) => void) => {
      onChange(options.queue ?? { status: 'loading' });
      return () => {};
    }),
    watchSettings: vi.fn((onChange: (s: Loadable<Settings>) => void) => {
      onChange(options.settings ?? { status: 'ready', value: Settings.parse({}) });
      return () => {};
    }),
    watchEndpoint: vi.fn((onChange: (s: Loadable<AiEndpoint | null>) => void) => {
      onChange(options.endpoint ?? { status: 'ready', value: null });
      return () => {};
    }),
    watchAlerts: vi.fn((onChange: (s: Loadable<AlertRow[]>) => void) => {
      onChange(options.alerts ?? { status: 'ready', value: [] });
      return () => {};
    }),
    command: vi.fn(async (_request: unknown) => ({ ok: true as const })),
    scrollToComment: vi.fn(async () => true),
    insertReply: vi.fn(async () =>
      options.insert === undefined
        ? { ok: true as const, found: true, result: { ok: true } }
        : options.insert,
    ),
    requestPermission: vi.fn(async () => true),
    copy: vi.fn(async () => true),
    languageModel: vi.fn(() => options.languageModel),
  } satisfies RepliesSource;
  return source;
}

export function pageOn(
  platform: TabState['platform'],
  postIds: string[],
  posts: StoredPost[] = [],
): PageState {
  return {
    status: 'ready',
    fallback: false,
    posts,
    tab: {
      tabId: 42,
      url: `https://www.youtube.com/watch?v=${postIds[0] ?? ''}`,
      platform,
      kind: 'post',
      postIds,
      profileHandle: null,
      health: { candidates: 1, extracted: 1, missing: {} },
      updatedAt: 0,
    },
  };
}

/** Lets effects and promises settle. */
export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
