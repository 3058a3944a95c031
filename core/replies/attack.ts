/**
 * Attack score: insults, slurs, threats, dehumanising language and group hostility (own writing; see
 * README.md for how it was checked). analyze.ts calls a comment an attack at score ≥ ATTACK_AT (2.5).
 *
 * score = Σ lexicon words and phrases (lexicon/attack-*.ts); phrases of weight 0 claim harmless idioms
 *         ("to die for", "shut up and take my money", "unter aller Sau", "dumme Frage")
 *       + swearing that insults nobody ("fucking love it", "Scheiße, ausverkauft") at most 2 in total
 *       + rule cues (lexicon/attack-rules.ts): group + copula + insult or negative predicate
 *         ("Frauen sind albern"), group + dehumanising word, violence or hatred aimed at a group,
 *         expulsion ("Ausländer raus!", "Friedman raus!", "raus mit denen"), address + weak noun
 *         ("Du Lauch", "ihr Opfer", "you donkey"), insulting adjective + weak noun ("dumme Kuh",
 *         "stupid cow"), "was für eine Pfeife" / "such a tool", swear word + group or person
 *         ("scheiß Migranten"), pejorative compounds ("Drecksleute", "Abzockerpack", "Asylantenflut"), 🖕
 *       + 1.5 when a weak cue (< 3) is aimed at someone: "du/ihr/you" (or a capitalised "Sie") within six
 *         words, a determiner before an insult noun ("der Pfaffe", "a fraud"), an @mention with a word
 *         about a person (not swearing, not "garbage"), or "diese/these/he/they/your" with a cue ≥ 2.
 *         "Your prices are criminal", "@brand your service is garbage", "euer Service ist zum Kotzen"
 *         stay complaints.
 * Not counted: negated words ("nicht dumm"), one's own things ("my dumb cat"), the writer about
 * themselves ("Ich Depp", "I feel like an idiot"), words in quotes ('den Begriff "Gutmensch"').
 *
 * Masked and leetspeak spellings ("Sch***e", "f*ck", "a$$hole", "idi0t", "b!tch") are resolved
 * against the lexicon first; only words that resolve to a known insult or swear word change, and
 * hashtags and mentions are left alone ("#ARD" is not "retard").
 */

import { EN_ATTACK_ADJECTIVES } from './lexicon/attack-en';
import {
  AFTER_HATED_POINTER,
  ANIMALS,
  COPULAS,
  CURSED_CIRCUMSTANCES,
  DE_PROFANE_MODIFIERS,
  DEHUMANISING,
  EXCLAIM_OPENERS,
  EXPULSION,
  EXPULSION_PERSON_OBJECTS,
  EXPULSION_VERBS,
  GROUP_ADJECTIVES,
  GROUP_HEADS,
  GROUP_NOUNS,
  GROUP_STEMS,
  GROUP_VIOLENCE,
  HATE_VERBS,
  HATED_PERSONS,
  HATED_POINTERS,
  IMPERSONAL_SUBJECTS,
  INSULTING_ADJECTIVES,
  NEUTRAL_WITHOUT_ADJECTIVE,
  PEJORATIVE_MODIFIERS,
  PERSON_HEADS,
  PERSON_NOUNS,
  PROFANE_MODIFIERS,
  PROFANE_VERDICTS,
  VERDICT_COPULAS,
  VERDICT_SAYING,
  VOCATIVE_NOUNS,
} from './lexicon/attack-rules';
import { type IntentLexicon, NEGATORS } from './lexicons';
import { findPatterns, lookupToken, lookupWord, type WordLexicon, wordSet } from './match';
import { fold, type Prepared, prepare, squeeze, type Token } from './normalize';
import type { SentimentResult } from './sentiment';

const DIRECT = wordSet([
  'du',
  'dich',
  'dir',
  'ihr',
  'euch',
  'ihnen',
  'you',
  'u',
  'ya',
  'ye',
  'yourself',
  'yourselves',
  'youre',
  "you're",
  'ur',
  'yall',
  "y'all",
]);
/** Swearing that is not an insult: counts at most PROFANITY_CAP unless someone is addressed. */
const PROFANITY = wordSet([
  'fuck',
  'fucking',
  'fucked',
  'fuckin',
  'fck',
  'fking',
  'fuk',
  'fuking',
  'fukin',
  'fcking',
  'fkn',
  'fucken',
  'fucks',
  'effing',
  'shit',
  'shitty',
  'bullshit',
  'shite',
  'crap',
  'damn',
  'goddamn',
  'hell',
  'piss',
  'pissed',
  'wtf',
  'ffs',
  'scheisse',
  'scheiss',
  'kacke',
  'verdammt',
  'verdammte',
  'verdammter',
  'verdammten',
  'verflucht',
  'verfluchte',
  'verfluchten',
]);
const PROFANITY_CAP = 2;
/** Words that judge things rather than people ("garbage", "Blödsinn"): no target via an @mention alone. */
const THING_WORDS = wordSet([
  'garbage',
  'trash',
  'rubbish',
  'junk',
  'bloedsinn',
  'schwachsinn',
  'unsinn',
  'quatsch',
  'propaganda',
]);
/** How far (in words) a target may be from the cue it aims ("you … idiot"). */
const TARGET_WINDOW = 6;

