/**
 * The person's name for a draft's greeting, from a display name or handle. (Topic extraction —
 * lifting a noun from the comment into a template — was removed: it produced "zum Thema
 * Diskussionsteilnehmer" and "your feedback on the crap out". The model path answers the comment's
 * content; the offline fallback does not pretend to.)
 */
import { wordSet } from './match';
import { EMOJI_RE, fold } from './normalize';

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The noun a German comment is about, or null. */
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
