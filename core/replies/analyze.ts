/**
 * analyzeComment: language, sentiment, intents and priority of one comment. Synchronous, offline.
 *
 * Intents (any number, in this order): question · complaint · praise · purchase · spam · attack.
 *   question   question mark, wh-word / verb-first opening, "weiß jemand", "how do I", requests
 *   complaint  a problem cue ("funktioniert nicht", "still waiting", "kaputt", "Frechheit", refund …)
 *              that is not negated, or a clearly negative comment (score ≤ -2) that is not an attack
 *   praise     positive overall, no sarcasm, no attack
 *   purchase   buying interest ("wo kann ich kaufen", "price?", "how much", "Link?") not negated
 *   spam       spam score ≥ SPAM_THRESHOLD (links, self-promotion, money offers, phone numbers)
 *   attack     attack score ≥ 3 (insults, slurs, threats, dehumanising words; weak words need a target)
 *
 * Priority (first rule that applies):
 *   urgent  attack, or a crisis signal (legal threat, safety/health, data breach, public escalation)
 *   low     spam (a spammer's question or complaint is not a customer's)
 *   high    complaint, or a strongly negative comment (score ≤ -3)
 *   normal  question or purchase interest
 *   low     everything else (praise, chatter)
 */
import { detectIntents, type IntentEvidence } from './intents';
import { detectLanguage } from './language';
import type { ProblemKind } from './lexicon/intents-en';
import { SPAM_THRESHOLD } from './lexicon/spam';
import { intentLexicon, lexLang, sentimentLexicon } from './lexicons';
import { prepare } from './normalize';
import { scoreSentiment } from './sentiment';

export type Sentiment = 'negative' | 'neutral' | 'positive';
export type Intent = 'question' | 'complaint' | 'praise' | 'purchase' | 'spam' | 'attack';
export type Priority = 'urgent' | 'high' | 'normal' | 'low';

export interface Analysis {
  language: string | null;
  sentiment: Sentiment;
  intents: Intent[];
  priority: Priority;
}

export interface DetailedAnalysis extends Analysis {
  score: number;
  irony: boolean;
  crisis: boolean;
  problem: ProblemKind | null;
  spamScore: number;
  attackScore: number;
}

/** Final score at or above → positive; at or below NEGATIVE_AT → negative. */
export const POSITIVE_AT = 1;
export const NEGATIVE_AT = -1;
export const ATTACK_AT = 2.5;

export function analyzeCommentDetailed(text: string): DetailedAnalysis {
  const p = prepare(typeof text === 'string' ? text : '');
  const language = detectLanguage(p.text);
  const lang = lexLang(language);
  const s = scoreSentiment(p, sentimentLexicon(lang));
  const ev: IntentEvidence = detectIntents(p, intentLexicon(lang), s);

  const attack = ev.attackScore >= ATTACK_AT;
  const spam = ev.spamScore >= SPAM_THRESHOLD;
  let complaint = ev.complaint;
  if (!complaint && !spam && !attack && s.score <= -2) {
    complaint = { kind: 'quality', strong: false, cue: '' };
  }

  let score = s.score;
  if (complaint) score -= complaint.strong ? 1.5 : 1;
  if (attack) score -= 2;
  const sentiment: Sentiment =
    score >= POSITIVE_AT ? 'positive' : score <= NEGATIVE_AT ? 'negative' : 'neutral';

  const intents: Intent[] = [];
  if (ev.question) intents.push('question');
  if (complaint) intents.push('complaint');
  if (sentiment === 'positive' && !s.irony && !attack && !spam) intents.push('praise');
  if (ev.purchase && !spam) intents.push('purchase');
  if (spam) intents.push('spam');
  if (attack) intents.push('attack');

  let priority: Priority;
  if (attack || ev.crisis) priority = 'urgent';
  else if (spam) priority = 'low';
  else if (complaint || score <= -3) priority = 'high';
  else if (ev.question || ev.purchase) priority = 'normal';
  else priority = 'low';

  return {
    language,
    sentiment,
    intents,
    priority,
    score,
    irony: s.irony,
    crisis: ev.crisis,
    problem: complaint?.kind ?? null,
    spamScore: ev.spamScore,
    attackScore: ev.attackScore,
  };
}

export function analyzeComment(text: string): Analysis {
  const { language, sentiment, intents, priority } = analyzeCommentDetailed(text);
  return { language, sentiment, intents, priority };
}
