/**
 * The offline fallback: short reply drafts for one comment, for a human to edit and send, used when
 * no language model is configured or it failed (the model path in ai.ts answers what was said; this
 * one only acknowledges it and offers the next step). Nothing is ever posted from here.
 *
 * Rules a community manager would check:
 * - The draft is in the comment's language (German or English). A comment in another language gets
 *   drafts in English and German, each marked with its language, and the panel says so.
 * - One register throughout: German "Sie" or "du" from the brand voice, never mixed.
 * - Nothing from the comment is slotted into a sentence (no "zum Thema {noun}"): only the person's
 *   name, the brand's name and what to send privately for the kind of problem triage found.
 * - A customer never gets a moderation notice: only near-certain spam does (SPAM_CERTAIN_P); a
 *   complaint with a link is a complaint.
 * - Never-say phrases never appear; a draft repeating a recent reply is avoided while another is left.
 *
 * Each draft is assembled from slots (opener → next step → optional closer), each slot choosing among
 * hand-written variants (templates.ts); the choice is deterministic for (comment text, seed).
 */
import { type Analysis, analyzeCommentDetailed } from './analyze';
import type { ProblemKind } from './cues';
import { detectLanguage } from './language';
import { EMOJI_RE, fold } from './normalize';
import { personName } from './phrases';
import {
  REVIEW_HIGH_BODY,
  REVIEW_MID_BODY,
  REVIEW_OFFLINE,
  REVIEW_OPEN_HIGH,
  REVIEW_OPEN_LOW,
  REVIEW_OPEN_MID,
} from './review-templates';
import {
  ACTION_DM,
  CLOSE_ANSWER,
  CLOSE_APOLOGISE,
  CLOSE_THANK,
  CRISIS_MIDDLE,
  DEESCALATE_NEXT,
  DETAIL,
  NETIQUETTE,
  NEUTRAL_BODY,
  NEUTRAL_NEGATIVE,
  OPEN_ANSWER,
  OPEN_APOLOGISE,
  OPEN_CRISIS,
  OPEN_DEESCALATE,
  OPEN_NEUTRAL,
  OPEN_PURCHASE,
  OPEN_THANK,
  PRAISE_BODY,
  PRIVATE_CHANNEL,
  PROBLEM,
  PURCHASE_BODY,
  QUESTION_BODY,
  type Register,
  SPAM_NOTE,
  TONE_EMOJI,
  type Tone,
  type Variants,
} from './templates';
import type { BrandVoice } from './voice';

export interface Draft {
  text: string;
  tone: Tone;
  /** The draft's language; differs from the comment's only for comments in other languages. */
  lang?: 'de' | 'en';
}

export interface DraftInput {
  comment: {
    text: string;
    authorName: string | null;
    authorHandle: string | null;
    /** A public review's stars (Google reviews): answered by its rating, for every later reader. */
    rating?: number | null | undefined;
  };
  analysis: Analysis;
  voice: BrandVoice;
  /** recently suggested or sent replies: no draft repeats one of their sentences word for word */
  recent: string[];
  seed?: number;
}

/**
 * Probability (the spam model's, calibrated, after analyze.ts's link and cue rules) at which spam is
 * near-certain: a customer's complaint with a screenshot link is not; a link plus self-promotion
 * ("please like", "check out my channel"), a money offer or "follow me" is.
 */
export const SPAM_CERTAIN_P = 0.95;

/** Whether a comment is spam beyond reasonable doubt (only then may a draft be a moderation note). */
export function spamIsCertain(text: string, analysis: Analysis): boolean {
  if (!analysis.intents.includes('spam')) return false;
  const detailed = analyzeCommentDetailed(text);
  // Someone who complains or asks about an order is a customer even if they also post a link.
  if (detailed.problem !== null && detailed.problem !== 'quality') return false;
  return detailed.spamProbability >= SPAM_CERTAIN_P;
}

/** Which languages to draft in: the comment's (de/en), else both, the brand's fallback first. */
export function draftLanguages(
  analysis: Pick<Analysis, 'language'>,
  voice: Pick<BrandVoice, 'fallbackLanguage'>,
): { langs: ('de' | 'en')[]; other: string | null } {
  if (analysis.language === 'de' || analysis.language === 'en')
    return { langs: [analysis.language], other: null };
  const first = voice.fallbackLanguage ?? 'en';
  // No language at all (emoji only, a link): answer in the brand's language, nothing to explain.
  if (!analysis.language) return { langs: [first], other: null };
  return { langs: [first, first === 'de' ? 'en' : 'de'], other: analysis.language };
}

/**
 * The brand's sign-off, unless it contains a never-say phrase or is plainly in the other language
 * ("Viele Grüße, Ihr Team" under an English reply would look pasted): then the draft has none and
 * the human adds one.
 */
