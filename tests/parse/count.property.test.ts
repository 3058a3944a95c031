/**
 * parseCount against what Intl itself prints. The expected values are computed here from the input
 * number alone (and from how many digits Intl chose to show), never from the parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCount } from '../../core/parse';

const LOCALES = ['de', 'en', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'tr', 'ja'];
const DISPLAYS = ['short', 'long'] as const;
const MAX = 10 ** 12;

/** Integers 0..10^12 spread over every magnitude, plus the edges where compact forms switch unit. */
const counts = fc.oneof(
  fc.integer({ min: 0, max: 12 }).chain((e) => fc.integer({ min: 0, max: 10 ** e })),
  fc.integer({ min: 0, max: MAX }),
  fc.constantFrom(0, 999, 1000, 1049, 1050, 9999, 10_000, 99_999, 999_499, 999_500, 999_999, 1_000_000, MAX),
);

/** n rounded half away from zero to a multiple of 10^place, exactly (BigInt). */
function roundAt(n: number, place: number): number {
  if (place <= 0) return n;
  const unit = 10n ** BigInt(place);
  return Number(((BigInt(n) + unit / 2n) / unit) * unit);
}

/** What a compact rendering of n shows: the text, the digits written, and the unit word if any. */
function shown(fmt: Intl.NumberFormat, n: number): { text: string; digits: string; compact: string | null } {
  const parts = fmt.formatToParts(n);
  const digits = parts
    .filter((p) => p.type === 'integer' || p.type === 'fraction')
    .map((p) => p.value)
    .join('')
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
      const cp = d.codePointAt(0)!; // Arabic-Indic (ar-EG) and Persian (fa) digits, for counting and comparing
      return String(cp >= 0x6f0 ? cp - 0x6f0 : cp - 0x660);
    });
  const compact = parts.find((p) => p.type === 'compact')?.value ?? null;
  return { text: fmt.format(n), digits, compact };
}

/**
 * The value a reader gets from a rendering of n: n rounded (half away from zero, as Intl does) at the
 * place of the last digit shown. That place follows from the digits shown and the length of the
 * rounded value, which is n's length or one more when rounding carries ("99.5" → "100", 999,499 →
 * "100万"); the candidate whose leading digits are the ones shown is the one Intl printed. French
 * "mille" shows no digit: it stands for one thousand.
 */
function displayedValue(fmt: Intl.NumberFormat, n: number): number {
  const written = shown(fmt, n).digits.replace(/^0+(?=\d)/, '') || '1';
  const length = String(n).length;
  for (const total of [length, length + 1]) {
    const value = roundAt(n, total - written.length);
    const s = String(value);
    if (s.length === total && s.startsWith(written)) return value;
  }
  throw new Error(`oracle cannot explain ${fmt.format(n)} for ${n}`);
}

const unitKey = (compact: string) => compact.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();

/**
 * Unit words that mean different powers of ten in different locales ("B": en 10⁹, tr 10³; "billion":
 * en 10⁹, de/fr 10¹²). Without a hint those cannot be read right for every locale.
 */
function ambiguousUnits(): Set<string> {
  const meaning = new Map<string, Set<number>>();
  // en-GB too: its "bn" (10⁹) is what English readers know, French "Bn" is 10¹².
  for (const locale of [...LOCALES, 'en-GB']) {
    for (const compactDisplay of DISPLAYS) {
      const fmt = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay });
      for (let e = 3; e <= 12; e++) {
        for (const m of [1, 1.2, 2, 5, 21, 22]) {
          const n = Math.round(m * 10 ** e);
          const { compact, digits } = shown(fmt, n);
          if (!compact) continue;
          const fraction = fmt.formatToParts(n).find((p) => p.type === 'fraction')?.value ?? '';
          // The unit's power of ten: the value the text stands for over the digits written, as an integer.
          const power =
            Math.round(Math.log10(displayedValue(fmt, n) / Number(digits || '1'))) + fraction.length;
          const key = unitKey(compact);
          if (!meaning.has(key)) meaning.set(key, new Set());
          meaning.get(key)!.add(power);
        }
      }
    }
  }
  return new Set([...meaning].filter(([, powers]) => powers.size > 1).map(([key]) => key));
}

const AMBIGUOUS = ambiguousUnits();

