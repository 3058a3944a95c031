// Wiring only: one content script serves every platform; behaviour lives in core/content and
// components/overlay.
import browser from 'webextension-polyfill';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { InPlaceReplies } from '../../components/overlay/in-place';
import { Overlay } from '../../components/overlay/overlay';
import { CaptureLoop } from '../../core/content/capture-loop';
import { scrollToComment } from '../../core/content/comments';
import { scheduler } from '../../core/content/lifetime';
import { PageDataReceiver } from '../../core/content/page-data';
import { insertReply } from '../../core/content/reply-actions';
import { scrollToPost } from '../../core/content/scroll';
import { snapshotPage } from '../../core/content/snapshot';
import { ContentMessages, TabRequest } from '../../core/messages';
import { sender } from '../../core/messaging';
import { builtInMatchPatterns } from '../../core/platforms/hosts';
import { adapterFor } from '../../core/platforms/index';

export default defineContentScript({
  matches: builtInMatchPatterns(),
  runAt: 'document_idle',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href), document);
    if (!adapter) return;
    // Settings come by message: content scripts have no access to extension storage (where secrets
    // once were; see core/worker/secrets.ts).
    const send = sender(ContentMessages, (message) => browser.runtime.sendMessage(message));
    const overlaySettings = () => send({ type: 'overlaySettings', platform: adapter.id });
    const settings = await overlaySettings();
    // Not ctx.requestIdleCallback/setTimeout: those leak one listener per call (core/content/lifetime.ts).
    const timers = scheduler(ctx);
    // The responses the page-world hook (entrypoints/page-hook.content.ts) hands over; with capture
    // off, the hook is told to stand down and reads nothing.
    let loop: CaptureLoop | null = null;
    const pageData = new PageDataReceiver({
      adapter,
      doc: document,
      url: () => location.href,
      onData: (data) => loop?.addPageData(data),
      idle: (task) => timers.idle(task, 500),
    });
    const capture = !(settings.ok && !settings.capture);
    pageData.start(capture);
    ctx.onInvalidated(() => pageData.stop());
    if (!capture) return;
    const overlay = new Overlay(document, settings.ok ? settings.badges : true);
    loop = new CaptureLoop({
      adapter,
      doc: document,
      url: () => location.href,
      send: async (request) => (ctx.isValid ? send(request) : undefined),
      idle: (task) => timers.idle(task, 500),
      setTimer: (fn, ms) => timers.setTimer(fn, ms),
      ignore: (node) => node.nodeName === Overlay.TAG || node.nodeName === InPlaceReplies.TAG,
      onPosts: (read) => overlay.show(read),
      onScores: (scores) => overlay.scores(scores),
      pageDataStats: () => pageData.stats,
    });
    loop.start();
    // The language chosen in Settings, for the badges.
    if (settings.ok) overlay.setLanguage(settings.language);
    ctx.addEventListener(window, 'wxt:locationchange', () => loop?.navigated());
    ctx.onInvalidated(() => {
      loop?.stop();
      overlay.remove();
    });

    // Requests from the worker (snapshot, scroll-to-post), schema-checked like everything else.
    const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const request = TabRequest.safeParse(message);
      if (!request.success) return undefined;
      // The Settings view's badge toggles and language apply to open pages at once (the worker tells
      // every tab; the page asks for its settings again).
      if (request.data.type === 'settingsChanged')
        return overlaySettings().then((next) => {
          if (next.ok) {
            overlay.setLanguage(next.language);
            overlay.setEnabled(next.badges);
          }
          return { ok: true };
        });
      if (request.data.type === 'snapshotPage')
        return Promise.resolve(snapshotPage(document, location.href, request.data));
      if (request.data.type === 'scrollToComment')
        return Promise.resolve({
          ok: true,
          found: scrollToComment(document, { id: request.data.commentId, text: request.data.text }),
        });
      if (request.data.type === 'insertReply')
        return insertReply(
          document,
          adapter.id,
          { id: request.data.commentId, text: request.data.text },
          request.data.draft,
        );
      return Promise.resolve({ ok: true, found: scrollToPost(adapter, document, request.data.postId) });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // Reply drafts beside the platform's reply box when the user focuses it (own accounts' posts only).
    const inPlace = new InPlaceReplies({
      doc: document,
      adapter,
      url: () => location.href,
      requestDrafts: async (request) => {
        if (!ctx.isValid) return null;
        const answer = await send({ type: 'draftsFor', ...request });
        return answer.ok ? answer.drafts : null;
      },
      onInserted: (request, text) =>
        void send({ type: 'replyInserted', platform: request.platform, commentId: request.commentId, text }),
    });
    inPlace.start();
    ctx.onInvalidated(() => inPlace.stop());
  },
});
