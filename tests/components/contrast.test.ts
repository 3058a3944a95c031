/**
 * Text contrast of the side panel's colour pairs, light and dark, against WCAG 2 AA (4.5 : 1 for body
 * text). Reads the custom properties from entrypoints/sidepanel/style.css, so a colour change that
 * drops below AA fails here rather than in a screenshot nobody looks at.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(
  join(resolve(import.meta.dirname, '../..'), 'entrypoints/sidepanel/style.css'),
  'utf8',
);

/** The custom properties of the first `:root { … }` block after `from`. */
function vars(from: number): Record<string, string> {
  const start = CSS.indexOf(':root {', from);
  const block = CSS.slice(start, CSS.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PAIRS = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['fg', 'accent-bg'],
  ['warn-fg', 'warn-bg'],
  ['warn-fg', 'bg'],
  ['stars', 'bg'],
] as const;

describe('side panel contrast (WCAG AA, 4.5 : 1)', () => {
  it('computes contrast as WCAG does (the check can fail)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  const light = vars(0);
  const dark = vars(CSS.indexOf('@media (prefers-color-scheme: dark)'));
  for (const [name, scheme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keeps every text colour readable in ${name} mode`, () => {
      expect(Object.keys(scheme).length).toBeGreaterThan(8);
      const low = PAIRS.map(([f, b]) => [`${f} on ${b}`, contrast(scheme[f]!, scheme[b]!)] as const).filter(
        ([, ratio]) => ratio < 4.5,
      );
      expect(low).toEqual([]);
    });
  }

  it('keeps destructive buttons readable in dark mode', () => {
    const dangerDark =
      /@media \(prefers-color-scheme: dark\) \{\s*button\.danger \{\s*color: (#[0-9a-f]{6})/i.exec(CSS);
    expect(dangerDark).not.toBeNull();
    expect(contrast(dangerDark![1]!, dark.bg!)).toBeGreaterThanOrEqual(4.5);
  });
});
