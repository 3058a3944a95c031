/**
 * Reply building blocks — own writing. A draft is a sequence of slots; each slot offers several
 * interchangeable sentences, written out separately for German "du", German "Sie" and English, so
 * every variant is grammatical as it stands (no automatic conjugation).
 *
 * Placeholders: {name} the person (first name for du/English, full name for Sie) · {topic} what
 * they wrote about (German: a bare noun, always used as "Thema X" / "in Sachen X" so no article or
 * case is needed; English: with its determiner, "your order", "the new headphones") · {detail} what
 * to send privately (accusative) · {brand} the brand name. A variant whose placeholder has no value
 * is skipped.
 */
import type { ProblemKind } from './lexicon/intents-en';

export type Tone = 'thank' | 'answer' | 'apologise' | 'deescalate' | 'redirect';
export type Register = 'du' | 'sie' | 'en';

export type Variants = Record<Register, readonly string[]>;

export interface Slot {
  id: string;
  optional?: boolean;
  variants: Variants;
}

const v = (du: readonly string[], sie: readonly string[], en: readonly string[]): Variants => ({
  du,
  sie,
  en,
});

// ---------- openers ----------

export const OPEN_THANK = v(
  [
    'Danke dir, {name}!',
    'Vielen Dank, {name}!',
    'Hey {name}, danke dir!',
    'Wow, danke dir, {name}!',
    'Danke für die lieben Worte, {name}!',
    'Danke dir!',
    'Vielen Dank für das schöne Feedback!',
  ],
  [
    'Vielen Dank, {name}!',
    'Herzlichen Dank, {name}!',
    'Hallo {name}, vielen Dank!',
    'Danke für die freundlichen Worte, {name}!',
    'Vielen Dank!',
    'Herzlichen Dank für Ihr Feedback!',
  ],
  [
    'Thank you, {name}!',
    'Thanks so much, {name}!',
    'Hi {name}, thank you!',
    'Aw, thanks {name}!',
    'Thanks for the kind words, {name}!',
    'Thank you!',
    'Thanks so much for the lovely feedback!',
  ],
);

export const OPEN_ANSWER = v(
  [
    'Hey {name}, gute Frage!',
    'Hallo {name}, danke für deine Frage!',
    'Gute Frage, {name}!',
    'Hi {name}, danke, dass du fragst!',
    'Gute Frage!',
    'Danke für deine Frage!',
  ],
  [
    'Hallo {name}, danke für Ihre Frage!',
    'Guten Tag {name}, vielen Dank für Ihre Frage.',
    'Gute Frage, {name}!',
    'Hallo {name}, danke, dass Sie nachfragen!',
    'Vielen Dank für Ihre Frage!',
  ],
  [
    'Hi {name}, great question!',
    'Thanks for asking, {name}!',
    'Good question, {name}!',
    'Hey {name}, thanks for reaching out!',
    'Great question!',
    'Thanks for asking!',
  ],
);

export const OPEN_PURCHASE = v(
  [
    'Danke für dein Interesse, {name}!',
    'Hey {name}, schön, dass es dir gefällt!',
    'Hallo {name}!',
    'Danke für dein Interesse!',
  ],
  [
    'Vielen Dank für Ihr Interesse, {name}!',
    'Hallo {name}, schön, dass es Ihnen gefällt!',
    'Guten Tag {name}!',
    'Vielen Dank für Ihr Interesse!',
  ],
  [
    'Thanks for your interest, {name}!',
    'Hey {name}, glad you like it!',
    'Hi {name}!',
    'Thanks for your interest!',
  ],
);

