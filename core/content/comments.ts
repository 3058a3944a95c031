/**
 * Finding a comment's element on the page, and the comment a reply box answers. Adapters read
 * comments into snapshots without elements, so this works from what every platform leaves in the
 * markup: the comment's id in a permalink or an attribute (YouTube `lc=`, Mastodon `data-id` and
 * status links, Reddit `thingid`, X status links), else its text.
 */
import { collapseWhitespace } from '../parse/text';

export interface CommentRef {
  id: string;
  text: string;
}

/** Longest ancestor walk from an id anchor to the element that holds the comment's text. */
const MAX_CLIMB = 12;
/** Text compared: the first characters are enough and survive "… mehr anzeigen" truncation. */
const PROBE_CHARS = 60;

function textOf(el: Element): string {
  return collapseWhitespace(el.textContent ?? '');
}

function probe(text: string): string {
  return collapseWhitespace(text).slice(0, PROBE_CHARS);
}

function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Elements that carry the id: links to it, or attributes platforms use for comment ids. */
function idAnchors(root: ParentNode, id: string): Element[] {
  const q = quoted(id);
  const selectors = [
    `[data-id=${q}]`,
    `[thingid$=${q}]`,
    `[data-comment-id=${q}]`,
    `[data-review-id=${q}]`,
    `[id$=${quoted(`_${id}`)}]`,
  ];
  // An id this short could be part of other ids in links; only attributes are trusted then.
  if (id.length >= 6) selectors.push(`a[href*=${q}]`);
  try {
    return [...root.querySelectorAll(selectors.join(','))];
  } catch {
    return [];
  }
}

/** The smallest elements whose text starts with `wanted` (the comment's text element). */
function textElements(root: ParentNode, wanted: string): Element[] {
  if (!wanted) return [];
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root as Node, 4 /* NodeFilter.SHOW_TEXT */);
  const found: Element[] = [];
  const head = wanted.slice(0, Math.min(20, wanted.length));
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').includes(head.split(' ')[0] ?? head)) continue;
    for (let el = node.parentElement, depth = 0; el && depth < 6; el = el.parentElement, depth++) {
      if (textOf(el).startsWith(wanted)) {
        if (!found.includes(el)) found.push(el);
        break;
      }
      if (textOf(el).length > wanted.length * 4 + 200) break;
    }
  }
  return found;
}

/**
 * The element of a comment: climbing from an element carrying its id to the first ancestor that
 * also holds its text; else the element holding its text. Null when it is not on the page.
 */
export function locateComment(root: ParentNode, comment: CommentRef): Element | null {
  const wanted = probe(comment.text);
  for (const anchor of idAnchors(root, comment.id)) {
    let el: Element | null = anchor;
    for (let i = 0; el && i < MAX_CLIMB; i++, el = el.parentElement) {
      if (!wanted || textOf(el).includes(wanted)) return el;
    }
  }
  return textElements(root, wanted)[0] ?? null;
}

function ancestors(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) chain.push(n);
  return chain.reverse();
}

function sharedDepth(a: Node, b: Node): number {
  const pa = ancestors(a);
  const pb = ancestors(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return i;
}

/**
 * Which of the located comments a reply box answers: the one sharing the deepest ancestor with the
 * box (a platform opens the reply box inside or right below the comment). When several tie, the last
 * of them before the box — unless they are all the comments on the page (the box is the post's own
 * "add a comment" box, which answers none of them): then null.
 */
export function commentForBox<T>(box: Element, located: readonly { comment: T; el: Element }[]): T | null {
  if (located.length === 0) return null;
  const scored = located.map((item) => ({ ...item, depth: sharedDepth(item.el, box) }));
  const best = Math.max(...scored.map((s) => s.depth));
  const tied = scored.filter((s) => s.depth === best);
  if (tied.length === 1) return tied[0]!.comment;
  if (tied.length === located.length) return null;
  const before = tied.filter((s) => (s.el.compareDocumentPosition(box) & 4) /* box follows */ !== 0);
  return (before[before.length - 1] ?? null)?.comment ?? null;
}

/** Scrolls a comment into view and outlines it for a moment; false when it is not on the page. */
export function scrollToComment(doc: Document, comment: CommentRef): boolean {
  const el = locateComment(doc, comment);
  if (!el) return false;
  el.scrollIntoView?.({ behavior: 'smooth', block: 'center' });
  const html = el as HTMLElement;
  const outline = html.style.outline;
  html.style.outline = '3px solid #7c3aed';
  setTimeout(() => {
    html.style.outline = outline;
  }, 1_500);
  return true;
}
