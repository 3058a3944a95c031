/**
 * What the built extension asks for, exactly (reads .output: runs with the browser tests, after
 * `npm run build`). Host access only to the supported platforms, no `<all_urls>`, optional hosts only
 * as optional permissions (asked one host at a time when the user adds a Mastodon instance or an AI
 * endpoint), the default CSP (no `unsafe-eval`), no remote code, nothing reachable from web pages, and
 * Firefox's data-collection declaration: none required; optionally the one comment an AI endpoint the
 * user configured receives (its text: website content; its author's name and handle: identifying).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInMatchPatterns } from '../../core/platforms/hosts';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const HOSTS = builtInMatchPatterns();
const OPTIONAL = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

function manifest(dir: string): Record<string, unknown> {
  const path = join(OUTPUT, dir, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No build in .output/${dir}: run npm run build`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

const sorted = (list: unknown) => [...(list as string[])].sort();

describe('the Chrome (MV3) manifest', () => {
  const m = manifest('chrome-mv3');

  it('asks for exactly these permissions', () => {
    expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'notifications', 'sidePanel', 'scripting']);
    expect(m.host_permissions).toEqual(HOSTS);
    expect(m.optional_host_permissions).toEqual(OPTIONAL);
    expect(m.optional_permissions).toBeUndefined();
  });

  it('reads pages only on the supported platforms', () => {
    for (const host of m.host_permissions as string[]) expect(host).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    const scripts = m.content_scripts as {
      matches: string[];
      js: string[];
      world?: string;
      run_at?: string;
    }[];
    // The content script, and the page-world hook (README: "The page's own data") on the same hosts.
    expect(scripts.map((s) => [s.js, s.world ?? 'ISOLATED'])).toEqual([
      [['content-scripts/content.js'], 'ISOLATED'],
      [['content-scripts/page-hook.js'], 'MAIN'],
    ]);
    for (const script of scripts) expect(sorted(script.matches)).toEqual(sorted(HOSTS));
    expect(scripts[1]?.run_at).toBe('document_start');
  });

  it('keeps the default CSP and exposes nothing to web pages', () => {
    expect(m.content_security_policy).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.background).toEqual({ service_worker: 'background.js' });
  });
});

describe('the Firefox (MV2) manifest', () => {
  const m = manifest('firefox-mv2');

  it('asks for exactly these permissions', () => {
    expect(m.permissions).toEqual(['storage', 'unlimitedStorage', 'notifications', ...HOSTS]);
    expect(m.optional_permissions).toEqual(OPTIONAL);
    expect(m.content_security_policy).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
  });

  it('declares that nothing is collected, and what an AI endpoint the user sets up would receive', () => {
    const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.data_collection_permissions).toEqual({
      required: ['none'],
      optional: ['websiteContent', 'personallyIdentifyingInfo'],
    });
  });

  it('reads pages only on the supported platforms, with the page-world hook in the MAIN world (Firefox 128+)', () => {
    const scripts = m.content_scripts as { matches: string[]; world?: string; run_at?: string }[];
    for (const script of scripts) expect(sorted(script.matches)).toEqual(sorted(HOSTS));
    expect(scripts.map((s) => [s.world ?? 'ISOLATED', s.run_at])).toEqual([
      ['ISOLATED', 'document_idle'],
      ['MAIN', 'document_start'],
    ]);
  });

  // wxt builds sidebar_action from the sidepanel entrypoint and used to drop open_at_install (the
  // sidebar then opened by itself at install) and take the page's <title> instead of the localised name.
  it('has a sidebar that stays closed at install, titled with the localised name', () => {
    expect(m.sidebar_action).toEqual({
      default_panel: 'sidepanel.html',
      default_title: '__MSG_extName__',
      open_at_install: false,
    });
  });
});

describe('both builds', () => {
  it.each(['chrome-mv3', 'firefox-mv2'])('%s: no <all_urls>, no unsafe-eval, no remote code', (dir) => {
    const text = readFileSync(join(OUTPUT, dir, 'manifest.json'), 'utf8');
    expect(text).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|unsafe-eval|unsafe-inline/);
    for (const path of files(join(OUTPUT, dir))) {
      const name = relative(join(OUTPUT, dir), path);
      if (name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        // Scripts and styles only from the package itself.
        for (const [, src] of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g))
          expect(src, name).toMatch(/^\/(?!\/)|^\.\/|^[a-z0-9_-]+\//i);
      }
      if (name.endsWith('.js')) {
        const js = readFileSync(path, 'utf8');
        expect(js, name).not.toMatch(/importScripts\(\s*["'`]https?:/);
        expect(js, name).not.toMatch(/import\(\s*["'`]https?:/);
        expect(js, name).not.toMatch(/\.src\s*=\s*["'`]https?:\/\/[^"'`]+\.js/);
      }
    }
  });
});
