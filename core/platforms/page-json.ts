/**
 * Reading the JSON a page carries with it: the `<script type="application/json">` blobs that Meta's
 * pages (Facebook, Instagram, Threads) stream their first screen into, LinkedIn's `<code>` state,
 * and any parsed API response. Platform-neutral: the platform folders decide what an item looks like.
 *
 * A page's data is large (a Facebook feed holds ~3 MB of JSON) and untrusted, so every walk has a
 * node budget and a depth limit, and a blob that does not parse is skipped, never thrown.
 */

import type { ParsedCount } from '../parse/count';
export type Json = Record<string, unknown>;

/** The most JSON nodes one walk visits: a 3 MB Facebook feed has ~250k. */
export const NODE_BUDGET = 2_000_000;
/** Deeper than this is not data a page means (Facebook's stories nest ~60 levels). */
const MAX_DEPTH = 200;
/** A blob larger than this (characters) is skipped: no page's first screen needs more. */
const MAX_BLOB = 8_000_000;

/** An object (not an array), else null. */
export function obj(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

/** An array, else an empty one. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, else null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A non-negative safe integer (also from a string of digits), else null. */
export function num(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** An exact count (a non-negative safe integer, also from a string of digits), as a read count. */
export function exact(value: unknown): ParsedCount | null {
  const n = num(value);
  return n === null ? null : { value: n, approx: false };
}

/** Follows a path of keys and array indexes; undefined when a step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** Epoch seconds (or milliseconds, told apart by size) as ISO 8601 UTC; null when implausible. */
export function epochIso(value: unknown): string | null {
  const n = num(value);
  if (n === null || n === 0) return null;
  const ms = n < 1e11 ? n * 1000 : n;
  // Before 2004 (no platform here existed) or after 2100 is a misread, not a time.
  return ms > 1.07e12 && ms < 4.1e12 ? new Date(ms).toISOString() : null;
}

const parsedScripts = new WeakMap<Element, { text: string; value: unknown }>();

/**
 * The parsed JSON of every script matching `selector` (by default the JSON data scripts), in page
 * order. Each script is parsed once for as long as its text stays the same (content scripts read the
 * same page many times; a page that rewrites a script is read anew).
 */
export function jsonScripts(
  doc: Document,
  selector = 'script[type="application/json"], script[type="application/ld+json"]',
): unknown[] {
  const out: unknown[] = [];
  for (const script of doc.querySelectorAll(selector)) {
    const text = script.textContent ?? '';
    let hit = parsedScripts.get(script);
    if (!hit || hit.text !== text) {
      hit = { text, value: parseJson(text) };
      parsedScripts.set(script, hit);
    }
    if (hit.value !== undefined) out.push(hit.value);
  }
  return out;
}

/** JSON.parse that returns undefined for anything that is not a JSON object or array (or is too large). */
export function parseJson(text: string): unknown {
  const s = text.trim();
  if (s.length > MAX_BLOB || !(s.startsWith('{') || s.startsWith('['))) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Visits every object below `roots`, depth first in document order. `visit` returns `'skip'` to not
 * descend into an object it has consumed (a post whose inner objects are its own parts). Stops after
 * `budget` nodes, so a hostile or enormous blob costs bounded time.
 */
export function walkJson(
  roots: readonly unknown[],
  visit: (node: Json) => 'skip' | undefined,
  budget = NODE_BUDGET,
): void {
  let left = budget;
  const stack: { value: unknown; depth: number }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ value: roots[i], depth: 0 });
  while (stack.length > 0 && left-- > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) continue;
    let children: unknown[];
    if (Array.isArray(value)) children = value;
    else {
      if (visit(value as Json) === 'skip') continue;
      children = Object.values(value);
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
}

/** Every object below `roots` that `match` accepts (not descending into a match), in document order. */
export function findJson(roots: readonly unknown[], match: (node: Json) => boolean, budget?: number): Json[] {
  const found: Json[] = [];
  walkJson(
    roots,
    (node) => {
      if (!match(node)) return undefined;
      found.push(node);
      return 'skip';
    },
    budget,
  );
  return found;
}
