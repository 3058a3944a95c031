/**
 * Visible text with block elements kept apart: `visibleText` runs "…the brink.</p><p>FTFY" together
 * as "brink.FTFY". Reddit and Mastodon bodies are paragraphs, lists and quotes, so they need this.
 * It could move to core/platforms/dom.ts (or `visibleText` could learn it) for every platform.
 */
import { visibleText } from '../dom';

const BLOCKS = 'p, div, li, blockquote, pre, h1, h2, h3, h4, h5, h6, tr, table, ul, ol';

/** Text of `el` as visibleText reads it, with a space after every block element. */
export function blockText(el: Element | null): string {
  if (!el) return '';
  if (!el.querySelector(BLOCKS)) return visibleText(el);
  const copy = el.cloneNode(true) as Element;
  for (const block of copy.querySelectorAll(BLOCKS)) block.after(' ');
  return visibleText(copy);
}
