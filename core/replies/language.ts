/**
 * Language of a comment, for short social-media texts too.
 *
 * 1. No letters at all (emoji, a link, a number) → null: there is no language to name.
 * 2. Non-Latin scripts are recognised by script alone (Cyrillic → ru/uk, Arabic → ar, …).
 * 3. Latin-script text is scored with the n-gram model of the `eld` detector (Apache-2.0), using a
 *    subset database shipped in lexicon/eld-ngrams.ts (de, en in full; fr, es, it, nl, pt, pl, tr
 *    pruned). The scoring re-implements eld's `detect()`: words are UTF-8 byte strings, n-grams
 *    are 4 bytes with stride 3, each known n-gram adds (53 + weight) to its languages.
 * 4. A third language wins only when eld clearly says so; otherwise German vs English is decided by
 *    the learned language_de model (character n-grams, trained on the German and English training
 *    sets), which also names one- and two-word comments ("Danke!", "love it").
 */

import { type Features, featurize } from './features';
import { ELD_NGRAMS, ELD_WEIGHT_ALPHABET, ELD_WEIGHT_STEP } from './lexicon/eld-ngrams';
import { triageModels } from './models/index';
import { decodeEntities, EMAIL_RE, EMOJI_RE, MENTION_RE, URL_RE } from './normalize';

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

/** Letters only a third language writes; with eld agreeing they decide even a short text. */
const FOREIGN_LETTERS: readonly [RegExp, string][] = [
  [/[şğı]/, 'tr'],
  [/[ąęłńśźż]/, 'pl'],
  [/[ãõ]/, 'pt'],
  [/[ñ¿¡]/, 'es'],
  [/[œæç]/, 'fr'],
];

const WORD_SPLIT = /[^\p{L}]+(?<!['`’])/gu;

/** eld's score per n-gram of a third language needed to overrule German/English, and its lead. */
const OTHER_STRENGTH = 70;
const OTHER_MARGIN = 0.25;
/** eld's lead of German over English (or back) that decides without the learned model. */
const ELD_DE_EN_MARGIN = 0.5;

/** Detects the language of a comment (ISO 639-1); null only when it has no words at all. */
export function detectLanguage(input: string, features?: Features): string | null {
  const raw = typeof input === 'string' ? input : '';
  const text = decodeEntities(raw)
    .replace(EMAIL_RE, ' ')
    .replace(URL_RE, ' ')
    .replace(MENTION_RE, '$1 ')
    .replace(EMOJI_RE, ' ')
    .replace(/[#_]/g, ' ')
    .replace(/\d+/g, ' ');

  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters - latin > latin && letters - latin >= 2) {
    for (const [re, code] of SCRIPTS) if (re.test(text)) return code(text);
  }
  if (latin < 2) return null;

  const words = text.replace(WORD_SPLIT, ' ').trim().toLowerCase().split(' ').filter(Boolean);
  const { scores, count } = ngramScores(words);
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [top, topRaw] = ranked[0] ?? [null, 0];
  const second = ranked[1]?.[1] ?? 0;
  const strength = count > 0 ? topRaw / count : 0;
  const margin = topRaw > 0 ? (topRaw - second) / topRaw : 0;
  if (top && top !== 'de' && top !== 'en') {
    const lower = text.toLowerCase();
    const letter = FOREIGN_LETTERS.find(([re]) => re.test(lower))?.[1];
    if (letter === top) return top;
    if (words.length >= 3 && strength >= OTHER_STRENGTH && margin >= OTHER_MARGIN) return top;
  }
  // German vs English: eld when it is clear on three words or more, else the learned model.
  const de = scores.de ?? 0;
  const en = scores.en ?? 0;
  if (words.length >= 3 && Math.max(de, en) > 0 && Math.abs(de - en) / Math.max(de, en) >= ELD_DE_EN_MARGIN)
    return de > en ? 'de' : 'en';
  const p = triageModels().language_de.predict(features ?? featurize(raw))[0] ?? 0.5;
  return p >= 0.5 ? 'de' : 'en';
}
