/**
 * Offline language detection for short social-media comments.
 *
 * 1. Non-Latin scripts are recognised by script alone (Cyrillic → ru/uk, Arabic → ar, …).
 * 2. Latin-script text is scored with the n-gram model of the `eld` detector (Apache-2.0), using a
 *    subset database shipped in lexicon/eld-ngrams.ts (de, en in full; fr, es, it, nl, pt, pl, tr
 *    pruned). The scoring below re-implements eld's `detect()`: words are UTF-8 byte strings, n-grams
 *    are 4 bytes with stride 3, each known n-gram adds (53 + weight) to its languages.
 * 3. German and English function words and umlauts/ß decide very short texts where n-grams are weak,
 *    and overrule a third language when they clearly point to German or English.
 * Returns null when there is too little text to say (emoji only, a link, a name, "ok", "lol").
 */
import { ELD_NGRAMS, ELD_WEIGHT_ALPHABET, ELD_WEIGHT_STEP } from './lexicon/eld-ngrams';
import { DE_HINTS, EN_HINTS, FOREIGN_LETTERS } from './lexicon/language-hints';
import { decodeEntities, EMAIL_RE, EMOJI_RE, fold, MENTION_RE, URL_RE } from './normalize';

/** eld's dictionary for bytes 0x80–0xFF (eld/src/dictionary.js, Apache-2.0, Copyright 2023 Nito T.M.). */
const HIGH_BYTES =
  'M2RJOP{ä>âüé_QáôëåõèïZû}à3ùÉYîí]|)ÿ~1VDT48FIK7WS/EB5;NCê*X=^:[Hò  ¢!(,ß øó    Uö6@ÀÁ <ýG-Añú    $Læ?0"#%&+ì9.ç µ                ';
const BASE_SCORE = 53;

const LANGS = Object.keys(ELD_NGRAMS);
let table: Map<string, number[]> | null = null;

function load(): Map<string, number[]> {
  if (table) return table;
  const t = new Map<string, number[]>();
  LANGS.forEach((lang, li) => {
    const packed = ELD_NGRAMS[lang] ?? '';
    for (const entry of packed.split('`')) {
      if (entry.length < 2) continue;
      const weight = ELD_WEIGHT_ALPHABET.indexOf(entry[0] ?? '0') * ELD_WEIGHT_STEP;
      const gram = entry.slice(1);
      const list = t.get(gram);
      if (list) list.push(li, weight);
      else t.set(gram, [li, weight]);
    }
  });
  table = t;
  return t;
}

function toBytes(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = ch.codePointAt(0) ?? 32;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += hi(0xc0 | (c >> 6)) + hi(0x80 | (c & 0x3f));
    else if (c < 0x10000) out += hi(0xe0 | (c >> 12)) + hi(0x80 | ((c >> 6) & 0x3f)) + hi(0x80 | (c & 0x3f));
    else
      out +=
        hi(0xf0 | (c >> 18)) +
        hi(0x80 | ((c >> 12) & 0x3f)) +
        hi(0x80 | ((c >> 6) & 0x3f)) +
        hi(0x80 | (c & 0x3f));
  }
  return out;
}

function hi(byte: number): string {
  return HIGH_BYTES[byte - 0x80] ?? ' ';
}

function ngrams(words: string[]): Set<string> {
  const grams = new Set<string>();
  for (const w of words) {
    const word = toBytes(w);
    const len = Math.min(word.length, 70);
    let j = 0;
    for (; j + 4 < len; j += 3) grams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    grams.add(`${j === 0 ? ' ' : ''}${word.substring(len !== 3 ? len - 4 : 0)} `);
  }
  return grams;
}

/** Raw eld scores per language and the number of distinct n-grams looked up. */
export function ngramScores(words: string[]): { scores: Record<string, number>; count: number } {
  const t = load();
  const raw = new Array<number>(LANGS.length).fill(0);
  const grams = ngrams(words);
  for (const g of grams) {
    const list = t.get(g);
    if (!list) continue;
    for (let i = 0; i < list.length; i += 2) raw[list[i]!]! += list[i + 1]! + BASE_SCORE;
  }
  const scores: Record<string, number> = {};
  LANGS.forEach((l, i) => {
    if (raw[i]! > 0) scores[l] = raw[i]!;
  });
  return { scores, count: grams.size };
}