describe('parseCount reads what Intl prints', () => {
  it('finds the units that mean different things in different languages (the no-hint tests skip them)', () => {
    expect(AMBIGUOUS.has('b')).toBe(true); // en billion, tr bin (thousand), es billón
    expect(AMBIGUOUS.has('billion')).toBe(true); // en 10⁹, de/fr 10¹²
    expect(AMBIGUOUS.has('k')).toBe(false);
  });

  for (const locale of LOCALES) {
    const plain = new Intl.NumberFormat(locale);

    it(`reads ${locale} grouped digits exactly, with the hint`, () => {
      fc.assert(
        fc.property(counts, (n) => {
          expect(parseCount(plain.format(n), locale)).toEqual({ value: n, approx: false });
        }),
        { numRuns: 300 },
      );
    });

    it(`reads ${locale} grouped digits exactly, without a hint`, () => {
      fc.assert(
        fc.property(counts, (n) => {
          expect(parseCount(plain.format(n))).toEqual({ value: n, approx: false });
        }),
        { numRuns: 300 },
      );
    });

    for (const compactDisplay of DISPLAYS) {
      const fmt = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay });

      it(`reads ${locale} compact ${compactDisplay} forms as the rounded value, with the hint`, () => {
        fc.assert(
          fc.property(counts, (n) => {
            const { text, compact } = shown(fmt, n);
            expect(parseCount(text, locale), text).toEqual({
              value: displayedValue(fmt, n),
              approx: compact !== null,
            });
          }),
          { numRuns: 300 },
        );
      });

      it(`reads ${locale} compact ${compactDisplay} forms without a hint where the unit is unambiguous`, () => {
        fc.assert(
          fc.property(counts, (n) => {
            const { text, compact } = shown(fmt, n);
            fc.pre(compact === null || !AMBIGUOUS.has(unitKey(compact)));
            expect(parseCount(text), text).toEqual({
              value: displayedValue(fmt, n),
              approx: compact !== null,
            });
          }),
          { numRuns: 300 },
        );
      });
    }
  }
});

describe('parseCount reads other digit systems and groupings Intl prints', () => {
  for (const locale of ['ar-EG', 'fa', 'de-CH', 'en-IN', 'hi-IN', 'ru', 'sv', 'cs', 'ko', 'zh']) {
    const plain = new Intl.NumberFormat(locale);
    it(`reads ${locale} digits (${plain.format(1234567)}) exactly`, () => {
      fc.assert(
        fc.property(counts, (n) => {
          expect(parseCount(plain.format(n), locale)).toEqual({ value: n, approx: false });
        }),
        { numRuns: 200 },
      );
    });
  }

  for (const locale of ['ar-EG', 'de-CH', 'ru', 'sv', 'cs', 'ko', 'zh']) {
    const fmt = new Intl.NumberFormat(locale, { notation: 'compact' });
    it(`reads ${locale} compact forms (${fmt.format(1234567)}) with the hint`, () => {
      fc.assert(
        fc.property(counts, (n) => {
          const { text, compact } = shown(fmt, n);
          expect(parseCount(text, locale), text).toEqual({
            value: displayedValue(fmt, n),
            approx: compact !== null,
          });
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('oracle sanity', () => {
  it('rounds like Intl compact notation (half away from zero, at the last digit shown, carrying)', () => {
    expect(roundAt(1049, 2)).toBe(1000);
    expect(roundAt(1050, 2)).toBe(1100);
    expect(roundAt(123, 0)).toBe(123);
    const en = new Intl.NumberFormat('en', { notation: 'compact' });
    expect([en.format(1050), displayedValue(en, 1050)]).toEqual(['1.1K', 1100]);
    expect([en.format(99_500), displayedValue(en, 99_500)]).toEqual(['100K', 100_000]);
    expect([en.format(999_999), displayedValue(en, 999_999)]).toEqual(['1M', 1_000_000]);
    const ja = new Intl.NumberFormat('ja', { notation: 'compact' });
    expect([ja.format(999_499), displayedValue(ja, 999_499)]).toEqual(['100万', 1_000_000]);
    const frLong = new Intl.NumberFormat('fr', { notation: 'compact', compactDisplay: 'long' });
    expect([frLong.format(1040), displayedValue(frLong, 1040)]).toEqual(['mille', 1000]);
  });
});
