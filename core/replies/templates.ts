/**
 * The offline fallback's sentences — own writing, used only when no language model is configured or
 * it failed. A draft is a few slots (opener → what we do next → optional closer); each slot offers
 * several interchangeable sentences, written out separately for German "du", German "Sie" and
 * English, so every variant is grammatical as it stands and the register never mixes.
 *
 * Placeholders, and only these: {name} the person (first name for du/English, full name for Sie;
 * a variant without {name} is used when it is unknown) · {detail} what to send privately, chosen
 * from the problem kind triage found (DETAIL below — our words, not the comment's) · {brand} the
 * brand name from the brand voice. Nothing is ever copied from the comment into a sentence: a noun
 * lifted from a comment ("the crap out", "Diskussionsteilnehmer") makes a text block look like it
 * listened and shows that it did not. The model path is the one that answers what was said.
 */
import type { ProblemKind } from './cues';

export type Tone = 'thank' | 'answer' | 'apologise' | 'deescalate' | 'redirect';
export type Register = 'du' | 'sie' | 'en';

export type Variants = Record<Register, readonly string[]>;

const v = (du: readonly string[], sie: readonly string[], en: readonly string[]): Variants => ({
  du,
  sie,
  en,
});

// ---------- openers ----------

export const OPEN_THANK = v(
  ['Danke dir, {name}!', 'Hallo {name}, vielen Dank!', 'Vielen Dank, {name}!', 'Danke dir!', 'Vielen Dank!'],
  [
    'Vielen Dank, {name}!',
    'Hallo {name}, herzlichen Dank!',
    'Herzlichen Dank, {name}!',
    'Vielen Dank!',
    'Herzlichen Dank!',
  ],
  ['Thank you, {name}!', 'Thanks so much, {name}!', 'Hi {name}, thank you!', 'Thank you!', 'Thanks so much!'],
);

export const OPEN_ANSWER = v(
  [
    'Hallo {name}, danke für deine Frage!',
    'Hallo {name}, danke, dass du nachfragst!',
    'Danke für deine Frage!',
    'Danke, dass du nachfragst!',
  ],
  [
    'Hallo {name}, vielen Dank für Ihre Frage!',
    'Guten Tag {name}, danke für Ihre Frage.',
    'Hallo {name}, danke, dass Sie nachfragen!',
    'Vielen Dank für Ihre Frage!',
    'Danke, dass Sie nachfragen!',
  ],
  [
    'Hi {name}, thanks for asking!',
    'Hello {name}, thanks for your question!',
    'Thanks for asking!',
    'Thanks for your question!',
  ],
);

export const OPEN_PURCHASE = v(
  [
    'Hallo {name}, schön, dass du Interesse hast!',
    'Danke für dein Interesse, {name}!',
    'Schön, dass du Interesse hast!',
  ],
  [
    'Hallo {name}, schön, dass Sie Interesse haben!',
    'Vielen Dank für Ihr Interesse, {name}!',
    'Vielen Dank für Ihr Interesse!',
  ],
  ['Hi {name}, glad you’re interested!', 'Thanks for your interest, {name}!', 'Thanks for your interest!'],
);

export const OPEN_APOLOGISE = v(
  [
    'Hallo {name}, das tut uns leid.',
    'Hallo {name}, danke, dass du uns das schreibst.',
    'Hi {name}, gut, dass du dich meldest.',
    'Das tut uns leid.',
    'Danke, dass du uns das schreibst.',
  ],
  [
    'Hallo {name}, das tut uns leid.',
    'Guten Tag {name}, danke, dass Sie uns das schreiben.',
    'Hallo {name}, gut, dass Sie sich melden.',
    'Das tut uns leid.',
    'Danke, dass Sie uns das schreiben.',
  ],
  [
    'Hi {name}, we’re sorry about this.',
    'Hi {name}, thanks for letting us know.',
    'Hello {name}, thanks for telling us.',
    'We’re sorry about this.',
    'Thanks for letting us know.',
  ],
);

/**
 * An attack may be a furious customer, or an insult or hate aimed at others; triage cannot always
 * tell. So the opener only says we notice the anger, and the next step is conditional ("if this is
 * about something with us"): apt for both, and it never accuses a customer of insulting anyone.
 */
