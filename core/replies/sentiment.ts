/**
 * Lexicon-and-rules sentiment for German and English comments.
 *
 * score = Σ word/phrase valences (with intensifiers, negation, elongation, capitals, contrast
 * clauses, question damping) + emoji/emoticons, then irony flips positive words negative.
 * The caller (analyze.ts) adds intent evidence and maps the score to a label.
 */
import { EMOJI, EMOTICONS, IRONY_EMOJI } from './lexicon/emoji';
import type { SentimentLexicon } from './lexicons';
import { findPatterns, lookupToken, lookupWord } from './match';
import type { Prepared, Token } from './normalize';

export interface SentimentResult {
  score: number;
  positive: number;
  negative: number;
  irony: boolean;
  /** word tokens that carried sentiment, with their final value */
  hits: { token: number; value: number }[];
}

const NEGATION_WINDOW = 3;
/** Negators that can reach back to the word before them. */
const POST_NEGATORS = new Set(['nicht', 'nich', 'ned', 'net', 'nit', 'nimmer', 'nie', 'niemals']);
/** Sentence adverbs and politeness words that negation does not flip ("gefällt mir leider nicht"). */
const NOT_NEGATED = new Set([
  'leider',
  'unfortunately',
  'sadly',
  'schade',
  'hoffentlich',
  'endlich',
  'sorry',
  'bitte',
  'please',
  'danke',
  'thanks',
]);

function clauseWeights(p: Prepared): number[] {
  const w = p.clauseEnds.map(() => 1);
  for (const c of p.contrastClauses) {
    if (c - 1 >= 0) w[c - 1] = (w[c - 1] ?? 1) * 0.5;
    w[c] = (w[c] ?? 1) * 1.5;
  }
  // a question usually asks rather than judges: damp its words
  p.clauseEnds.forEach((end, c) => {
    if (end === '?') w[c] = (w[c] ?? 1) * 0.6;
  });
  return w;
}

/** German compounds: intensifier prefix + sentiment word ("superlecker"), evaluative modifier + noun ("Scheißservice"). */
function compoundValue(word: string, lex: SentimentLexicon): number | undefined {
  if (lex.intensifierPrefixes) {
    for (const [prefix, factor] of lex.intensifierPrefixes) {
      if (word.length - prefix.length >= 3 && word.startsWith(prefix)) {
        const rest = lookupWord(word.slice(prefix.length), lex.words);
        if (rest !== undefined && rest !== 0) return rest * factor;
      }
    }
  }
  if (lex.modifierStems) {
    for (const [stem, value] of lex.modifierStems) {
      const s = stem.endsWith('*') ? stem.slice(0, -1) : stem;
      if (word.length - s.length >= 4 && word.startsWith(s)) return value;
    }
  }
  return undefined;
}

function tokenValue(t: Token, lex: SentimentLexicon): number | undefined {
  const v = lookupToken(t, lex.words);
  if (v !== undefined) return v;
  return compoundValue(t.alt ?? t.norm, lex) ?? compoundValue(t.norm, lex);
}

const EMOTICON_RE = new RegExp(
  `(?<=^|\\s)(${Object.keys(EMOTICONS)
    .sort((a, b) => b.length - a.length)
    .map((e) => e.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|')})(?=$|[\\s!?.,])`,
  'g',
);

function emojiScore(p: Prepared): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const e of p.emojis) {
    const key = e.replace(/[\uFE0F\u{1F3FB}-\u{1F3FF}]/gu, '');
    const n = counts.get(key) ?? 0;
    if (n >= 3) continue;
    counts.set(key, n + 1);
    total += (EMOJI[key] ?? 0) * (n === 0 ? 1 : 0.5);
  }
  for (const m of p.text.matchAll(EMOTICON_RE)) total += EMOTICONS[m[1] ?? ''] ?? 0;
  return Math.max(-4, Math.min(4, total));
}

