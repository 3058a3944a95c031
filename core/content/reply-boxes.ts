/**
 * Finding the reply box to put a draft into. Where each platform's reply box is lives in its folder
 * (`core/platforms/<id>/platform.ts`, `replyBoxes`); the lists are data, most specific first; each entry may
 * match the editable element itself or a wrapper around it (insertDraft resolves wrappers).
 * Collapsed "Add a comment…" triggers that the platform only turns into an editor on click are
 * deliberately not listed: Resonanz never clicks for the user, it waits until the box is open.
 *
 * Sources (2025): X, TikTok, Reddit and Bluesky markers as used by public automation and
 * accessibility code on GitHub (`tweetTextarea_0`, `data-e2e="comment-input"`,
 * `shreddit-composer > div[role=textbox]`, TipTap's `.ProseMirror` in bsky's composer); Mastodon's
 * `autosuggest-textarea__textarea` from its web UI; the rest from the editors' own markers
 * (Lexical's `data-lexical-editor`, Quill's `.ql-editor`, YouTube's `#contenteditable-root`).
 * Unverified against a current logged-in capture: Pinterest, XING, Threads — they fall back to
 * the generic textbox selectors at the end of their lists.
 */
import type { PlatformId } from '../model';
import type { ReplyBoxSelectors } from '../platforms/platform';
import { PLATFORMS } from '../platforms/registry';

export type { ReplyBoxSelectors } from '../platforms/platform';

/** Every platform's reply-box selectors, from its folder (`core/platforms/<id>/platform.ts`). */
export const REPLY_BOXES: Readonly<Partial<Record<PlatformId, ReplyBoxSelectors>>> = Object.fromEntries(
  PLATFORMS.map((p) => [p.id, p.replyBoxes]),
);

function candidates(doc: Document, spec: ReplyBoxSelectors): Element[] {
  const roots: ParentNode[] = [doc];
  for (const host of spec.shadowHosts?.length ? doc.querySelectorAll(spec.shadowHosts.join(',')) : []) {
    if (host.shadowRoot) roots.push(host.shadowRoot);
  }
  const found = new Set<Element>();
  for (const selector of spec.boxes) {
    for (const root of roots) for (const el of root.querySelectorAll(selector)) found.add(el);
  }
  // A wrapper and the editor inside it are one box: keep the outermost.
  return [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
}

function isUsable(el: Element): boolean {
  if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  if ((el as HTMLTextAreaElement).disabled || (el as HTMLTextAreaElement).readOnly) return false;
  // display:none / visibility:hidden boxes are kept mounted by SPAs for earlier views (YouTube).
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(el, { visibilityProperty: true }) : true;
}

function ancestors(node: Node): Node[] {
  const chain: Node[] = [];
  for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) chain.push(n);
  return chain.reverse(); // root first
}

/** How deep the nearest common ancestor of two nodes sits (higher: the two are closer). */
function sharedDepth(a: Node, b: Node): number {
  const pa = ancestors(a);
  const pb = ancestors(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  return i;
}

function deepActive(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every open, usable reply box of `platform` on the page, in document order. */
export function findReplyBoxes(doc: Document, platform: PlatformId): Element[] {
  const spec = REPLY_BOXES[platform];
  return spec ? candidates(doc, spec).filter(isUsable) : [];
}

/**
 * The reply box to put a draft into: the one inside or nearest to `near` (the comment being
 * answered) — boxes after the comment win ties, as platforms open reply boxes below it — else the
 * focused one, else the only one. Returns null when it cannot tell (no box open, or several and no
 * hint): guessing could put a reply under the wrong comment.
 */
export function findReplyBox(doc: Document, platform: PlatformId, near?: Element | null): Element | null {
  const boxes = findReplyBoxes(doc, platform);
  if (boxes.length === 0) return null;
  if (near) {
    const inside = boxes.find((box) => near.contains(box));
    if (inside) return inside;
    let best: Element | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const box of boxes) {
      const follows = (near.compareDocumentPosition(box) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
      // Depth first; among equals a following box beats a preceding one, and the first following wins.
      const score = sharedDepth(near, box) * 2 + (follows ? 1 : 0);
      if (score > bestScore || (score === bestScore && !follows)) {
        best = box;
        bestScore = score;
      }
    }
    return best;
  }
  const active = deepActive(doc);
  if (active) {
    const focused = boxes.find((box) => box === active || box.contains(active));
    if (focused) return focused;
  }
  return boxes.length === 1 ? (boxes[0] ?? null) : null;
}
