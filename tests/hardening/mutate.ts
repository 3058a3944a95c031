/**
 * Damage done to a parsed page, reversibly: each operation returns an undo, so one parsed capture
 * serves every run (re-parsing a 1 MB capture per run would cost a second each). Also the two
 * oracles the mutation tests judge by: the largest number a page shows, and the page with every
 * number taken out.
 */
import fc from 'fast-check';
import { countInLabel } from '../../core/parse/count';

/** Text swapped into the page: huge, right-to-left, zero-width, emoji, markup-like, absurd counts. */
export const HOSTILE_TEXT: readonly string[] = [
  `${'Ж'.repeat(50_000)}${'🙂'.repeat(25_000)}`,
  `12 likes ${'x'.repeat(100_000)}`,
  '\u202eسلام ١٢٣ إعجاب',
  'שלום 45 לייקים \u200f',
  '\u200f1\u200f2\u200f3\u200f',
  '1\u200b234 Likes',
  '\u200d\u200c\ufeff\u2060',
  'Li\u200bkes 7\u200b',
  '🔥💯👍🏽 12 👩‍👩‍👧‍👦',
  '👍🏽'.repeat(3_000),
  '<img src=x onerror="globalThis.__resonanzPwned=1">',
  '"><script>globalThis.__resonanzPwned=1</script>',
  '<svg onload=globalThis.__resonanzPwned=1>',
  'javascript:globalThis.__resonanzPwned=1',
  ' JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  '999999999999999999999',
  '999999999999999999999 likes',
  '-5',
  '-5 likes',
  '−5 Kommentare',
  '1e309',
  '1e309 views',
  'NaN K',
  'NaN K Likes',
  'Infinity',
  '999999999999 K',
  '999999999999 K likes',
  '9.999.999.999.999 Aufrufe',
  '12.345.678.901.234.567 views',
  '1,2,3,4,5 replies',
  '00000000000000000000001',
  '0x1F likes',
  '١٢٣٬٤٥٦ مشاهدة',
  '1,2 Tsd. „Gefällt mir“-Angaben',
  '99999万',
  '',
  ' ',
];

/** Values for `href`-like attributes. */
const HOSTILE_HREF = [
  'javascript:globalThis.__resonanzPwned=1',
  'JaVaScRiPt:void(0)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/status/1',
  '/x/status/999999999999999999999999999999',
  '/%E0%A4%A',
  'http://[::1',
  '',
];

/** Attribute names adapters read (hooks and labels): dropped, renamed or overwritten most often. */
const HOT_ATTRIBUTES = [
  'aria-label',
  'title',
  'datetime',
  'href',
  'content',
  'data-testid',
  'data-e2e',
  'data-urn',
  'alt',
  'role',
];

export type Op =
  | { kind: 'dropAttr' | 'renameAttr'; el: number; attr: number }
  | { kind: 'setAttr'; el: number; attr: number; value: string }
  | { kind: 'setText'; node: number; value: string }
  | { kind: 'absurdNumbers'; node: number; value: string }
  | { kind: 'remove' | 'nest' | 'duplicate'; el: number }
  | { kind: 'shuffle'; el: number; seed: number }
  | { kind: 'wrap'; el: number; tag: 'div' | 'span' | 'a' | 'article' | 'template' }
  | { kind: 'inject'; el: number; what: number };

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.bigInt({ min: -10n, max: 10n ** 22n }), fc.double()),
        fc.constantFrom('', ' likes', ' K', ' Mio.', ' views', '万', ' Aufrufe', ' replies'),
      )
      .map(([n, unit]) => `${n}${unit}`),
  },
);

const index = fc.nat({ max: 1_000_000 });

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('dropAttr' as const, 'renameAttr' as const), el: index, attr: index }),
  fc.record({ kind: fc.constant('setAttr' as const), el: index, attr: index, value: hostile }),
  fc.record({ kind: fc.constant('setText' as const), node: index, value: hostile }),
  fc.record({
    kind: fc.constant('absurdNumbers' as const),
    node: index,
    value: fc.constantFrom('999999999999999999999', '-5', '1e309', 'NaN K', '999999999999 K', '0'),
  }),
  fc.record({ kind: fc.constantFrom('remove' as const, 'nest' as const, 'duplicate' as const), el: index }),
  fc.record({ kind: fc.constant('shuffle' as const), el: index, seed: index }),
  fc.record({
    kind: fc.constant('wrap' as const),
    el: index,
    tag: fc.constantFrom(
      'div' as const,
      'span' as const,
      'a' as const,
      'article' as const,
      'template' as const,
    ),
  }),
  fc.record({ kind: fc.constant('inject' as const), el: index, what: fc.nat({ max: 4 }) }),
);

