/**
 * Conventions a newcomer relies on: dependencies point one way (entrypoints → components → core),
 * core/parse and core/scoring stay pure, and no scraped text reaches an HTML sink.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** Relative imports of `file` resolved to repository files (type-only imports included). */
function localImports(file: string): string[] {
  const out: string[] = [];
  for (const spec of importsOf(file)) {
    if (!spec.startsWith('.')) continue;
    const base = join(dirname(file), spec);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find(
      (candidate) => /\.(ts|tsx)$/.test(candidate) && existsSync(join(ROOT, candidate)),
    );
    if (hit) out.push(hit);
  }
  return out;
}

/** Strongly connected groups of more than one module (Tarjan): each is an import cycle. */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        group.push(w);
        if (w === v) break;
      }
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

describe('architecture', () => {
  it('has no import cycles (type-only imports included): modules load in one order', () => {
    const files = [...sources('core'), ...sources('components'), ...sources('entrypoints')];
    expect(importCycles(files)).toEqual([]);
  });

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