export function scoreSentiment(p: Prepared, lex: SentimentLexicon): SentimentResult {
  const weights = clauseWeights(p);
  const claimed = new Set<number>();
  const values = new Map<number, number>();
  const fromPhrase = new Set<number>();

  // 1. multi-word expressions first; they claim their tokens
  for (const hit of findPatterns(p, lex.phrases, claimed)) {
    const v = lex.phraseValue.get(hit.pattern.source) ?? 0;
    if (v !== 0) {
      values.set(hit.from, v);
      fromPhrase.add(hit.from);
    }
  }
  // multi-word intensifiers ("a bit", "kind of") claim their tokens too
  const intensifierAt = new Map<number, number>();
  for (const hit of findPatterns(p, lex.multiIntensifiers, claimed)) {
    const v = lex.intensifiers.get(hit.pattern.source) ?? 1;
    intensifierAt.set(hit.to, v);
  }

  // 2. single words
  const negatorAt: number[] = [];
  p.tokens.forEach((t, i) => {
    if (claimed.has(i)) return;
    if (lex.negators.has(t.norm) || lex.negators.has(t.norm.replace("'", ''))) {
      negatorAt.push(i);
      return;
    }
    const next = p.tokens[i + 1];
    const factor = lex.intensifiers.get(t.norm) ?? (t.alt ? lex.intensifiers.get(t.alt) : undefined);
    if (factor !== undefined) {
      // "super freundlich": super only intensifies; "super!" on its own is praise
      const nextValue = next && next.clause === t.clause ? tokenValue(next, lex) : undefined;
      if (nextValue !== undefined && nextValue !== 0) {
        intensifierAt.set(i, factor * (t.elongated ? 1.2 : 1));
        return;
      }
    }
    const v = tokenValue(t, lex);
    if (v !== undefined && v !== 0) values.set(i, v);
  });

  // 3. negation: the next sentiment word within the window, else (German "nicht") the one just before
  const negated = new Set<number>();
  for (const j of negatorAt) {
    const phrase = p.tokens[j]?.phrase;
    let target = -1;
    for (let k = j + 1; k <= j + NEGATION_WINDOW && k < p.tokens.length; k++) {
      if (p.tokens[k]?.phrase !== phrase) break;
      if (values.has(k) && !NOT_NEGATED.has(p.tokens[k]?.norm ?? '')) {
        target = k;
        break;
      }
    }
    // German puts "nicht" after the verb: "gefällt mir (leider gar) nicht", "funktioniert nich"
    if (target < 0 && lex.postNegation && POST_NEGATORS.has(p.tokens[j]?.norm ?? '')) {
      for (let k = j - 1; k >= j - NEGATION_WINDOW - 1 && k >= 0; k--) {
        if (p.tokens[k]?.phrase !== phrase) break;
        if (values.has(k) && !fromPhrase.has(k) && !NOT_NEGATED.has(p.tokens[k]?.norm ?? '')) {
          target = k;
          break;
        }
      }
    }
    if (target >= 0) negated.add(target);
  }

  // 4. modifiers
  const hits: { token: number; value: number }[] = [];
  let positive = 0;
  let negative = 0;
  for (const [i, base] of values) {
    const t = p.tokens[i]!;
    let v = base;
    for (let k = i - 1; k >= i - 2 && k >= 0; k--) {
      if (p.tokens[k]?.clause !== t.clause) break;
      const f = intensifierAt.get(k);
      if (f !== undefined) v *= f;
    }
    // "nicht gut" is clearly negative; "not bad" only mildly positive
    if (negated.has(i)) v = v > 0 ? -(0.8 * v + 0.5) : -0.4 * v;
    if (t.shouting) v *= 1.3;
    if (t.elongated) v *= 1.25;
    v *= weights[t.clause] ?? 1;
    hits.push({ token: i, value: v });
  }
  hits.sort((a, b) => a.token - b.token);

  // 5. irony: sarcasm markers turn praise words into criticism
  const lowered = p.text.toLowerCase();
  const strongIrony =
    findPatterns(p, lex.irony).length > 0 ||
    lex.rawIrony.some((m) =>
      new RegExp(`(?:^|\\s)${m.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=$|[\\s.!?,])`).test(lowered),
    );
  const hasNegative = hits.some((h) => h.value < -0.5);
  const ironyEmoji = p.emojis.some((e) => IRONY_EMOJI.includes(e.replace(/\uFE0F/g, '')));
  let irony = strongIrony;
  for (const h of hits) {
    const t = p.tokens[h.token]!;
    const quoted = new RegExp(`["„“”'‚‘]${t.raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["“”'‘’]`).test(
      p.text,
    );
    // a short clause trailing off in "...": "Super Kundenservice...", "Great..."
    const clauseLength = p.tokens.filter((x) => x.clause === t.clause).length;
    const ellipsis = p.clauseEnds[t.clause] === '…' && clauseLength <= 4;
    const weak = (quoted || ellipsis || ironyEmoji) && hasNegative;
    if (h.value > 0 && (strongIrony || weak || (ironyEmoji && ellipsis))) {
      h.value = -0.8 * h.value;
      irony = true;
    }
  }

  for (const h of hits) {
    if (h.value > 0) positive += h.value;
    else negative += h.value;
  }
  let emoji = emojiScore(p);
  if (irony && emoji > 0) emoji = -emoji * 0.5;
  if (emoji > 0) positive += emoji;
  else negative += emoji;
  let score = positive + negative;
  if (irony && score > -1) score = Math.min(score, 0) - 1.5;
  if (p.exclamations > 0) score *= 1.1;
  return { score, positive, negative, irony, hits };
}
