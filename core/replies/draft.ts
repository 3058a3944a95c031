/**
 * Reply drafts for one comment: two or three suggestions for a human to edit and send. Nothing is
 * ever posted from here; this module only returns strings.
 *
 * Each draft is assembled from slots (opener → pick-up of what the person said → next step →
 * optional closer), each slot choosing among several hand-written variants (templates.ts). The
 * choice is deterministic for (comment text, seed); variants that would contain a `neverSay` phrase
 * or repeat a sentence of `recent` word for word are skipped. Attacks and crises get de-escalating
 * drafts that move the conversation to a private channel (DM/e-mail).
 */
import { type Analysis, analyzeCommentDetailed } from './analyze';
import type { ProblemKind } from './lexicon/intents-en';
import { EMOJI_RE, fold } from './normalize';
import { extractTopic, personName } from './phrases';
import {
  ACTION_DM,
  CLOSE_ANSWER,
  CLOSE_APOLOGISE,
  CLOSE_THANK,
  CRISIS_MIDDLE,
  DEESCALATE_MIDDLE,
  DETAIL,
  NEUTRAL_BODY,
  OPEN_ANSWER,
  OPEN_APOLOGISE,
  OPEN_CRISIS,
  OPEN_DEESCALATE,
  OPEN_NEUTRAL,
  OPEN_PURCHASE,
  OPEN_REDIRECT,
  OPEN_THANK,
  PRAISE_GENERIC,
  PRAISE_PICKUP,
  PRIVATE_CHANNEL,
  PROBLEM,
  PURCHASE_GENERIC,
  PURCHASE_PICKUP,
  QUESTION_GENERIC,
  QUESTION_PICKUP,
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
}

export interface DraftInput {
  comment: { text: string; authorName: string | null; authorHandle: string | null };
  analysis: Analysis;
  voice: BrandVoice;
  /** recently suggested or sent replies: no draft repeats one of their sentences word for word */
  recent: string[];
  seed?: number;
}

interface SlotPlan {
  /** alternatives in order of preference: the first list whose variants can be filled is tried first */
  lists: Variants[];
  optional?: boolean;
}

