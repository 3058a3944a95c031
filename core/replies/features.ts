/**
 * Hashed features of a comment, shared by the training pipeline (tests/eval/train-triage.ts) and the
 * shipped models, so the two can never disagree: word unigrams and bigrams, character 3–5-grams
 * inside words, words in the scope of a negation, and a few cues that carry signal beyond the words
 * (question and exclamation marks, shouting, links, @mentions, second-person address, swearing,
 * length), and the polarity of words in the project's own German and English sentiment lexicons
 * (lexicon/sentiment-*.ts, own writing) as language-neutral features: what a model learns about
 * "#lex-" from English tweets carries over to a German comment whose words the lexicon knows. Every feature name is hashed (FNV-1a) into 2^HASH_BITS buckets with a sign bit, so a
 * model is a dense weight vector and unseen words cost nothing.
 */
import { DE_WORDS } from './lexicon/sentiment-de';
import { EN_WORDS } from './lexicon/sentiment-en';
import { compileWords, lookupWord, type WordLexicon } from './match';
import { decodeEntities, fold, MENTION_RE, URL_RE } from './normalize';

/** log2 of the number of hash buckets. Changing it invalidates every shipped model. */
export const HASH_BITS = 17;
export const DIM = 1 << HASH_BITS;
const MASK = DIM - 1;

export interface Features {
  /** bucket indices, distinct */
  idx: Int32Array;
  /** signed, L2-normalised values */
  val: Float32Array;
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|\p{Extended_Pictographic}|[!?]/gu;
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'nobody',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "can't",
  "won't",
  'cannot',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'cant',
  'wont',
  'nicht',
  'kein',
  'keine',
  'keinen',
  'keiner',
  'keinem',
  'nie',
  'niemals',
  'nichts',
  'ohne',
]);
const SCOPE_END = new Set(['!', '?', 'but', 'aber', 'doch', 'sondern']);
/** Second-person address: what turns a rude word into an attack on the reader. */
const SECOND_PERSON = new Set([
  'you',
  'your',
  'youre',
  "you're",
  'yours',
  'u',
  'ur',
  'du',
  'dich',
  'dir',
  'dein',
  'deine',
  'deinen',
  'deiner',
  'deinem',
  'ihr',
  'euch',
  'euer',
  'eure',
  'euren',
]);
/** Swear-word stems (folded); a hit is one feature, the words themselves are features anyway. */
const PROFANITY =
  /^(?:fuck|shit|bitch|cunt|dick|asshole|bastard|idiot|moron|stupid|dumb|retard|whore|slut|scheiss|scheis|arsch|fick|hure|wichser|idiot|depp|trottel|vollidiot|spast|missgeburt|drecks|kotz|verpiss|penner|bloed|dumm)/;

let lexicon: WordLexicon | null = null;

/** Polarity features of a word from the own-written lexicons (negated words flip). */
function polarity(word: string, negated: boolean, out: string[]): number {
  lexicon ??= compileWords(DE_WORDS, EN_WORDS);
  const v = lookupWord(word, lexicon);
  if (v === undefined || v === 0) return 0;
  const s = negated ? -v : v;
  out.push(s > 0 ? '#lex+' : '#lex-');
  if (Math.abs(s) >= 2.5) out.push(s > 0 ? '#lex++' : '#lex--');
  return s;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The comment as the models read it: entities decoded, links and mentions as placeholders, folded. */
export function normalizeText(text: string): string {
  return fold(
    decodeEntities(text).replace(URL_RE, ' httpurl ').replace(MENTION_RE, '$1 atuser ').replace(/\d/g, '0'),
  ).replace(/(\p{L})\1{2,}/gu, '$1$1');
}

/** The feature names of a comment (for tests and the training pipeline's error analysis). */
export function featureNames(text: string): string[] {
  const out: string[] = [];
  const raw = typeof text === 'string' ? text : '';
  const norm = normalizeText(raw);
  const tokens = norm.match(TOKEN) ?? [];
  let negated = 0;
  let words = 0;
  let second = false;
  let profane = false;
  let lexSum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    out.push(`w${t}`);
    if (i > 0) out.push(`b${tokens[i - 1]} ${t}`);
    if (SCOPE_END.has(t)) negated = 0;
    else if (negated > 0) {
      out.push(`n${t}`);
      negated--;
    }
    if (/^\p{L}/u.test(t))
      lexSum += polarity(t, negated > 0 || (i > 0 && NEGATORS.has(tokens[i - 1] ?? '')), out);
    if (NEGATORS.has(t) || t.endsWith("n't")) negated = 3;
    if (SECOND_PERSON.has(t)) second = true;
    if (/^\p{L}/u.test(t)) {
      words++;
      if (PROFANITY.test(t)) profane = true;
      const w = ` ${t.length > 24 ? t.slice(0, 24) : t} `;
      for (let n = 3; n <= 5; n++) for (let j = 0; j + n <= w.length; j++) out.push(`c${w.slice(j, j + n)}`);
    }
  }
  if (tokens.length > 0) out.push(`^${tokens[0]}`);
  if (raw.includes('?')) out.push('#q');
  const bangs = (raw.match(/!/g) ?? []).length;
  if (bangs) out.push(bangs > 2 ? '#!!!' : '#!');
  if (/\b[A-ZÄÖÜ]{4,}\b/.test(raw)) out.push('#caps');
  if (norm.includes('httpurl')) out.push('#url');
  if (norm.includes('atuser')) out.push('#user');
  if (second) out.push('#you');
  if (profane) out.push('#swear');
  if (second && profane) out.push('#you+swear');
  if (lexSum !== 0)
    out.push(`#lexsum${lexSum > 0 ? '+' : '-'}${Math.min(3, Math.floor(Math.abs(lexSum) / 2))}`);
  out.push(`#len${words === 0 ? 0 : words < 3 ? 1 : words < 8 ? 2 : words < 20 ? 3 : 4}`);
  return out;
}

/** Hashed, L2-normalised features of a comment. */
export function featurize(text: string): Features {
  const acc = new Map<number, number>();
  for (const name of featureNames(text)) {
    const h = fnv(name);
    const i = h & MASK;
    acc.set(i, (acc.get(i) ?? 0) + (h & 0x80000000 ? -1 : 1));
  }
  let norm = 0;
  for (const v of acc.values()) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const idx = new Int32Array(acc.size);
  const val = new Float32Array(acc.size);
  let k = 0;
  for (const [i, v] of acc) {
    idx[k] = i;
    val[k] = v * scale;
    k++;
  }
  return { idx, val };
}
