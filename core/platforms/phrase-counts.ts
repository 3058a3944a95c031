/**
 * Counts that platforms write as phrases rather than in a dedicated element: "1.234 „Gefällt mir“-Angaben",
 * "Gefällt 1.234 Mal", "All reactions: 1,234", "Alle 56 Kommentare ansehen", "45 Mal geteilt".
 *
 * Each metric has templates in which `#` stands for the number (with its compact suffix: "1,2 Tsd.",
 * "298K", "298 mil"). Templates are matched against aria-labels/titles and against the text of the
 * deepest short element that holds the whole phrase, so a bar reading "32 Likes1 comment" yields 32 and 1.
 *
 * Platform-neutral; used by the Instagram, Threads, Facebook, LinkedIn, Pinterest and XING adapters.
 */
import type { Metric } from '../model';
import { type ParsedCount, parseCount } from '../parse/count';

/** Per key (usually a metric), phrase templates in priority order; `#` is the number. Lower case. */
export type Phrases<K extends string = Metric> = Partial<Record<K, readonly string[]>>;

/** Texts longer than this are prose (a caption), not a count label. */
const MAX_TEXT = 90;
/** A number with separators, then an optional compact suffix ("1,2 Tsd.", "298K", "2,5 Mio.", "298 mil"). */
const NUMBER = "(\\d(?:[\\d.,' ]*\\d)?(?:\\s?\\p{L}{1,5}\\.?)?)";

