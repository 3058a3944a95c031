/**
 * Text helpers for post and comment bodies: whitespace, hashtags, mentions and links as people see them.
 */

/**
 * Invisible characters that only mark where a word may break or must not (zero-width space, word
 * joiner, BOM, soft hyphen). They are dropped, not turned into spaces: they sit inside words (Thai,
 * long compounds, long URLs), where a space would split the word. ZWJ/ZWNJ are kept: they change how
 * emoji sequences and Indic/Persian words render.
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
/** JS `\s` covers U+00A0, U+202F, U+2000–U+200A, U+2028/9, U+3000; U+0085 (NEL) is added. */
const WHITESPACE = /[\s\u0085]+/g;

/** All whitespace (no-break and narrow spaces, line breaks) as single spaces, invisible characters removed, trimmed. */
export function collapseWhitespace(s: string): string {
  return s.replace(INVISIBLE, '').replace(WHITESPACE, ' ').trim();
}

/** Links as written: with a scheme, or starting with "www."; not inside a word or an e-mail address. */
const LINK = /(?<![\p{L}\p{N}_@.\-/])(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^\u00ab\u00bb\u201c\u201d\u201e]+/giu;
/** Punctuation that ends a sentence rather than a URL, and the ellipsis platforms append when they shorten a link. */
const TRAILING_CHAR = /[.,;:!?…'")\]}>*]/;

/** Strips sentence punctuation after a link, keeping a ')' that closes a '(' inside it ("…/Foo_(bar)"). */
function trimLink(raw: string): string {
  let url = raw;
  while (url && TRAILING_CHAR.test(url[url.length - 1]!)) {
    if (url.endsWith(')') && url.split('(').length >= url.split(')').length) break;
    url = url.slice(0, -1);
  }
  return url;
}

/** A host with a dot ("example.com") or localhost: "https://" alone or "www." alone is not a link. */
const HAS_HOST = /^https?:\/\/(?:[^/?#\s]*[\p{L}\p{N}]\.[\p{L}\p{N}]|localhost)/iu;

/**
 * Links in the text, in order, without duplicates. "www.example.com" becomes "https://www.example.com"
 * so every entry is absolute. Bare domains ("example.com") are not links: too many words look like them
 * ("Node.js"). Shortened display text ("example.com/very-lo…") is returned as shown: callers should
 * prefer the element's href.
 */
export function extractLinks(text: string): string[] {
  const out: string[] = [];
  for (const m of collapseWhitespace(text).matchAll(LINK)) {
    let url = trimLink(m[0]);
    if (/^www\./i.test(url)) url = `https://${url}`;
    if (HAS_HOST.test(url) && !out.includes(url)) out.push(url);
  }
  return out;
}

/** Text with its links blanked out, so "example.com/#anchor" and "medium.com/@author" are not read as tags. */
function withoutLinks(text: string): string {
  return collapseWhitespace(text).replace(LINK, ' ');
}

function uniqueIgnoringCase(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const k = item.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

/**
 * '#' (or the full-width '＃') not preceded by a word character, '&' (HTML entities) or another '#'
 * ("C#", "a#b"), then letters, marks, digits and underscores.
 */
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#＃])[#＃]([\p{L}\p{M}\p{N}_]+)/gu;

/**
 * Hashtags without '#', in order, case as first written, duplicates dropped ignoring case (platforms
 * treat #Müller and #müller as one tag). A tag must contain a letter: "#1" and "#2024" are numbers
 * ("we are #1"), which is also how X and Instagram decide.
 */
export function extractHashtags(text: string): string[] {
  const tags: string[] = [];
  for (const m of withoutLinks(text).matchAll(HASHTAG)) {
    if (/\p{L}/u.test(m[1]!)) tags.push(m[1]!);
  }
  return uniqueIgnoringCase(tags);
}

/**
 * '@' not preceded by a word character or '.', '+', '-' (which would make it an e-mail address), then a
 * handle: letters, digits, '_', with '.' and '-' allowed inside (Bluesky "alice.bsky.social",
 * Instagram "anna.m") but not at the end ("Thanks @anna." is "anna"). A Mastodon handle keeps its
 * server: "@anna@mastodon.social" is "anna@mastodon.social".
 */
const MENTION =
  /(?<![\p{L}\p{M}\p{N}_.+\-@＠])[@＠]([\p{L}\p{N}_](?:[\p{L}\p{M}\p{N}_.-]*[\p{L}\p{M}\p{N}_])?)(?:@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+))?/gu;

/** Mentioned handles without '@', in order, case as first written, duplicates dropped ignoring case; e-mail addresses are not mentions. */
export function extractMentions(text: string): string[] {
  const handles: string[] = [];
  for (const m of withoutLinks(text).matchAll(MENTION)) handles.push(m[2] ? `${m[1]}@${m[2]}` : m[1]!);
  return uniqueIgnoringCase(handles);
}
