// Wiring only: one content script serves every platform; behaviour lives in core/content and
// components/overlay.
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Overlay } from '../../components/overlay/overlay';
import { CaptureLoop } from '../../core/content/capture-loop';
import { scrollToPost } from '../../core/content/scroll';
import { snapshotPage } from '../../core/content/snapshot';
import { ContentMessages, TabRequest } from '../../core/messages';
import { builtInMatchPatterns } from '../../core/platforms/hosts';
import { adapterFor } from '../../core/platforms/index';

export default defineContentScript({
  matches: builtInMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href), document);
    if (!adapter) return;
    const settings = ContentMessages.overlaySettings.response.safeParse(
      await browser.runtime.sendMessage({ type: 'overlaySettings', platform: adapter.id }).catch(() => null),
    );
    if (settings.success && !settings.data.capture) return;
    const overlay = new Overlay(document, settings.success ? settings.data.badges : true);
    const loop = new CaptureLoop({
      adapter,
      doc: document,
      url: () => location.href,
      send: async (request) => {
        if (!ctx.isValid) return undefined;
        const answer = await browser.runtime.sendMessage(request);
        const ok = ContentMessages.capture.response.safeParse(answer);
        return ok.success ? ok.data : (answer as { ok: false; error: string; retry?: boolean } | undefined);
      },
      idle: (task) => ctx.requestIdleCallback(task, { timeout: 500 }),
      setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
      ignore: (node) => node.nodeName === Overlay.TAG,
      onPosts: (read) => overlay.show(read),
      onScores: (scores) => overlay.scores(scores),
    });
    loop.start();
    ctx.addEventListener(window, 'wxt:locationchange', () => loop.navigated());
    ctx.onInvalidated(() => {
      loop.stop();
      overlay.remove();
    });

    // Requests from the worker (snapshot, scroll-to-post), schema-checked like everything else.
    const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const request = TabRequest.safeParse(message);
      if (!request.success) return undefined;
      if (request.data.type === 'snapshotPage')
        return Promise.resolve(snapshotPage(document, location.href, request.data));
      return Promise.resolve({ ok: true, found: scrollToPost(adapter, document, request.data.postId) });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