export const OPEN_APOLOGISE = v(
  [
    'Hallo {name}, das tut uns wirklich leid.',
    'Oh nein, {name}, das tut uns leid!',
    '{name}, danke, dass du uns das schreibst – und sorry dafür.',
    'Hey {name}, das ist ärgerlich, sorry!',
    'Hallo {name}, danke für deine Nachricht – wir kümmern uns darum.',
    '{name}, gut, dass du dich meldest.',
    'Hallo {name}, entschuldige bitte die Umstände!',
    'Das tut uns wirklich leid.',
    'Danke, dass du dich meldest – wir kümmern uns darum.',
  ],
  [
    'Hallo {name}, das tut uns wirklich leid.',
    'Guten Tag {name}, das tut uns sehr leid.',
    '{name}, vielen Dank für Ihre offenen Worte – das tut uns leid.',
    'Hallo {name}, bitte entschuldigen Sie den Ärger.',
    'Hallo {name}, danke für Ihre Nachricht – wir kümmern uns darum.',
    'Guten Tag {name}, gut, dass Sie sich melden.',
    'Hallo {name}, entschuldigen Sie bitte die Umstände.',
    'Das tut uns sehr leid.',
    'Danke, dass Sie sich melden – wir kümmern uns darum.',
  ],
  [
    "Hi {name}, we're really sorry about this.",
    'Oh no, {name} – sorry to hear that.',
    '{name}, thanks for telling us, and sorry about this.',
    'Hi {name}, apologies for the trouble.',
    "Hi {name}, thanks for letting us know – we're on it.",
    '{name}, we apologise for the hassle.',
    'Hi {name}, thanks for flagging this.',
    "We're really sorry about this.",
    "Thanks for letting us know – we're on it.",
  ],
);

export const OPEN_DEESCALATE = v(
  [
    'Hallo {name}, wir merken, dass du gerade richtig verärgert bist.',
    '{name}, wir hören dich und nehmen deinen Ärger ernst.',
    'Hallo {name}, dein Ärger kommt bei uns an.',
    'Hallo {name}, wir nehmen deine Kritik ernst.',
    '{name}, danke, dass du uns schreibst – auch wenn es gerade hoch hergeht.',
    'Wir merken, dass du gerade richtig verärgert bist.',
    'Wir nehmen deine Kritik ernst.',
  ],
  [
    'Hallo {name}, wir merken, dass Sie sehr verärgert sind.',
    '{name}, wir nehmen Ihren Ärger ernst.',
    'Guten Tag {name}, Ihr Ärger kommt bei uns an.',
    'Hallo {name}, wir nehmen Ihre Kritik ernst.',
    '{name}, danke, dass Sie uns schreiben – auch wenn die Lage gerade angespannt ist.',
    'Wir merken, dass Sie sehr verärgert sind.',
    'Wir nehmen Ihre Kritik ernst.',
  ],
  [
    "Hi {name}, we can tell you're really upset.",
    '{name}, we hear you, and we take your frustration seriously.',
    'Hi {name}, your frustration has reached us.',
    'Hi {name}, we take your criticism seriously.',
    '{name}, thanks for writing to us, even if things are heated right now.',
    "We can tell you're really upset.",
    'We take your criticism seriously.',
  ],
);

export const OPEN_CRISIS = v(
  [
    'Hallo {name}, das klingt ernst, und wir nehmen es sehr ernst.',
    '{name}, danke, dass du uns das meldest – das nehmen wir sehr ernst.',
    'Das klingt ernst, und wir nehmen es sehr ernst.',
  ],
  [
    'Hallo {name}, das klingt ernst, und wir nehmen es sehr ernst.',
    '{name}, vielen Dank, dass Sie uns das melden – wir nehmen das sehr ernst.',
    'Das klingt ernst, und wir nehmen es sehr ernst.',
  ],
  [
    "Hi {name}, this sounds serious and we're taking it seriously.",
    '{name}, thank you for flagging this – we take it very seriously.',
    "This sounds serious and we're taking it seriously.",
  ],
);

export const OPEN_REDIRECT = v(
  ['Hallo {name}!', 'Hey {name}!', 'Hi {name}!', 'Hallo!'],
  ['Hallo {name}!', 'Guten Tag {name}!', 'Hallo!'],
  ['Hi {name}!', 'Hey {name}!', 'Hello {name}!', 'Hi there!'],
);

