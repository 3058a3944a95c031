/**
 * The platform registry, as a convention: adding a platform is one folder under core/platforms/ plus
 * one line in registry.ts (and ADAPTERS). Everything about a platform lives in its folder; the generic
 * modules (manifest, content script, reply boxes, exports, panel) read it from the registry.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLY_BOXES } from '../../core/content/reply-boxes';
import { ZEESCHUIMER_SOURCE_PLATFORM } from '../../core/export/ndjson';
import { PLATFORM_IDS } from '../../core/model';
import { builtInMatchPatterns, PLATFORM_HOSTS, platformForHost } from '../../core/platforms/hosts';
import { ADAPTERS, adapterFor } from '../../core/platforms/index';
import { PLATFORM_NAMES, PLATFORMS, platformOfLinkHost } from '../../core/platforms/registry';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Modules keyed by another tool's names that happen to be domains: 4CAT's Zeeschuimer importers are
 * named 'twitter.com', 'tiktok.com', … and describe what 4CAT reads, not the platforms themselves.
 */
const DESCRIBES_OTHER_TOOLS = new Set(['core/export/importers.ts']);
const PLATFORMS_DIR = join(ROOT, 'core/platforms');

describe('adapter registry', () => {
  it('has unique adapter ids, each a known platform with an adapter file and a test', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(PLATFORM_IDS).toContain(id);
      expect(existsSync(resolve(import.meta.dirname, '../../core/platforms', id, 'adapter.ts'))).toBe(true);
      expect(existsSync(join(import.meta.dirname, `${id}.test.ts`)), `tests/platforms/${id}.test.ts`).toBe(
        true,
      );
    }
  });

  it('gives every host to exactly one platform, with valid match patterns', () => {
    const seen = new Map<string, string>();
    for (const [id, hosts] of Object.entries(PLATFORM_HOSTS)) {
      for (const host of hosts ?? []) {
        expect(seen.get(host), `${host} listed twice`).toBeUndefined();
        seen.set(host, id);
        expect(platformForHost(host)).toBe(id);
      }
    }
    for (const pattern of builtInMatchPatterns()) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it('picks the adapter by host and refuses unknown sites', () => {
    expect(adapterFor(new URL('https://twitter.com/home'))?.id).toBe('x');
    expect(adapterFor(new URL('https://example.org/'))).toBeNull();
  });
});

describe('one folder per platform', () => {
  it('registers every platform id exactly once, in its own folder, with an adapter', () => {
    const ids = PLATFORMS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...PLATFORM_IDS].sort());
    expect(ADAPTERS.map((a) => a.id).sort()).toEqual([...ids].sort());
  });

  for (const info of PLATFORMS) {
    it(`${info.id}: has hosts, a name, an adapter, endpoints, reply boxes, an export id and a conformance test`, () => {
      const folder = join(PLATFORMS_DIR, info.id);
      expect(info.name.trim().length, 'name').toBeGreaterThan(0);
      // Built-in hosts, or hosts asked for when the user switches the platform on (Google).
      const ownHosts = [...info.hosts, ...(info.optional?.hosts ?? [])];
      expect(ownHosts.length, 'hosts').toBeGreaterThan(0);
      for (const host of ownHosts) expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      for (const host of info.optional?.hosts ?? []) expect(platformForHost(host)).toBe(info.id);
      for (const match of info.optional?.matches ?? [])
        expect(match).toMatch(/^https:\/\/[a-z0-9.-]+\/[^*]+\*$/);
      for (const host of [...info.hosts, ...(info.linkHosts ?? [])])
        expect(platformOfLinkHost(host)).toBe(info.id);
      for (const file of ['platform.ts', 'adapter.ts', 'endpoints.ts'])
        expect(existsSync(join(folder, file)), `core/platforms/${info.id}/${file}`).toBe(true);
      // May be empty (no known reply box), but the entry must exist and be valid CSS.
      expect(Array.isArray(info.replyBoxes.boxes)).toBe(true);
      for (const selector of [...info.replyBoxes.boxes, ...(info.replyBoxes.shadowHosts ?? [])])
        expect(() => document.querySelector(selector), selector).not.toThrow();
      expect(info.zeeschuimerModule).toMatch(/^[a-z0-9.-]+$/);
      expect(
        existsSync(join(import.meta.dirname, `${info.id}.test.ts`)),
        `tests/platforms/${info.id}.test.ts`,
      ).toBe(true);
    });
  }

  it('is what the generic modules read: reply boxes, export ids and panel names come from the registry', () => {
    for (const info of PLATFORMS) {
      expect(REPLY_BOXES[info.id]).toBe(info.replyBoxes);
      expect(ZEESCHUIMER_SOURCE_PLATFORM[info.id]).toBe(info.zeeschuimerModule);
      expect(PLATFORM_NAMES[info.id]).toBe(info.name);
      expect(PLATFORM_HOSTS[info.id]).toBe(info.hosts);
    }
  });

  it('keeps platform tables out of the generic modules (no host lists, no tables keyed by platform)', () => {
    const hosts = PLATFORMS.flatMap((p) => [...p.hosts, ...(p.linkHosts ?? [])]);
    const hostLiteral = new RegExp(`['"\`](?:https?://)?(?:${hosts.map(escapeForRegex).join('|')})['"\`/]`);
    // An object literal with keys of three or more platforms is a per-platform table.
    const keyed = new RegExp(`^\\s*['"]?(${PLATFORM_IDS.join('|')})['"]?\\s*:`, 'gm');
    const offenders: string[] = [];
    for (const file of sourceFiles(['core', 'components', 'entrypoints'])) {
      const rel = relative(ROOT, file);
      if (/^core\/platforms\/[a-z]+\//.test(rel)) continue; // a platform's own folder
      if (DESCRIBES_OTHER_TOOLS.has(rel)) continue;
      const code = withoutComments(readFileSync(file, 'utf8'));
      if (hostLiteral.test(code)) offenders.push(`${rel}: a platform host`);
      const keys = new Set([...code.matchAll(keyed)].map((m) => m[1]));
      if (keys.size >= 3) offenders.push(`${rel}: a table keyed by ${[...keys].join(', ')}`);
    }
    expect(offenders).toEqual([]);
  });

  it('would notice a platform table in a generic module (the check above can fail)', () => {
    const keyed = new RegExp(`^\\s*['"]?(${PLATFORM_IDS.join('|')})['"]?\\s*:`, 'gm');
    const table = "const T = {\n  x: 'twitter.com',\n  reddit: 'reddit.com',\n  bluesky: 'bsky.app',\n};";
    expect(new Set([...table.matchAll(keyed)].map((m) => m[1])).size).toBe(3);
  });
});

function escapeForRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function sourceFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) out.push(path);
    }
  };
  for (const dir of dirs) if (existsSync(join(ROOT, dir))) walk(join(ROOT, dir));
  return out;
}
