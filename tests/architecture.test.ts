/**
 * Conventions a newcomer relies on: dependencies point one way (entrypoints → components → core),
 * core/parse and core/scoring stay pure, and no scraped text reaches an HTML sink.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(ROOT, dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(relative(ROOT, path)));
    else if (/\.(ts|tsx)$/.test(name)) out.push(relative(ROOT, path));
  }
  return out;
}

const importsOf = (file: string) =>
  [
    ...readFileSync(join(ROOT, file), 'utf8').matchAll(
      /^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? '');

describe('architecture', () => {
  it('keeps core/parse and core/scoring free of storage, extension APIs and UI imports', () => {
    for (const file of [...sources('core/parse'), ...sources('core/scoring')]) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(
          /dexie|webextension-polyfill|wxt|preact|\/db\/|\/platforms\/|components/,
        );
      }
      // Use of DOM or extension globals is caught by `tsc -p tsconfig.pure.json` (no DOM typings).
    }
  });

  it('lets core depend on nothing outside core (no components, no entrypoints)', () => {
    for (const file of sources('core')) {
      for (const spec of importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/components|entrypoints/);
      }
    }
  });

  it('lets components depend on core but never on entrypoints', () => {
    for (const file of sources('components')) {
      for (const spec of importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/entrypoints/);
    }
  });

  it('renders scraped text as text: no HTML sinks in product code', () => {
    for (const file of [...sources('core'), ...sources('components'), ...sources('entrypoints')]) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text, file).not.toMatch(
        /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      );
    }
  });
});
