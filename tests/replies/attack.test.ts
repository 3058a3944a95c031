/**
 * Attack detection (core/replies/attack.ts): what counts as an attack and, just as important for a
 * brand's inbox, what does not — praise with swear words, complaints in strong words, self-mockery,
 * idioms, animals, hashtags.
 */
import { describe, expect, it } from 'vitest';
import { unmask } from '../../core/replies/attack';
import { analyzeComment } from '../../core/replies/index';
import { intentLexicon } from '../../core/replies/lexicons';

const isAttack = (text: string) => analyzeComment(text).intents.includes('attack');

describe('attack: insults with morphology, spelling variants and masks', () => {
  it.each([
    'Volldepp!',
    'Ihr seid doch alle Vollidioten.',
    'Drecksleute, alle miteinander.',
    'Ihr Abzockerpack!',
    'Volksverräterpack, alle.',
    'Den Volksverrätern glaubt keiner mehr.',
    'Von solchen Schwachköpfen lass ich mir nichts sagen.',
    'Sch***e-Firma mit Sch***e-Mitarbeitern, ihr Wichser.',
    'F*ck euch.',
    'F*** you and your garbage.',
    'Your mod is an a**hole.',
    'You are an absolute idi0t.',
    'Dumb b!tch',
    'A*schloch.',
    'Ihr verf***ten Betrüger.',
    'Fuking idiots.',
  ])('%j is an attack', (text) => {
    expect(isAttack(text)).toBe(true);
  });

  it('resolves masks only to known insults or swear words, never hashtags or mentions', () => {
    const lex = intentLexicon('de');
    expect(unmask('Sch***e', lex.attackWords)).toBe('scheisse');
    expect(unmask('f*ck', lex.attackWords)).toBe('fuck');
    expect(unmask('heute #ARD geschaut', lex.attackWords)).toBeNull();
    expect(unmask('@tr4sh danke', lex.attackWords)).toBeNull();
    expect(unmask('Lehrer*innen und Trans* Personen', lex.attackWords)).toBeNull();
    expect(unmask('5* Service, 10/10', lex.attackWords)).toBeNull();
  });

  it.each([
    'Heute Abend #ARD geschaut, super Doku.',
    'Das Thema Trans* wird gut erklärt.',
    '5* Service, gerne wieder!',
    'Idiot-proof setup, took me two minutes.',
    'Die Lieferung kam am 3. statt am 1., passt aber.',
  ])('%j is not an attack (hashtag, gender star, rating, compound)', (text) => {
    expect(isAttack(text)).toBe(false);
  });
});

describe('attack: aimed at someone', () => {
  it.each([
    'Du Lauch.',
    'Halt die Klappe, du Witzfigur.',
    'Ihr Pfeifen kriegt nicht mal eine Rücksendung hin.',
    'Dumme Kuh.',
    'Die Verkäuferin ist eine dumme Ziege.',
    'Euer Filialleiter ist ein arroganter Sack.',
    'Was für ein Opfer ist der Typ im Werbespot.',
    'You donkey.',
    'Stupid cow.',
    'What a pathetic little man.',
    'Your CEO is a greedy lying pig.',
    "You're such a pathetic liar.",
    'Der Pfaffe soll endlich still sein.',
    'Wer "gerechte Löhne" fordert, ist ein Narr.',
    '@anna du bist so dumm',
  ])('%j is an attack', (text) => {
    expect(isAttack(text)).toBe(true);
  });

  it.each([
    'Hast du Wurst?',
    'Ihr Hund ist so süß!',
    'Your prices are criminal.',
    'Your delivery partner is useless, third missed delivery this month.',
    '@brand your service is garbage',
    'Euer Service ist zum Kotzen.',
    'Die Anleitung ist bescheuert, Schritt 4 ergibt keinen Sinn.',
    'Der Chatbot ist dumm wie Brot, ich will einen Menschen sprechen.',
    'Shame on you for the hidden fees.',
    "That's a savage deal, grabbed two.",
  ])('%j is not an attack (a complaint about a thing, or no insult)', (text) => {
    expect(isAttack(text)).toBe(false);
  });
});

describe('attack: the writer, idioms, animals, swearing in praise', () => {
  it.each([
    'Ich Depp hab die falsche Größe bestellt, kann ich umtauschen?',
    'Ich bin so ein Idiot, hab den Code vergessen einzulösen.',
    'I feel like an idiot, I ordered the wrong size.',
    'Tagging my idiot brother who needs this 😂',
    'My dumb cat knocked the mug off the table, do you sell replacement lids?',
    'Dumme Frage, aber gibt es das auch in Blau?',
    'Stupid question maybe, but does this come in XL?',
    'This chocolate cake is to die for.',
    'Drop dead gorgeous colours this season.',
    'Shut up and take my money!',
    'Shut up, this is actually gorgeous.',
    'Die Qualität ist unter aller Sau.',
    'Es regnet wie Sau.',
    'Pack die Badehose ein, es geht los!',
    'Die Schweine auf dem Hof sehen glücklich aus.',
    'The rats in the basement are gone thanks to your trap.',
    'Gibt es Parkplätze für Behinderte?',
    'Damn, this is good.',
    'Holy shit, this is the best burger I have ever had!',
    'Fucking love this jacket, bought two.',
    'He is awesome as fuck!!!',
    '4 fucking years, so fucking fast, fuck',
    'Fuck, ist das lecker!',
    'Heilige Scheiße, ist das gut.',
    'Verdammt lecker, die neue Sorte.',
    'Saugeil, das neue Design!',
  ])('%j is not an attack', (text) => {
    expect(isAttack(text)).toBe(false);
  });
});