/** The parts of a page operations pick from: mostly the elements adapters read. */
export interface Pools {
  /** Elements inside posts, with hook attributes, meta tags and data scripts. */
  hot: Element[];
  /** Text nodes of hot elements and of data scripts. */
  texts: Text[];
}

export function poolsOf(doc: Document, posts: readonly Element[]): Pools {
  const hot = new Set<Element>();
  for (const post of posts) {
    hot.add(post);
    for (const el of post.querySelectorAll('*')) hot.add(el);
  }
  const selector = [
    ...HOT_ATTRIBUTES.map((a) => `[${a}]`),
    'meta',
    'time',
    'script[type*="json"]',
    'script[id]',
    'code',
  ].join(',');
  for (const el of doc.querySelectorAll(selector)) hot.add(el);
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(doc.documentElement, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && hot.has(parent) && (node.nodeValue ?? '').trim()) texts.push(node as Text);
  }
  return { hot: [...hot], texts };
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

/** Applies one operation; returns its undo (a no-op when there was nothing to do). */
export function apply(doc: Document, pools: Pools, op: Op): () => void {
  const noop = () => {};
  if (op.kind === 'setText' || op.kind === 'absurdNumbers') {
    const node = pick(pools.texts, op.node);
    if (!node) return noop;
    const before = node.data;
    node.data = op.kind === 'setText' ? op.value : before.replace(/\d+(?:[.,]\d+)*/g, op.value);
    return () => {
      node.data = before;
    };
  }
  const el = pick(pools.hot, op.el);
  if (!el || el === doc.documentElement || el === doc.body || el === doc.head) return noop;
  switch (op.kind) {
    case 'dropAttr':
    case 'renameAttr':
    case 'setAttr': {
      const attrs = [...el.attributes].map((a) => [a.name, a.value] as const);
      // Prefer the attributes adapters read; fall back to any.
      const hotOnes = attrs.filter(([name]) => HOT_ATTRIBUTES.includes(name) || name.startsWith('data-'));
      const target = pick(hotOnes.length ? hotOnes : attrs, op.attr);
      if (!target) return noop;
      const [name] = target;
      if (op.kind === 'dropAttr') el.removeAttribute(name);
      else if (op.kind === 'renameAttr') {
        el.removeAttribute(name);
        el.setAttribute(`${name}-renamed`, target[1]);
      } else if (op.kind === 'setAttr') {
        const value =
          name === 'href' || name === 'src' ? (pick(HOSTILE_HREF, op.value.length) ?? op.value) : op.value;
        el.setAttribute(name, value);
      }
      return () => {
        for (const a of [...el.attributes]) el.removeAttribute(a.name);
        for (const [n, v] of attrs) el.setAttribute(n, v);
      };
    }
    case 'remove':
    case 'nest': {
      const parent = el.parentNode;
      const next = el.nextSibling;
      if (!parent) return noop;
      if (op.kind === 'remove') el.remove();
      else {
        const into = el.previousElementSibling;
        if (!into) return noop;
        into.append(el);
      }
      return () => {
        parent.insertBefore(el, next);
      };
    }
    case 'duplicate': {
      const copy = el.cloneNode(true) as Element;
      el.after(copy);
      return () => copy.remove();
    }
    case 'shuffle': {
      const children = [...el.childNodes];
      if (children.length < 2) return noop;
      const order = children.map((c, i) => ({ c, k: (i * 7919 + op.seed) % 10007 }));
      order.sort((a, b) => a.k - b.k);
      for (const { c } of order) el.append(c);
      return () => {
        for (const c of children) el.append(c);
      };
    }
    case 'wrap': {
      const parent = el.parentNode;
      if (!parent) return noop;
      const wrapper = doc.createElement(op.tag);
      if (op.tag === 'a') wrapper.setAttribute('href', 'javascript:globalThis.__resonanzPwned=1');
      parent.insertBefore(wrapper, el);
      wrapper.append(el);
      return () => {
        parent.insertBefore(el, wrapper);
        wrapper.remove();
      };
    }
    case 'inject': {
      const node = hostileElement(doc, op.what);
      el.append(node);
      return () => node.remove();
    }
  }
}

