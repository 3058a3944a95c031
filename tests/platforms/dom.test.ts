// @vitest-environment happy-dom
/** Text reading shared by the adapters (core/platforms/dom.ts). */
import { describe, expect, it } from 'vitest';
import { blockText, visibleText } from '../../core/platforms/dom';

function element(html: string): Element {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('visibleText and blockText', () => {
  const html =
    '<p>Pulled that wiener back from the brink.</p><p>FTFY</p><ul><li>one</li><li>two</li></ul>' +
    '<script>var x = 1</script><img alt="🔥"><span>in</span>line';

  it('visibleText runs blocks together, skips scripts, reads emoji images', () => {
    expect(visibleText(element(html))).toBe('Pulled that wiener back from the brink.FTFYonetwo🔥inline');
  });

  it('blockText keeps paragraphs and list items apart, and leaves the page untouched', () => {
    const el = element(html);
    const before = el.outerHTML;
    expect(blockText(el)).toBe('Pulled that wiener back from the brink. FTFY one two 🔥inline');
    expect(el.outerHTML).toBe(before);
    expect(blockText(null)).toBe('');
  });
});
