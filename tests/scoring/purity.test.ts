import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '../../core/scoring');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('core/scoring stays pure', () => {
  it.each(files)('%s imports only ../model and its siblings', (file) => {
    const src = readFileSync(join(dir, file), 'utf8');
    const specifiers = [...src.matchAll(/^\s*(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/gm)].map(
      (x) => x[1],
    );
    for (const s of specifiers) expect(s === '../model' || /^\.\/[\w-]+$/.test(s ?? '')).toBe(true);
  });

  it.each(files)('%s reads no clock, randomness or browser globals', (file) => {
    const src = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    // (`window` alone is a common parameter name here — a time window — so only its browser members count)
    expect(src).not.toMatch(
      /Date\.now\(|new Date\(\)|Math\.random|performance\.now|\bbrowser\.|\bchrome\.|\bdocument\.|\bwindow\.(?:location|document|navigator)|localStorage|indexedDB|\bfetch\(/,
    );
  });
});
