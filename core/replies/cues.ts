/**
 * The few rules that still decide something on their own, because no shippable training data
 * teaches them and they are near-certain when they fire: a question, buying interest, a crisis
 * (legal threat, health or safety, a data leak, going to the press), and what kind of problem a
 * complaint is about (for the draft's acknowledgement). German and English; text folded first
 * (lower case, ä→ae, ö→oe, ü→ue, ß→ss).
 */
import { fold, URL_RE } from './normalize';

export type ProblemKind = 'delivery' | 'defect' | 'waiting' | 'billing' | 'service' | 'quality' | 'account';

const QUESTION_OPENING =
  /^(?:wann|wo|wohin|woher|wie|was|warum|wieso|weshalb|welche[rsmn]?|wer|wen|wem|kann|koennt|koennen|habt|haben sie|gibt es|gibts|ist das|ist es|sind die|hat jemand|weiss jemand|wisst ihr|how|what|when|where|why|who|which|can|could|do|does|did|is|are|will|would|should|any idea|anyone know)\b/;
/** "Was für ein Tag!", "What a game!" — exclamations, not questions. */
const EXCLAMATION =
  /^(?:was fuer ein|was ein|wie schoen|wie toll|wie geil|what a|what an|how nice|how cool|how lovely|how sweet)\b/;

/** Asking phrases anywhere in the comment. */
const QUESTION_PHRASE =
  /\b(?:weiss jemand|weis jemand|wisst ihr|kann mir jemand|koennt ihr mir|how (?:do|can|to|should) i|i need to know|i want to know|i'd like to know|does anyone know|anyone know)\b/;

/** A question to the brand: a "?" (outside links), a question-word / verb-first opening, or an asking phrase. */
export function isQuestion(text: string): boolean {
  const t = text.replace(URL_RE, ' ');
  if (t.includes('?')) return true;
  const f = fold(t)
    .trim()
    .replace(/^[@#]\S+\s+/, '');
  if (QUESTION_PHRASE.test(f)) return true;
  return QUESTION_OPENING.test(f) && !EXCLAMATION.test(f) && !/!\s*$/.test(f);
}

const PURCHASE =
  /\b(?:(?:wo|wie) (?:kann|koennte|bekomme|krieg) (?:ich|man)\b.{0,40}\b(?:kaufen|bestellen|bekommen|kriegen)|was kostet|wie ?viel kostet|kostet (?:das|der|die)|preis\b|preise\b|lieferbar|vorbestell|(?:wuerde|will|moechte|moecht) .{0,24}\bkaufen|want to buy|would buy|i'd buy|take my money|(?:irgendwo|noch|online) zu kaufen|wieder (?:verfuegbar|da|erhaeltlich)|where (?:can|do) i (?:buy|get|order)|how much (?:is|does|are)|what(?:'s| is) the price|price\b|in stock|back in stock|available in|do you (?:ship|deliver)|versendet ihr|liefert ihr|link\s*\?|link pls|link please)/;

/** Buying interest: where to buy, what it costs, whether it ships. */
export function isPurchase(text: string): boolean {
  const f = fold(text);
  return PURCHASE.test(f) && !/\b(?:nie wieder|nie mehr|nicht mehr|never again|no longer)\b/.test(f);
}

const SPAM =
  /\b(?:check out my|check my|visit my|subscribe to my|sub4sub|sub for sub|follow me|follow back|dm me|dm for|whatsapp|telegram|earn \$|make \$|per day from home|a day from home|bitcoin|forex|promo code|link in bio|giveaway|schaut (?:mal )?(?:auf|bei) meine|auf meinem kanal|meinem profil|folgt mir|abonniert mich|verdiene \d|von zuhause|gewinnspiel)/;

/** Self-promotion and money offers, the spam that carries no link. */
export function isSpamCue(text: string): boolean {
  return SPAM.test(fold(text));
}

const THREAT =
  /\b(?:geh(?:t|en sie)? sterben|verreck|bring (?:dich|euch) um|ich finde (?:dich|euch)|go die|kill yourself|kys|i will find you|i'll kill|ich (?:bringe|bring) dich)/;
const INSULT =
  /\b(?:idiot|idioten|vollidiot|bescheuert|behindert|clown|clowns|abzocker|betrueger|verbrecher|pack|gesindel|penner|wichser|arschloch|arschloecher|hurensohn|spast|missgeburt|scammers?|frauds?|idiots?|morons?|clowns?|losers?|assholes?|bastards?|scumbags?|thieves|crooks?)\b/;
const YOU = /\b(?:du|dich|dir|ihr|euch|you|your|ya|u)\b/;

/** A threat, or an insult addressed to the reader ("ihr Abzocker", "you idiots"): an attack whatever a model says. */
export function isDirectAttack(text: string): boolean {
  const f = fold(text);
  if (THREAT.test(f)) return true;
  return f
    .split(/[.!?;\n]+/)
    .some((clause) => YOU.test(clause) && INSULT.test(clause) && !/\b(?:not|nicht|kein)\b/.test(clause));
}

const CRISIS =
  /\b(?:anwalt|anwaeltin|rechtsanwalt|verklag|klage einreichen|strafanzeige|anzeige erstatten|verbraucherzentrale|lawyer|attorney|lawsuit|sue you|suing|legal action|vergiftet|vergiftung|lebensmittelvergiftung|allergisch|allergische reaktion|notaufnahme|krankenhaus|verletzt|verbrannt|poisoned|food poisoning|allergic reaction|hospital|emergency room|injured|datenleck|daten geleakt|gehackt|data breach|leaked my data|hacked|boykott|boycott|presse|journalist|the press|news outlet)/;

/** A comment the brand must answer first whatever its tone: legal, health and safety, data, press. */
export function isCrisis(text: string): boolean {
  return CRISIS.test(fold(text));
}

const PROBLEMS: [ProblemKind, RegExp][] = [
  [
    'delivery',
    /\b(?:lieferung|paket|sendung|zustell|versand|nie angekommen|nicht angekommen|nicht geliefert|bestellung .{0,40}\b(?:nicht|nie|noch nicht) (?:da|angekommen|gekommen|geliefert)|delivery|package|parcel|shipping|shipment|never arrived|not arrived|hasn't arrived|not delivered|never received|didn't receive)/,
  ],
  [
    'billing',
    /\b(?:rechnung|abbuchung|abgebucht|doppelt|rueckerstattung|erstattung|geld zurueck|gebuehr|refund|charged|charge|billing|invoice|fee|money back|double)/,
  ],
  [
    'account',
    /\b(?:konto|account|passwort|password|login|einloggen|anmelden|gesperrt|locked|log in|sign in|verify|verifizier)/,
  ],
  [
    'waiting',
    /\b(?:warte|wartezeit|seit wochen|seit tagen|immer noch|noch immer|still waiting|waiting|for weeks|for days|no response|keine antwort)/,
  ],
  [
    'defect',
    /\b(?:kaputt|defekt|funktioniert nicht|geht nicht|laeuft nicht|abgestuerzt|stuerzt ab|fehler|broken|defective|doesn't work|does not work|not working|stopped working|crash|error|bug)/,
  ],
  [
    'service',
    /\b(?:kundenservice|kundendienst|hotline|support|mitarbeiter|unfreundlich|customer service|staff|rude|nobody answers|niemand antwortet)/,
  ],
];

/** What a complaint is about, when a cue says so; null when nothing specific is named. */
export function problemKind(text: string): ProblemKind | null {
  const f = fold(text);
  for (const [kind, re] of PROBLEMS) if (re.test(f)) return kind;
  return null;
}
