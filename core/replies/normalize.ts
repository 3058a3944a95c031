/**
 * Text preparation shared by language detection, sentiment and intents.
 *
 * Everything downstream works on *folded* text: lower case, German umlauts written out
 * (ä→ae, ö→oe, ü→ue, ß→ss, so "schön" and "schoen" are the same word), other diacritics
 * removed, letter runs of three or more squeezed to two ("suuuper" → "suuper", with "super" as
 * an alternative reading). Lexicon keys are folded the same way when they are compiled.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
};

/** Decodes the HTML entities and tags that scraped or exported comments sometimes still carry. */
export function decodeEntities(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<a\s[^>]*>([^<]*)<\/a>/gi, '$1')
    .replace(/&#(\d{1,7});/g, (_, d: string) => fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)
    .replace(/[\uFEFF\u200B]/g, '');
}

function fromCodePoint(cp: number): string {
  return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
}

/** Lower case, umlauts written out, other diacritics dropped, typographic apostrophes unified. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i');
}

/** Squeezes runs of 3+ identical letters to two ("coooool" → "cool", "suuuper" → "suuper"). */
export function squeeze(word: string): string {
  return word.replace(/([a-z])\1{2,}/g, '$1$1');
}

/** Drops a trailing 's clitic: "reicht's" → "reicht", "gibt's" → "gibt", "it's" → "it", "Katy's" → "katy". */
export function stripClitic(word: string): string {
  return word.length > 3 && word.endsWith("'s") ? word.slice(0, -2) : word;
}

export const URL_RE =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|net|org|de|io|ly|me|co|tv|info|biz|xyz|shop|store|link|gg|at|ch|uk|be)\b(?:\/\S*)?/gi;
export const MENTION_RE = /(^|[^\w@])@[\w.]{1,30}/g;
export const EMAIL_RE = /[\w.+-]+@[\w-]+\.[\w.-]+/g;
/** Emoji: pictographs plus regional-indicator flags. */
export const EMOJI_RE = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]{2}/gu;
/** Word tokens (letters/digits with inner apostrophes) and the punctuation that structures a sentence. */
export const TOKEN_RE = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|\.{2,}|…|[.!?;:,]/gu;

const SENTENCE_END = /^(?:[.!?;…]|\.{2,})$/;
/** Contrast words: the clause after them weighs more than the clause before ("nicht perfekt, aber gut"). */
const CONTRAST = new Set(['aber', 'but', 'jedoch', 'however', 'trotzdem', 'allerdings', 'sondern']);

export interface Token {
  /** the token as written (case kept) */
  raw: string;
  /** folded and squeezed */
  norm: string;
  /** with every double letter reduced, only when the original was elongated ("suuper" → "super") */
  alt: string | null;
  elongated: boolean;
  /** written in capitals (3+ letters) inside a text that is not all capitals */
  shouting: boolean;
  /** index of the clause (split at . ! ? ; … and before contrast words) */
  clause: number;
  /** index of the phrase: like clause, but also split at commas and colons (negation scope) */
  phrase: number;
  /** position in Prepared.seq */
  seq: number;
}

export interface Prepared {
  /** entity-decoded, whitespace-collapsed original */
  text: string;
  /** word tokens (no punctuation) */
  tokens: Token[];
  /** folded word tokens and punctuation, in order */
  seq: string[];
  /** seq joined by single spaces: what phrase patterns run on */
  seqText: string;
  /** the distinct entries of seq */
  seqSet: Set<string>;
  /** for each character of seqText, the index into seq */
  charToSeq: Int32Array;
  /** for each seq entry, the index into tokens or -1 for punctuation */
  seqToToken: Int32Array;
  /** how each clause ends: '?', '!', '.', '…' or '' */
  clauseEnds: string[];
  /** clause indices that begin with a contrast word */
  contrastClauses: number[];
  emojis: string[];
  urls: string[];
  mentions: number;
  questionMarks: number;
  exclamations: number;
  /** all letters are capitals (then capitals are not emphasis) */
  allCaps: boolean;
}

export function prepare(input: string): Prepared {
  const text = decodeEntities(input).replace(/\s+/g, ' ').trim();
  const urls = text.match(URL_RE) ?? [];
  const emojis = text.match(EMOJI_RE) ?? [];
  const mentions = (text.match(MENTION_RE) ?? []).length;
  const stripped = text.replace(EMAIL_RE, ' ').replace(URL_RE, ' ').replace(MENTION_RE, '$1 ');
  const letters = stripped.match(/\p{L}/gu) ?? [];
  const upper = stripped.match(/\p{Lu}/gu) ?? [];
  const allCaps = letters.length >= 4 && upper.length / letters.length > 0.8;

  const tokens: Token[] = [];
  const seq: string[] = [];
  const seqTok: number[] = [];
  const clauseEnds: string[] = [];
  const contrastClauses: number[] = [];
  let clause = 0;
  let phrase = 0;
  for (const raw of stripped.match(TOKEN_RE) ?? []) {
    if (/^[.!?;:,…]/.test(raw)) {
      phrase++;
      const mark = raw.startsWith('..') ? '…' : raw;
      seq.push(mark);
      seqTok.push(-1);
      if (SENTENCE_END.test(raw)) {
        // "???" or "!!!" are one ending
        if (clauseEnds[clause] === undefined) clauseEnds[clause] = mark === ';' ? '.' : mark;
        const lastTok = tokens[tokens.length - 1];
        if (lastTok && lastTok.clause === clause) clause++;
      }
      continue;
    }
    const f = stripClitic(fold(raw));
    const norm = squeeze(f);
    const elongated = norm !== f;
    if (CONTRAST.has(norm) && tokens.length > 0 && tokens[tokens.length - 1]?.clause === clause) {
      clauseEnds[clause] ??= '';
      clause++;
      phrase++;
      contrastClauses.push(clause);
    }
    tokens.push({
      raw,
      norm,
      alt: elongated ? norm.replace(/([a-z])\1/g, '$1') : null,
      elongated,
      shouting: !allCaps && raw.length >= 3 && /^\p{Lu}+$/u.test(raw),
      clause,
      phrase,
      seq: seq.length,
    });
    seq.push(norm);
    seqTok.push(tokens.length - 1);
  }
  for (let c = 0; c <= clause; c++) clauseEnds[c] ??= '';

  const seqText = seq.join(' ');
  const charToSeq = new Int32Array(seqText.length);
  let pos = 0;
  seq.forEach((s, i) => {
    charToSeq.fill(i, pos, pos + s.length + 1);
    pos += s.length + 1;
  });

  return {
    text,
    tokens,
    seq,
    seqText,
    seqSet: new Set(seq),
    charToSeq,
    seqToToken: Int32Array.from(seqTok),
    clauseEnds,
    contrastClauses,
    emojis,
    urls,
    mentions,
    questionMarks: (stripped.match(/\?/g) ?? []).length,
    exclamations: (stripped.match(/!/g) ?? []).length,
    allCaps,
  };
}