export const OPEN_DEESCALATE = v(
  ['Hallo {name}, wir merken, dass du dich richtig ärgerst.', 'Wir merken, dass du dich richtig ärgerst.'],
  ['Hallo {name}, wir merken, dass Sie sich sehr ärgern.', 'Wir merken, dass Sie sich sehr ärgern.'],
  ['Hi {name}, we can tell you’re really annoyed.', 'We can tell you’re really annoyed.'],
);

export const DEESCALATE_NEXT = v(
  [
    'Wenn es um etwas bei uns geht, schreib uns gern eine DM – dann klären wir das in Ruhe.',
    'Geht es um ein Anliegen an uns? Dann schreib uns gern per Direktnachricht oder E-Mail.',
  ],
  [
    'Wenn es um ein Anliegen an uns geht, schreiben Sie uns gern eine Direktnachricht – dann klären wir das in Ruhe.',
    'Geht es um ein Anliegen an uns? Dann schreiben Sie uns gern per Direktnachricht oder E-Mail.',
  ],
  [
    'If this is about something with us, send us a DM and we’ll sort it out properly.',
    'Is this about something we can help with? Then message us by DM or email.',
    'If this is about something with us, please email us and we’ll look into it properly.',
  ],
);

/** The community's rules, stated calmly: the second option for an attack (insults, hate). */
export const NETIQUETTE = v(
  [
    'Kritik ist hier willkommen, Beleidigungen und Abwertungen anderer nicht. Bitte bleib respektvoll.',
    'Hier ist Platz für viele Meinungen, aber nicht für Beleidigungen oder Hetze. Bitte bleib fair.',
    'Bitte bleib respektvoll – hier diskutieren wir fair miteinander.',
  ],
  [
    'Kritik ist hier willkommen, Beleidigungen und Abwertungen anderer nicht. Bitte bleiben Sie respektvoll.',
    'Hier ist Platz für viele Meinungen, aber nicht für Beleidigungen oder Hetze. Bitte bleiben Sie fair.',
    'Bitte bleiben Sie respektvoll – hier diskutieren wir fair miteinander.',
  ],
  [
    'Criticism is welcome here; insults and attacks on others are not. Please keep it respectful.',
    'There’s room for many opinions here, but not for insults or hate. Please keep it fair.',
    'Please keep it respectful – we keep discussions here fair.',
  ],
);

export const OPEN_CRISIS = v(
  [
    'Hallo {name}, das klingt ernst, und wir nehmen es ernst.',
    'Hallo {name}, danke, dass du uns das meldest.',
    'Das klingt ernst, und wir nehmen es ernst.',
  ],
  [
    'Hallo {name}, das klingt ernst, und wir nehmen es ernst.',
    'Guten Tag {name}, vielen Dank, dass Sie uns das melden.',
    'Das klingt ernst, und wir nehmen es ernst.',
  ],
  [
    'Hi {name}, this sounds serious, and we’re taking it seriously.',
    'Hi {name}, thank you for telling us.',
    'This sounds serious, and we’re taking it seriously.',
  ],
);

export const OPEN_NEUTRAL = v(
  ['Danke für deinen Kommentar, {name}!', 'Hallo {name}, danke dir!', 'Danke für deinen Kommentar!'],
  [
    'Vielen Dank für Ihren Kommentar, {name}!',
    'Hallo {name}, vielen Dank!',
    'Vielen Dank für Ihren Kommentar!',
  ],
  ['Thanks for your comment, {name}!', 'Hi {name}, thanks!', 'Thanks for your comment!'],
);

// ---------- bodies ----------

export const PRAISE_BODY = v(
  [
    'Das freut uns sehr.',
    'Das bedeutet uns viel.',
    'Das geben wir gern ans Team weiter.',
    'Schön, dass du {brand} magst.',
  ],
  [
    'Das freut uns sehr.',
    'Das bedeutet uns viel.',
    'Das geben wir gern an das Team weiter.',
    'Schön, dass Sie {brand} schätzen.',
  ],
  [
    'That’s great to hear.',
    'That means a lot to us.',
    'We’ll pass this on to the team.',
    'So glad you like {brand}.',
  ],
);

export const CLOSE_THANK = v(
  ['Bis bald!', 'Viel Freude weiterhin!'],
  ['Viel Freude weiterhin!', 'Bis bald!'],
  ['See you soon!', 'Enjoy!'],
);

