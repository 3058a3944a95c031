// Wiring only: the page-world hook (core/content/page-hook.ts) in the page's MAIN world, before the
// page's own scripts run, on every built-in platform host. Chrome runs it as a MAIN-world content
// script; Firefox (128+) supports `world: "MAIN"` in the manifest too, in Manifest V2 as well.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { installPageHook } from '../core/content/page-hook';
import { builtInMatchPatterns, platformForHost } from '../core/platforms/hosts';

export default defineContentScript({
  matches: builtInMatchPatterns(),
  world: 'MAIN',
  runAt: 'document_start',
  // No global variable on the page's window: the page must not see the hook.
  globalName: false,
  main() {
    const platform = platformForHost(location.hostname);
    if (platform) installPageHook(window, platform);
  },
});
