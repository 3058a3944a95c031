import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, extractHashtags, extractLinks, extractMentions } from '../../core/parse';

describe('collapseWhitespace', () => {
  it.each([
    ['  Hallo   Welt  ', 'Hallo Welt'],
    ['Zeile 1\nZeile 2\r\n\tZeile 3', 'Zeile 1 Zeile 2 Zeile 3'],
    ['1\u00a0234\u202fAufrufe', '1 234 Aufrufe'],
    ['a\u2009b\u3000c\u2028d\u0085e', 'a b c d e'],
    ['Zero\u200bwidth\u2060joined\ufeff', 'Zerowidthjoined'],
    ['Soft\u00adhyphen', 'Softhyphen'],
    ['\u200b', ''],
  ])('turns %j into %j', (input, output) => {
    expect(collapseWhitespace(input)).toBe(output);
  });

  it('keeps zero-width joiners, which hold emoji sequences together', () => {
    const family = '👨\u200d👩\u200d👧';
    expect(collapseWhitespace(` ${family} `)).toBe(family);
  });

  it('never leaves leading, trailing or double spaces, and is idempotent', () => {
    const spacey = fc.string({
      unit: fc.constantFrom('a', 'ä', ' ', '\n', '\t', '\u00a0', '\u202f', '\u2009', '\u3000', '\u200b', 'x'),
    });
    fc.assert(
      fc.property(spacey, (s) => {
        const out = collapseWhitespace(s);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/\s\s|[\n\t\u00a0\u202f\u2009\u3000\u200b]/);
        expect(collapseWhitespace(out)).toBe(out);
      }),
    );
  });
});

describe('extractHashtags', () => {
  it('reads tags with Unicode letters and digits, without the #', () => {
    expect(extractHashtags('Tolles Spiel #Müller2024 #FCBayern #café #東京 #straße')).toEqual([
      'Müller2024',
      'FCBayern',
      'café',
      '東京',
      'straße',
    ]);
  });

  it('keeps the first spelling and drops later duplicates ignoring case', () => {
    expect(extractHashtags('#SocialMedia #socialmedia #SOCIALMEDIA #Marketing')).toEqual([
      'SocialMedia',
      'Marketing',
    ]);
  });

  it('does not read numbers alone as tags ("we are #1"), but tags with a letter are tags', () => {
    expect(extractHashtags('we are #1 in #2024 with #1st and #4K')).toEqual(['1st', '4K']);
  });

  it('stops at punctuation and keeps underscores', () => {
    expect(extractHashtags('Ende. #gut, #sehr_gut! (#klammer) „#zitat“')).toEqual([
      'gut',
      'sehr_gut',
      'klammer',
      'zitat',
    ]);
  });

  it('ignores # inside words, links and HTML entities', () => {
    expect(extractHashtags('C# and F# are languages; a#b; &#123; https://example.com/page#section')).toEqual(
      [],
    );
  });

  it('reads the full-width ＃ that Japanese and Chinese keyboards type', () => {
    expect(extractHashtags('新作 ＃カフェ')).toEqual(['カフェ']);
  });
});

describe('extractMentions', () => {
  it('reads handles without the @, with dots, underscores and hyphens as platforms allow', () => {
    expect(extractMentions('Danke @anna_m, @max.mustermann und @jean-luc!')).toEqual([
      'anna_m',
      'max.mustermann',
      'jean-luc',
    ]);
  });

  it('does not take sentence punctuation into the handle', () => {
    expect(extractMentions('Thanks @anna. See you @bob...')).toEqual(['anna', 'bob']);
  });

  it('reads Bluesky domain handles and Mastodon handles with their server', () => {
    expect(extractMentions('cc @alice.bsky.social and @bob@mastodon.social.')).toEqual([
      'alice.bsky.social',
      'bob@mastodon.social',
    ]);
  });

  it('does not read e-mail addresses or links as mentions', () => {
    expect(extractMentions('Mail an info@example.com oder first.last+tag@example.org')).toEqual([]);
    expect(extractMentions('https://medium.com/@author/post and www.tiktok.com/@someone')).toEqual([]);
  });

  it('drops duplicates ignoring case, keeping the first spelling', () => {
    expect(extractMentions('@Anna @anna @ANNA @Bob')).toEqual(['Anna', 'Bob']);
  });

  it('ignores a lone @', () => {
    expect(extractMentions('Treffen @ 10 Uhr, @ home, @ @-')).toEqual([]);
  });
});

describe('extractLinks', () => {
  it('reads links with a scheme and www. links, in order, without duplicates', () => {
    expect(
      extractLinks(
        'Mehr unter https://example.com/a?b=1&c=2 und www.beispiel.de/seite sowie https://example.com/a?b=1&c=2',
      ),
    ).toEqual(['https://example.com/a?b=1&c=2', 'https://www.beispiel.de/seite']);
  });

  it('leaves sentence punctuation and brackets around a link out of it', () => {
    expect(
      extractLinks('Siehe https://example.com/x. Oder (https://example.org/y), „https://example.net/z“!'),
    ).toEqual(['https://example.com/x', 'https://example.org/y', 'https://example.net/z']);
  });

  it('keeps parentheses that belong to the link', () => {
    expect(extractLinks('(see https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ]);
  });

  it('drops the ellipsis of a shortened link', () => {
    expect(extractLinks('https://example.com/ein-sehr-langer-pf…')).toEqual([
      'https://example.com/ein-sehr-langer-pf',
    ]);
  });

  it('does not read bare domains, e-mail addresses or a scheme alone as links', () => {
    expect(extractLinks('Node.js, example.com, info@www.example.com, https:// und http://')).toEqual([]);
  });
});
