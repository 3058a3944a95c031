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

/**
 * `<a>` opened inside an open `<a>`: happy-dom closes the outer link and every element opened inside
 * it, so the end tags that follow close the link's ancestors instead (a profile's activity card lost
 * its counts bar to the carousel around it). Live pages build such nested links with script and
 * captures serialise them as they are. Chromium runs the HTML spec's adoption agency algorithm: each
 * block inside the outer link is moved out of it and gets a copy of the link around its content, so
 * the blocks stay open and nested as written. This implements that algorithm for links, except that
 * formatting elements between the link and the block (`<b>`, `<i>`) are closed rather than copied.
 */
type TreeParser = {
  nodeStack: Node[];
  tagNameStack: (string | null)[];
  currentNode: Node;
  rootNode: Node;
  nextElement: Element;
  parseEndOfStartTag(attributeString: string, isSelfClosed: boolean): void;
};

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** The spec's "special" HTML elements: blocks that stay open when a link around them is closed. */
const SPECIAL = new Set(
  (
    'address applet area article aside base basefont bgsound blockquote body br button caption center col ' +
    'colgroup dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 ' +
    'h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav ' +
    'noembed noframes noscript object ol p param plaintext pre script search section select source style ' +
    'summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp'
  ).split(' '),
);
/** Elements that put a marker in the list of active formatting elements: a link outside them stays open. */
const MARKERS = new Set(['applet', 'caption', 'marquee', 'object', 'td', 'template', 'th']);

/** Duck-typed: the parsed document's classes are not necessarily the global ones. */
const htmlName = (node: Node): string | null =>
  node.nodeType === 1 && (node as Element).namespaceURI === HTML_NS ? (node as Element).localName : null;
const isHtml = (node: Node, names: Set<string>): boolean => names.has(htmlName(node) ?? '');
const isLink = (node: Node): boolean => htmlName(node) === 'a';

/** The HTML spec's adoption agency algorithm, run for a start tag `<a>` on happy-dom's stack of open elements. */
function adoptLink(parser: TreeParser): void {
  const stack = parser.nodeStack;
  const names = parser.tagNameStack;
  for (let round = 0; round < 8; round++) {
    const at = stack.findLastIndex(isLink);
    if (at < 1 || stack.slice(at + 1).some((n) => isHtml(n, MARKERS))) return;
    const link = stack[at]!;
    const blockAt = stack.findIndex((n, i) => i > at && isHtml(n, SPECIAL));
    if (blockAt === -1) {
      // No block inside the link: close it and what is open inside it.
      stack.splice(at);
      names.splice(at);
      parser.currentNode = stack[stack.length - 1] ?? parser.rootNode;
      return;
    }
    const block = stack[blockAt]!;
    // Moved out of the link to the link's parent (happy-dom's stack leaves out <html> and <body>, so
    // the parent in the tree, not the one below on the stack); a copy of the link takes its content.
    (link.parentNode ?? stack[at - 1]!).appendChild(block);
    const copy = link.cloneNode(false);
    while (block.firstChild) copy.appendChild(block.firstChild);
    block.appendChild(copy);
    stack.splice(blockAt + 1, 0, copy);
    names.splice(blockAt + 1, 0, names[at]!);
    stack.splice(at, blockAt - at);
    names.splice(at, blockAt - at);
    parser.currentNode = stack[stack.length - 1] ?? parser.rootNode;
  }
  // After eight rounds the spec takes the link off the stack and leaves the rest open.
  const at = stack.findLastIndex(isLink);
  if (at > 0) {
    stack.splice(at, 1);
    names.splice(at, 1);
    parser.currentNode = stack[stack.length - 1] ?? parser.rootNode;
  }
}

const treeProto = (HTMLParser as unknown as { prototype: TreeParser }).prototype;
const originalEndOfStartTag = treeProto.parseEndOfStartTag;

treeProto.parseEndOfStartTag = function (this: TreeParser, attributeString: string, isSelfClosed: boolean) {
  if (!isLink(this.nextElement) || !this.nodeStack.some(isLink))
    return originalEndOfStartTag.call(this, attributeString, isSelfClosed);
  adoptLink(this);
  // A link still open here sits outside a table cell (or similar): the new link nests inside, as in
  // Chromium; hide the open links from happy-dom, which would otherwise close them.
  const hidden = this.nodeStack.flatMap((node, i) => (isLink(node) ? [i] : []));
  for (const i of hidden) this.tagNameStack[i] = 'A (nested)';
  try {
    originalEndOfStartTag.call(this, attributeString, isSelfClosed);
  } finally {
    for (const i of hidden) this.tagNameStack[i] = 'A';
  }
};