/** Lower case, one kind of space, one kind of double and single quote: how templates and texts are compared. */
export function normalizePhrase(s: string): string {
  return (
    s
      .toLowerCase()
      // Arabic-Indic and Persian digits ("كل التفاعلات: ١٤٢") read like ASCII ones; direction marks are not text.
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
      .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
      .replace(/\u066c/g, ',')
      .replace(/[\u200e\u200f\u061c]/g, '')
      .replace(/[\s\u00a0\u202f\u2009\u200b]+/g, ' ')
      .replace(/[„“”«»″"]/g, '"')
      .replace(/[‚‘’′`]/g, "'")
      .trim()
  );
}

const compiled = new Map<string, RegExp>();

function templateRegex(template: string): RegExp {
  let re = compiled.get(template);
  if (!re) {
    const parts = normalizePhrase(template)
      .split('#')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*'));
    re = new RegExp(`(?<![\\p{L}\\p{N}.,])${parts.join(NUMBER)}`, 'u');
    compiled.set(template, re);
  }
  return re;
}

/** The count a phrase states by one of the templates, with the template's index; null when none matches. */
export function countInPhrase(
  text: string,
  templates: readonly string[],
  locale: string | null,
): { count: ParsedCount; rank: number } | null {
  const s = normalizePhrase(text);
  if (!/\d/.test(s)) return null;
  for (let rank = 0; rank < templates.length; rank++) {
    const m = templateRegex(templates[rank]!).exec(s);
    const raw = m?.[1];
    if (!raw) continue;
    // A suffix of another language than the page's ("298 mil" on an English page) is read without the hint.
    const count = parseCount(raw, locale) ?? parseCount(raw, null);
    if (count) return { count, rank };
  }
  return null;
}

interface Hit {
  el: Element;
  count: ParsedCount;
  rank: number;
  fromLabel: boolean;
  order: number;
}

export interface PhraseOptions {
  /** Elements whose subtree is not read (the post's own text, a nested post). */
  skip?: (el: Element) => boolean;
  /** Read visible texts too, not only aria-labels and titles (default true). */
  texts?: boolean;
}

/**
 * Counts stated by phrases below (and on) `root`. Per key: exact digits beat abbreviated ones, then the
 * earlier template, then page order.
 */
export function phraseCounts<K extends string>(
  root: Element,
  phrases: Phrases<K>,
  locale: string | null,
  options: PhraseOptions = {},
): Partial<Record<K, ParsedCount>> {
  const keys = Object.keys(phrases) as K[];
  const hits = new Map<K, Hit[]>(keys.map((k) => [k, []]));
  let order = 0;
  const visit = (el: Element) => {
    if (options.skip?.(el)) return;
    const label = el.getAttribute('aria-label') ?? el.getAttribute('title');
    const text = options.texts === false ? null : (el.textContent ?? '');
    for (const key of keys) {
      const templates = phrases[key] ?? [];
      const list = hits.get(key)!;
      if (label) {
        const found = countInPhrase(label, templates, locale);
        if (found) list.push({ el, ...found, fromLabel: true, order: order++ });
      }
      if (text && text.length <= MAX_TEXT) {
        const found = countInPhrase(text, templates, locale);
        if (found) {
          // The deepest element holding the phrase wins over its ancestors, whose text runs counts together.
          for (let i = list.length - 1; i >= 0; i--) {
            const hit = list[i]!;
            if (!hit.fromLabel && hit.el !== el && hit.el.contains(el)) list.splice(i, 1);
          }
          list.push({ el, ...found, fromLabel: false, order: order++ });
        }
      }
    }
    for (const child of el.children) visit(child);
  };
  visit(root);
  const out: Partial<Record<K, ParsedCount>> = {};
  for (const key of keys) {
    const best = [...hits.get(key)!].sort(
      (a, b) => Number(a.count.approx) - Number(b.count.approx) || a.rank - b.rank || a.order - b.order,
    )[0];
    if (best) out[key] = best.count;
  }
  return out;
}

/**
 * The deepest short element below `root` whose text states a count by one of `templates`, with the count
 * and, when the element (or a close relative) carries exact digits in a `title`, those instead: Instagram
 * and Threads write "12,3 Tsd. Follower" and keep "12.345" in a title attribute.
 */
export function statementOf(
  root: Element,
  templates: readonly string[],
  locale: string | null,
  skip?: (el: Element) => boolean,
): { el: Element; count: ParsedCount } | null {
  const matches = (el: Element) => {
    const text = el.textContent ?? '';
    return text.length <= MAX_TEXT ? countInPhrase(text, templates, locale) : null;
  };
  const walk = (el: Element): { el: Element; count: ParsedCount } | null => {
    if (skip?.(el)) return null;
    for (const child of el.children) {
      const found = walk(child);
      if (found) return found;
    }
    const found = matches(el);
    return found ? { el, count: exactTitle(el, locale) ?? found.count } : null;
  };
  return walk(root);
}

/** Exact digits in a `title` on the element, inside it, or on its parent. */
function exactTitle(el: Element, locale: string | null): ParsedCount | null {
  const titled = [el, ...el.querySelectorAll('[title]'), el.parentElement].filter(
    (e): e is Element => !!e && e.hasAttribute('title'),
  );
  for (const t of titled) {
    const count = parseCount(t.getAttribute('title') ?? '', locale);
    if (count && !count.approx) return count;
  }
  return null;
}

/** Text of an element without the text of its SVG icons (whose <title> repeats the icon's label). */
export function textWithoutIcons(el: Element): string {
  let out = '';
  for (let node = el.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) out += node.nodeValue ?? '';
    else if (node.nodeType === 1 && (node as Element).tagName.toLowerCase() !== 'svg')
      out += textWithoutIcons(node as Element);
  }
  return out;
}

/**
 * A count shown beside an icon whose aria-label names the action ("Gefällt mir", "Like", "Reply"), as
 * Threads and newer Instagram feeds draw them: `<svg aria-label="Like"/><span>1,2 Tsd.</span>`. Climbs
 * at most three levels from the icon, never out of its button, to the smallest box with text.
 */
export function countBesideIcon(
  root: Element,
  labels: readonly string[],
  locale: string | null,
): ParsedCount | null {
  const wanted = new Set(labels.map(normalizePhrase));
  for (const icon of root.querySelectorAll('svg[aria-label], [role="img"][aria-label]')) {
    if (!wanted.has(normalizePhrase(icon.getAttribute('aria-label') ?? ''))) continue;
    // The count sits inside the icon's button; above the button are the other buttons' counts.
    const button = icon.closest('button, [role="button"], a');
    let box: Element | null = icon.parentElement;
    for (let level = 0; box && level < 3; level++, box = box.parentElement) {
      const text = textWithoutIcons(box).trim();
      if (text) {
        const count = parseCount(text, locale);
        if (count) return count;
        break;
      }
      if (box === button || box === root) break;
    }
  }
  return null;
}

/** True when an icon labelled by one of `labels` is below `root` (its action is offered, with or without a count). */
export function hasIcon(root: Element, labels: readonly string[]): boolean {
  const wanted = new Set(labels.map(normalizePhrase));
  return [...root.querySelectorAll('svg[aria-label], [role="img"][aria-label]')].some((icon) =>
    wanted.has(normalizePhrase(icon.getAttribute('aria-label') ?? '')),
  );
}

/** True when `text` contains `word`'s letters in order within twice its length: Facebook's "SpSonSsoSredS". */
export function spellsOut(text: string, word: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, '');
  const w = word.toLowerCase().replace(/\s+/g, '');
  if (!w || t.length < w.length || t.length > w.length * 2) return false;
  let i = 0;
  for (const ch of t) if (ch === w[i]) i++;
  return i === w.length;
}