export function signOffFor(
  voice: Pick<BrandVoice, 'signOff' | 'neverSay'>,
  lang: 'de' | 'en',
  violates: (s: string) => boolean = (s) => violatesNeverSay(s, voice.neverSay),
): string | null {
  const signOff = voice.signOff?.trim();
  if (!signOff || violates(signOff)) return null;
  const own = detectLanguage(signOff);
  return own && own !== lang && (own === 'de' || own === 'en') ? null : signOff;
}

// ---------- near-duplicates (also used on model drafts) ----------

function shingles(text: string): Set<string> {
  const words = comparable(text).split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  if (words.length === 1) out.add(words[0]!);
  return out;
}

/** Word-bigram overlap of two texts (Jaccard, 0–1), ignoring case, accents, punctuation and emoji. */
export function similarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const s of x) if (y.has(s)) shared++;
  return shared / (x.size + y.size - shared);
}

/** How many of the newest replies' openers are never reused. */
const RECENT_OPENERS = 3;

/** Overlap at which a draft counts as a near-duplicate of an earlier reply. */
export const NEAR_DUPLICATE = 0.6;

/** Whether `text` repeats one of `earlier` nearly word for word (the sign-off is not compared). */
export function isNearDuplicate(
  text: string,
  earlier: readonly string[],
  signOff: string | null = null,
): boolean {
  const strip = (t: string) => (signOff ? t.replace(signOff, '') : t);
  const body = strip(text);
  return earlier.some((e) => similarity(body, strip(e)) >= NEAR_DUPLICATE);
}

/** Whether `text` contains one of the brand's never-say phrases (case- and accent-insensitive). */
export function violatesNeverSay(text: string, neverSay: readonly string[]): boolean {
  return neverSay.some((p) => p.trim() && containsPhrase(text, p));
}

interface SlotPlan {
  /** alternatives in order of preference: the first list whose variants can be filled is tried first */
  lists: Variants[];
  optional?: boolean;
}

interface DraftPlan {
  tone: Tone;
  slots: SlotPlan[];
  /** Ask for "a few details", not the problem kind's detail (order number, username …). */
  generic?: boolean;
}

// ---------- deterministic randomness ----------

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- comparison helpers ----------

