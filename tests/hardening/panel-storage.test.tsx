/**
 * The side panel when storage fails: the banner that says capture paused (why, what to do, "try
 * again"), the nearly-full warning, the real storage.local wiring of that banner, and the message the
 * "This page" view shows when the database cannot be opened (private window, failed upgrade).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { lang, t } from '../../components/i18n';
import {
  browserStorageSource,
  StorageBanner,
  type StorageBannerSource,
} from '../../components/panel/StorageBanner';
import { browserSource, type PageState } from '../../components/panel/source';
import { CAPTURE_PAUSED_KEY } from '../../core/capture-pause';
import { openDb, ResonanzDb } from '../../core/db/schema';
import { click, mount, settle } from '../components/render';

beforeEach(() => {
  lang.value = 'en';
});

/** A banner source under the test's control. */
function fakeStorage(start: { paused: boolean; usage?: number; quota?: number }) {
  let listener: ((paused: boolean) => void) | null = null;
  const state = { ...start };
  const source: StorageBannerSource & { set(paused: boolean): void; resumes: number } = {
    resumes: 0,
    watchPaused(onChange) {
      listener = onChange;
      onChange(state.paused);
      return () => {
        listener = null;
      };
    },
    estimate: async () => (state.quota ? { usage: state.usage ?? 0, quota: state.quota } : null),
    resume: async () => {
      source.resumes++;
      return true;
    },
    set(paused) {
      state.paused = paused;
      listener?.(paused);
    },
  };
  return source;
}

describe('the storage banner', () => {
  it('says why capture paused, that nothing is lost, what to free, and resumes on "Try again"', async () => {
    const source = fakeStorage({ paused: true });
    const view = await mount(<StorageBanner source={source} />);
    expect(view.get('[role="alert"]').textContent).toContain(t('storagePaused'));
    expect(view.text()).toContain('Nothing already stored is lost');
    expect(view.text()).toContain(t('storagePausedHelp'));
    await click(view.button('Try again'));
    expect(source.resumes).toBe(1);
    source.set(false); // the worker cleared the pause
    await settle();
    expect(view.text()).toBe('');
    // Capture ran into the full disk again: the banner comes back and says the space is still short.
    source.set(true);
    await settle();
    expect(view.text()).toContain(t('storageStillFull'));
  });

  it('warns from 80 % used, with the figures, and says nothing below', async () => {
    const nearly = await mount(
      <StorageBanner source={fakeStorage({ paused: false, usage: 850e6, quota: 1e9 })} />,
    );
    expect(nearly.get('[role="status"]').textContent).toBe(
      'Storage is 85% full (850 MB of 1 GB). When it is full, capture pauses; delete old research collections or keep history for a shorter time in Settings.',
    );
    const fine = await mount(
      <StorageBanner source={fakeStorage({ paused: false, usage: 790e6, quota: 1e9 })} />,
    );
    expect(fine.text()).toBe('');
    const unknown = await mount(<StorageBanner source={fakeStorage({ paused: false })} />);
    expect(unknown.text()).toBe('');
  });

  it('reads German', async () => {
    lang.value = 'de';
    const view = await mount(<StorageBanner source={fakeStorage({ paused: true })} />);
    expect(view.text()).toContain('Die Erfassung ist angehalten');
    expect(view.button('Erneut versuchen')).toBeTruthy();
  });

  it('follows the pause the worker keeps in storage.local, and asks the worker to resume', async () => {
    const source = browserStorageSource();
    const seen: boolean[] = [];
    const stop = source.watchPaused((paused) => seen.push(paused));
    await settle();
    await browser.storage.local.set({ [CAPTURE_PAUSED_KEY]: { reason: 'quota', at: 1 } });
    await settle();
    await browser.storage.local.remove(CAPTURE_PAUSED_KEY);
    await settle();
    stop();
    expect(seen).toEqual([false, true, false]);
    const send = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: true });
    expect(await source.resume()).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'resumeCapture' });
    send.mockResolvedValue({ ok: false, error: 'x' });
    expect(await source.resume()).toBe(false);
    send.mockRestore();
  });
});

describe('"This page" when the database cannot be opened', () => {
  afterEach(() => {
    history.replaceState(null, '', '/');
  });
  const states = async (open: () => Promise<ResonanzDb>) => {
    const seen: PageState[] = [];
    const stop = browserSource(open).watchPage((s) => seen.push(s));
    await settle(5);
    stop();
    return seen;
  };

  it('explains a private window instead of failing silently or looping', async () => {
    const broken = {
      open: () => {
        throw new DOMException('', 'InvalidStateError');
      },
    } as unknown as IDBFactory;
    const open = vi.fn(() =>
      openDb('hardening-panel-private', (n) => new ResonanzDb(n, { indexedDB: broken, IDBKeyRange })),
    );
    const seen = await states(open);
    expect(seen.at(-1)).toEqual({ status: 'error', message: t('errorStorageUnavailable') });
    expect(open).toHaveBeenCalledOnce();
  });
});