/** Elements a page could smuggle into a post: script, event-handler image, javascript: link, … */
function hostileElement(doc: Document, what: number): Element {
  switch (what) {
    case 0: {
      const img = doc.createElement('img');
      img.setAttribute('src', 'x');
      img.setAttribute('onerror', 'globalThis.__resonanzPwned=1');
      img.setAttribute('alt', '<img src=x onerror=alert(1)>');
      return img;
    }
    case 1: {
      const script = doc.createElement('script');
      script.textContent = 'globalThis.__resonanzPwned=1';
      return script;
    }
    case 2: {
      const a = doc.createElement('a');
      a.setAttribute('href', 'javascript:globalThis.__resonanzPwned=1');
      a.textContent = '9 likes';
      return a;
    }
    case 3: {
      const time = doc.createElement('time');
      time.setAttribute('datetime', '275760-09-13T00:00:00.001Z');
      time.textContent = 'NaN';
      return time;
    }
    default: {
      const span = doc.createElement('span');
      span.setAttribute('aria-label', '999999999999999999999 likes');
      span.textContent = '1e309';
      return span;
    }
  }
}

// ─── Oracles ─────────────────────────────────────────────────────────────────────────────────────

/** A number as pages write it: digits (any script the parser reads) with separators. */
const NUMBER =
  /[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19][0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19.,'’ \u00a0\u202f\u2009\u066b\u066c]*/g;

function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/g, (d) => {
    const cp = d.codePointAt(0)!;
    const zero = [0x660, 0x6f0, 0x966, 0xff10].find((z) => cp >= z && cp <= z + 9)!;
    return String(cp - zero);
  });
}

