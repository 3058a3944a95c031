/**
 * Compiled lexicons, built once on first use. Each analysis picks the set for its language:
 * German comments use the German lexicon plus the English loanwords German speakers write
 * ("nice", "fail", "cringe"); English comments the English lexicon; other or unknown languages both.
 */
import { DE_ATTACK_PHRASES, DE_ATTACK_WORDS, DE_STRONG_INSULTS, DE_TARGETS } from './lexicon/attack-de';
import { EN_ATTACK_ADJECTIVES, EN_ATTACK_PHRASES, EN_ATTACK_WORDS, EN_TARGETS } from './lexicon/attack-en';
import {
  DE_COMPLAINT,
  DE_CRISIS,
  DE_EXCLAMATION,
  DE_PURCHASE,
  DE_QUESTION,
  DE_REQUEST,
} from './lexicon/intents-de';
import {
  EN_COMPLAINT,
  EN_CRISIS,
  EN_EXCLAMATION,
  EN_PURCHASE,
  EN_QUESTION,
  EN_REQUEST,
  type ProblemKind,
} from './lexicon/intents-en';
import {
  DE_HEADS,
  DE_INTENSIFIER_PREFIXES,
  DE_INTENSIFIERS,
  DE_IRONY,
  DE_LOANWORDS,
  DE_MODIFIER_STEMS,
  DE_NEGATORS,
  DE_PHRASES,
  DE_WORDS,
} from './lexicon/sentiment-de';
import { EN_INTENSIFIERS, EN_IRONY, EN_NEGATORS, EN_PHRASES, EN_WORDS } from './lexicon/sentiment-en';
import { SPAM_PATTERNS } from './lexicon/spam';
import { compilePatterns, compileWords, type Pattern, type WordLexicon, wordSet } from './match';
import { fold, squeeze } from './normalize';

/** Negation words of both languages, with the English contractions: "nicht dumm", "isn't stupid". */
export const NEGATORS = wordSet([
  ...DE_NEGATORS,
  ...EN_NEGATORS,
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "won't",
]);

export type LexLang = 'de' | 'en' | 'mixed';

export interface SentimentLexicon {
  words: WordLexicon;
  phrases: Pattern[];
  phraseValue: Map<string, number>;
  /** German compound analysis (only for de/mixed) */
  modifierStems: Map<string, number> | null;
  intensifierPrefixes: Map<string, number> | null;
  intensifiers: Map<string, number>;
  multiIntensifiers: Pattern[];
  negators: Set<string>;
  /** negation may reach back to the word before ("gefällt mir nicht") */
  postNegation: boolean;
  irony: Pattern[];
  rawIrony: string[];
}

export interface IntentLexicon {
  lang: LexLang;
  question: Pattern[];
  exclamation: Pattern[];
  request: Pattern[];
  complaint: Pattern[];
  complaintKind: Map<string, ProblemKind>;
  purchase: Pattern[];
  crisis: Pattern[];
  spam: Pattern[];
  spamValue: Map<string, number>;
  attackWords: WordLexicon;
  attackPhrases: Pattern[];
  attackPhraseValue: Map<string, number>;
  targets: Set<string>;
}

function pick(source: Record<string, number>, keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}

function valueMap(...sources: Record<string, number>[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of sources) for (const [k, v] of Object.entries(s)) m.set(k, v);
  return m;
}