/** Determiners before an insult noun make it refer to someone ("der Pfaffe", "ein Narr", "a fraud"). */
const DETERMINERS = wordSet([
  'der',
  'die',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'jene',
  'jener',
  'ihre',
  'ihren',
  'seine',
  'seinen',
  'deren',
  'dessen',
  'the',
  'a',
  'an',
  'this',
  'that',
  'his',
  'their',
  'such',
]);
const EN_ADJ = wordSet(EN_ATTACK_ADJECTIVES);
/** Words after an English noun that end its noun phrase ("a fraud who …", "the clowns at …"). */
const EN_FUNCTION_WORDS = wordSet([
  'who',
  'that',
  'which',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'and',
  'or',
  'of',
  'in',
  'at',
  'on',
  'from',
  'for',
  'with',
  'like',
  'can',
  "can't",
  'cant',
  'should',
  'will',
  'would',
  'lol',
]);

/** Nominative address before a vocative noun ("du Lauch", "ihr Opfer", "you donkey"). */
const ADDRESS = wordSet(['du', 'ihr', 'you', 'u', 'ey', 'hey']);

const GROUPS = wordSet(GROUP_NOUNS);
const ANIMAL = wordSet(ANIMALS);
const VIOLENCE = wordSet(GROUP_VIOLENCE);
/** "haben hier nichts verloren", "nichts zu suchen", "shouldn't be allowed": a group denied its place. */
const DENIED = wordSet(['verloren', 'suchen', 'allowed', 'erlaubt', 'welcome', 'willkommen']);
const PROFANE = wordSet(PROFANE_MODIFIERS);
const EXPEL_VERBS = wordSet(EXPULSION_VERBS);
/** Person nouns a swear word can be aimed at ("scheiß Typ", "fucking people"). */
const PEOPLE = wordSet([
  ...PERSON_NOUNS,
  'typ',
  'typen',
  'kerl',
  'kerle',
  'weib',
  'weiber',
  'tussi',
  'bullen',
  'politiker',
  'guy',
  'guys',
  'bitch',
  'idiots',
]);
const GROUP_ADJ = wordSet(GROUP_ADJECTIVES);
const PERSONS = wordSet(PERSON_NOUNS);
const COPULA = wordSet(COPULAS);
const COPULA_SG = wordSet(['ist', 'bist', 'seid', 'sind', 'is', 'are']);
/** First person: "Ich Depp", "I feel like an idiot", "ich bin so ein Idiot" insult nobody else. */
const SELF = wordSet(['bin', "i'm", 'mich', 'mir']);
/** Heads after a hyphen that still name people ("Schneeflöckchen-Jugend", "Nazi-Politiker"). */
const PERSON_LIKE_HEADS = wordSet([
  'jugend',
  'generation',
  'politiker',
  'fans',
  'anhaenger',
  'waehler',
  'elite',
  'eliten',
  'medien',
  'presse',
]);
/** German past participles in -en after an adverb: "dumm gelaufen", "blöd geschrieben". */
const STRONG_PARTICIPLES = wordSet(['gelaufen', 'geworden', 'gegangen', 'geschrieben', 'getroffen']);
/** Subjects that make "… ist scheiße" a verdict on a person ("der ist scheiße", "du bist scheiße"), not on a product. */
const PERSONAL_SUBJECTS = wordSet(['er', 'sie', 'du', 'ihr', 'der', 'die', 'he', 'she', 'you', 'they', 'u']);
const THING_COPULAS = wordSet(['ist', 'war', 'wird', 'wirkt', 'klingt', 'is', 'was', 'sounds', 'looks']);
/** Sweeping words between a determiner and an insult noun ("die ganzen Idioten", "diese ewigen Nörgler"). */
const SWEEPING = wordSet(['ganzen', 'ganze', 'ewigen', 'ewige', 'typischen', 'all', 'whole']);
/** Titles before a surname that happens to be an insult ("Präses Schwaetzer"). */
const TITLES = wordSet([
  'herr',
  'herrn',
  'frau',
  'dr',
  'prof',
  'praeses',
  'pfarrer',
  'pfarrerin',
  'bischof',
  'bischoefin',
  'minister',
  'ministerin',
  'senator',
  'senatorin',
  'mr',
  'mrs',
  'ms',
  'miss',
]);
/** "für mich", "to me": whose opinion it is, not whom it is about ("ist für mich ein Dummschwätzer"). */
const OPINION_PREPOSITIONS = wordSet(['fuer', 'nach', 'to', 'for']);
const OWN = wordSet([
  'my',
  'mein',
  'meine',
  'meinen',
  'meinem',
  'meiner',
  'our',
  'unser',
  'unsere',
  'unseren',
  'unserem',
]);
const DEHUMAN = wordSet(DEHUMANISING);
const EXPEL = wordSet(EXPULSION);
const EXPEL_OBJECTS = wordSet(EXPULSION_PERSON_OBJECTS);
const VOCATIVE = wordSet(VOCATIVE_NOUNS);
const INSULT_ADJ = wordSet(INSULTING_ADJECTIVES);
const NEEDS_ADJ = wordSet(NEUTRAL_WITHOUT_ADJECTIVE);
const OPENERS = EXCLAIM_OPENERS.map((o) => o.split(' '));
const MODIFIERS = [...PEJORATIVE_MODIFIERS].sort((a, b) => b.length - a.length);
const HEADS = new Set(PERSON_HEADS);
const G_STEMS = [...GROUP_STEMS];
const DE_PROFANE = wordSet(DE_PROFANE_MODIFIERS);
const CIRCUMSTANCES = wordSet(CURSED_CIRCUMSTANCES);
const VERDICTS = wordSet(PROFANE_VERDICTS);
const V_COPULAS = wordSet(VERDICT_COPULAS);
const V_SAYING = wordSet(VERDICT_SAYING);
const IMPERSONAL = wordSet(IMPERSONAL_SUBJECTS);
const HATE = wordSet(HATE_VERBS);
const HATED = wordSet(HATED_PERSONS);
const HATED_POINTER = wordSet(HATED_POINTERS);
const AFTER_POINTER = wordSet(AFTER_HATED_POINTER);
/** Words that may stand between a verb and its verdict ("ist eh scheiße", "redet nur noch Scheiße"). */
const VERDICT_FILLERS = wordSet([
  'eh',
  'doch',
  'einfach',
  'nur',
  'noch',
  'total',
  'echt',
  'so',
  'richtig',
  'voll',
  'halt',
  'ja',
  'auch',
  'absolut',
  'komplett',
  'nichts',
  'als',
  'mal',
  'wieder',
  'immer',
  'nix',
  'just',
  'such',
  'complete',
  'utter',
  'pure',
  'full',
  'of',
  'a',
  'nothing',
  'but',
]);
const G_HEADS = [...GROUP_HEADS];
/** Words before "raus" that do not name whom to throw out ("jetzt raus", "alles raus"). */
const NOT_EXPELLED = wordSet([
  'endlich',
  'jetzt',
  'schnell',
  'alles',
  'nix',
  'nichts',
  'da',
  'hier',
  'heute',
  'morgen',
  'gleich',
  'sofort',
  'bald',
  'wieder',
  'ich',
  'wir',
  'man',
  'es',
  'ist',
  'sind',
  'kommt',
  'geht',
  'muss',
  'will',
  'bin',
  'mal',
  'schon',
  'ganz',
  'voll',
  'rein',
  'rauf',
  'damit',
  'daraus',
]);