export const QUESTION_BODY = v(
  [
    'Wir schauen nach und melden uns hier bei dir.',
    'Wir klären das kurz und antworten dir hier.',
    'Wir fragen im Team nach und geben dir hier Bescheid.',
  ],
  [
    'Wir sehen nach und melden uns hier bei Ihnen.',
    'Wir klären das und antworten Ihnen hier.',
    'Wir fragen im Team nach und geben Ihnen hier Bescheid.',
  ],
  [
    'We’ll check and get back to you here.',
    'Let us find out – we’ll reply here.',
    'We’ll ask the team and let you know here.',
  ],
);

export const PURCHASE_BODY = v(
  [
    'Preis, Verfügbarkeit und den Link schicken wir dir gern per DM.',
    'Magst du uns kurz per DM schreiben? Dann schicken wir dir alle Infos.',
    'Alle Infos zu Preis und Verfügbarkeit bekommst du gleich per Direktnachricht.',
  ],
  [
    'Preis, Verfügbarkeit und den Link senden wir Ihnen gern per Direktnachricht.',
    'Schreiben Sie uns gern eine Direktnachricht, dann senden wir Ihnen alle Informationen.',
    'Alle Informationen zu Preis und Verfügbarkeit erhalten Sie gleich per Direktnachricht.',
  ],
  [
    'We’ll DM you the price, availability and a link.',
    'Send us a quick DM and we’ll share all the details.',
    'We’ll message you everything about price and availability.',
  ],
);

export const CLOSE_ANSWER = v(
  ['Melde dich gern, wenn noch etwas offen ist.', 'Bis gleich!'],
  ['Melden Sie sich gern, wenn noch etwas offen ist.', 'Bis gleich!'],
  ['Let us know if anything else comes up.', 'Speak soon!'],
);

/** For a negative remark that is no complaint: acknowledged, not apologised for, not cheered. */
export const NEUTRAL_NEGATIVE = v(
  [
    'Hallo {name}, danke, dass du deine Sicht teilst.',
    'Danke für deine offenen Worte, {name}.',
    'Danke, dass du deine Sicht teilst.',
    'Danke für deine offenen Worte.',
  ],
  [
    'Hallo {name}, danke, dass Sie Ihre Sicht teilen.',
    'Danke für Ihre offenen Worte, {name}.',
    'Danke, dass Sie Ihre Sicht teilen.',
    'Danke für Ihre offenen Worte.',
  ],
  [
    'Hi {name}, thanks for sharing your view.',
    'Thanks for being direct with us, {name}.',
    'Thanks for sharing your view.',
    'Thanks for being direct with us.',
  ],
);

export const NEUTRAL_BODY = v(
  ['Schön, dass du dabei bist.', 'Wenn du Fragen hast, melde dich gern.'],
  ['Schön, dass Sie dabei sind.', 'Wenn Sie Fragen haben, melden Sie sich gern.'],
  ['Great to have you here.', 'If you have any questions, just ask.'],
);

/**
 * Acknowledgement of the problem, by the kind triage found. 'quality' is also the kind of a comment
 * that is only negative, so its sentences assume nothing about what happened.
 */
