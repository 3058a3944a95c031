/**
 * Learning from a brand's corrections, on the device: when a community manager says "this is a
 * complaint, not praise", the correction is stored (per own account) and a small model on top of
 * the shipped ones is learned from all of that account's corrections: per decision (attack, spam,
 * complaint, question, purchase, praise), a sparse weight vector over the same hashed features,
 * added to the shipped model's margin. Comments that share words and word pieces with corrected
 * ones move the same way; everything else stays as the shipped models say.
 *
 * It is relearned from scratch whenever the corrections change (a few hundred at most, a few ms),
 * so it needs no storage of its own and backup/restore/erase of the corrections covers it.
 */
import { z } from 'zod';
import { type Adaptation, analyzeCommentDetailed, TASKS, type Task } from './analyze';
import { featurize } from './features';

/** What a community manager can say a comment is: the queue's groups. */
export const CorrectionLabel = z.enum([
  'urgent',
  'spam',
  'complaint',
  'question',
  'purchase',
  'praise',
  'other',
]);
export type CorrectionLabel = z.infer<typeof CorrectionLabel>;

export interface Correction {
  text: string;
  label: CorrectionLabel;
}

// Declared in analyze.ts, which applies it (a type here would make the two import each other).
export type { Adaptation };

/**
 * What a label says about each decision: the queue shows a comment in the first group that applies
 * (urgent, spam, complaint, question, purchase, praise, other), so a label means "this group", and
 * "none of the groups before it"; the groups after it are left as they were.
 */
export function targetsOf(label: CorrectionLabel): Partial<Record<Task, 0 | 1>> {
  const order: [CorrectionLabel, Task | null][] = [
    ['urgent', 'attack'],
    ['spam', 'spam'],
    ['complaint', 'complaint'],
    ['question', 'question'],
    ['purchase', 'purchase'],
    ['praise', 'praise'],
    ['other', null],
  ];
  const out: Partial<Record<Task, 0 | 1>> = {};
  for (const [l, task] of order) {
    if (l === label) {
      if (task) out[task] = 1;
      if (label === 'other') out.praise = 0;
      return out;
    }
    if (task) out[task] = 0;
  }
  return out;
}

const EPOCHS = 40;
const LR = 1;
const L2 = 0.002;
/** Margin the learned offsets aim past the boundary, so one correction reliably flips its comment. */
const AIM = 1.5;
/** Most recent corrections learned from per account. */
export const MAX_CORRECTIONS = 500;

/** The no-op adaptation (no corrections). */
export const NO_ADAPTATION: Adaptation = { size: 0, adjust: (_f, margins) => margins };

/** Learns a brand's offsets from its corrections (the latest MAX_CORRECTIONS). */
export function learnAdaptation(corrections: readonly Correction[]): Adaptation {
  const recent = corrections.slice(-MAX_CORRECTIONS);
  if (recent.length === 0) return NO_ADAPTATION;
  const examples = recent.map((c) => ({
    f: featurize(c.text),
    base: analyzeCommentDetailed(c.text).margins,
    targets: targetsOf(c.label),
  }));
  const weights = new Map<Task, Map<number, number>>();
  for (const task of TASKS) {
    const rows = examples.filter((e) => e.targets[task] !== undefined);
    if (rows.length === 0) continue;
    const w = new Map<number, number>();
    for (let epoch = 0; epoch < EPOCHS; epoch++) {
      for (const e of rows) {
        const y = e.targets[task] ?? 0;
        let z = e.base[task] + (y ? -AIM : AIM);
        for (let j = 0; j < e.f.idx.length; j++) z += (w.get(e.f.idx[j] ?? 0) ?? 0) * (e.f.val[j] ?? 0);
        const g = 1 / (1 + Math.exp(-z)) - y;
        for (let j = 0; j < e.f.idx.length; j++) {
          const i = e.f.idx[j] ?? 0;
          const wi = w.get(i) ?? 0;
          w.set(i, wi - LR * (g * (e.f.val[j] ?? 0) + L2 * wi));
        }
      }
    }
    weights.set(task, w);
  }
  return {
    size: recent.length,
    adjust(f, margins) {
      const out = { ...margins };
      for (const [task, w] of weights) {
        let d = 0;
        for (let j = 0; j < f.idx.length; j++) d += (w.get(f.idx[j] ?? 0) ?? 0) * (f.val[j] ?? 0);
        out[task] += d;
      }
      return out;
    },
  };
}
