import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// node:url rather than the global URL, which happy-dom replaces.
const dir = join(fileURLToPath(import.meta.url), '../../../core/parse');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('core/parse is pure', () => {
  it('has source files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['count.ts', 'time.ts', 'text.ts', 'index.ts']));
  });

  it.each(files)('%s imports nothing but its siblings and ../model', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...source.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1],
    );
    const dynamic = [...source.matchAll(/\bimport\s*\(/g)];
    expect(dynamic).toEqual([]);
    for (const specifier of specifiers) expect(specifier).toMatch(/^\.\/[\w-]+$|^\.\.\/model$/);
  });

  it.each(files)('%s touches no DOM or extension globals', (file) => {
    const code = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(?:document|window|navigator|chrome|browser|localStorage|indexedDB)\s*[.[]/);
  });
});
