import { describe, expect, it } from 'vitest';
import { countInLabel, parseCount } from '../../core/parse';

const exact = (value: number) => ({ value, approx: false });
const approx = (value: number) => ({ value, approx: true });

describe('parseCount: exact digits', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['12.345', 12345],
    ['1.234.567', 1234567],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['426\u202f579', 426579],
    ['426\u00a0579', 426579],
    ['1 234', 1234],
    ['1 234 567', 1234567],
    ["1'234", 1234],
    ['1’234’567', 1234567],
    ['12,34,567', 1234567],
    ['١٢٣', 123],
    ['١٬٢٣٤', 1234],
    ['۱۲۳۴', 1234],
    ['１２３', 123],
    ['  159.020  ', 159020],
  ])('reads grouped digits such as %s as an exact count', (text, value) => {
    expect(parseCount(text)).toEqual(exact(value));
  });

  it('reads a separator before exactly three digits as grouping, whatever the locale says about decimals', () => {
    expect(parseCount('1.234', 'en')).toEqual(exact(1234));
    expect(parseCount('1,234', 'de')).toEqual(exact(1234));
  });
});

describe('parseCount: abbreviated counts', () => {
  it.each([
    ['1,2 Tsd.', 'de', 1200],
    ['1,2 Tsd.', null, 1200],
    ['12 Tsd.', 'de', 12000],
    ['2,5 Mio.', 'de', 2_500_000],
    ['2,5 Mio', 'de', 2_500_000],
    ['1,2 Mrd.', 'de', 1_200_000_000],
    ['3 Millionen', 'de', 3_000_000],
    ['1,2 Tausend', 'de', 1200],
    ['1,2K', 'de', 1200],
    ['1.2K', 'en', 1200],
    ['1.2K', null, 1200],
    ['12K', null, 12000],
    ['999K', null, 999000],
    ['1.5M', null, 1_500_000],
    ['2.3B', 'en', 2_300_000_000],
    ['1.2 thousand', 'en', 1200],
    ['4.7 million', 'en', 4_700_000],
    ['1,2 k', 'fr', 1200],
    ['1,2 M', 'fr', 1_200_000],
    ['1,2 Md', 'fr', 1_200_000_000],
    ['12 millions', 'fr', 12_000_000],
    ['3 mil', 'es', 3000],
    ['3 mil', 'pt', 3000],
    ['1,2 M', 'es', 1_200_000],
    ['12 mil M', 'es', 12_000_000_000],
    ['1,2 mil millones', 'es', 1_200_000_000],
    ['1,2 mi', 'pt', 1_200_000],
    ['1,5 mln', 'pl', 1_500_000],
    ['1,2 tys.', 'pl', 1200],
    ['5 tysięcy', 'pl', 5000],
    ['1,2 Mln', 'it', 1_200_000],
    ['12 mila', 'it', 12000],
    ['1,2 mln.', 'nl', 1_200_000],
    ['2,3 B', 'tr', 2300],
    ['2,3 bin', 'tr', 2300],
    ['1,2 Mn', 'tr', 1_200_000],
    ['1,2 Mr', 'tr', 1_200_000_000],
    ['1,2万', 'ja', 12000],
    ['1.2万', null, 12000],
    ['1235万', 'ja', 12_350_000],
    ['1.2億', 'ja', 120_000_000],
    ['1.2만', 'ko', 12000],
    ['1.2천', 'ko', 1200],
    ['1.2亿', 'zh', 120_000_000],
    ['1,2 тыс.', 'ru', 1200],
    ['1,2 mn', 'sv', 1_200_000],
    ['1,2 t', 'da', 1200],
    ['1,2 tis.', 'cs', 1200],
    ['٣٫٥ ألف', null, 3500],
  ])('reads %s (%s) as an approximate %d', (text, locale, value) => {
    expect(parseCount(text, locale)).toEqual(approx(value));
  });

  it('reads Turkish "B" as bin (thousand) only with a Turkish hint, English billion otherwise', () => {
    expect(parseCount('2,3 B', 'tr-TR')).toEqual(approx(2300));
    expect(parseCount('2,3 B')).toEqual(approx(2_300_000_000));
    expect(parseCount('2.3B', 'en')).toEqual(approx(2_300_000_000));
  });

  it('reads Czech "mil." as a million only with a Czech hint, Spanish/Portuguese thousand otherwise', () => {
    expect(parseCount('1,2 mil.', 'cs')).toEqual(approx(1_200_000));
    expect(parseCount('1,2 mil')).toEqual(approx(1200));
  });

  it('uses the hint to decide whether a separator before three digits and a suffix is a decimal point', () => {
    expect(parseCount('1.234K', 'en')).toEqual(approx(1234));
    expect(parseCount('1.234 Mio.', 'de')).toEqual(approx(1_234_000_000));
    expect(parseCount('1,234 Mio.', 'de')).toEqual(approx(1_234_000));
    expect(parseCount('1,235万', 'ja')).toEqual(approx(12_350_000));
  });

  it('without a hint reads a separator before three digits and a suffix as a decimal point, except before 万/億', () => {
    expect(parseCount('1.234K')).toEqual(approx(1234));
    expect(parseCount('1,234K')).toEqual(approx(1234));
    expect(parseCount('1,235万')).toEqual(approx(12_350_000));
  });

  it('rounds abbreviated values to whole numbers', () => {
    expect(parseCount('1.2345K')).toEqual(approx(1235));
    expect(parseCount('1.2344K')).toEqual(approx(1234));
    expect(parseCount('0.5K')).toEqual(approx(500));
  });

  it('reads the French word "mille" on its own as a thousand, as Intl prints it', () => {
    expect(parseCount('mille', 'fr')).toEqual(approx(1000));
  });

  it('falls back to no hint for an invalid or unknown language tag', () => {
    expect(parseCount('1,2 Mio.', 'not a locale!')).toEqual(approx(1_200_000));
    expect(parseCount('1.2K', 'xx')).toEqual(approx(1200));
  });
});

