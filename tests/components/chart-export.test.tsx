/** Exported charts stand alone: their own namespace and size, the title above, no panel classes left. */
import { describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { Bars } from '../../components/panel/charts/Bars';
import { standaloneSvg, wrapWords } from '../../components/panel/charts/export';
import { mount } from './render';

describe('chart export', () => {
  it('wraps a long title by words', () => {
    expect(wrapWords('Wettbewerb Q4 — Anteil an den Interaktionen des Vergleichs', 20)).toEqual([
      'Wettbewerb Q4 —',
      'Anteil an den',
      'Interaktionen des',
      'Vergleichs',
    ]);
  });

  it('turns the share-of-voice chart into a standalone SVG document', async () => {
    lang.value = 'de';
    const ui = await mount(
      <Bars
        caption="Anteil"
        rows={[
          { platform: 'x', handle: 'acme', share: 74.9, interactions: 300, n: 10 },
          { platform: 'x', handle: '=rival', share: 25.1, interactions: 100, n: 5 },
        ]}
      />,
    );
    const { text, width, height } = standaloneSvg(
      ui.get<SVGSVGElement>('svg'),
      'Wettbewerb Q4 — Anteil an den Interaktionen des Vergleichs, letzte 30 Tage',
    );
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(width).toBe(360 + 24);
    expect(root.getAttribute('height')).toBe(String(height));
    expect([...root.querySelectorAll('tspan')].map((t) => t.textContent)).toEqual([
      'Wettbewerb Q4 — Anteil an den Interaktionen des',
      'Vergleichs, letzte 30 Tage',
    ]);
    expect(root.querySelectorAll('[class]')).toHaveLength(0);
    expect(root.textContent).toContain('@=rival · X');
    expect(root.textContent).toContain('74,9');
    // Scraped text stays text: the handle is an escaped text node, not markup.
    expect(root.querySelectorAll('script')).toHaveLength(0);
    lang.value = 'en';
  });
});