function comparable(text: string): string {
  return fold(text)
    .replace(EMOJI_RE, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((x) => x.trim().length > 0);
}

function containsPhrase(text: string, phrase: string): boolean {
  const p = comparable(phrase);
  return p.length > 0 && comparable(text).includes(p);
}

// ---------- planning ----------

/**
 * A public review is answered for every later reader: low stars with an apology that names the
 * problem and an offer to talk directly (no direct messages on Google, no argument, nothing about
 * the customer), three stars with thanks for the honesty, four and five with thanks.
 */
function reviewPlans(rating: number, complaint: boolean, problem: ProblemKind | null): DraftPlan[] {
  const ack = PROBLEM[problem ?? 'quality'];
  if (rating <= 2)
    return [
      {
        tone: 'apologise',
        slots: [{ lists: [REVIEW_OPEN_LOW] }, { lists: [ack] }, { lists: [REVIEW_OFFLINE] }],
      },
      { tone: 'apologise', slots: [{ lists: [REVIEW_OPEN_LOW] }, { lists: [REVIEW_OFFLINE] }] },
    ];
  if (rating === 3)
    return [
      {
        tone: 'thank',
        slots: [
          { lists: [REVIEW_OPEN_MID] },
          { lists: complaint ? [ack] : [REVIEW_MID_BODY] },
          ...(complaint ? [{ lists: [REVIEW_OFFLINE] }] : []),
        ],
      },
      { tone: 'thank', slots: [{ lists: [REVIEW_OPEN_MID] }, { lists: [REVIEW_MID_BODY] }] },
    ];
  return [
    { tone: 'thank', slots: [{ lists: [REVIEW_OPEN_HIGH] }, { lists: [REVIEW_HIGH_BODY] }] },
    { tone: 'thank', slots: [{ lists: [REVIEW_OPEN_HIGH] }] },
  ];
}

function plans(
  analysis: Analysis,
  text: string,
  crisis: boolean,
  spam: boolean,
  problem: ProblemKind | null,
  rating?: number | null,
): DraftPlan[] {
  const has = (i: Analysis['intents'][number]) => analysis.intents.includes(i);
  // Praise without a question mark is thanks, even if triage also heard a question in it
  // ("Danke für die schnelle Hilfe!" must not get "Gute Frage!").
  const asks = has('question') && (!has('praise') || /[?？]/.test(text));
  if (has('attack')) {
    // A furious customer or an insult/hate aimed at others: one calm offer, one calm boundary.
    return [
      // The opener may go (a never-say word): the offer stands on its own.
      {
        tone: 'deescalate',
        slots: [{ lists: [OPEN_DEESCALATE], optional: true }, { lists: [DEESCALATE_NEXT] }],
      },
      { tone: 'redirect', slots: [{ lists: [NETIQUETTE] }] },
    ];
  }
  if (crisis) {
    return [
      {
        tone: 'deescalate',
        slots: [{ lists: [OPEN_CRISIS] }, { lists: [CRISIS_MIDDLE] }, { lists: [PRIVATE_CHANNEL] }],
      },
      { tone: 'deescalate', slots: [{ lists: [OPEN_CRISIS] }, { lists: [ACTION_DM] }] },
    ];
  }
  // Only near-certain spam gets a moderation note (and one draft: usually it is better hidden).
  if (spam) return [{ tone: 'redirect', slots: [{ lists: [SPAM_NOTE] }] }];
  if (rating !== null && rating !== undefined) return reviewPlans(rating, has('complaint'), problem);
  if (has('complaint')) {
    // The problem kind is triage's guess: the first draft assumes nothing about it, the others name it.
    const ack = PROBLEM[problem ?? 'quality'];
    return [
      {
        tone: 'apologise',
        generic: true,
        slots: [
          { lists: [OPEN_APOLOGISE] },
          { lists: [PROBLEM.quality] },
          { lists: [ACTION_DM] },
          { lists: [CLOSE_APOLOGISE], optional: true },
        ],
      },
      { tone: 'apologise', slots: [{ lists: [OPEN_APOLOGISE] }, { lists: [ack] }, { lists: [ACTION_DM] }] },
      { tone: 'apologise', slots: [{ lists: [OPEN_APOLOGISE] }, { lists: [ACTION_DM] }] },
    ];
  }
  // Praise that triage also flagged as possible spam (a thank-you with a link) is still thanks.
  const praise = has('praise') || (has('spam') && analysis.sentiment === 'positive');
  // An uncertain spammer's "please like" is no question; a question mark still is.
  const asking = asks && (!has('spam') || /[?？]/.test(text));
  if ((has('purchase') && !has('spam')) || asking) {
    const body = has('purchase') ? PURCHASE_BODY : QUESTION_BODY;
    const open = asking ? OPEN_ANSWER : OPEN_PURCHASE;
    return [
      {
        tone: 'answer',
        slots: [{ lists: [open] }, { lists: [body] }, { lists: [CLOSE_ANSWER], optional: true }],
      },
      { tone: 'answer', slots: [{ lists: [open] }, { lists: [body] }] },
    ];
  }
  if (praise) {
    return [
      {
        tone: 'thank',
        slots: [{ lists: [OPEN_THANK] }, { lists: [PRAISE_BODY] }, { lists: [CLOSE_THANK], optional: true }],
      },
      { tone: 'thank', slots: [{ lists: [OPEN_THANK] }, { lists: [PRAISE_BODY] }] },
    ];
  }
  // A negative comment without a complaint (a remark, a joke, an opinion) is not apologised for.
  if (analysis.sentiment === 'negative')
    return [
      { tone: 'thank', slots: [{ lists: [NEUTRAL_NEGATIVE] }] },
      { tone: 'thank', slots: [{ lists: [NEUTRAL_NEGATIVE] }] },
    ];
  return [
    { tone: 'thank', slots: [{ lists: [OPEN_NEUTRAL] }] },
    { tone: 'thank', slots: [{ lists: [OPEN_NEUTRAL] }, { lists: [NEUTRAL_BODY] }] },
  ];
}

// ---------- rendering ----------

type Values = Partial<Record<'name' | 'detail' | 'brand', string>>;

function fill(template: string, values: Values): string | null {
  let ok = true;
  const out = template.replace(/\{(name|detail|brand)\}/g, (_, key: keyof Values) => {
    const value = values[key];
    if (!value) ok = false;
    return value ?? '';
  });
  return ok ? out : null;
}

/** Rendered candidates of a slot, best first: variants using more of the known values come first. */
function candidates(slot: SlotPlan, register: Register, values: Values): string[][] {
  const groups: string[][] = [];
  for (const list of slot.lists) {
    const rendered = list[register]
      .map((t) => ({ t, text: fill(t, values), uses: (t.match(/\{name\}/g) ?? []).length }))
      .filter((c): c is { t: string; text: string; uses: number } => c.text !== null);
    const byUses = new Map<number, string[]>();
    for (const c of rendered) byUses.set(c.uses, [...(byUses.get(c.uses) ?? []), c.text]);
    for (const uses of [...byUses.keys()].sort((a, b) => b - a)) groups.push(byUses.get(uses) ?? []);
  }
  return groups.filter((g) => g.length > 0);
}

export function draftReplies(input: DraftInput): Draft[] {
  const { langs } = draftLanguages(input.analysis, input.voice);
  if (langs.length === 1) return draftIn(input, langs[0]!);
  // Another language: one draft in each language Resonanz writes, marked, for the human to choose.
  return langs.flatMap((lang) => draftIn(input, lang).slice(0, 1));
}

function draftIn(input: DraftInput, lang: 'de' | 'en'): Draft[] {
  const { comment, analysis, voice } = input;
  const text = comment.text ?? '';
  const register: Register = lang === 'en' ? 'en' : voice.address;

  const detailed = analyzeCommentDetailed(text);
  const crisis = analysis.priority === 'urgent' && !analysis.intents.includes('attack');
  // No emoji when someone is angry, unhappy or something serious happened.
  const calm =
    crisis ||
    analysis.intents.includes('attack') ||
    analysis.sentiment === 'negative' ||
    // A review of three stars or fewer is a disappointment, however friendly its words.
    (typeof comment.rating === 'number' && comment.rating <= 3);
  const spam = spamIsCertain(text, analysis);
  const person = personName(comment.authorName, comment.authorHandle);
  const problem = detailed.problem;
  const values: Values = {
    name: person ? (register === 'sie' ? person.full : person.first) : undefined,
    detail: DETAIL[problem ?? 'none'][register],
    brand: voice.brandName ?? undefined,
  };

  const neverSay = voice.neverSay.map((p) => p.trim()).filter(Boolean);
  const violates = (s: string) => neverSay.some((p) => containsPhrase(s, p));
  const recent = input.recent.map(comparable).filter(Boolean);
  // openers of recent replies are never reused; other sentences only when no fresh variant is left
  // The openers of the last few replies are not reused (a row of replies opening alike reads canned);
  // older ones may come back — a bank of sentences is finite, and whole drafts are still never repeated.
  const recentOpeners = new Set(
    input.recent
      .slice(0, RECENT_OPENERS)
      .map((r) => comparable(splitSentences(r)[0] ?? ''))
      .filter(Boolean),
  );
  const inRecent = (s: string) =>
    splitSentences(s).some((x) => {
      const c = comparable(x);
      return c.split(' ').length >= 3 && recent.some((r) => r.includes(c));
    });

  const rand = mulberry32(hash(text) ^ Math.imul((input.seed ?? 0) + 1, 0x9e3779b1));
  const signOff = signOffFor(voice, lang, violates);
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const used = new Set<string>();

  for (const plan of plans(analysis, text, crisis, spam, problem, comment.rating)) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const parts: string[] = [];
      let failed = false;
      plan.slots.forEach((slot, slotIndex) => {
        if (failed) return;
        const groups = candidates(
          slot,
          register,
          plan.generic ? { ...values, detail: DETAIL.none[register] } : values,
        );
        const ordered: string[] = [];
        for (const g of groups) {
          const start = Math.floor(rand() * g.length) + attempt;
          ordered.push(...g.map((_, k) => g[(start + k) % g.length]!));
        }
        const allowed = ordered.filter(
          (x) => !violates(x) && !parts.includes(x) && !(slotIndex === 0 && recentOpeners.has(comparable(x))),
        );
        // preference: fresh in this call and not in recent > fresh in this call > anything allowed
        const pick =
          allowed.find((x) => !used.has(x) && !inRecent(x)) ??
          allowed.find((x) => !inRecent(x)) ??
          allowed.find((x) => !used.has(x)) ??
          allowed[0];
        if (pick) parts.push(pick);
        else if (!slot.optional) failed = true;
      });
      if (failed) break;
      let body = parts.join(' ');
      // no emoji when someone is angry or something serious happened
      const emojiChoices = calm ? [] : TONE_EMOJI[plan.tone];
      if (voice.emoji && emojiChoices.length > 0 && rand() < 0.8) {
        body += ` ${emojiChoices[Math.floor(rand() * emojiChoices.length)]}`;
      }
      if (!voice.emoji)
        body = body
          .replace(EMOJI_RE, '')
          .replace(/\uFE0F/g, '')
          .replace(/\s{2,}/g, ' ')
          .trim();
      const full = signOff ? `${body}\n${signOff}` : body;
      const key = comparable(full);
      const whole = comparable(full);
      if (seen.has(key) || recent.some((r) => r === whole || (r.split(' ').length >= 4 && whole.includes(r))))
        continue;
      if (violates(full)) continue;
      seen.add(key);
      for (const part of parts) used.add(part);
      drafts.push({ text: full, tone: plan.tone, lang });
      break;
    }
  }
  return drafts;
}