export const OPEN_NEUTRAL = v(
  [
    'Danke für deinen Kommentar, {name}!',
    'Hey {name}, danke fürs Vorbeischauen!',
    'Hallo {name}, schön, von dir zu lesen!',
    'Danke für deinen Kommentar!',
  ],
  [
    'Vielen Dank für Ihren Kommentar, {name}!',
    'Hallo {name}, danke, dass Sie vorbeischauen!',
    'Guten Tag {name}, schön, von Ihnen zu lesen!',
    'Vielen Dank für Ihren Kommentar!',
  ],
  [
    'Thanks for your comment, {name}!',
    'Hey {name}, thanks for stopping by!',
    'Hi {name}, great to hear from you!',
    'Thanks for your comment!',
  ],
);

// ---------- bodies ----------

export const PRAISE_PICKUP = v(
  [
    'Schön, dass wir dich in Sachen {topic} überzeugen konnten.',
    'Dein Lob zum Thema {topic} geben wir direkt ans Team weiter.',
    'Dass du beim Thema {topic} so zufrieden bist, freut uns riesig.',
  ],
  [
    'Schön, dass wir Sie in Sachen {topic} überzeugen konnten.',
    'Ihr Lob zum Thema {topic} geben wir gern an das Team weiter.',
    'Dass Sie beim Thema {topic} so zufrieden sind, freut uns sehr.',
  ],
  [
    "So glad you're enjoying {topic}.",
    "We'll pass your kind words about {topic} on to the team.",
    'Happy to hear you like {topic} so much.',
  ],
);

export const PRAISE_GENERIC = v(
  [
    'Das freut uns wirklich sehr.',
    'Genau für solche Kommentare machen wir das.',
    'Das geben wir gleich ans Team weiter.',
    'Schön, dass du {brand} so magst.',
  ],
  [
    'Das freut uns sehr.',
    'Ihr Feedback geben wir gern an das Team weiter.',
    'Solche Rückmeldungen motivieren uns sehr.',
    'Schön, dass Sie {brand} so schätzen.',
  ],
  [
    'That really made our day.',
    "We'll pass this on to the team.",
    'Comments like this keep us going.',
    'So glad you love {brand}.',
  ],
);

export const CLOSE_THANK = v(
  ['Bis bald!', 'Viel Freude weiterhin!', 'Wir freuen uns schon auf dein nächstes Feedback.'],
  ['Wir freuen uns auf Ihren nächsten Besuch.', 'Viel Freude weiterhin!', 'Bis bald!'],
  ['See you soon!', 'Enjoy!', 'Have a great day!'],
);

export const QUESTION_PICKUP = v(
  [
    'Zum Thema {topic} schauen wir kurz nach und melden uns gleich hier bei dir.',
    'Wir checken deine Frage zum Thema {topic} und antworten dir hier so schnell wie möglich.',
    'In Sachen {topic} fragen wir kurz im Team nach und geben dir hier Bescheid.',
  ],
  [
    'Zum Thema {topic} sehen wir kurz nach und melden uns gleich hier bei Ihnen.',
    'Wir prüfen Ihre Frage zum Thema {topic} und antworten Ihnen hier so schnell wie möglich.',
    'In Sachen {topic} fragen wir kurz im Team nach und geben Ihnen hier Bescheid.',
  ],
  [
    "We're checking the details on {topic} and will get back to you right here.",
    "Let us look into {topic} for you – we'll reply here shortly.",
    "We'll ask the team about {topic} and let you know here.",
  ],
);

export const QUESTION_GENERIC = v(
  [
    'Wir schauen kurz nach und melden uns gleich hier bei dir.',
    'Wir klären das und antworten dir so schnell wie möglich.',
    'Wir fragen kurz im Team nach und geben dir hier Bescheid.',
  ],
  [
    'Wir sehen kurz nach und melden uns in Kürze hier bei Ihnen.',
    'Wir klären das und antworten Ihnen so schnell wie möglich.',
    'Wir fragen kurz im Team nach und geben Ihnen hier Bescheid.',
  ],
  [
    "We'll look into it and get back to you here shortly.",
    "Let us check – we'll reply as soon as we can.",
    "We'll ask the team and let you know here.",
  ],
);