export const PROBLEM: Record<ProblemKind, Variants> = {
  delivery: v(
    [
      'Dass deine Lieferung noch nicht da ist, ist ärgerlich.',
      'Wir finden heraus, wo deine Sendung steckt.',
      'Wir sehen uns deine Lieferung sofort an.',
    ],
    [
      'Dass Ihre Lieferung noch nicht da ist, ist ärgerlich.',
      'Wir finden heraus, wo Ihre Sendung steckt.',
      'Wir sehen uns Ihre Lieferung sofort an.',
    ],
    [
      'A delivery that doesn’t arrive is frustrating.',
      'We’ll find out where your parcel is.',
      'We’ll look into your delivery right away.',
    ],
  ),
  defect: v(
    [
      'Ärgerlich, wenn etwas nicht funktioniert, wie es soll.',
      'Das wollen wir schnell für dich in Ordnung bringen.',
      'Wir finden gemeinsam eine Lösung.',
    ],
    [
      'Ärgerlich, wenn etwas nicht funktioniert, wie es soll.',
      'Das möchten wir schnell für Sie in Ordnung bringen.',
      'Wir finden gemeinsam eine Lösung.',
    ],
    [
      'It’s frustrating when something doesn’t work as it should.',
      'We want to put this right for you quickly.',
      'We’ll find a fix together.',
    ],
  ),
  waiting: v(
    [
      'Entschuldige, dass du so lange warten musstest.',
      'So lange solltest du nicht warten müssen.',
      'Das sollte so nicht sein.',
    ],
    [
      'Entschuldigen Sie bitte, dass Sie so lange warten mussten.',
      'So lange sollten Sie nicht warten müssen.',
      'Das sollte so nicht sein.',
    ],
    ['Sorry you’ve had to wait so long.', 'You shouldn’t have to wait this long.', 'That shouldn’t happen.'],
  ),
  billing: v(
    [
      'Bei Abbuchungen muss alles stimmen – das prüfen wir für dich.',
      'Wir sehen uns die Buchung genau an.',
      'Das klären wir mit der Buchhaltung.',
    ],
    [
      'Bei Abbuchungen muss alles stimmen – das prüfen wir für Sie.',
      'Wir sehen uns die Buchung genau an.',
      'Das klären wir mit der Buchhaltung.',
    ],
    [
      'Charges have to be right – we’ll check this for you.',
      'We’ll look into the transaction.',
      'We’ll check this with our billing team.',
    ],
  ),
  service: v(
    [
      'So eine Erfahrung solltest du bei uns nicht machen.',
      'Das entspricht nicht unserem Anspruch.',
      'Wir möchten verstehen, was da schiefgelaufen ist.',
    ],
    [
      'So eine Erfahrung sollten Sie bei uns nicht machen.',
      'Das entspricht nicht unserem Anspruch.',
      'Wir möchten verstehen, was da schiefgelaufen ist.',
    ],
    [
      'That’s not the experience you should have with us.',
      'That’s not the standard we hold ourselves to.',
      'We’d like to understand what went wrong.',
    ],
  ),
  quality: v(
    [
      'Wir möchten verstehen, was passiert ist.',
      'Wir möchten genau wissen, was los war.',
      'Das sehen wir uns genauer an.',
    ],
    [
      'Wir möchten verstehen, was passiert ist.',
      'Wir möchten genau wissen, was los war.',
      'Das sehen wir uns genauer an.',
    ],
    [
      'We’d like to understand what happened.',
      'We’d like to know exactly what went wrong.',
      'We’ll take a closer look.',
    ],
  ),
  account: v(
    [
      'Ärgerlich, wenn der Zugang nicht klappt – wir helfen dir.',
      'Wir bringen deinen Zugang wieder in Ordnung.',
      'Das bekommen wir gemeinsam hin.',
    ],
    [
      'Ärgerlich, wenn der Zugang nicht klappt – wir helfen Ihnen gern.',
      'Wir bringen Ihren Zugang wieder in Ordnung.',
      'Das bekommen wir gemeinsam hin.',
    ],
    [
      'It’s frustrating when you can’t get in – we’ll help.',
      'We’ll get your access working again.',
      'We’ll sort this out together.',
    ],
  ),
};

/** What to send privately, per problem kind (accusative, matching the register). */
export const DETAIL: Record<ProblemKind | 'none', Record<Register, string>> = {
  delivery: { du: 'deine Bestellnummer', sie: 'Ihre Bestellnummer', en: 'your order number' },
  billing: {
    du: 'deine Bestell- oder Kundennummer',
    sie: 'Ihre Bestell- oder Kundennummer',
    en: 'your order or customer number',
  },
  account: {
    du: 'deinen Benutzernamen (bitte kein Passwort)',
    sie: 'Ihren Benutzernamen (bitte kein Passwort)',
    en: 'your username (never your password)',
  },
  defect: {
    du: 'eine kurze Beschreibung und ein Foto',
    sie: 'eine kurze Beschreibung und ein Foto',
    en: 'a short description and a photo',
  },
  waiting: {
    du: 'deine Bestell- oder Ticketnummer',
    sie: 'Ihre Bestell- oder Ticketnummer',
    en: 'your order or ticket number',
  },
  service: { du: 'ein paar Details', sie: 'ein paar Details', en: 'a few details' },
  quality: { du: 'ein paar Details', sie: 'ein paar Details', en: 'a few details' },
  none: { du: 'ein paar Details', sie: 'ein paar Details', en: 'a few details' },
};

