import { defineConfig } from 'wxt';
import { builtInMatchPatterns } from './core/platforms/hosts';
import { platformInfo } from './core/platforms/registry';

// The manifest is written here, per browser: Chrome gets a side panel, Firefox a sidebar.
/** Hosts asked for one at a time, when used: other Mastodon instances, the user's AI endpoint. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * End-to-end builds only: Chromium under automation cannot answer the browser's permission prompt
 * (it is browser UI, not a page), so the e2e build of the Google reviews test lists Google's Maps
 * hosts as granted at install, and the research test its local 4CAT server. Release builds never
 * set this; they ask when the user switches on.
 */
const E2E_GRANTS = new Set((process.env.RESONANZ_E2E_GRANT ?? '').split(','));
const E2E_GRANTED = [
  ...(E2E_GRANTS.has('google')
    ? (platformInfo('google')?.optional?.hosts ?? []).map((host) => `https://${host}/*`)
    : []),
  // The research e2e test's local 4CAT server ("Send to 4CAT" asks for this host when saving).
  ...(E2E_GRANTS.has('4cat') ? ['http://127.0.0.1/*'] : []),
];

export default defineConfig({
  hooks: {
    // wxt writes Firefox's sidebar_action from the sidepanel entrypoint, after this manifest: it drops
    // open_at_install (the sidebar would open by itself at install) and takes the page's <title>.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox') return;
      manifest.sidebar_action = {
        default_panel: manifest.sidebar_action?.default_panel ?? 'sidepanel.html',
        default_title: '__MSG_extName__',
        open_at_install: false,
      };
    },
  },
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: process.env.RESONANZ_OUT_DIR ?? '.output',
  // Explicit imports only: a newcomer sees where everything comes from, and no module is bundled by accident.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: to run on Mastodon instances the user adds (each with its own host permission).
    // notifications: the crisis alert (a sudden rise of negative comments on an own post) has to reach
    // the user while the side panel is closed; nothing else raises notifications.
    permissions: [
      'storage',
      'unlimitedStorage',
      'notifications',
      ...(browser === 'firefox' ? [] : ['sidePanel', 'scripting']),
    ],
    host_permissions: [...builtInMatchPatterns(), ...E2E_GRANTED],
    // Other Mastodon instances (and a user's AI endpoint) are asked for one host at a time, when used.
    // http only to this machine: an OpenAI-compatible server the user runs locally (Ollama, LM Studio).
    optional_host_permissions: OPTIONAL_HOSTS,
    action: { default_title: '__MSG_actionTitle__' },
    ...(browser === 'firefox'
      ? {
          // Manifest V2 lists optional hosts among optional permissions (WXT drops optional_host_permissions).
          optional_permissions: OPTIONAL_HOSTS,
          browser_specific_settings: {
            gecko: {
              id: 'resonanz@resonanz.invalid',
              strict_min_version: '140.0',
              // Nothing is collected or sent by default. Only if the user sets up an AI endpoint and
              // clicks for AI drafts is one comment (its text, and its author's name and handle) sent
              // to that endpoint: optional, website content and personally identifying information.
              data_collection_permissions: {
                required: ['none'],
                optional: ['websiteContent', 'personallyIdentifyingInfo'],
              },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
