/**
 * Simple key-phrase rules for drafting: the person's name and the thing a comment is about.
 *
 * German: the noun after a determiner or possessive ("meine Bestellung", "der Akku", "die neue
 * Jacke"), else a capitalised word inside a sentence; informal lower-case nouns after a determiner
 * are capitalised. English: up to two words after a determiner ("my order", "the new headphones"),
 * "my" becoming "your". Insults, sentiment words, pronouns and fillers are never picked.
 */
import { DE_ATTACK_WORDS } from './lexicon/attack-de';
import { EN_ATTACK_WORDS } from './lexicon/attack-en';
import { DE_WORDS } from './lexicon/sentiment-de';
import { EN_WORDS } from './lexicon/sentiment-en';
import { compileWords, lookupWord, wordSet } from './match';
import { EMOJI_RE, fold, MENTION_RE, squeeze, URL_RE } from './normalize';

export interface Topic {
  /** the words as they should appear in a reply ("Bestellung", "new headphones") */
  text: string;
  /** English only: the determiner to use in a reply (null for names: "Android") */
  det: 'your' | 'the' | 'this' | null;
}

const DE_DETERMINERS = wordSet([
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'mein',
  'meine',
  'meinen',
  'meinem',
  'meiner',
  'meines',
  'dein',
  'deine',
  'deinen',
  'deinem',
  'euer',
  'eure',
  'euren',
  'eurem',
  'eurer',
  'unser',
  'unsere',
  'unseren',
  'unserem',
  'diese',
  'dieser',
  'diesen',
  'diesem',
  'dieses',
  'kein',
  'keine',
  'keinen',
  'keinem',
  'zum',
  'zur',
  'vom',
  'beim',
  'im',
  'am',
  'ins',
  'fuers',
]);
const POSSESSIVE = /^(?:mein|dein|euer|eur|unser)/;
const DE_STOP = wordSet([
  'ich',
  'du',
  'er',
  'sie',
  'es',
  'wir',
  'ihr',
  'ihnen',
  'euch',
  'dich',
  'dir',
  'mich',
  'mir',
  'uns',
  'man',
  'hallo',
  'hi',
  'hey',
  'danke',
  'bitte',
  'leute',
  'team',
  'ihr',
  'hilfe',
  'frage',
  'fragen',
  'antwort',
  'info',
  'infos',
  'mal',
  'jahr',
  'jahre',
  'jahren',
  'monat',
  'monate',
  'monaten',
  'woche',
  'wochen',
  'tag',
  'tage',
  'tagen',
  'stunde',
  'stunden',
  'minute',
  'minuten',
  'zeit',
  'mal',
  'ende',
  'anfang',
  'moment',
  'sache',
  'ding',
  'teil',
  'euro',
  'eur',
  'geld',
  'gott',
  'herr',
  'frau',
  'ok',
  'okay',
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
  'heute',
  'morgen',
  'gestern',
  'ehrlich',
  'witz',
  'spass',
  'problem',
  'probleme',
  'leid',
  'wahnsinn',
  'hammer',
  'traum',
  'lob',
  'respekt',
  'kompliment',
  'tipp',
]);
const EN_DETERMINERS = new Map<string, Topic['det']>([
  ['my', 'your'],
  ['our', 'your'],
  ['your', 'the'],
  ['the', 'the'],
  ['this', 'this'],
  ['that', 'the'],
  ['these', 'the'],
  ['those', 'the'],
  ['a', 'the'],
  ['an', 'the'],
]);
const EN_STOP = wordSet([
  'i',
  'you',
  'he',
  'she',
  'it',
  'we',
  'they',
  'me',
  'him',
  'her',
  'us',
  'them',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'will',
  'would',
  'can',
  'could',
  'should',
  'not',
  'no',
  'and',
  'or',
  'but',
  'so',
  'to',
  'of',
  'in',
  'on',
  'for',
  'with',
  'at',
  'from',
  'by',
  'about',
  'as',
  'just',
  'still',
  'again',
  'very',
  'really',
  'too',
  'also',
  'only',
  'even',
  'ever',
  'never',
  'always',
  'time',
  'times',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'hour',
  'hours',
  'minute',
  'minutes',
  'morning',
  'evening',
  'night',
  'way',
  'thing',
  'things',
  'stuff',
  'lot',
  'bit',
  'guys',
  'team',
  'one',
  'ones',
  'some',
  'any',
  'all',
  'same',
  'other',
  'another',
  'first',
  'last',
  'next',
  'new',
  'old',
  'more',
  'most',
  'less',
  'much',
  'many',
  'what',
  'which',
  'who',
  'how',
  'why',
  'when',
  'where',
  'there',
  'here',
  'now',
  'then',
  'today',
  'problem',
  'issue',
  'question',
  'help',
  'thanks',
  'thank',
  'please',
  'money',
  'life',
  'people',
  'person',
  'end',
  'point',
  'moment',
  'reason',
  'joke',
  'shame',
  'mess',
  'nightmare',
  'disaster',
  'fun',
  'love',
  // common verbs that follow "this"/"that" ("does this work", "that makes")
  'work',
  'works',
  'worked',
  'arrive',
  'arrived',
  'get',
  'got',
  'come',
  'comes',
  'came',
  'go',
  'goes',
  'went',
  'look',
  'looks',
  'fit',
  'fits',
  'ship',
  'ships',
  'cost',
  'costs',
  'take',
  'takes',
  'make',
  'makes',
  'made',
  'need',
  'needs',
  'want',
  'seem',
  'seems',
  'feel',
  'feels',
  'keep',
  'keeps',
  'use',
  'know',
  'think',
  'say',
  'said',
  'see',
  'show',
  'shows',
  'run',
  'runs',
  'happen',
  'happened',
  'mean',
  'means',
  'sound',
  'sounds',
  'like',
  'likes',
  'charge',
  'charged',
  'sucks',
  'rocks',
  'tastes',
  'smells',
  'includes',
  'include',
  'come',
]);
const EN_KEEP_ADJ = wordSet([
  'new',
  'old',
  'latest',
  'last',
  'blue',
  'black',
  'white',
  'red',
  'green',
  'large',
  'small',
]);

