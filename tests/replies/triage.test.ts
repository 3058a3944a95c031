import { describe, expect, it } from 'vitest';
/**
 * What a community manager notices about the triage: which comments are questions, complaints,
 * praise, buying interest, spam or attacks, and in which order the queue shows them. The learned
 * models decide most of it (see quality.test.ts for the figures); these are the cases a person
 * would check by hand. Known misses are listed in core/replies/README.md.
 */
import { analyzeComment } from '../../core/replies/index';

const intents = (text: string) => analyzeComment(text).intents;

describe('intent: question', () => {
  it.each([
    'Wann kommt die neue Kollektion raus?',
    'Weiß jemand, ob man das waschen kann',
    'weis jemand wie lange der versand dauert',
    'Kann man den Termin online verschieben',
    'Habt ihr auch eine vegane Variante',
    'How do I reset my password',
    'Does anyone know if this works with Android',
    'Is there a way to change my order?',
    'I need to know how to top up',
  ])('%j is a question', (text) => {
    expect(intents(text)).toContain('question');
  });

  it.each(['Kann ich nur empfehlen!', 'Ist echt toll geworden.', 'Hab ich gestern gesehen.', 'Love it!'])(
    '%j is not a question (verb-first German statement, praise)',
    (text) => {
      expect(intents(text)).not.toContain('question');
    },
  );
});

describe('intent: complaint', () => {
  it.each([
    'Funktioniert nicht, hab schon alles probiert',
    'Der Akku ist nach zwei Monaten kaputt.',
    'Seit drei Wochen warte ich auf meine Bestellung.',
    'Das ist eine Frechheit, mir wurde doppelt abgebucht!',
    'Keine Antwort auf meine Mail seit 10 Tagen.',
    'Still waiting for my refund.',
    'My package never arrived.',
    'The app keeps crashing since the update.',
    'I was charged twice for the same order.',
  ])('%j is a complaint', (text) => {
    expect(intents(text)).toContain('complaint');
  });

  it.each([
    'Kein Problem, hat alles geklappt!',
    'No issues so far, works great.',
    'Wann kommt die neue Kollektion?',
  ])('%j is not a complaint (negated or solved)', (text) => {
    expect(intents(text)).not.toContain('complaint');
  });
});

describe('intent: praise', () => {
  it.each(['Ihr seid die Besten ❤️', 'Endlich wieder da, ich liebe es!', 'You guys are awesome, keep it up!'])(
    '%j is praise',
    (text) => {
      expect(intents(text)).toContain('praise');
    },
  );
});

describe('intent: purchase', () => {
  it.each([
    'Wo kann ich das kaufen?',
    'Was kostet der Spaß?',
    'Link?',
    'Gibt es den Rucksack noch irgendwo zu kaufen?',
    'price?',
    'How much is the large one?',
    'Where can I buy this?',
    'Do you ship to Canada?',
  ])('%j shows buying interest', (text) => {
    expect(intents(text)).toContain('purchase');
  });

  it.each(['Nie wieder will ich da was kaufen.', 'My order never arrived.'])('%j does not', (text) => {
    expect(intents(text)).not.toContain('purchase');
  });
});

describe('intent: spam', () => {
  it.each([
    'Check out my channel for daily vlogs! Subscribe and I sub back 🙏',
    'Earn $500 a day from home, DM me for details 💰',
    'Follow me for free giveaways! Link in bio',
    'Invest in Bitcoin with Mr. James, he changed my life. WhatsApp +1 555 0100',
    'DM for promo',
    'Schaut mal auf meinem Kanal vorbei, neues Video ist online!',
    'Verdiene 500€ am Tag von zuhause! Infos auf meinem Profil',
    'https://bit.ly/3xYz',
  ])('%j is spam', (text) => {
    expect(intents(text)).toContain('spam');
  });

  it.each(['I subscribed years ago and still love it', 'Wo kann ich das kaufen?', 'Danke für den Link!'])(
    '%j is not spam',
    (text) => {
      expect(intents(text)).not.toContain('spam');
    },
  );
});

describe('intent: attack', () => {
  it.each([
    'Ihr seid doch alle komplett bescheuert.',
    'Halt die Fresse, du Clown.',
    'Was seid ihr für Vollidioten?',
    'Geht sterben, ihr Abzocker.',
    'Dummes Pack, verpisst euch.',
    "You're all a bunch of idiots.",
    'Shut up, nobody asked you, clown.',
    'Go die, you scammers.',
    'fuck you',
  ])('%j is an attack', (text) => {
    expect(intents(text)).toContain('attack');
  });

  it.each([
    'Das Essen war widerlich.',
    'Ich bin so dumm, hab die Mail übersehen.',
    'Das ist nicht dumm, sondern clever.',
  ])('%j does not go to the top of the queue (not aimed at a person)', (text) => {
    expect(analyzeComment(text).priority).not.toBe('urgent');
  });
});

describe('priority', () => {
  it('attack → urgent', () => {
    expect(analyzeComment('Halt die Fresse, du Clown.').priority).toBe('urgent');
  });
  it('crisis (legal threat, safety) → urgent even without insults', () => {
    expect(analyzeComment('Ich schalte jetzt meinen Anwalt ein.').priority).toBe('urgent');
    expect(analyzeComment('My son had an allergic reaction after eating this.').priority).toBe('urgent');
  });
  it('complaint → high', () => {
    expect(analyzeComment('Der Akku ist nach zwei Monaten kaputt.').priority).toBe('high');
  });
  it('question or purchase → normal', () => {
    expect(analyzeComment('Wann kommt die neue Kollektion?').priority).toBe('normal');
    expect(analyzeComment('Link?').priority).toBe('normal');
  });
  it('praise, chatter → low', () => {
    expect(analyzeComment('Ihr seid die Besten ❤️').priority).toBe('low');
    expect(analyzeComment('Heute ist Montag.').priority).toBe('low');
  });
  it("spam → low, even when it asks a question (a spammer's question is not a customer's)", () => {
    const a = analyzeComment('Want to earn $500 a day? Check out my channel!');
    expect(a.intents).toContain('spam');
    expect(a.priority).toBe('low');
  });
  it('order: an attack that is also a complaint is urgent, a complaint with a question is high', () => {
    expect(analyzeComment('Ihr Betrüger, wo ist mein Geld?!').priority).toBe('urgent');
    expect(analyzeComment('Warum ist meine Bestellung immer noch nicht da?').priority).toBe('high');
  });
});

describe('contract', () => {
  it('returns exactly language, sentiment, intents and priority', () => {
    const a = analyzeComment('Danke!');
    expect(Object.keys(a).sort()).toEqual(['intents', 'language', 'priority', 'sentiment']);
  });
  it('lists intents in a fixed order without duplicates', () => {
    const order = ['question', 'complaint', 'praise', 'purchase', 'spam', 'attack'];
    const a = analyzeComment('Ihr Betrüger, wo ist mein Geld? Warte seit Wochen auf die Erstattung!');
    expect(a.intents).toEqual([...a.intents].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
    expect(new Set(a.intents).size).toBe(a.intents.length);
  });
  it('copes with empty, whitespace and odd input', () => {
    for (const text of ['', '   ', '\n\t', '&amp;&lt;3', '🙂'.repeat(500), 'a'.repeat(20_000)]) {
      const a = analyzeComment(text);
      expect(['negative', 'neutral', 'positive']).toContain(a.sentiment);
      expect(['urgent', 'high', 'normal', 'low']).toContain(a.priority);
    }
  });
});
