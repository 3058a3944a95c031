/**
 * Reading a count out of a longer phrase by the word that names it: "… von Pamela Reif vor 1 Tag
 * 16 Minuten 159.020 Aufrufe", "1,2 M de vues", "4,69 millones de suscriptores". `countInLabel` takes
 * the first number of a label, which in these phrases is a duration or a number in the title.
 * (Could move to dom.ts: other platforms put counts in such phrases too.)
 */
import { type ParsedCount, parseCount } from '../../parse/count';
import { parseTime } from '../../parse/time';
import { WORDS } from './selectors';

const LETTER = /\p{L}/u;
/** A digit that starts a number: not after another digit, a separator or a letter. */
const STARTS_NUMBER = /[\d.,'\u066b\p{L}]/u;

/** The count written right before one of `words` ("159.020 Aufrufe"), or null. Words are lower case. */
export function countBefore(
  text: string,
  words: readonly string[],
  locale: string | null,
): ParsedCount | null {
  const lower = text.toLowerCase();
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (!isWholeWord(lower, at, word.length)) continue;
      const count =
        trailingCount(text.slice(Math.max(0, at - 40), at), locale) ??
        leadingCount(text.slice(at + word.length, at + word.length + 30), locale);
      if (count) return count;
    }
  }
  return null;
}

/** True when one of `words` stands as a whole word in `text`. */
export function hasWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (isWholeWord(lower, at, word.length)) return true;
    }
    return false;
  });
}

/** Scripts written without spaces: a word there may touch a number's 万 or a counter such as 人. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isWholeWord(s: string, at: number, length: number): boolean {
  const before = s[at - 1];
  const after = s[at + length];
  const openStart = UNSPACED.test(s[at] ?? '');
  const openEnd = UNSPACED.test(s[at + length - 1] ?? '');
  return (
    (before === undefined || openStart || !LETTER.test(before)) &&
    (after === undefined || openEnd || !LETTER.test(after))
  );
}

/** The count right after a word, for languages that name the count first ("조회수 1.2만회", "チャンネル登録者数 12.3万人"). */
function leadingCount(after: string, locale: string | null): ParsedCount | null {
  const m = /^[\s:：]*(\d[\d.,'\s\u00a0\u202f]*(?:[万萬億亿천만억]|\p{L}{1,4}\.?)?)/u.exec(after);
  const raw = m?.[1]?.trim();
  // The script of the suffix tells the language better than the page's locale ("3.4만" on a ja page).
  return raw ? (parseCount(raw, locale) ?? parseCount(raw, null)) : null;
}

/** The longest count that ends `before` ("16 Minuten 159.020 " → 159020; "1,2 M de " → 1.2M). */
function trailingCount(before: string, locale: string | null): ParsedCount | null {
  const s = before.replace(/\s+(?:de|d'|of)\s*$/i, '').trimEnd();
  for (let i = 0; i < s.length; i++) {
    if (!/\d/.test(s[i] ?? '')) continue;
    const prev = s[i - 1];
    if (prev !== undefined && STARTS_NUMBER.test(prev)) continue;
    const parsed = parseCount(s.slice(i), locale);
    if (parsed) return parsed;
  }
  return null;
}

/** Views in a phrase ("159.020 Aufrufe", "Keine Aufrufe"); null when the phrase names no views. */
export function viewsIn(text: string, locale: string | null): ParsedCount | null {
  if (hasWord(text, WORDS.noViews)) return { value: 0, approx: false };
  return countBefore(text, WORDS.views, locale);
}

/**
 * A relative or absolute time as ISO, unless it is relative in a unit coarser than a day: "vor 2 Jahren"
 * is anything from 18 to 30 months, and as a timestamp it would mislead cadence and best-time figures.
 */
export function timeFromText(text: string, page: { now: Date; locale: string | null }): string | null {
  if (!text || WORDS.coarseTime.test(text)) return null;
  return parseTime(text, page.now, page.locale);
}