interface DraftPlan {
  tone: Tone;
  slots: SlotPlan[];
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

function plans(analysis: Analysis, crisis: boolean, problem: ProblemKind | null): DraftPlan[] {
  const has = (i: Analysis['intents'][number]) => analysis.intents.includes(i);
  if (has('attack')) {
    return [
      {
        tone: 'deescalate',
        slots: [{ lists: [OPEN_DEESCALATE] }, { lists: [DEESCALATE_MIDDLE] }, { lists: [PRIVATE_CHANNEL] }],
      },
      { tone: 'deescalate', slots: [{ lists: [OPEN_DEESCALATE] }, { lists: [PRIVATE_CHANNEL] }] },
      {
        tone: 'redirect',
        slots: [{ lists: [OPEN_REDIRECT] }, { lists: [DEESCALATE_MIDDLE] }, { lists: [PRIVATE_CHANNEL] }],
      },
    ];
  }
  if (crisis) {
    return [
      {
        tone: 'deescalate',
        slots: [{ lists: [OPEN_CRISIS] }, { lists: [CRISIS_MIDDLE] }, { lists: [PRIVATE_CHANNEL] }],
      },
      { tone: 'deescalate', slots: [{ lists: [OPEN_CRISIS] }, { lists: [ACTION_DM] }] },
      {
        tone: 'redirect',
        slots: [{ lists: [OPEN_REDIRECT] }, { lists: [CRISIS_MIDDLE] }, { lists: [PRIVATE_CHANNEL] }],
      },
    ];
  }
  if (has('spam')) {
    return [
      { tone: 'redirect', slots: [{ lists: [OPEN_REDIRECT] }, { lists: [SPAM_NOTE] }] },
      { tone: 'redirect', slots: [{ lists: [OPEN_NEUTRAL] }, { lists: [SPAM_NOTE] }] },
    ];
  }
  if (has('complaint') || analysis.sentiment === 'negative') {
    const ack = PROBLEM[problem ?? 'quality'];
    return [
      {
        tone: 'apologise',
        slots: [
          { lists: [OPEN_APOLOGISE] },
          { lists: [ack] },
          { lists: [ACTION_DM] },
          { lists: [CLOSE_APOLOGISE], optional: true },
        ],
      },
      { tone: 'apologise', slots: [{ lists: [OPEN_APOLOGISE] }, { lists: [ack] }, { lists: [ACTION_DM] }] },
      {
        tone: 'redirect',
        slots: [
          { lists: [OPEN_REDIRECT] },
          { lists: [ACTION_DM] },
          { lists: [CLOSE_APOLOGISE], optional: true },
        ],
      },
    ];
  }
  if (has('purchase') || has('question')) {
    const body = has('purchase') ? [PURCHASE_PICKUP, PURCHASE_GENERIC] : [QUESTION_PICKUP, QUESTION_GENERIC];
    const generic = has('purchase') ? PURCHASE_GENERIC : QUESTION_GENERIC;
    const open = has('question') ? OPEN_ANSWER : OPEN_PURCHASE;
    return [
      {
        tone: 'answer',
        slots: [{ lists: [open] }, { lists: body }, { lists: [CLOSE_ANSWER], optional: true }],
      },
      { tone: 'answer', slots: [{ lists: [open] }, { lists: body }] },
      {
        tone: 'redirect',
        slots: [{ lists: [OPEN_REDIRECT] }, { lists: [generic] }, { lists: [CLOSE_ANSWER], optional: true }],
      },
    ];
  }
  if (has('praise')) {
    return [
      {
        tone: 'thank',
        slots: [
          { lists: [OPEN_THANK] },
          { lists: [PRAISE_PICKUP, PRAISE_GENERIC] },
          { lists: [CLOSE_THANK], optional: true },
        ],
      },
      { tone: 'thank', slots: [{ lists: [OPEN_THANK] }, { lists: [PRAISE_GENERIC, PRAISE_PICKUP] }] },
      { tone: 'thank', slots: [{ lists: [OPEN_THANK] }, { lists: [CLOSE_THANK] }] },
    ];
  }
  return [
    { tone: 'thank', slots: [{ lists: [OPEN_NEUTRAL] }, { lists: [NEUTRAL_BODY] }] },
    {
      tone: 'answer',
      slots: [{ lists: [OPEN_NEUTRAL] }, { lists: [NEUTRAL_BODY] }, { lists: [CLOSE_THANK], optional: true }],
    },
  ];
}

// ---------- rendering ----------

type Values = Partial<Record<'name' | 'topic' | 'detail' | 'brand', string>>;

function fill(template: string, values: Values): string | null {
  let ok = true;
  const out = template.replace(/\{(name|topic|detail|brand)\}/g, (_, key: keyof Values) => {
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
      .map((t) => ({ t, text: fill(t, values), uses: (t.match(/\{(name|topic)\}/g) ?? []).length }))
      .filter((c): c is { t: string; text: string; uses: number } => c.text !== null);
    const byUses = new Map<number, string[]>();
    for (const c of rendered) byUses.set(c.uses, [...(byUses.get(c.uses) ?? []), c.text]);
    for (const uses of [...byUses.keys()].sort((a, b) => b - a)) groups.push(byUses.get(uses) ?? []);
  }
  return groups.filter((g) => g.length > 0);
}

export function draftReplies(input: DraftInput): Draft[] {
  const { comment, analysis, voice } = input;
  const text = comment.text ?? '';
  const lang: 'de' | 'en' =
    analysis.language === 'de' || analysis.language === 'en'
      ? analysis.language
      : (voice.fallbackLanguage ?? 'en');
  const register: Register = lang === 'en' ? 'en' : voice.address;

  const detailed = analyzeCommentDetailed(text);
  const crisis = analysis.priority === 'urgent' && !analysis.intents.includes('attack');
  const calm = crisis || analysis.intents.includes('attack');
  const person = personName(comment.authorName, comment.authorHandle);
  const topic = analysis.intents.includes('spam') ? null : extractTopic(text, lang);
  const problem = detailed.problem;
  const values: Values = {
    name: person ? (register === 'sie' ? person.full : person.first) : undefined,
    topic: topic ? (lang === 'en' && topic.det ? `${topic.det} ${topic.text}` : topic.text) : undefined,
    detail: DETAIL[problem ?? 'none'][register],
    brand: voice.brandName ?? undefined,
  };

  const neverSay = voice.neverSay.map((p) => p.trim()).filter(Boolean);
  const violates = (s: string) => neverSay.some((p) => containsPhrase(s, p));
  const recent = input.recent.map(comparable).filter(Boolean);
  // openers of recent replies are never reused; other sentences only when no fresh variant is left
  const recentOpeners = new Set(
    input.recent.map((r) => comparable(splitSentences(r)[0] ?? '')).filter(Boolean),
  );
  const inRecent = (s: string) =>
    splitSentences(s).some((x) => {
      const c = comparable(x);
      return c.split(' ').length >= 3 && recent.some((r) => r.includes(c));
    });

  const rand = mulberry32(hash(text) ^ Math.imul((input.seed ?? 0) + 1, 0x9e3779b1));
  const signOff = voice.signOff && !violates(voice.signOff) ? voice.signOff.trim() : null;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const used = new Set<string>();

  for (const plan of plans(analysis, crisis, problem)) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const parts: string[] = [];
      let failed = false;
      plan.slots.forEach((slot, slotIndex) => {
        if (failed) return;
        const groups = candidates(slot, register, values);
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
      drafts.push({ text: full, tone: plan.tone });
      break;
    }
  }
  return drafts;
}
