/** Which part of a YouTube document is the page the user sees, and small readers the page parts share. */
import { countInLabel, type ParsedCount, parseCount } from '../../parse/count';
import type { PageContext } from '../adapter';
import { labelOf, visibleText } from '../dom';
import { PAGES } from './selectors';

/**
 * The page element the URL shows. YouTube keeps earlier pages of the visit in `ytd-page-manager`,
 * hidden; a page of the wrong kind that is still visible is a navigation in progress, not this page.
 * Without the desktop app shell (mobile site, saved fragments) the whole document counts.
 */
export function activePage(page: PageContext): Element | null {
  if (!page.doc.querySelector(PAGES.app)) return page.doc.body ?? page.doc.documentElement;
  const head = page.url.pathname.split('/')[1];
  const tag =
    page.kind === 'post'
      ? head === 'shorts'
        ? PAGES.shorts
        : PAGES.watch
      : page.kind === 'search' && head === 'results'
        ? PAGES.search
        : PAGES.browse;
  // Looked up anywhere, not only below the page manager: saved pages do not always keep that nesting.
  return [...page.doc.querySelectorAll(tag)].find((el) => !el.hasAttribute('hidden')) ?? null;
}

const PAGE_ELEMENTS = [PAGES.watch, PAGES.shorts, PAGES.search, PAGES.browse].join(', ');

/**
 * True when `el` is part of the page element `scope`, also where it was pushed out of it. A saved
 * page holds the live DOM as markup, and the live DOM nests what markup cannot: YouTube's player has
 * a `<button>` inside a `<button>`. Parsed again (Chromium, any HTML5 parser), the inner button ends
 * the outer one, the end tags after it close the player's ancestors, and the rest of the watch page
 * (the sidebar) lands after `ytd-watch-flexy` inside `ytd-app`. Content outside every page element
 * belongs to the page element that opened last before it: the one it was pushed out of.
 */
export function withinPage(el: Element, scope: Element): boolean {
  if (scope.contains(el)) return true;
  const doc = scope.ownerDocument;
  const app = doc.querySelector(PAGES.app);
  if (!app?.contains(el) || el.closest(PAGE_ELEMENTS) || hiddenWithin(el, app)) return false;
  let opener: Element | null = null;
  for (const candidate of doc.querySelectorAll(PAGE_ELEMENTS)) {
    if (!(candidate.compareDocumentPosition(el) & 4)) break; // Node.DOCUMENT_POSITION_FOLLOWING
    opener = candidate;
  }
  return opener === scope;
}

/** True when `el` or an ancestor below `scope` carries `hidden` (a collapsed shelf, a closed panel). */
export function hiddenWithin(el: Element, scope: Element): boolean {
  for (let node: Element | null = el; node && node !== scope; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return true;
  }
  return false;
}

/** The first element for `selectors` (in order) that is not hidden below `root`. */
export function firstShown(root: Element, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    for (const el of root.querySelectorAll(selector)) if (!hiddenWithin(el, root)) return el;
  }
  return null;
}

/** The watch page's own video block (not the sidebar or comments). */
export function watchRoot(scope: Element): Element | null {
  if (!scope.matches(PAGES.watch)) return scope.querySelector(PAGES.watch);
  return scope;
}

/** The first exact count among `candidates`, else the first approximate one. */
export function bestCount(candidates: (ParsedCount | null)[]): ParsedCount | null {
  return candidates.find((c) => c && !c.approx) ?? candidates.find((c) => c) ?? null;
}

/** The count on a button (likes, comments): its aria-label holds the exact number, its text the abbreviated one. */
export function countOnButton(container: Element | null, locale: string | null): ParsedCount | null {
  if (!container) return null;
  const labelled = [container, ...container.querySelectorAll('[aria-label]')]
    .map((el) => labelOf(el) ?? '')
    .filter((label) => /\d/.test(label));
  const fromLabel = labelled.map((label) => countInLabel(label, locale));
  const fromText = parseCount(visibleText(container), locale);
  return bestCount([...fromLabel, fromText]);
}