export const ACTION_DM = v(
  [
    'Schick uns bitte {detail} per DM, dann kümmern wir uns darum.',
    'Magst du uns {detail} per Direktnachricht schicken? Dann schauen wir sofort nach.',
    'Schreib uns am besten eine DM und schick {detail} mit – dann klären wir das schnell.',
    'Wenn du uns {detail} per DM schickst, legen wir direkt los.',
    'Per Direktnachricht kannst du uns {detail} schicken, dann melden wir uns persönlich.',
    'Schick uns {detail} gern per E-Mail, dann melden wir uns persönlich.',
  ],
  [
    'Senden Sie uns bitte {detail} per Direktnachricht, dann kümmern wir uns darum.',
    'Möchten Sie uns {detail} per Direktnachricht senden? Dann sehen wir sofort nach.',
    'Schreiben Sie uns am besten eine Direktnachricht und senden Sie {detail} mit – dann klären wir das schnell.',
    'Wenn Sie uns {detail} per Direktnachricht senden, legen wir direkt los.',
    'Per E-Mail oder Direktnachricht können Sie uns {detail} senden, dann melden wir uns persönlich.',
    'Senden Sie uns {detail} gern per E-Mail, dann melden wir uns persönlich.',
  ],
  [
    'Please send us {detail} by DM and we’ll take care of it.',
    'Could you DM us {detail}? We’ll look into it straight away.',
    'Drop us a DM with {detail} and we’ll sort this out quickly.',
    'If you DM us {detail}, we’ll get started right away.',
    'Send us {detail} by DM or email and we’ll get back to you personally.',
    'Please email us {detail} and we’ll get back to you personally.',
  ],
);

export const CLOSE_APOLOGISE = v(
  ['Danke für deine Geduld!', 'Wir melden uns so schnell wie möglich.'],
  ['Vielen Dank für Ihre Geduld.', 'Wir melden uns so schnell wie möglich.'],
  ['Thanks for bearing with us.', 'We’ll get back to you as soon as we can.'],
);

export const CRISIS_MIDDLE = v(
  [
    'Damit sich unser Team sofort darum kümmern kann, brauchen wir ein paar Details von dir.',
    'Wir möchten das schnell und in Ruhe mit dir klären.',
  ],
  [
    'Damit sich unser Team sofort darum kümmern kann, benötigen wir ein paar Details von Ihnen.',
    'Wir möchten das schnell und in Ruhe mit Ihnen klären.',
  ],
  [
    'So our team can deal with this right away, we need a few details from you.',
    'We want to sort this out with you quickly.',
  ],
);

export const PRIVATE_CHANNEL = v(
  [
    'Schreib uns bitte eine DM oder eine E-Mail, dann klären wir das in Ruhe.',
    'Lass uns das per Direktnachricht besprechen, dort können wir auf alles eingehen.',
    'Schreib uns gern eine E-Mail, dann meldet sich jemand aus dem Team persönlich bei dir.',
  ],
  [
    'Bitte schreiben Sie uns eine Direktnachricht oder eine E-Mail, dann klären wir das in Ruhe.',
    'Lassen Sie uns das per Direktnachricht besprechen, dort können wir auf alles eingehen.',
    'Schreiben Sie uns gern eine E-Mail, dann meldet sich jemand aus dem Team persönlich bei Ihnen.',
  ],
  [
    'Please send us a DM or an email so we can go through this properly.',
    'Let’s take this to DM, where we can look at everything.',
    'Please email us, and someone from the team will get back to you personally.',
  ],
);

/** Only for near-certain spam (see draft.ts): a neutral note, never sent to a customer. */
export const SPAM_NOTE = v(
  ['Werbung und fremde Links entfernen wir hier, damit es in den Kommentaren um den Beitrag geht.'],
  ['Werbung und fremde Links entfernen wir hier, damit es in den Kommentaren um den Beitrag geht.'],
  ['We remove ads and unrelated links here so the comments stay about the post.'],
);

/** Emoji per tone, used only when the brand voice allows emoji. */
export const TONE_EMOJI: Record<Tone, readonly string[]> = {
  thank: ['😊', '🙌'],
  answer: ['🙂'],
  apologise: [],
  redirect: [],
  deescalate: [],
};