/** The largest value any number in `s` can be read as: its digits, or the parser's reading with a suffix. */
function largestIn(s: string, locale: string | null, best: number): number {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(s); m; m = NUMBER.exec(s)) {
    const digits = asciiDigits(m[0]).replace(/\D/g, '');
    // A run of more than 13 digits is an id or a timestamp, never a count (≤ 10^12).
    if (digits.length > 13 && !/[.,'’ \u00a0\u202f\u2009\u066b\u066c]/.test(m[0].trim())) continue;
    const plain = Number(digits);
    if (plain > best) best = plain;
    const window = s.slice(m.index, m.index + m[0].length + 24);
    for (const hint of [locale, null]) {
      const read = countInLabel(window, hint)?.value ?? 0;
      if (read > best) best = read;
    }
  }
  return best;
}

/** Readings of strings seen before: most of a page is the same from one damaged version to the next. */
const readings = new Map<string | null, Map<string, number>>();
/**
 * Characters held by `readings`. Bounded: every damaged version adds new strings (a 1 MB page script
 * with one number changed is a new 1 MB key), and a soak run of 400 versions of a 2 MB capture
 * once filled a 4 GB heap this way.
 */
let readingChars = 0;
const MAX_READING_CHARS = 40_000_000;

/** Drops the remembered readings (between pages: they hold on to every string of a page). */
export function forgetReadings(): void {
  readings.clear();
  readingChars = 0;
}

function largestInCached(s: string, locale: string | null): number {
  let byString = readings.get(locale);
  if (!byString) {
    byString = new Map();
    readings.set(locale, byString);
  }
  let value = byString.get(s);
  if (value === undefined) {
    value = largestIn(s, locale, 0);
    if (byString.size > 200_000 || readingChars + s.length > MAX_READING_CHARS) {
      for (const map of readings.values()) map.clear();
      readingChars = 0;
    }
    byString.set(s, value);
    readingChars += s.length;
  }
  return value;
}

/** Attributes that hold addresses: their numbers are ids, and no adapter reads a count from them. */
const LINKS = new Set(['href', 'src', 'srcset', 'action', 'poster']);

const HAS_DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/;

/**
 * The largest number the page shows anywhere: in a text node, an attribute, a script, or — when
 * `joined` — the text of a short element (counts split into one element per digit only join up there).
 */
export function largestNumberShown(doc: Document, locale: string | null, joined = false): number {
  let best = 0;
  const walker = doc.createTreeWalker(doc.documentElement, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (HAS_DIGIT.test(text)) best = Math.max(best, largestInCached(text, locale));
  }
  for (const el of doc.querySelectorAll('*'))
    for (const attr of el.attributes)
      if (!LINKS.has(attr.name) && HAS_DIGIT.test(attr.value))
        best = Math.max(best, largestInCached(attr.value, locale));
  if (joined) {
    // Bottom-up: each element's text from its children's, given up above 300 characters.
    const textOf = (el: Element): string | null => {
      let out = '';
      for (let child = el.firstChild; child; child = child.nextSibling) {
        const part =
          child.nodeType === 3
            ? (child.nodeValue ?? '')
            : child.nodeType === 1
              ? textOf(child as Element)
              : '';
        if (part === null) return null;
        out += part.replace(/\s+/g, '');
        if (out.length > 300) return null;
      }
      if (el.childElementCount > 0 && HAS_DIGIT.test(out))
        best = Math.max(best, largestInCached(out, locale));
      return out;
    };
    const visit = (el: Element) => {
      if (textOf(el) === null) for (const child of el.children) visit(child);
    };
    visit(doc.documentElement);
  }
  return best;
}

/**
 * Totals of breakdowns in the page's JSON (e.g. Pinterest's `reaction_counts` per reaction type):
 * the largest sum of an object whose values are all numbers. A total is a count the page shows too.
 */
export function largestJsonTotal(doc: Document): number {
  let best = 0;
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 40) return;
    const values = Object.values(value);
    if (!Array.isArray(value) && values.length > 1 && values.every((v) => typeof v === 'number')) {
      const sum = (values as number[]).reduce((a, b) => a + b, 0);
      if (sum > best) best = sum;
    }
    for (const v of values) visit(v, depth + 1);
  };
  for (const el of doc.querySelectorAll('script, code')) {
    try {
      visit(JSON.parse(el.textContent ?? ''), 0);
    } catch {
      // not JSON
    }
  }
  return best;
}

/** A standalone number of at most 12 digits (a count; ids are longer) not glued to a word before it. */
const SHORT_NUMBER =
  /(?<![\p{L}\p{N}_])[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19](?:[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]|[.,'’ \u00a0\u202f\u2009\u066b\u066c](?=[0-9\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]))*/gu;

function stripNumbers(s: string, replacement: string, wordAfterIsId: boolean): string {
  return s.replace(SHORT_NUMBER, (m, offset: number) => {
    if (asciiDigits(m).replace(/\D/g, '').length > 12) return m;
    // In links, "116yyx6" is an id (Reddit, base 36), not a count with a unit.
    if (wordAfterIsId && /^[\p{L}_-]/u.test(s.slice(offset + m.length))) return m;
    return replacement;
  });
}

/**
 * The page with every number that could be a count taken out — in texts, labels, titles, meta tags
 * and page data (as JSON `null`) — keeping the long ids in links. What is left shows no count at all.
 */
export function withoutNumbers(doc: Document): Document {
  const copy = doc.cloneNode(true) as Document;
  const walker = copy.createTreeWalker(copy.documentElement, 4);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const node of texts) {
    const inData = node.parentElement?.tagName === 'SCRIPT' || node.parentElement?.tagName === 'CODE';
    // In page data a negative number keeps JSON valid only without its sign once the digits are gone.
    const data = inData ? node.data.replace(/(?<=[:[,]\s*)-(?=\d)/g, '') : node.data;
    node.data = stripNumbers(data, inData ? 'null' : '', false);
  }
  for (const el of copy.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const link = attr.name === 'href' || attr.name === 'src' || attr.name === 'srcset';
      const stripped = stripNumbers(attr.value, '', link);
      if (stripped !== attr.value) el.setAttribute(attr.name, stripped);
    }
  }
  return copy;
}
