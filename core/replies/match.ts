/**
 * Compiles the readable lexicon data files (lexicon/*.ts) into fast lookup structures.
 *
 * Word entries: 'word' exact · 'word+' German adjective endings · 'stem*' starts with ·
 * '*head' ends with (compound head, at least two letters in front or the word itself).
 * Phrase patterns: see lexicon/intents-en.ts.
 */
import { fold, type Prepared, squeeze, stripClitic, type Token } from './normalize';

const ADJ_ENDINGS = [
  '',
  'e',
  'er',
  'es',
  'en',
  'em',
  'ere',
  'eren',
  'erer',
  'eres',
  'erem',
  'ste',
  'sten',
  'ster',
  'stes',
  'stem',
  'este',
  'esten',
  'ester',
  'estes',
  'estem',
];

export interface WordLexicon {
  exact: Map<string, number>;
  prefix: Map<string, number>;
  suffix: Map<string, number>;
  maxPrefix: number;
}

export function compileWords(...sources: Record<string, number>[]): WordLexicon {
  const exact = new Map<string, number>();
  const prefix = new Map<string, number>();
  const suffix = new Map<string, number>();
  const explicit = new Map<string, number>();
  let maxPrefix = 0;
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      const k = squeeze(fold(key));
      if (k.endsWith('+')) {
        const base = k.slice(0, -1);
        for (const ending of ADJ_ENDINGS) if (!exact.has(base + ending)) exact.set(base + ending, value);
      } else if (k.startsWith('*')) {
        suffix.set(k.slice(1), value);
      } else if (k.endsWith('*')) {
        const stem = k.slice(0, -1);
        prefix.set(stem, value);
        maxPrefix = Math.max(maxPrefix, stem.length);
      } else {
        explicit.set(k, value);
      }
    }
  }
  // explicit words win over generated adjective forms
  for (const [k, v] of explicit) exact.set(k, v);
  return { exact, prefix, suffix, maxPrefix };
}

/**
 * Looks a single folded word up: the exact word first, otherwise the longer of the longest prefix
 * stem and the longest compound head ("Drecksau" is '*drecksau', not 'dreck*'; a tie goes to the
 * head, which carries the meaning of a German compound).
 */
export function lookupWord(word: string, lex: WordLexicon): number | undefined {
  const hit = lex.exact.get(word);
  if (hit !== undefined) return hit;
  let prefixLen = 0;
  let prefixValue: number | undefined;
  for (let len = Math.min(word.length, lex.maxPrefix); len >= 3; len--) {
    const v = lex.prefix.get(word.slice(0, len));
    if (v !== undefined) {
      prefixLen = len;
      prefixValue = v;
      break;
    }
  }
  for (let start = 0; start <= word.length - 3; start++) {
    if (start === 1) continue; // a head needs at least two letters in front of it
    const v = lex.suffix.get(word.slice(start));
    if (v !== undefined) return word.length - start >= prefixLen ? v : prefixValue;
  }
  return prefixValue;
}

/** Token lookup that also tries the de-elongated reading ("suuuper" → "super"). */
export function lookupToken(token: Token, lex: WordLexicon): number | undefined {
  const v = lookupWord(token.norm, lex);
  if (v !== undefined || token.alt === null) return v;
  return lookupWord(token.alt, lex);
}

export interface Pattern {
  source: string;
  re: RegExp;
  words: number;
  /** a literal token the text must contain for the pattern to match (cheap pre-filter), if any */
  key: string | null;
}

const GAP = '(?: [^ .!?;…]+){0,3}';
const WORD_PIECE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|\.{2,}|…|[.!?;:,]/gu;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles one pattern ('wo ~ kaufen', '^how', 'refund*', '*katastrophe', 'link?') to a RegExp on seqText. */
export function compilePattern(pattern: string): Pattern {
  let p = squeeze(fold(pattern.trim()));
  let anchored = false;
  if (p.startsWith('^')) {
    anchored = true;
    p = p.slice(1);
  }
  let re = '';
  let words = 0;
  let key: string | null = null;
  for (const part of p.split(/\s+/)) {
    if (part === '~') {
      re += GAP;
      continue;
    }
    const lead = part.startsWith('*');
    const trail = part.endsWith('*');
    const core = part.replace(/^\*|\*$/g, '');
    const pieces = core.match(WORD_PIECE) ?? [];
    pieces.forEach((raw, i) => {
      const piece = stripClitic(raw);
      let r = escapeRegExp(piece);
      if (lead && i === 0) r = `[^ ]*${r}`;
      if (trail && i === pieces.length - 1) r = `${r}[^ ]*`;
      re += (re === '' ? '' : ' ') + r;
      if (/\p{L}|\p{N}/u.test(piece)) words++;
      const literal = !(lead && i === 0) && !(trail && i === pieces.length - 1);
      if (literal && (key === null || piece.length > key.length)) key = piece;
    });
  }
  const start = anchored ? '(?<=^|[.!?;…,:] )' : '(?<![^ ])';
  return { source: pattern, re: new RegExp(`${start}${re}(?![^ ])`, 'g'), words, key };
}

export function compilePatterns(patterns: Iterable<string>): Pattern[] {
  return [...patterns].map(compilePattern).sort((a, b) => b.words - a.words);
}

export interface PatternHit {
  pattern: Pattern;
  /** first and last word-token index covered */
  from: number;
  to: number;
}

/** All non-overlapping matches, longest patterns first. */
export function findPatterns(
  p: Prepared,
  patterns: Pattern[],
  claimed?: Set<number> | 'overlap',
): PatternHit[] {
  const hits: PatternHit[] = [];
  const overlapping = claimed === 'overlap';
  let taken = claimed instanceof Set ? claimed : new Set<number>();
  for (const pattern of patterns) {
    if (pattern.key !== null && !p.seqSet.has(pattern.key)) continue;
    if (overlapping) taken = new Set<number>();
    pattern.re.lastIndex = 0;
    for (const m of p.seqText.matchAll(pattern.re)) {
      const a = p.charToSeq[m.index] ?? 0;
      const b = p.charToSeq[Math.max(m.index, m.index + m[0].length - 1)] ?? a;
      let from = -1;
      let to = -1;
      let overlap = false;
      for (let s = a; s <= b; s++) {
        const t = p.seqToToken[s] ?? -1;
        if (t < 0) continue;
        if (taken.has(t)) overlap = true;
        if (from < 0) from = t;
        to = t;
      }
      if (overlap) continue;
      for (let t = from; t >= 0 && t <= to; t++) taken.add(t);
      hits.push({ pattern, from, to });
    }
  }
  return hits;
}

/** True when any pattern matches (no overlap bookkeeping). */
export function anyPattern(p: Prepared, patterns: Pattern[]): Pattern | null {
  for (const pattern of patterns) {
    if (pattern.key !== null && !p.seqSet.has(pattern.key)) continue;
    pattern.re.lastIndex = 0;
    if (pattern.re.test(p.seqText)) return pattern;
  }
  return null;
}

/** Folded word set from a list. */
export function wordSet(words: Iterable<string>): Set<string> {
  return new Set([...words].map((w) => squeeze(fold(w))));
}