const DE_SET = new Set(DE_HINTS);
const EN_SET = new Set(EN_HINTS);

const SCRIPTS: [RegExp, (text: string) => string][] = [
  [/\p{Script=Cyrillic}/u, (t) => (/[іїєґ]/i.test(t) ? 'uk' : 'ru')],
  [/\p{Script=Arabic}/u, () => 'ar'],
  [/\p{Script=Hebrew}/u, () => 'he'],
  [/\p{Script=Greek}/u, () => 'el'],
  [/\p{Script=Hangul}/u, () => 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, () => 'ja'],
  [/\p{Script=Han}/u, () => 'zh'],
  [/\p{Script=Thai}/u, () => 'th'],
  [/\p{Script=Devanagari}/u, () => 'hi'],
];

const WORD_SPLIT = /[^\p{L}]+(?<!['`’])/gu;

export interface LanguageEvidence {
  language: string | null;
  /** eld score per n-gram of the winner, 0 when decided without n-grams */
  strength: number;
}

/** Detects the language of a comment; null when unsure (very short, emoji/link only). */
export function detectLanguage(input: string): string | null {
  return detectLanguageWithEvidence(input).language;
}

export function detectLanguageWithEvidence(input: string): LanguageEvidence {
  const text = decodeEntities(input)
    .replace(EMAIL_RE, ' ')
    .replace(URL_RE, ' ')
    .replace(MENTION_RE, '$1 ')
    .replace(EMOJI_RE, ' ')
    .replace(/[#_]/g, ' ')
    .replace(/\d+/g, ' ');

  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters - latin > latin && letters - latin >= 2) {
    for (const [re, code] of SCRIPTS) if (re.test(text)) return { language: code(text), strength: 0 };
    return { language: null, strength: 0 };
  }
  if (latin < 2) return { language: null, strength: 0 };

  const words = text.replace(WORD_SPLIT, ' ').trim().toLowerCase().split(' ').filter(Boolean);
  const folded = words.map((w) => fold(w).replace(/([a-z])\1{2,}/g, '$1$1'));
  let de = 0;
  let en = 0;
  for (const w of folded) {
    if (DE_SET.has(w)) de++;
    if (EN_SET.has(w)) en++;
  }
  const lower = text.toLowerCase();
  let foreign: string | null = null;
  for (const [re, code] of FOREIGN_LETTERS) {
    if (re.test(lower)) {
      foreign = code;
      break;
    }
  }
  if (!foreign && /[äöüß]/.test(lower)) de += 1.5;

  const { scores, count } = ngramScores(words);
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [top, topRaw] = ranked[0] ?? [null, 0];
  const second = ranked[1]?.[1] ?? 0;
  const strength = count > 0 ? topRaw / count : 0;
  const margin = topRaw > 0 ? (topRaw - second) / topRaw : 0;

  // Very short texts: function words decide; n-grams only when clearly one language.
  if (words.length <= 3) {
    if (de > en) return { language: 'de', strength };
    if (en > de) return { language: 'en', strength };
    if (foreign && top === foreign) return { language: foreign, strength };
    if (top && words.length >= 2 && strength >= 75 && margin >= 0.3) return { language: top, strength };
    return { language: null, strength };
  }

  if (!top) {
    if (de > en) return { language: 'de', strength: 0 };
    if (en > de) return { language: 'en', strength: 0 };
    return { language: null, strength: 0 };
  }
  // Clear German/English function-word evidence overrules a third language (unless its letters say otherwise).
  if (top !== 'de' && top !== 'en' && !foreign) {
    if (de >= 2 && de >= 2 * en) return { language: 'de', strength };
    if (en >= 2 && en >= 2 * de) return { language: 'en', strength };
  }
  // German vs English: n-grams can be fooled by English words in German comments and vice versa.
  if (top === 'de' && en >= 2 && de === 0) return { language: 'en', strength };
  if (top === 'en' && de >= 2 && en === 0) return { language: 'de', strength };
  if (strength < 40 && de === en) return { language: null, strength };
  return { language: top, strength };
}