describe('parseCount: things that are not counts', () => {
  it.each([
    [''],
    ['   '],
    ['Like'],
    ['Gefällt mir'],
    ['—'],
    ['-5'],
    ['−5'],
    ['-1.2K'],
    ['1,5'],
    ['1.25'],
    ['1.2.3'],
    ['1.23.456'],
    ['1,2345'],
    ['12 34'],
    ['NaN'],
    ['Infinity'],
    ['1e6'],
    ['12 Likes'],
    ['1.2 Kilo'],
    ['K'],
    ['Mio.'],
    ['9007199254740993'],
    ['99999999999999999'],
    ['10000000 Mrd.'],
    ['12:30'],
  ])('rejects %j', (text) => {
    expect(parseCount(text)).toBeNull();
  });

  it('accepts the largest safe integer and nothing above it', () => {
    expect(parseCount(String(Number.MAX_SAFE_INTEGER))).toEqual(exact(Number.MAX_SAFE_INTEGER));
    expect(parseCount('9007199254740992')).toBeNull();
  });
});

describe('countInLabel', () => {
  it.each([
    ['1,234 Likes. Like', 'en', exact(1234)],
    ['1.234 „Gefällt mir“-Angaben', 'de', exact(1234)],
    ['12 Antworten. Antworten', 'de', exact(12)],
    ['1.2K views', 'en', approx(1200)],
    ['Mit „Gefällt mir“ markiert von 3.456 Personen', 'de', exact(3456)],
    ['159.020 Aufrufe', 'de', exact(159020)],
    ['426 579 vues', 'fr', exact(426579)],
    ['2,5 Mio. Aufrufe', 'de', approx(2_500_000)],
    ['1,2 Tsd. Kommentare', 'de', approx(1200)],
    ['3 mil visualizaciones', 'es', approx(3000)],
    ['12 mil M de visualizaciones', 'es', approx(12_000_000_000)],
    ['1.2万回視聴', 'ja', approx(12000)],
    ['1,234件のいいね', 'ja', exact(1234)],
    ['Reply. 5 replies', 'en', exact(5)],
    ['Liked by 3 people', 'en', exact(3)],
    ['12K reposts', null, approx(12000)],
  ])('finds the count in %j', (label, locale, expected) => {
    expect(countInLabel(label, locale)).toEqual(expected);
  });

  it('skips numbers that belong to words, dates, times, percentages, prices and negatives', () => {
    expect(countInLabel('H2O has 7 likes')).toEqual(exact(7));
    expect(countInLabel('am 12.03.2024 um 10:30 · 5 Likes')).toEqual(exact(5));
    expect(countInLabel('50% of 8 votes')).toEqual(exact(8));
    expect(countInLabel('-5 or 6')).toEqual(exact(6));
    expect(countInLabel('€12 and 3 bids')).toEqual(exact(3));
    expect(countInLabel('3rd place, 4 votes')).toEqual(exact(4));
  });

  it('takes the first standalone number even when it is not a count ("vor 3 Stunden"): callers choose the label', () => {
    expect(countInLabel('vor 3 Stunden')).toEqual(exact(3));
  });

  it('returns null when a label has no count', () => {
    expect(countInLabel('Like')).toBeNull();
    expect(countInLabel('Antworten')).toBeNull();
    expect(countInLabel('')).toBeNull();
    expect(countInLabel('am 12.03.2024')).toBeNull();
  });

  it('prefers a whole-word suffix: "12 Millionen Aufrufe" is 12 million, "12 Mails" is 12', () => {
    expect(countInLabel('12 Millionen Aufrufe', 'de')).toEqual(approx(12_000_000));
    expect(countInLabel('12 Mails', 'de')).toEqual(exact(12));
    expect(countInLabel('7 T-Shirts', 'en')).toEqual(exact(7));
    expect(countInLabel('7 T-Shirts')).toEqual(exact(7));
  });
});
