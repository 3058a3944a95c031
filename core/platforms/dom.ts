/**
 * Small DOM readers shared by every adapter. They take elements as parameters (never the global
 * `document`), so tests hand them parsed fixtures.
 */
import { countInLabel, type ParsedCount, parseCount } from '../parse/count';
import { collapseWhitespace } from '../parse/text';
import { parseTime } from '../parse/time';

/** The first element matching any of `selectors`, tried in order (stable hooks first). */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Block elements whose text must not run into the next block's ("…the brink.</p><p>FTFY"). */
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TABLE',
  'UL',
  'OL',
]);

function textOf(el: Element | null, blocksApart: boolean): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        if (tag === 'IMG') parts.push((child as Element).getAttribute('alt') ?? '');
        else if (tag === 'BR') parts.push('\n');
        else {
          walk(child);
          if (blocksApart && BLOCKS.has(tag)) parts.push(' ');
        }
      }
    }
  };
  walk(el);
  return collapseWhitespace(parts.join(''));
}

/** Visible text of an element, with emoji images (`<img alt="🔥">`) read as their alt text. */
export function visibleText(el: Element | null): string {
  return textOf(el, false);
}

/**
 * `visibleText` with block elements kept apart: comment bodies on Reddit and Mastodon are paragraphs,
 * lists and quotes, and "…the brink.</p><p>FTFY" must read "brink. FTFY", not "brink.FTFY". Read
 * without copying the element (a copy per comment cost time, and memory in happy-dom).
 */
export function blockText(el: Element | null): string {
  return textOf(el, true);
}

/** The accessible label of an element (aria-label, else title), if any. */
export function labelOf(el: Element | null): string | null {
  return el?.getAttribute('aria-label') ?? el?.getAttribute('title') ?? null;
}

/**
 * A count shown by an element: exact digits in its aria-label or title win over the visible,
 * often abbreviated, text ("1,234 Likes" beats "1.2K").
 */
export function countOf(el: Element | null, locale: string | null): ParsedCount | null {
  if (!el) return null;
  const fromLabel = countInLabel(labelOf(el) ?? '', locale);
  const fromText = parseCount(visibleText(el), locale) ?? countInLabel(visibleText(el), locale);
  if (fromLabel && (!fromLabel.approx || !fromText)) return fromLabel;
  return fromText ?? fromLabel;
}

/** The ISO time of the first `<time datetime>` below `root`, else of its visible text. */
export function timeOf(root: ParentNode | null, page: { now: Date; locale: string | null }): string | null {
  const el = root?.querySelector('time');
  if (!el) return null;
  return (
    parseTime(el.getAttribute('datetime') ?? '', page.now, page.locale) ??
    parseTime(visibleText(el), page.now, page.locale)
  );
}

/** `href` resolved against the page URL; null for missing or non-http(s) links. */
export function absoluteUrl(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Content of `<meta property=…>` or `<meta name=…>`. */
export function meta(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const content = el?.getAttribute('content');
  return content ? collapseWhitespace(content) : null;
}

/** Every JSON-LD object in the document (arrays and @graph flattened); broken blocks are skipped. */
export function jsonLd(doc: Document): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const push = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(push);
    else if (value && typeof value === 'object') {
      out.push(value as Record<string, unknown>);
      const graph = (value as Record<string, unknown>)['@graph'];
      if (graph) push(graph);
    }
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      push(JSON.parse(script.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is the page's problem; the DOM is still read.
    }
  }
  return out;
}

/** The page's UI language from `<html lang>`. */
export function pageLocale(doc: Document): string | null {
  return doc.documentElement?.getAttribute('lang') || null;
}

/** True when `el` is inside an element matching `selector` that is itself inside `root`. */
export function isNestedIn(el: Element, selector: string, root: Element): boolean {
  const outer = el.parentElement?.closest(selector);
  return outer !== null && outer !== undefined && root.contains(outer) && outer !== root;
}
