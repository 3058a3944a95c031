/**
 * Intent evidence: question, complaint (with the kind of problem), purchase interest, spam,
 * attack and crisis signals. Rules over the pattern lists in lexicon/intents-*.ts, spam.ts and
 * attack-*.ts; see analyze.ts for how they become the final intents and priority.
 */

import { attackScore } from './attack';
import type { ProblemKind } from './lexicon/intents-en';
import { SPAM_BARE_LINK, SPAM_EMOJI, SPAM_LINK, SPAM_PHONE } from './lexicon/spam';
import { type IntentLexicon, NEGATORS } from './lexicons';
import { anyPattern, findPatterns, type PatternHit } from './match';
import type { Prepared } from './normalize';
import type { SentimentResult } from './sentiment';

export interface IntentEvidence {
  question: boolean;
  complaint: { kind: ProblemKind; strong: boolean; cue: string } | null;
  purchase: boolean;
  spamScore: number;
  attackScore: number;
  crisis: boolean;
}

const PHONE_RE =
  /(?<![\d+])(?:\+|00)\d{1,3}[\s./-]?\(?\d{2,4}\)?[\s./-]?\d{3,}[\s./-]?\d{0,5}|\b0\d{3,4}[\s/-]\d{5,8}\b/;
const MONEY_RE = /[$€£]\s?\d|\b\d[\d.,]*\s?(?:[€$£]|(?:euro|eur|dollars?|usd)\b)/i;

/** A negator in the two tokens before the hit ("kein Problem", "no issues", "nicht enttäuscht"). */
function negatedBefore(p: Prepared, hit: PatternHit): boolean {
  const clause = p.tokens[hit.from]?.clause;
  for (let k = hit.from - 1; k >= hit.from - 2 && k >= 0; k--) {
    const t = p.tokens[k]!;
    if (t.clause !== clause) break;
    if (NEGATORS.has(t.norm) || NEGATORS.has(t.norm.replace("'", ''))) return true;
  }
  return false;
}

function negatedInside(p: Prepared, hit: PatternHit): boolean {
  for (let k = hit.from; k <= hit.to; k++) {
    const t = p.tokens[k];
    if (t && NEGATORS.has(t.norm)) return true;
  }
  return negatedBefore(p, hit);
}

export function complaintEvidence(
  p: Prepared,
  lex: IntentLexicon,
  sentiment: SentimentResult,
): IntentEvidence['complaint'] {
  let best: IntentEvidence['complaint'] = null;
  for (const hit of findPatterns(p, lex.complaint)) {
    if (negatedBefore(p, hit)) continue;
    const kind = lex.complaintKind.get(hit.pattern.source) ?? 'service';
    const strong = hit.pattern.words >= 2;
    // single words ("problem", "Fehler", "wrong") only count when the comment is not positive overall
    if (!strong && sentiment.score > 1) continue;
    if (!best || (strong && !best.strong)) best = { kind, strong, cue: hit.pattern.source };
  }
  return best;
}

export function spamScore(p: Prepared, lex: IntentLexicon): number {
  let score = 0;
  const seen = new Set<string>();
  for (const hit of findPatterns(p, lex.spam, 'overlap')) {
    if (seen.has(hit.pattern.source)) continue;
    seen.add(hit.pattern.source);
    score += lex.spamValue.get(hit.pattern.source) ?? 0;
  }
  if (p.urls.length > 0) {
    score += SPAM_LINK;
    if (p.tokens.length <= 4) score += SPAM_BARE_LINK;
  }
  if (PHONE_RE.test(p.text)) score += SPAM_PHONE;
  if (MONEY_RE.test(p.text)) score += 1;
  let emoji = 0;
  for (const e of p.emojis) emoji += SPAM_EMOJI[e] ?? 0;
  return score + Math.min(emoji, 2);
}

export function detectIntents(p: Prepared, lex: IntentLexicon, sentiment: SentimentResult): IntentEvidence {
  // "What a joke!" / "Was für ein Müll" look like questions but are exclamations unless they end in "?"
  const question =
    p.questionMarks > 0 ||
    (anyPattern(p, lex.exclamation) === null &&
      (anyPattern(p, lex.question) !== null || anyPattern(p, lex.request) !== null));
  const purchase = findPatterns(p, lex.purchase).some((hit) => !negatedInside(p, hit));
  const crisis = findPatterns(p, lex.crisis).some((hit) => !negatedBefore(p, hit));
  return {
    question,
    complaint: complaintEvidence(p, lex, sentiment),
    purchase,
    spamScore: spamScore(p, lex),
    attackScore: attackScore(p, lex, sentiment),
    crisis,
  };
}