export const PURCHASE_PICKUP = v(
  [
    'Zum Thema {topic}: Preis, Verfügbarkeit und den Link zum Shop schicken wir dir gern per DM.',
    'Schön, dass dich das Thema {topic} interessiert! Den direkten Link schicken wir dir gern per DM.',
    'Alles zum Thema {topic} – Preis, Größen, Verfügbarkeit – schicken wir dir gleich per Direktnachricht.',
  ],
  [
    'Zum Thema {topic}: Preis, Verfügbarkeit und den Link zum Shop senden wir Ihnen gern per Direktnachricht.',
    'Schön, dass Sie sich für das Thema {topic} interessieren! Den direkten Link senden wir Ihnen gern per Direktnachricht.',
    'Alles zum Thema {topic} – Preis, Größen, Verfügbarkeit – schreiben wir Ihnen gleich per Nachricht.',
  ],
  [
    "Happy to help with {topic} – we'll send you the price, availability and a shop link by DM.",
    "Glad you're interested in {topic}! We'll DM you the direct link.",
    "We'll message you everything about {topic}: price, sizes and where to get it.",
  ],
);

export const PURCHASE_GENERIC = v(
  [
    'Den Link zum Shop und alle Infos zu Preis und Verfügbarkeit schicken wir dir gern per DM.',
    'Schön, dass du Interesse hast! Den direkten Link schicken wir dir gern per DM.',
    'Wir schicken dir gleich per Direktnachricht, wo und zu welchem Preis du es bekommst.',
  ],
  [
    'Den Link zum Shop und alle Infos zu Preis und Verfügbarkeit senden wir Ihnen gern per Direktnachricht.',
    'Schön, dass Sie Interesse haben! Den direkten Link senden wir Ihnen gern per Direktnachricht.',
    'Wo und zu welchem Preis Sie es bekommen, schreiben wir Ihnen gleich per Nachricht.',
  ],
  [
    "We'll DM you the shop link plus price and availability.",
    "Glad you're interested! We'll send you the direct link by DM.",
    "We'll message you where to get it and what it costs.",
  ],
);

export const CLOSE_ANSWER = v(
  ['Danke für deine Geduld!', 'Bis gleich!', 'Melde dich gern, wenn noch etwas offen ist.'],
  ['Vielen Dank für Ihre Geduld.', 'Bis gleich!', 'Melden Sie sich gern, wenn noch etwas offen ist.'],
  ['Thanks for your patience!', 'Speak soon!', 'Let us know if anything else comes up.'],
);

export const NEUTRAL_BODY = v(
  [
    'Was denkst du zum Thema {topic}? Erzähl gern mehr!',
    'Wenn du Fragen hast, sind wir jederzeit für dich da.',
    'Schön, dass du dabei bist.',
  ],
  [
    'Wie sehen Sie das Thema {topic}? Wir freuen uns über Ihre Meinung.',
    'Wenn Sie Fragen haben, sind wir jederzeit für Sie da.',
    'Schön, dass Sie dabei sind.',
  ],
  [
    "What's your take on {topic}? We'd love to hear more.",
    "If you've got any questions, we're always here.",
    'Great to have you here.',
  ],
);