function splitIrony(list: readonly string[]): { patterns: string[]; raw: string[] } {
  const raw = list.filter((s) => /^[/#]/.test(s) || /!$/.test(s));
  return { patterns: list.filter((s) => !raw.includes(s)), raw };
}

/**
 * German noun heads with their plural and dative endings: '*verräter' also matches "Volksverrätern",
 * '*schleimer' "Schleimern", '*idiot' "Idiotin". Existing entries are never overwritten.
 */
export function withNounEndings(source: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = { ...source };
  for (const [key, value] of Object.entries(source)) {
    if (!key.startsWith('*') || value <= 0 || key.length < 5) continue;
    const endings = /e$/.test(key)
      ? ['n']
      : /(?:er|el|en)$/.test(key)
        ? ['n', 's']
        : /in$/.test(key)
          ? ['nen']
          : ['e', 'en', 's', 'es', 'in', 'innen'];
    for (const e of endings) if (out[key + e] === undefined) out[key + e] = value;
  }
  return out;
}

/** English noun insults with their plural ("muppet" → "muppets", "dick" → "dicks"). */
export function withEnglishPlurals(
  source: Record<string, number>,
  adjectives: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = { ...source };
  const adj = new Set(adjectives);
  for (const [key, value] of Object.entries(source)) {
    if (value <= 0 || !/^[a-z]+$/.test(key) || key.endsWith('s') || adj.has(key) || /(?:ing|ed|y)$/.test(key))
      continue;
    const plural = /(?:ch|sh|x)$/.test(key) ? `${key}es` : `${key}s`;
    if (out[plural] === undefined) out[plural] = value;
  }
  return out;
}

function foldedMap(source: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(source).map(([k, v]) => [squeeze(fold(k)), v]));
}

function buildSentiment(lang: LexLang): SentimentLexicon {
  const enLoans = pick(EN_WORDS, DE_LOANWORDS);
  const words =
    lang === 'de'
      ? compileWords(enLoans, DE_WORDS, DE_HEADS)
      : lang === 'en'
        ? compileWords(EN_WORDS)
        : compileWords(DE_WORDS, DE_HEADS, EN_WORDS);
  const phraseSources =
    lang === 'de' ? [DE_PHRASES] : lang === 'en' ? [EN_PHRASES] : [DE_PHRASES, EN_PHRASES];
  const phraseValue = valueMap(...phraseSources);
  const intensifierSources =
    lang === 'de'
      ? [DE_INTENSIFIERS]
      : lang === 'en'
        ? [EN_INTENSIFIERS]
        : [EN_INTENSIFIERS, DE_INTENSIFIERS];
  const allIntensifiers = valueMap(...intensifierSources);
  const single = new Map<string, number>();
  const multi: string[] = [];
  for (const [k, v] of allIntensifiers) {
    if (k.includes(' ')) multi.push(k);
    else single.set(squeeze(fold(k)), v);
  }
  const ironyList =
    lang === 'de' ? [...DE_IRONY] : lang === 'en' ? [...EN_IRONY] : [...DE_IRONY, ...EN_IRONY];
  const irony = splitIrony(ironyList);
  return {
    words,
    phrases: compilePatterns(phraseValue.keys()),
    phraseValue,
    modifierStems: lang === 'en' ? null : foldedMap(DE_MODIFIER_STEMS),
    intensifierPrefixes: lang === 'en' ? null : foldedMap(DE_INTENSIFIER_PREFIXES),
    intensifiers: single,
    multiIntensifiers: compilePatterns(multi),
    negators: wordSet(
      lang === 'de' ? DE_NEGATORS : lang === 'en' ? EN_NEGATORS : [...DE_NEGATORS, ...EN_NEGATORS],
    ),
    postNegation: lang !== 'en',
    irony: compilePatterns(irony.patterns),
    rawIrony: irony.raw,
  };
}

const enAttackWords = () => withEnglishPlurals(EN_ATTACK_WORDS, EN_ATTACK_ADJECTIVES);

function buildIntents(lang: LexLang): IntentLexicon {
  const de = lang !== 'en';
  const en = lang !== 'de';
  const complaintKind = new Map<string, ProblemKind>();
  const complaintSources = [...(de ? [DE_COMPLAINT] : []), ...(en ? [EN_COMPLAINT] : [])];
  for (const src of complaintSources) for (const [k, v] of Object.entries(src)) complaintKind.set(k, v);
  const attackPhraseValue = valueMap(EN_ATTACK_PHRASES, ...(de ? [DE_ATTACK_PHRASES] : []));
  const spamValue = valueMap(SPAM_PATTERNS);
  return {
    lang,
    question: compilePatterns([...(de ? DE_QUESTION : []), ...(en ? EN_QUESTION : [])]),
    exclamation: compilePatterns([...(de ? DE_EXCLAMATION : []), ...(en ? EN_EXCLAMATION : [])]),
    request: compilePatterns([...(de ? DE_REQUEST : []), ...(en ? EN_REQUEST : [])]),
    complaint: compilePatterns(complaintKind.keys()),
    complaintKind,
    purchase: compilePatterns([...(de ? DE_PURCHASE : []), ...(en ? EN_PURCHASE : [])]),
    crisis: compilePatterns([...(de ? DE_CRISIS : []), ...(en ? EN_CRISIS : [])]),
    spam: compilePatterns(spamValue.keys()),
    spamValue,
    // English insults are common in German comments too; German ones are not used in English text
    attackWords: de
      ? compileWords(enAttackWords(), withNounEndings(DE_ATTACK_WORDS))
      : compileWords(enAttackWords(), withNounEndings(pick(DE_ATTACK_WORDS, DE_STRONG_INSULTS))),
    attackPhrases: compilePatterns(attackPhraseValue.keys()),
    attackPhraseValue,
    targets: wordSet([...(de ? DE_TARGETS : []), ...(en ? EN_TARGETS : [])]),
  };
}

const sentimentCache = new Map<LexLang, SentimentLexicon>();
const intentCache = new Map<LexLang, IntentLexicon>();

export function sentimentLexicon(lang: LexLang): SentimentLexicon {
  let lex = sentimentCache.get(lang);
  if (!lex) {
    lex = buildSentiment(lang);
    sentimentCache.set(lang, lex);
  }
  return lex;
}

export function intentLexicon(lang: LexLang): IntentLexicon {
  let lex = intentCache.get(lang);
  if (!lex) {
    lex = buildIntents(lang);
    intentCache.set(lang, lex);
  }
  return lex;
}

export function lexLang(language: string | null): LexLang {
  return language === 'de' ? 'de' : language === 'en' ? 'en' : 'mixed';
}
