/**
 * The queue's analysis with the brand's corrections: per own account, the offsets learned from its
 * corrections (core/replies/adapt.ts) on top of the shipped models; a corrected comment itself shows
 * exactly what the community manager said. Learned once per set of corrections, analyses cached per
 * comment text (the queue is rebuilt on every database change).
 */
import type { TriageCorrection } from '../../../core/db/schema';
import type { StoredComment } from '../../../core/model';
import {
  type Adaptation,
  type Analysis,
  analyzeCommentDetailed,
  type Intent,
  learnAdaptation,
} from '../../../core/replies/index';

const accountKey = (platform: string, account: string) => `${platform}:${account.toLowerCase()}`;

/** What a correction makes of the analysis of the corrected comment. */
export function applyLabel(analysis: Analysis, label: TriageCorrection['label']): Analysis {
  const keep = (...allowed: Intent[]) => analysis.intents.filter((i) => allowed.includes(i));
  switch (label) {
    case 'urgent':
      return { ...analysis, priority: 'urgent' };
    case 'spam':
      return { ...analysis, intents: ['spam'], priority: 'low' };
    case 'complaint': {
      const intents: Intent[] = [...keep('question'), 'complaint', ...keep('purchase')];
      const sentiment = analysis.sentiment === 'positive' ? 'negative' : analysis.sentiment;
      return { ...analysis, sentiment, intents, priority: 'high' };
    }
    case 'question':
      return { ...analysis, intents: ['question', ...keep('purchase')], priority: 'normal' };
    case 'purchase':
      return { ...analysis, intents: ['purchase'], priority: 'normal' };
    case 'praise':
      return { ...analysis, sentiment: 'positive', intents: ['praise'], priority: 'low' };
    case 'other':
      return { ...analysis, intents: [], priority: 'low' };
  }
}

let learned: { signature: string; byAccount: Map<string, Adaptation> } | null = null;
const cache = new Map<string, { text: string; signature: string; analysis: Analysis }>();

/** An analyser for buildQueue that knows the brand's corrections. */
export function brandAnalyzer(
  corrections: readonly TriageCorrection[],
): (comment: StoredComment) => Analysis {
  const signature = corrections.map((c) => `${c.platform}:${c.commentId}:${c.label}:${c.at}`).join('|');
  if (learned?.signature !== signature) {
    const groups = new Map<string, TriageCorrection[]>();
    for (const c of [...corrections].sort((a, b) => a.at - b.at)) {
      const key = accountKey(c.platform, c.account);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const byAccount = new Map<string, Adaptation>();
    for (const [key, list] of groups) byAccount.set(key, learnAdaptation(list));
    learned = { signature, byAccount };
  }
  const { byAccount } = learned;
  const direct = new Map(corrections.map((c) => [`${c.platform}:${c.commentId}`, c.label]));
  return (comment) => {
    const key = `${comment.platform}:${comment.id}`;
    const hit = cache.get(key);
    if (hit && hit.text === comment.text && hit.signature === signature) return hit.analysis;
    const adaptation = byAccount.get(accountKey(comment.platform, comment.postAuthorKey));
    const { language, sentiment, intents, priority } = analyzeCommentDetailed(comment.text, adaptation);
    let analysis: Analysis = { language, sentiment, intents, priority };
    const label = direct.get(key);
    if (label) analysis = applyLabel(analysis, label);
    cache.set(key, { text: comment.text, signature, analysis });
    return analysis;
  };
}

/** Forgets what was learned and cached (tests). */
export function resetBrandTriage(): void {
  learned = null;
  cache.clear();
}
