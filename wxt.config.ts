import { defineConfig } from 'wxt';
import { builtInMatchPatterns } from './core/platforms/hosts';

// The manifest is written here, per browser: Chrome gets a side panel, Firefox a sidebar.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  // Explicit imports only: a newcomer sees where everything comes from, and no module is bundled by accident.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: to run on Mastodon instances the user adds (each with its own host permission).
    permissions: [
      'storage',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'scripting']),
    ],
    host_permissions: builtInMatchPatterns(),
    // Other Mastodon instances (and a user's AI endpoint) are asked for one host at a time, when used.
    optional_host_permissions: ['https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_panel: 'sidepanel.html',
            default_title: '__MSG_extName__',
            open_at_install: false,
          },
          browser_specific_settings: {
            gecko: {
              id: 'resonanz@resonanz.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
