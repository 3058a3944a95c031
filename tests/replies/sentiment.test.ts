import { describe, expect, it } from 'vitest';
import { analyzeCommentDetailed } from '../../core/replies/analyze';
import { analyzeComment } from '../../core/replies/index';

const sentiment = (text: string) => analyzeComment(text).sentiment;

describe('sentiment: polarity words', () => {
  it.each([
    ['Das ist gut.', 'positive'],
    ['Das ist schlecht.', 'negative'],
    ['This is great.', 'positive'],
    ['This is terrible.', 'negative'],
    ['Die Lieferung kam am Dienstag.', 'neutral'],
    ['The package came on Tuesday.', 'neutral'],
  ])('%j → %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });
});

describe('sentiment: negation flips polarity', () => {
  it.each([
    ['Das ist nicht gut.', 'negative'],
    ['Das ist nicht schlecht.', 'positive'],
    ['Gefällt mir nicht.', 'negative'],
    ['Kein Problem, danke!', 'positive'],
    ['This is not good.', 'negative'],
    ['Not bad at all!', 'positive'],
    ["I don't like it.", 'negative'],
    ['No problem at all, thanks!', 'positive'],
    ['nich so toll', 'negative'],
  ])('%j → %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });
});

describe('sentiment: intensifiers and elongation strengthen, downtoners weaken', () => {
  const score = (text: string) => analyzeCommentDetailed(text).score;

  it('"sehr gut" > "gut" > "etwas gut" > 0', () => {
    expect(score('sehr gut')).toBeGreaterThan(score('gut'));
    expect(score('gut')).toBeGreaterThan(score('etwas gut'));
    expect(score('etwas gut')).toBeGreaterThan(0);
  });

  it('"extremely bad" < "bad" < "slightly bad" < 0', () => {
    expect(score('extremely bad')).toBeLessThan(score('bad'));
    expect(score('bad')).toBeLessThan(score('slightly bad'));
    expect(score('slightly bad')).toBeLessThan(0);
  });

  it('elongation and capitals add emphasis', () => {
    expect(score('suuuper')).toBeGreaterThan(score('super'));
    expect(score('das ist SCHLECHT')).toBeLessThan(score('das ist schlecht'));
  });

  it.each([
    ['suuuper!!', 'positive'],
    ['sooo good', 'positive'],
    ['mega lecker', 'positive'],
    ['extremely disappointing', 'negative'],
    ['voll schlecht', 'negative'],
    ['geiiil', 'positive'],
  ])('%j → %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });
});

describe('sentiment: emoji and emoticons', () => {
  it.each([
    ['😍😍', 'positive'],
    ['👍', 'positive'],
    ['😡', 'negative'],
    ['Paket ist da :)', 'positive'],
    ['Paket ist immer noch nicht da :(', 'negative'],
    ['<3', 'positive'],
  ])('%j → %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });
});

describe('sentiment: irony turns praise words negative', () => {
  it.each([
    'Na toll, schon wieder Verspätung.',
    'Danke für nichts.',
    'Super Kundenservice... seit 10 Tagen keine Antwort 🙄',
    'Great... another delay 🙄',
    'Thanks for nothing.',
    'Love waiting 3 hours on hold /s',
    'Oh great, it broke again.',
  ])('%j is negative', (text) => {
    expect(sentiment(text)).toBe('negative');
  });

  it('sincere praise with an ellipsis stays positive', () => {
    expect(sentiment('Einfach toll... danke euch!')).toBe('positive');
  });
});

describe('sentiment: German compounds and informal spelling', () => {
  it.each([
    ['Kundenservice-Katastrophe.', 'negative'],
    ['Was für ein Saftladen.', 'negative'],
    ['Scheißservice!', 'negative'],
    ['Lieferchaos wie immer', 'negative'],
    ['Traumkleid, danke!', 'positive'],
    ['superlecker', 'positive'],
    ['schoen', 'positive'],
    ['funktioniert nich', 'negative'],
    ['des geht ned', 'negative'],
  ])('%j → %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });
});

describe('sentiment: contrast — the clause after "aber"/"but" counts more', () => {
  it.each([
    ['Nicht perfekt, aber echt gut für den Preis.', 'positive'],
    ['Gut gemeint, aber leider total daneben.', 'negative'],
    ['Nice design, but it broke after two days.', 'negative'],
  ])('%j → %s', (text, expected) => {
    expect(sentiment(text)).toBe(expected);
  });
});

describe('sentiment: plain questions are neutral', () => {
  it.each([
    'Wann kommt die neue Kollektion?',
    'Is the discount valid in stores too?',
    'Gibt es das in Blau?',
  ])('%j', (text) => {
    expect(sentiment(text)).toBe('neutral');
  });
});