/** Acknowledgement of the problem, by kind; '{topic}' variants are preferred when a topic is known. */
export const PROBLEM: Record<ProblemKind, Variants> = {
  delivery: v(
    [
      'Dass deine Lieferung noch nicht da ist, ist wirklich ärgerlich.',
      'Auf eine Lieferung zu warten, die nicht kommt, nervt – total verständlich.',
      'Ärgerlich, wenn beim Thema {topic} mit der Lieferung etwas schiefgeht.',
      'Beim Thema {topic} schauen wir sofort, wo deine Sendung steckt.',
      'Wir finden heraus, wo deine Sendung gerade steckt.',
    ],
    [
      'Dass Ihre Lieferung noch nicht da ist, ist wirklich ärgerlich.',
      'Wir verstehen gut, dass das Warten auf Ihre Lieferung ärgerlich ist.',
      'Ärgerlich, wenn beim Thema {topic} mit der Lieferung etwas schiefgeht.',
      'Beim Thema {topic} sehen wir sofort nach, wo Ihre Sendung steckt.',
      'Wir finden heraus, wo Ihre Sendung gerade steckt.',
    ],
    [
      "A delivery that doesn't show up is really frustrating.",
      'Waiting on a delivery like that is no fun at all.',
      "Sorry you're still waiting for {topic}.",
      "We'll track down where {topic} is right now.",
      "We'll find out where your parcel is right now.",
    ],
  ),
  defect: v(
    [
      'Ärgerlich, wenn es beim Thema {topic} hakt.',
      'Probleme rund ums Thema {topic} wollen wir schnell für dich lösen.',
      'In Sachen {topic} finden wir gemeinsam eine Lösung.',
      'Ärgerlich, wenn etwas nicht funktioniert, wie es soll.',
      'Das wollen wir schnell für dich in Ordnung bringen.',
    ],
    [
      'Ärgerlich, wenn es beim Thema {topic} hakt.',
      'Probleme rund um das Thema {topic} möchten wir schnell für Sie lösen.',
      'In Sachen {topic} finden wir gemeinsam eine Lösung.',
      'Ärgerlich, wenn etwas nicht funktioniert, wie es soll.',
      'Das möchten wir schnell für Sie in Ordnung bringen.',
    ],
    [
      "It's frustrating when there's a problem with {topic}.",
      'Problems with {topic} are the last thing you need.',
      "We'll find a fix for {topic} together.",
      "It's frustrating when something doesn't work as it should.",
      'We want to put this right for you quickly.',
    ],
  ),
  waiting: v(
    [
      'Sorry, dass du so lange warten musstest.',
      'So lange zu warten, ist wirklich nicht okay.',
      'Deine Geduld wurde ganz schön auf die Probe gestellt.',
      'Wir sorgen dafür, dass du jetzt schnell eine Antwort bekommst.',
      'So lange auf eine Rückmeldung zum Thema {topic} zu warten, ist nicht okay.',
    ],
    [
      'Entschuldigen Sie bitte, dass Sie so lange warten mussten.',
      'So lange Wartezeiten sollten nicht vorkommen.',
      'Ihre Geduld wurde ganz schön auf die Probe gestellt.',
      'Wir sorgen dafür, dass Sie jetzt schnell eine Antwort bekommen.',
      'So lange auf eine Rückmeldung zum Thema {topic} zu warten, sollte nicht vorkommen.',
    ],
    [
      "Sorry you've had to wait so long.",
      'That wait is longer than it should be.',
      "You've been more than patient.",
      "We'll make sure you get an answer quickly now.",
      "Sorry you've been waiting so long on {topic}.",
    ],
  ),
  billing: v(
    [
      'Bei Abbuchungen und Erstattungen muss alles stimmen – das prüfen wir für dich.',
      'Ein Fehler bei der Abrechnung ist ärgerlich, das schauen wir uns an.',
      'Wir prüfen die Buchung und sorgen dafür, dass alles korrekt ist.',
      'Geld, das dir zusteht, bekommst du natürlich zurück.',
    ],
    [
      'Bei Abbuchungen und Erstattungen muss alles stimmen – das prüfen wir für Sie.',
      'Ein Fehler bei der Abrechnung ist ärgerlich, das sehen wir uns gern an.',
      'Wir prüfen die Buchung und sorgen dafür, dass alles korrekt ist.',
      'Geld, das Ihnen zusteht, bekommen Sie selbstverständlich zurück.',
    ],
    [
      "When it comes to charges and refunds, everything has to be right – we'll check this for you.",
      'A billing mistake is frustrating; let us look into it.',
      "We'll check the transaction and make sure everything is correct.",
      "If money is owed to you, you'll get it back.",
    ],
  ),
  service: v(
    [
      'So eine Erfahrung solltest du bei uns nicht machen.',
      'Das entspricht nicht dem, was wir von uns selbst erwarten.',
      'Danke, dass du das offen ansprichst.',
      'Beim Thema {topic} sollte so etwas nicht passieren.',
    ],
    [
      'So eine Erfahrung sollten Sie bei uns nicht machen.',
      'Das entspricht nicht unserem eigenen Anspruch.',
      'Danke, dass Sie das offen ansprechen.',
      'Beim Thema {topic} sollte so etwas nicht passieren.',
    ],
    [
      "That's not the experience you should have with us.",
      "That's not the standard we hold ourselves to.",
      'Thanks for raising this so openly.',
      "That shouldn't happen with {topic}.",
    ],
  ),
  quality: v(
    [
      'Dein Feedback zum Thema {topic} nehmen wir ernst.',
      'In Sachen {topic} wollen wir es besser machen.',
      'Schade, dass du enttäuscht bist – das nehmen wir ernst.',
      'Danke für deine ehrliche Meinung, die hilft uns weiter.',
      'Das geben wir direkt an das zuständige Team weiter.',
    ],
    [
      'Ihr Feedback zum Thema {topic} nehmen wir sehr ernst.',
      'In Sachen {topic} möchten wir es besser machen.',
      'Es tut uns leid, dass Sie enttäuscht sind – das nehmen wir ernst.',
      'Danke für Ihre ehrliche Einschätzung, die hilft uns weiter.',
      'Das geben wir direkt an das zuständige Team weiter.',
    ],
    [
      'We take your feedback on {topic} seriously.',
      'We want to do better with {topic}.',
      "Sorry to hear you're disappointed – we take that seriously.",
      'Thanks for your honest take; it helps us improve.',
      "We'll pass this straight to the team responsible.",
    ],
  ),
  account: v(
    [
      'Probleme mit dem Konto sind lästig – das lösen wir gemeinsam.',
      'Ärgerlich, wenn der Zugang nicht klappt – wir helfen dir.',
      'Wir bringen deinen Zugang so schnell wie möglich wieder in Ordnung.',
    ],
    [
      'Probleme mit dem Konto sind lästig – das lösen wir gemeinsam mit Ihnen.',
      'Ärgerlich, wenn der Zugang nicht klappt – wir helfen Ihnen gern.',
      'Wir bringen Ihren Zugang so schnell wie möglich wieder in Ordnung.',
    ],
    [
      "Account problems are a pain – let's sort this out together.",
      "It's frustrating when you can't get in – we'll help.",
      "We'll get your access working again as quickly as we can.",
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
    'Schick uns bitte {detail} per DM, dann kümmern wir uns direkt darum.',
    'Magst du uns {detail} per Direktnachricht schicken? Dann schauen wir sofort nach.',
    'Schreib uns am besten per DM und schick {detail} mit – dann klären wir das schnell.',
    'Wenn du uns {detail} per Direktnachricht schickst, legen wir sofort los.',
    'Schick {detail} gern per DM an uns, wir melden uns dann persönlich.',
    'Per Direktnachricht kannst du uns {detail} schicken – dann geht es schnell weiter.',
  ],
  [
    'Senden Sie uns bitte {detail} per Direktnachricht, dann kümmern wir uns umgehend darum.',
    'Mögen Sie uns {detail} per Direktnachricht oder E-Mail senden? Dann sehen wir sofort nach.',
    'Schreiben Sie uns am besten eine Direktnachricht und senden Sie {detail} mit – dann klären wir das schnell.',
    'Wenn Sie uns {detail} per Direktnachricht senden, legen wir sofort los.',
    'Senden Sie {detail} gern per E-Mail an uns, wir melden uns dann persönlich.',
    'Per Direktnachricht können Sie uns {detail} senden – dann geht es schnell weiter.',
  ],
  [
    "Please send us {detail} by DM and we'll take care of it right away.",
    "Could you DM us {detail}? We'll look into it straight away.",
    "Drop us a DM with {detail} and we'll sort this out quickly.",
    "If you message us {detail}, we'll get started right away.",
    "Send {detail} to us by email and we'll get back to you personally.",
    'A quick DM with {detail} is all we need to move this forward.',
  ],
);

export const CLOSE_APOLOGISE = v(
  [
    'Wir melden uns so schnell wie möglich.',
    'Danke für deine Geduld!',
    'Wir bleiben dran.',
    'Bis gleich im Postfach!',
    'Wir kümmern uns.',
  ],
  [
    'Wir melden uns schnellstmöglich bei Ihnen.',
    'Vielen Dank für Ihre Geduld.',
    'Wir bleiben für Sie dran.',
    'Wir melden uns in Kürze.',
    'Wir kümmern uns darum.',
  ],
  [
    "We'll get back to you as soon as possible.",
    'Thanks for bearing with us.',
    "We're on it.",
    'Speak soon in your inbox.',
    "We'll take care of it.",
  ],
);

export const DEESCALATE_MIDDLE = v(
  [
    'Wir wollen das gern mit dir klären – lass uns dabei bitte respektvoll bleiben.',
    'Damit wir dir wirklich helfen können, bitten wir um einen fairen Ton.',
    'Wenn es ums Thema {topic} geht, schauen wir uns das gern genau an.',
    'Kritik hören wir uns gern an – Beleidigungen helfen aber niemandem weiter.',
    'Wir möchten verstehen, was passiert ist.',
  ],
  [
    'Wir möchten das gern mit Ihnen klären und bitten dabei um einen respektvollen Ton.',
    'Damit wir Ihnen helfen können, bitten wir um einen sachlichen Umgangston.',
    'Wenn es um das Thema {topic} geht, sehen wir uns das gern genau an.',
    'Kritik nehmen wir gern auf – Beleidigungen helfen aber niemandem weiter.',
    'Wir möchten verstehen, was passiert ist.',
  ],
  [
    "We want to sort this out with you – let's keep it respectful.",
    "So we can actually help, we'd ask for a fair tone.",
    "If this is about {topic}, we'll look into it properly.",
    "We're open to criticism, but insults don't help anyone.",
    'We want to understand what happened.',
  ],
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
    'We want to sort this out with you quickly and properly.',
  ],
);