// ── masked and leetspeak spellings ───────────────────────────────────────────────────────────────

/** Frequently masked words, tried first and in this order ("Sch***e" is Scheiße, not Schlampe). */
const MASKED_FIRST = [
  'fuck',
  'fucking',
  'fucker',
  'fucked',
  'shit',
  'shitty',
  'bitch',
  'bitches',
  'asshole',
  'assholes',
  'scheisse',
  'scheiss',
  'arschloch',
  'arschloecher',
  'arsch',
  'ficken',
  'fick',
  'fickt',
  'verfickt',
  'verfickte',
  'verfickten',
  'verpiss',
  'verpisst',
  'fotze',
  'wichser',
  'hurensohn',
  'hure',
  'idiot',
  'idioten',
  'idiots',
  'vollidiot',
  'vollidioten',
  'bastard',
  'cunt',
  'dick',
  'dickhead',
  'retard',
  'whore',
  'slut',
  'nigger',
  'nigga',
  'faggot',
  'motherfucker',
  'bullshit',
  'kacke',
  'cock',
  'pussy',
  'twat',
  'wanker',
  'moron',
  'dumbass',
  'penner',
  'spast',
  'schlampe',
  'nutte',
  'missgeburt',
  'piss',
  'crap',
  'damn',
];
const LEET: Record<string, string> = {
  '0': '[o0]',
  '1': '[il1]',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
/** A mask or leet character between letters ("idi0t", "b!tch", "Sch***e") or masks after a letter ("F***"). */
const OBFUSCATION_HINT = /\p{L}[*#@$!0-9]+\p{L}|\p{L}[*#]+/u;
const CHUNK_RE = /[\p{L}0-9*#@$!]+/gu;

function chunkPattern(chunk: string): RegExp | null {
  let re = '';
  let special = false;
  let letters = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i] ?? '';
    if (c === '*' || c === '#') {
      let n = 1;
      while (chunk[i + n] === c) n++;
      re += `[a-z]{${Math.max(1, n - 1)},${n + 2}}`;
      i += n - 1;
      special = true;
    } else if (LEET[c] !== undefined) {
      re += LEET[c];
      special = true;
    } else if (/\p{L}/u.test(c)) {
      re += fold(c).replace(/[^a-z]/g, '');
      letters++;
    } else return null;
  }
  return special && letters >= 1 ? new RegExp(`^${re}$`) : null;
}

const candidateCache = new WeakMap<WordLexicon, string[]>();

function candidates(words: WordLexicon): string[] {
  const cached = candidateCache.get(words);
  if (cached) return cached;
  const rest = new Set<string>();
  for (const [k, v] of words.exact) if (v >= 1 && k.length >= 3) rest.add(k);
  for (const [k, v] of words.suffix) if (v >= 1 && k.length >= 4) rest.add(k);
  for (const [k, v] of words.prefix) if (v >= 1 && k.length >= 4) rest.add(k);
  const list = [...MASKED_FIRST, ...[...rest].filter((w) => !MASKED_FIRST.includes(w))];
  candidateCache.set(words, list);
  return list;
}

/** The comment with masked or leetspeak swear words written out, or null when there are none. */
export function unmask(text: string, words: WordLexicon): string | null {
  if (!OBFUSCATION_HINT.test(text)) return null;
  let changed = false;
  const out = text.replace(CHUNK_RE, (chunk, offset: number) => {
    // hashtags, mentions and masks without a letter in front ("#ARD", "@anna", "**Update**") stay
    if (!/^[\p{L}0-9$]/u.test(chunk) || text[offset - 1] === '@' || text[offset - 1] === '#') return chunk;
    const core = chunk.replace(/!+$/, '');
    // a mask only at the end hides a word when few letters are shown ("F***", "Sch***"); "Trans*" is a gender star
    const trailing = /^[\p{L}]+[*#]+$/u.exec(core);
    if (trailing && core.replace(/[*#]+$/, '').length > 3) return chunk;
    const re = chunkPattern(core);
    if (!re) return chunk;
    const hit = candidates(words).find((w) => re.test(w));
    if (hit === undefined) return chunk;
    changed = true;
    return hit + chunk.slice(core.length);
  });
  return changed ? out : null;
}

// ── scoring ──────────────────────────────────────────────────────────────────────────────────────

const valueCache = new WeakMap<Token, number>();

/**
 * A token's lexicon value. Long words that are not in the lexicon get one more try with two neighbouring
 * letters swapped, for the strong insults only ("Hurenshon", "Arshcloch"): a typo of a harmless word
 * does not become a strong insult that way.
 */
function attackValue(t: Token, lex: IntentLexicon): number {
  const cached = valueCache.get(t);
  if (cached !== undefined) return cached;
  let v = lookupToken(t, lex.attackWords) ?? 0;
  if (v === 0 && t.norm.length >= 8) {
    const w = t.norm;
    for (let i = 0; i < w.length - 1 && v === 0; i++) {
      const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      const s = lex.attackWords.exact.get(swapped) ?? lex.attackWords.suffix.get(swapped) ?? 0;
      if (s >= 3.5) v = s;
    }
  }
  valueCache.set(t, v);
  return v;
}

/**
 * "Drecksleute", "Abzockerpack", "Volksverräterpack", "Asylantenflut": a pejorative modifier, an
 * insult or a group name in front of a person or collective head.
 */
function compoundCue(word: string, lex: IntentLexicon): number {
  if (word.length < 7) return 0;
  for (const m of MODIFIERS) {
    if (!word.startsWith(m)) continue;
    let head = word.slice(m.length);
    if (head.startsWith('s') && !HEADS.has(head)) head = head.slice(1);
    if (HEADS.has(head) || HEADS.has(head.replace(/n$/, ''))) return 3.5;
  }
  for (const h of HEADS) {
    if (!word.endsWith(h) || word.length - h.length < 4) continue;
    const mod = word.slice(0, word.length - h.length);
    for (const m of [mod, mod.replace(/s$/, ''), mod.replace(/n$/, '')]) {
      const v = lookupWord(m, lex.attackWords);
      if (v !== undefined && v >= 1.5) return 3.5;
    }
  }
  for (const s of G_STEMS) {
    if (!word.startsWith(s)) continue;
    for (const h of G_HEADS) if (word.endsWith(h) && word.length - h.length >= s.length) return 3.5;
  }
  return 0;
}

/** A word quoted on its own is mentioned, not used: 'den Begriff "Gutmensch"', '"widerlich" ist kein Argument'. */
function quoted(text: string, raw: string): boolean {
  if (!/["„“”»«‚‘]|'\p{L}/u.test(text)) return false;
  const w = raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`["„“”»«‚‘'][\\p{L}-]*${w}[\\p{L}-]*["“”«»‘’']`, 'u').test(text);
}

/** "Sie"/"Ihnen" written with a capital inside a sentence: the formal you. */
function formalYou(p: Prepared, k: number): boolean {
  const t = p.tokens[k];
  if (!t || (t.raw !== 'Sie' && t.raw !== 'Ihnen')) return false;
  const prev = p.tokens[k - 1];
  return prev !== undefined && prev.clause === t.clause;
}

/**
 * An insult noun: capitalised inside the text (German nouns, names), or in English text not a known
 * adjective and not followed by a noun it would qualify ("a savage deal", "the bastard sword").
 */
function isNoun(p: Prepared, i: number, lex: IntentLexicon): boolean {
  const t = p.tokens[i]!;
  if (EN_ADJ.has(t.norm)) return false;
  if (/^\p{Lu}/u.test(t.raw) && lex.lang !== 'en') return true;
  if (lex.lang !== 'en') return false;
  const next = p.tokens[i + 1];
  return !next || next.phrase !== t.phrase || EN_FUNCTION_WORDS.has(next.norm);
}

/**
 * The writer insulting themselves: "Ich Depp", "ich bin so ein Idiot", "I'm such an idiot", "I feel like
 * an idiot", "komme mir vor wie ein Trottel" — with nobody addressed in the clause.
 */
function selfDirected(p: Prepared, i: number): boolean {
  const clause = p.tokens[i]?.clause;
  if (p.mentions > 0 || p.tokens.some((t) => t.clause === clause && DIRECT.has(t.norm))) return false;
  const prev = p.tokens[i - 1];
  if (prev?.norm === 'ich' || prev?.norm === 'i') return true;
  let self = false;
  let like = false;
  for (let k = i - 1; k >= i - 5 && k >= 0; k--) {
    const t = p.tokens[k]!;
    if (t.clause !== clause) break;
    const before = p.tokens[k - 1]?.norm;
    if (
      (SELF.has(t.norm) && !OPINION_PREPOSITIONS.has(before ?? '')) ||
      (t.norm === 'am' && before === 'i') ||
      (t.norm === 'sind' && before === 'wir')
    )
      self = true;
    if (t.norm === 'like' || t.norm === 'wie') like = true;
  }
  if (self) return true;
  return like && p.tokens.some((t) => t.clause === clause && (t.norm === 'i' || t.norm === 'ich'));
}

/**
 * A word that judges a situation or a thing, not a person: "das ist blöd", "es war ekelhaft", "ist das
 * dumm", "blöd gewählt", "dumm gelaufen" — an @mention in the comment does not make it an insult.
 */
function judgesThing(p: Prepared, i: number): boolean {
  const t = p.tokens[i];
  if (!t) return false;
  const next = p.tokens[i + 1];
  const adverb = /^\p{Ll}/u.test(t.raw) && next !== undefined && next.clause === t.clause;
  if (adverb && (/^ge\p{L}{3,}t$/u.test(next.norm) || STRONG_PARTICIPLES.has(next.norm))) return true;
  for (let k = i - 1; k >= i - 4 && k >= 0; k--) {
    const c = p.tokens[k]!;
    if (c.clause !== t.clause) break;
    if (!THING_COPULAS.has(c.norm)) continue;
    const before = p.tokens[k - 1];
    const after = p.tokens[k + 1];
    if (before && before.clause === t.clause && IMPERSONAL.has(before.norm)) return true;
    if ((!before || before.clause !== t.clause) && after && IMPERSONAL.has(after.norm)) return true;
  }
  return false;
}

function isGroupAt(p: Prepared, i: number): boolean {
  const t = p.tokens[i];
  if (!t) return false;
  if (GROUPS.has(t.norm)) return true;
  const next = p.tokens[i + 1];
  return GROUP_ADJ.has(t.norm) && next !== undefined && next.clause === t.clause && PERSONS.has(next.norm);
}

interface Cue {
  value: number;
  clause: number;
  rule: string;
}

/** Rule cues over the token sequence (see lexicon/attack-rules.ts). */
function ruleCues(p: Prepared, lex: IntentLexicon, s: SentimentResult | null): Cue[] {
  const cues: Cue[] = [];
  const negativeAt = new Set<number>();
  if (s) for (const h of s.hits) if (h.value <= -1) negativeAt.add(h.token);
  const toks = p.tokens;

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const clause = t.clause;
    const inClause = (k: number) => toks[k] !== undefined && toks[k]!.clause === clause;

    const compound = compoundCue(t.norm, lex);
    if (compound > 0) cues.push({ value: compound, clause, rule: `compound ${t.norm}` });

    // address + weak noun at the start of a phrase, the noun ending it: "Du Lauch!", "…, ihr Opfer", "you donkey"
    if (ADDRESS.has(t.norm) && inClause(i + 1) && (i === 0 || toks[i - 1]!.phrase !== t.phrase)) {
      const n1 = toks[i + 1]!;
      const after = toks[i + 2];
      const verb2pl =
        t.norm === 'ihr' && after !== undefined && /t$/.test(after.norm) && after.norm !== 'ist';
      const phraseEnd = !after || after.phrase !== n1.phrase || verb2pl;
      if (VOCATIVE.has(n1.norm) && !NEEDS_ADJ.has(n1.norm) && phraseEnd && p.clauseEnds[clause] !== '?') {
        cues.push({ value: 3, clause, rule: 'address' });
      }
    }

    // insulting adjective + weak noun: "dumme Kuh", "fette Sau", "stupid cow", "pathetic little man"
    if (VOCATIVE.has(t.norm) && i > 0 && inClause(i - 1)) {
      let v = 0;
      let mild = false;
      for (let k = i - 1; k >= i - 2 && k >= 0 && inClause(k); k--) {
        const a = attackValue(toks[k]!, lex);
        if (a < 3) v = Math.max(v, a);
        if (INSULT_ADJ.has(toks[k]!.norm)) mild = true;
        if (k === i - 1 && a === 0 && !INSULT_ADJ.has(toks[k]!.norm)) break;
      }
      if (v >= 1 || ((v >= 0.5 || mild) && !NEEDS_ADJ.has(t.norm)))
        cues.push({ value: 3, clause, rule: 'adjective+noun' });
    }

    // exclamation naming someone: "Was für eine Pfeife!", "so ein Lauch", "what a tool", "such a creep"
    const nounEnds = !inClause(i + 1) || toks[i + 1]!.phrase !== t.phrase || COPULA_SG.has(toks[i + 1]!.norm);
    if (VOCATIVE.has(t.norm) && !NEEDS_ADJ.has(t.norm) && nounEnds) {
      for (const o of OPENERS) {
        const start = i - o.length;
        if (start < 0 || !inClause(start)) continue;
        if (o.every((w, k) => toks[start + k]?.norm === w))
          cues.push({ value: 3, clause, rule: 'exclamation' });
      }
    }

    // swear word aimed at a group or at people: "scheiß Migranten", "Drecks Islamisten", "fucking immigrants"
    if (PROFANE.has(t.norm) && inClause(i + 1) && (isGroupAt(p, i + 1) || PEOPLE.has(toks[i + 1]!.norm))) {
      cues.push({ value: 3, clause, rule: 'swear + group' });
    }

    // German swear word before a noun: "scheiß Europa", "Scheiß Emanzipation" — not "Scheiß Wetter", not "mein scheiß Drucker"
    if (DE_PROFANE.has(t.norm) && inClause(i + 1) && lex.lang !== 'en') {
      const noun = toks[i + 1]!;
      const prev = toks[i - 1];
      const own = prev !== undefined && prev.clause === clause && OWN.has(prev.norm);
      if (/^\p{Lu}/u.test(noun.raw) && !CIRCUMSTANCES.has(noun.norm) && !own && !PROFANITY.has(noun.norm))
        cues.push({ value: 2.5, clause, rule: 'swear + noun' });
    }

    // swear word as a verdict on a person: "der ist eh scheiße", "er redet nur Scheiße" (not "die App ist scheiße")
    if (VERDICTS.has(t.norm)) {
      for (let k = i - 1; k >= i - 4 && k >= 0 && inClause(k); k--) {
        const v = toks[k]!;
        const subject = toks[k - 1];
        const hasSubject = subject !== undefined && subject.clause === clause;
        if (V_SAYING.has(v.norm) && (hasSubject || p.mentions > 0)) {
          cues.push({ value: 2.5, clause, rule: 'says swear' });
          break;
        }
        if (!V_COPULAS.has(v.norm) && !V_SAYING.has(v.norm) && !VERDICT_FILLERS.has(v.norm)) break;
        if (V_COPULAS.has(v.norm)) {
          // "du bist scheiße", "@anna sieht scheiße aus"; not "das ist scheiße", not "die App ist scheiße"
          const personal = hasSubject ? PERSONAL_SUBJECTS.has(subject.norm) : p.mentions > 0;
          const next = toks[i + 1];
          const endsHere = !next || next.clause !== clause || next.norm === 'aus' || next.norm === 'und';
          if (personal && endsHere) cues.push({ value: 2.5, clause, rule: 'swear verdict' });
          break;
        }
      }
    }

    // hatred aimed at a person: "ich hasse dich", "ich hasse die auch", "I hate you"
    if (HATE.has(t.norm) && inClause(i + 1)) {
      const obj = toks[i + 1]!;
      const after = toks[i + 2];
      const ends = !after || after.clause !== clause || AFTER_POINTER.has(after.norm);
      if (HATED.has(obj.norm) || (HATED_POINTER.has(obj.norm) && ends))
        cues.push({ value: 3, clause, rule: 'hate person' });
    }

    // groups
    if (isGroupAt(p, i)) {
      const end = toks.findIndex((x, k) => k > i && x.clause !== clause);
      const last = end < 0 ? toks.length - 1 : end - 1;
      let violent = false;
      let dehumanised = false;
      let expelled = false;
      let copulaAt = -1;
      let negativeAfterCopula = false;
      for (let k = Math.max(0, i - 4); k <= last; k++) {
        if (k === i || !inClause(k)) continue;
        const x = toks[k]!;
        if (DEHUMAN.has(x.norm)) dehumanised = true;
        if (VIOLENCE.has(x.norm) && (k === 0 || !NEGATORS.has(toks[k - 1]!.norm))) violent = true;
        if (EXPEL.has(x.norm)) expelled = true;
        if (
          DENIED.has(x.norm) &&
          toks.slice(Math.max(0, k - 4), k).some((y) => NEGATORS.has(y.norm) || y.norm === "shouldn't")
        ) {
          expelled = true;
        }
        if (
          EXPEL_VERBS.has(x.norm) &&
          toks.some((y, m) => m > k && y.clause === clause && (y.norm === 'ab' || y.norm === 'raus'))
        ) {
          expelled = true;
        }
        if (k > i && k - i <= 3 && copulaAt < 0 && COPULA.has(x.norm)) copulaAt = k;
        if (copulaAt >= 0 && k > copulaAt && (negativeAt.has(k) || attackValue(x, lex) >= 1)) {
          const prev = toks[k - 1];
          if (!prev || !NEGATORS.has(prev.norm)) negativeAfterCopula = true;
        }
      }
      const spokenIll = toks.some((_x, k) => k !== i && inClause(k) && k >= i - 4 && negativeAt.has(k));
      if (violent) cues.push({ value: 3.5, clause, rule: 'group violence' });
      else if (dehumanised) cues.push({ value: 3.5, clause, rule: 'group dehumanised' });
      else if (expelled) cues.push({ value: 3, clause, rule: 'group expelled' });
      else if (negativeAfterCopula) cues.push({ value: 3, clause, rule: 'group generalised' });
      // a group in a clause that speaks ill: not enough on its own ("Flüchtlinge leiden unter schlechten
      // Bedingungen"), but with any other cue it is ("die Grünen, diese verlogene Bande")
      else if (spokenIll) cues.push({ value: 1.5, clause, rule: 'group spoken ill of' });
    }

    // "X raus!": a capitalised noun opening its clause right before a clause-final "raus"; "raus mit denen"
    if (t.norm === 'raus' && i > 0 && inClause(i - 1) && p.clauseEnds[clause] !== '?') {
      const prev = toks[i - 1]!;
      const next = toks[i + 1];
      const endsClause = !next || next.clause !== clause;
      const opens =
        i - 1 === 0 || toks[i - 2]!.clause !== clause || ['alle', 'die'].includes(toks[i - 2]!.norm);
      const noun = /^\p{Lu}/u.test(prev.raw) && prev.norm.length >= 3 && !NOT_EXPELLED.has(prev.norm);
      if (endsClause && opens && noun && !isGroupAt(p, i - 1))
        cues.push({ value: 3, clause, rule: 'x raus' });
    }
    if (EXPEL.has(t.norm) && t.norm !== 'raus') {
      const objects = [toks[i - 1], toks[i + 1], toks[i + 2]].filter((x) => x && x.clause === clause);
      if (objects.some((x) => x && EXPEL_OBJECTS.has(x.norm)))
        cues.push({ value: 2.5, clause, rule: 'expel object' });
    }
    if (
      t.norm === 'raus' &&
      inClause(i + 2) &&
      toks[i + 1]!.norm === 'mit' &&
      EXPEL_OBJECTS.has(toks[i + 2]!.norm)
    ) {
      cues.push({ value: 3, clause, rule: 'raus mit' });
    }
  }
  return cues;
}

export function attackScore(
  p: Prepared,
  lex: IntentLexicon,
  sentiment: SentimentResult | null = null,
  trace?: string[],
): number {
  const plain = unmask(p.text, lex.attackWords);
  const q = plain === null ? p : prepare(plain);
  let score = 0;
  let maxCue = 0;
  const claimed = new Set<number>();
  let determined = false;
  let profanity = 0;
  /** strongest cue about a person (not swearing, not "garbage") */
  let maxPerson = 0;
  const cueAt: number[] = [];
  const hyphenHeads = new Map<string, string>();
  for (const m of q.text.matchAll(/(\p{L}{2,})-(\p{L}{2,})/gu)) {
    const first = squeeze(fold(m[1] ?? ''));
    hyphenHeads.set(first, squeeze(fold(m[2] ?? '')));
  }
  for (const hit of findPatterns(q, lex.attackPhrases, claimed)) {
    const v = lex.attackPhraseValue.get(hit.pattern.source) ?? 0;
    trace?.push(`phrase ${hit.pattern.source} ${v}`);
    score += v;
    maxCue = Math.max(maxCue, v);
    maxPerson = Math.max(maxPerson, v);
    if (v > 0) cueAt.push(hit.from);
  }
  q.tokens.forEach((t, i) => {
    if (claimed.has(i)) return;
    const v = attackValue(t, lex);
    if (v <= 0) return;
    // "nicht dumm", "not stupid": no insult; "my dumb cat", "mein blöder Drucker": one's own things
    const prev = q.tokens[i - 1];
    if (prev && prev.clause === t.clause && (NEGATORS.has(prev.norm) || (v < 4 && OWN.has(prev.norm))))
      return;
    if (v < 4 && selfDirected(q, i)) return;
    if (v < 4 && quoted(q.text, t.raw)) return;
    // the first half of a hyphenated compound names a thing, not a person: "Homo-Ehe", "Nazi-Vergangenheit"
    // (but "Kinderschänder-Partei" and "Schneeflöckchen-Jugend" still aim at people)
    const head = hyphenHeads.get(t.norm);
    if (
      head !== undefined &&
      v < 4 &&
      !HEADS.has(head) &&
      !PERSON_LIKE_HEADS.has(head) &&
      (lookupWord(t.norm + head, lex.attackWords) ?? 0) === 0
    )
      return;
    // a surname after a title: "Präses Schwaetzer", "Frau Narr"
    if (prev && TITLES.has(prev.norm) && /^\p{Lu}/u.test(t.raw) && v < 4) return;
    trace?.push(`word ${t.norm} ${v}`);
    if (PROFANITY.has(t.norm) || PROFANITY.has(t.alt ?? '') || t.norm.startsWith('scheiss')) profanity += v;
    else {
      score += v;
      if (!THING_WORDS.has(t.norm) && !t.norm.startsWith('schwachsinn') && !judgesThing(q, i))
        maxPerson = Math.max(maxPerson, v);
    }
    maxCue = Math.max(maxCue, v);
    cueAt.push(i);
    // "die ganzen Idioten", "these damn clowns": a determiner with one word between still points
    const before = q.tokens[i - 2];
    const pointed =
      prev !== undefined &&
      prev.clause === t.clause &&
      (DETERMINERS.has(prev.norm) ||
        (SWEEPING.has(prev.norm) && before !== undefined && DETERMINERS.has(before.norm)));
    if (v >= 1.5 && pointed && !ANIMAL.has(t.norm) && isNoun(q, i, lex)) determined = true;
  });
  // the middle finger
  if (p.emojis.some((e) => e.startsWith('\u{1F595}'))) {
    trace?.push('emoji middle finger 3');
    score += 3;
    maxCue = Math.max(maxCue, 3);
  }
  // rule cues run on the original tokens (sentiment hits index them); unmasking keeps clauses
  for (const cue of ruleCues(p, lex, plain === null ? sentiment : null)) {
    trace?.push(`rule ${cue.rule} ${cue.value}`);
    score += cue.value;
    maxCue = Math.max(maxCue, cue.value);
    maxPerson = Math.max(maxPerson, cue.value);
  }
  const near = (k: number) =>
    cueAt.some((c) => Math.abs(c - k) <= TARGET_WINDOW && q.tokens[c]?.clause === q.tokens[k]?.clause);
  const addressed = q.tokens.some((t, k) => (DIRECT.has(t.norm) || formalYou(q, k)) && near(k));
  score += addressed ? profanity : Math.min(profanity, PROFANITY_CAP);
  if (maxCue >= 1 && maxCue < 3) {
    const targeted =
      determined ||
      (q.mentions > 0 && maxPerson >= 1) ||
      addressed ||
      (maxCue >= 2 && q.tokens.some((t, k) => lex.targets.has(t.norm) && near(k)));
    if (targeted) {
      trace?.push('target 1.5');
      score += 1.5;
    }
  }
  return score;
}