describe('attack: threats', () => {
  it.each([
    'Ich mach dich fertig, wenn ich dich erwische.',
    'Ich weiß, wo ihr wohnt.',
    'Wenn ich den Typen von der Hotline erwische, kann der was erleben.',
    'Dem Fahrer hau ich beim nächsten Mal eine rein.',
    'Ich schlag dir die Zähne ein.',
    'Dich sollte man erschlagen.',
    'Ich hoffe, euer Lager brennt ab.',
    'Geht doch alle sterben.',
    "Keep ignoring me and I'll find you.",
    'I know where you live.',
    'Somebody should punch your social media manager in the face.',
    "I'm going to beat the sh1t out of the next delivery guy.",
    'Hope you all get cancer.',
    'go jump off a bridge',
    'Someone should burn your warehouse to the ground.',
  ])('%j is an attack', (text) => {
    expect(isAttack(text)).toBe(true);
  });

  it.each([
    'Mach dich fertig, wir gehen gleich los!',
    'Ich bring das Paket um 5 vorbei.',
    'Ich weiß, wo die Filiale ist, danke!',
    'This spice will kill you lol, so hot',
    "I'd kill for this in blue.",
  ])('%j is not an attack', (text) => {
    expect(isAttack(text)).toBe(false);
  });
});

describe('attack: hostility towards groups', () => {
  it.each([
    'Ausländer raus!',
    'Friedman raus!',
    'Asylschmarotzer raus!',
    'Raus mit denen, sofort!',
    'Flüchtlinge sind Ungeziefer.',
    'Frauen gehören an den Herd und nicht in die Chefetage.',
    'Frauen sind albern.',
    'Schiebt alle Asylanten ab!',
    'ich will diese scheiß Migranten nicht',
    'Die Asylantenflut muss gestoppt werden.',
    'Schwule haben in der Werbung nichts verloren, ekelhaft.',
    'Muslims are a cancer on this country.',
    'Muslims are ruining this country.',
    'I hate immigrants.',
    'Kill all muslims',
    'Go back to where you came from.',
    'Gay people are disgusting freaks.',
  ])('%j is an attack', (text) => {
    expect(isAttack(text)).toBe(true);
  });

  it.each([
    'Wann kommt die neue Kollektion raus?',
    'Endlich raus aus dem Winter!',
    'Frauen sind begeistert von dem Duft.',
    'Die Frauen im Team haben super beraten.',
    'Gibt es das Shirt auch für Männer?',
    'I hate Mondays.',
    'Ich hasse es, wenn das Paket nicht kommt.',
    'This spray will kill all germs.',
    "I don't hate women.",
  ])('%j is not an attack', (text) => {
    expect(isAttack(text)).toBe(false);
  });
});

describe('attack: swearing aimed at someone or something public, hatred of persons (second pass)', () => {
  it.each([
    'Wir brauchen das scheiß Europa nicht.',
    'Scheiß Emanzipation.',
    'Verfluchten Jäger!',
    'Der Steinmaier redet nur Scheiße.',
    'Du bist echt scheiße.',
    'Ich hasse euch.',
    'Ich hasse die auch, wie die Pest.',
    'I hate you.',
    'Horst ist für mich nur noch ein Dummschwätzer.',
    'Das so ein Hurenshon überhaupt noch auftreten darf.',
    'Wer wählt die ganzen Pädophilen?',
    'Der Tag der Rache wird kommen.',
  ])('%j is an attack', (text) => {
    expect(isAttack(text)).toBe(true);
  });

  it.each([
    'Scheiß Wetter heute, trotzdem gute Laune.',
    'Scheiß Service, dreimal angerufen und keiner geht ran.',
    'Mein scheiß Drucker spinnt schon wieder.',
    'Die App ist scheiße.',
    'Das ist scheiße gelaufen, aber egal.',
    'Ich hasse diese Werbung.',
    'Ich hasse Montage.',
    'Für mich ist das der beste Laden der Stadt.',
    'Die Homo-Ehe ist seit 2017 erlaubt.',
    'Präses Schwaetzer eröffnet die Synode.',
    '@anna Nee, das ist blöd.',
    '@ben Ich finde den Spruch blöd gewählt.',
    'Die Empfänger bekommen die Post morgen.',
  ])('%j is not an attack', (text) => {
    expect(isAttack(text)).toBe(false);
  });
});

describe('attack: priority and drafts stay consistent', () => {
  it('an attack is urgent and not praise, even with positive words', () => {
    const a = analyzeComment('Toller Laden, ihr Vollidioten.');
    expect(a.intents).toContain('attack');
    expect(a.intents).not.toContain('praise');
    expect(a.priority).toBe('urgent');
  });
  it('strong words about a product stay a complaint with high priority', () => {
    const a = analyzeComment('Eure App ist echt scheiße seit dem Update.');
    expect(a.intents).not.toContain('attack');
    expect(a.intents).toContain('complaint');
    expect(a.priority).toBe('high');
  });
});