export const PRIVATE_CHANNEL = v(
  [
    'Schreib uns bitte eine DM oder eine E-Mail, dann klären wir das in Ruhe.',
    'Lass uns das per Direktnachricht besprechen – dort können wir in Ruhe auf alles eingehen.',
    'Am besten schreibst du uns direkt per DM oder E-Mail, dann kümmern wir uns persönlich darum.',
    'Per Direktnachricht können wir das in Ruhe und persönlich klären.',
    'Schreib uns eine E-Mail, dann meldet sich jemand aus dem Team persönlich bei dir.',
  ],
  [
    'Bitte schreiben Sie uns eine Direktnachricht oder eine E-Mail, dann klären wir das in Ruhe.',
    'Lassen Sie uns das per Direktnachricht besprechen – dort können wir in Ruhe auf alles eingehen.',
    'Am besten schreiben Sie uns eine Direktnachricht oder E-Mail, dann kümmern wir uns persönlich darum.',
    'Per Direktnachricht können wir das in Ruhe und persönlich klären.',
    'Schreiben Sie uns eine E-Mail, dann meldet sich jemand aus dem Team persönlich bei Ihnen.',
  ],
  [
    'Please send us a DM or an email so we can go through this properly.',
    "Let's take this to DM, where we can look at everything in detail.",
    "It's best to message us directly by DM or email, and we'll handle it personally.",
    'By direct message we can sort this out calmly and personally.',
    'Email us and someone from the team will get back to you personally.',
  ],
);

export const SPAM_NOTE = v(
  [
    'Werbung und Links nehmen wir hier leider raus, damit es in den Kommentaren ums Thema geht.',
    'Eigenwerbung ist in unseren Kommentaren nicht erlaubt – danke für dein Verständnis.',
  ],
  [
    'Werbung und Links entfernen wir hier leider, damit es in den Kommentaren um das Thema geht.',
    'Eigenwerbung ist in unseren Kommentaren nicht gestattet – vielen Dank für Ihr Verständnis.',
  ],
  [
    'We remove ads and links here so the comments stay on topic.',
    "Self-promotion isn't allowed in our comments – thanks for understanding.",
  ],
);

/** Emoji per tone, used only when the brand voice allows emoji. */
export const TONE_EMOJI: Record<Tone, readonly string[]> = {
  thank: ['😊', '💙', '🙌', '🎉'],
  answer: ['🙂', '👍'],
  apologise: ['🙏'],
  redirect: ['📩'],
  deescalate: [],
};
