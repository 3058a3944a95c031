/** Finding JSON objects inside the pages' inline scripts (`var ytInitialData = {…};`, `window['SIGI_STATE']={…}`). */

/**
 * The index after the `}` that closes the object opened at `start`, skipping braces inside strings
 * (double- or single-quoted: saved pages turn JSON into JavaScript literals); -1 when it never closes.
 */
export function objectEnd(s: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}