const deSentiment = compileWords(DE_WORDS, DE_ATTACK_WORDS);
const enSentiment = compileWords(EN_WORDS, EN_ATTACK_WORDS);

function isEvaluative(folded: string, lang: 'de' | 'en'): boolean {
  const v = lookupWord(folded, lang === 'de' ? deSentiment : enSentiment);
  return v !== undefined && Math.abs(v) >= 1;
}

interface RawToken {
  raw: string;
  folded: string;
  sentenceStart: boolean;
}

function rawTokens(text: string): RawToken[] {
  const clean = text
    .replace(URL_RE, ' ')
    .replace(MENTION_RE, '$1 ')
    .replace(EMOJI_RE, ' ')
    .replace(/#/g, ' ');
  const out: RawToken[] = [];
  let start = true;
  for (const m of clean.matchAll(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*|[.!?;:]+/gu)) {
    const raw = m[0];
    if (/^[.!?;:]/.test(raw)) {
      start = true;
      continue;
    }
    out.push({ raw, folded: squeeze(fold(raw)), sentenceStart: start });
    start = false;
  }
  return out;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The noun a German comment is about, or null. */
function germanTopic(tokens: RawToken[]): Topic | null {
  let best: { text: string; score: number; index: number } | null = null;
  const consider = (i: number, score: number) => {
    const t = tokens[i];
    if (!t || t.raw.length < 3 || /\d/.test(t.raw)) return;
    const parts = t.folded.split('-');
    const head = parts[parts.length - 1] ?? t.folded;
    if (
      DE_STOP.has(t.folded) ||
      DE_STOP.has(head) ||
      isEvaluative(t.folded, 'de') ||
      isEvaluative(head, 'de')
    )
      return;
    if (DE_DETERMINERS.has(t.folded)) return;
    const text = t.raw
      .split('-')
      .filter((p) => !isEvaluative(squeeze(fold(p)), 'de'))
      .map(capitalise)
      .join('-');
    if (text.length < 3) return;
    const s = score + Math.min(t.raw.length, 14) / 14;
    if (!best || s > best.score) best = { text, score: s, index: i };
  };
  tokens.forEach((t, i) => {
    if (DE_DETERMINERS.has(t.folded)) {
      const next = tokens[i + 1];
      const after = tokens[i + 2];
      if (!next || DE_DETERMINERS.has(next.folded)) return;
      if (/^\p{Lu}/u.test(next.raw)) consider(i + 1, 3);
      // determiner + adjective + noun ("die neue Jacke"): take the noun
      else if (after && /^\p{Lu}/u.test(after.raw)) consider(i + 2, 3);
      // informal lower-case noun after a possessive ("meine bestellung")
      else if (POSSESSIVE.test(t.folded)) consider(i + 1, 2);
    } else if (/^\p{Lu}\p{Ll}/u.test(t.raw) && !t.sentenceStart) {
      consider(i, 1);
    }
  });
  const found = best as { text: string } | null;
  return found ? { text: found.text, det: 'the' } : null;
}

/** The thing an English comment is about, or null. */
function englishTopic(tokens: RawToken[]): Topic | null {
  const phrase = englishDeterminerPhrase(tokens);
  if (phrase) return phrase;
  // a capitalised name inside a sentence ("works with Android", "the Pixel")
  for (const t of tokens) {
    if (
      !t.sentenceStart &&
      /^\p{Lu}[\p{L}\p{N}-]{2,}$/u.test(t.raw) &&
      !EN_STOP.has(t.folded) &&
      t.raw !== 'I'
    ) {
      if (!isEvaluative(t.folded, 'en') && t.raw !== t.raw.toUpperCase()) return { text: t.raw, det: null };
    }
  }
  return null;
}

function englishDeterminerPhrase(tokens: RawToken[]): Topic | null {
  for (let i = 0; i < tokens.length; i++) {
    const det = EN_DETERMINERS.get(tokens[i]?.folded ?? '');
    if (!det) continue;
    const words: string[] = [];
    for (let k = i + 1; k < tokens.length && words.length < 2; k++) {
      const t = tokens[k]!;
      const w = t.folded;
      if (/\d/.test(w) || w.length < 2) break;
      if (EN_STOP.has(w) && !(EN_KEEP_ADJ.has(w) && words.length === 0)) break;
      if (isEvaluative(w, 'en') || /ly$/.test(w) || (/^(?:[a-z]+ed|[a-z]+ing)$/.test(w) && words.length > 0))
        break;
      words.push(t.raw.toLowerCase() === t.raw || /^\p{Lu}\p{Ll}/u.test(t.raw) ? t.raw : t.raw.toLowerCase());
    }
    const head = words[words.length - 1];
    if (!head || EN_KEEP_ADJ.has(squeeze(fold(head))) || /ing$|ed$/.test(head)) continue;
    return { text: words.join(' '), det };
  }
  return null;
}

export function extractTopic(text: string, lang: 'de' | 'en'): Topic | null {
  const tokens = rawTokens(text);
  return lang === 'de' ? germanTopic(tokens) : englishTopic(tokens);
}

const TITLES = wordSet([
  'dr',
  'prof',
  'herr',
  'frau',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'sir',
  'dipl',
  'ing',
  'mag',
]);
const ORG =
  /\b(?:gmbh|ag|kg|ug|e\.?\s?v|inc|ltd|llc|official|offiziell|shop|store|news|tv|media|team|group)\b/i;

export interface PersonName {
  /** how to address them informally ("Anna", "@anna_m") */
  first: string;
  /** how to address them formally (full name when it looks like a person's name) */
  full: string;
}

/** First name from a display name ("Dr. Anna Müller 🌸" → Anna), handle as fallback, else null. */
export function personName(displayName: string | null, handle: string | null): PersonName | null {
  const cleaned = (displayName ?? '')
    .replace(EMOJI_RE, ' ')
    .replace(/[^\p{L}\s'.-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned && !ORG.test(cleaned)) {
    const words = cleaned
      .split(' ')
      .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
      .filter((w) => w.length >= 2 && !TITLES.has(fold(w).replace(/\./g, '')));
    const first = words[0];
    if (first && /\p{L}{2}/u.test(first)) {
      const norm = (w: string) =>
        w === w.toLowerCase() || w === w.toUpperCase() ? capitalise(w.toLowerCase()) : w;
      const full = words.slice(0, 3).map(norm).join(' ');
      return { first: norm(first), full };
    }
  }
  if (cleaned && ORG.test(cleaned)) return { first: cleaned, full: cleaned };
  const h = (handle ?? '').replace(/^@/, '').trim();
  if (h) return { first: `@${h}`, full: `@${h}` };
  return null;
}
