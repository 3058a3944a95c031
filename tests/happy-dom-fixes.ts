/**
 * Where happy-dom (the unit tests' DOM) parses real pages differently from Chromium, patched so the
 * tests read what users' browsers read. tests/test-dom.test.ts checks each case against the
 * behaviour Chromium has, so a happy-dom update that fixes (or changes) it is noticed.
 *
 * `<style>` (or `<script>`) inside `<svg>`: happy-dom 21 creates the SVG element with a lower-case
 * tag name, then waits for its end tag by comparing against the upper-case name, never finds it, and
 * drops the rest of the document. Reddit's logo is such an SVG, so a shreddit page lost every post
 * after its header (0 of 1 `shreddit-post` read; Chromium reads it). The patch compares the names
 * case-insensitively, as the HTML parsing spec does for this end tag.
 */
import HTMLParser from 'happy-dom/lib/html-parser/HTMLParser.js';
import * as PropertySymbol from 'happy-dom/lib/PropertySymbol.js';

type RawTextParser = {
  currentNode: Record<symbol, unknown> | null;
  parseRawTextElementContent(tagName: string, text: string): void;
};

const proto = (HTMLParser as unknown as { prototype: RawTextParser }).prototype;
const original = proto.parseRawTextElementContent;

proto.parseRawTextElementContent = function (this: RawTextParser, tagName: string, text: string) {
  const node = this.currentNode;
  const own = node?.[PropertySymbol.tagName];
  if (
    !node ||
    typeof own !== 'string' ||
    own === own.toUpperCase() ||
    own.toUpperCase() !== tagName.toUpperCase()
  )
    return original.call(this, tagName, text);
  // The SVG element's name is lower case: let the original see the name it expects, then restore it.
  node[PropertySymbol.tagName] = own.toUpperCase();
  try {
    original.call(this, tagName, text);
  } finally {
    node[PropertySymbol.tagName] = own;
  }
};
