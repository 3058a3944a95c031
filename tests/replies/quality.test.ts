/**
 * Quality of the reply-triage engine on real labeled comments (../shared/nlp) and on the project's
 * own hand-written sets. Prints every metric with its n and asserts every target on the held-out
 * parts. Attack F1 on GermEval (held-out half, odd ids) is 0.601 against the 0.60 target: met, with
 * almost no margin (see the comment at that test).
 *
 *   npx vitest run tests/replies/quality.test.ts
 */
import { describe, expect, it } from 'vitest';
import { type Analysis, analyzeComment } from '../../core/replies/index';
import {
  BANKING_AMBIGUOUS,
  BANKING_COMPLAINT,
  type Binary,
  binary,
  fmt,
  isEvenId,
  type Multiclass,
  multiclass,
  readFixture,
  readShared,
  sharedAvailable,
} from '../eval/replies-data';
import { sharedRequired } from '../platforms/load';

const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
/** Every hand-written fixture; rows not labelled attack are ordinary comments. */
const FIXTURE_FILES = [
  'de-sentiment.tsv',
  'de-sentiment-holdout.tsv',
  'en-sentiment.tsv',
  'en-toxicity.tsv',
  'de-toxicity.tsv',
  'en-toxicity-holdout.tsv',
  'de-toxicity-holdout.tsv',
] as const;
const INTENTS = ['question', 'complaint', 'praise', 'purchase', 'spam', 'attack'] as const;
const report: string[] = [];

const line = (name: string, m: Binary) =>
  `${name.padEnd(44)} F1 ${fmt(m.f1)}  P ${fmt(m.precision)}  R ${fmt(m.recall)}  n=${m.n} (pos ${m.positives})`;
const mline = (name: string, m: Multiclass) =>
  `${name.padEnd(44)} macro-F1 ${fmt(m.macroF1)}  acc ${fmt(m.accuracy)}  ` +
  `${SENTIMENTS.map((s) => `${s} ${fmt(m.perClass[s] ?? 0)}`).join('  ')}  n=${m.n}\n` +
  `${''.padEnd(44)} confusion gold→pred ${JSON.stringify(m.confusion)}`;

function analyzeAll(texts: string[]): Analysis[] {
  return texts.map((t) => analyzeComment(t));
}

// The labeled sets sit beside the checkout (../shared/nlp). Without them each test below skips with a
// loud line; CI (REQUIRE_SHARED=1) fails instead, so a missing set is never counted as a pass.
describe('reply engine quality on real labeled data', () => {
  it('finds the labeled sets in ../shared/nlp', () => {
    if (!sharedAvailable() && !sharedRequired()) return void readShared('airline_sentiment_en');
    expect(sharedAvailable()).toBe(true);
  });

  it('sentiment, English: airline tweets (CC BY-NC-SA, measured only) — target macro-F1 ≥ 0.60', () => {
    const rows = readShared('airline_sentiment_en');
    const res = analyzeAll(rows.map((r) => r.text ?? ''));
    const m = multiclass(
      rows.map((r) => r.label ?? ''),
      res.map((a) => a.sentiment),
      SENTIMENTS,
    );
    report.push(mline('sentiment airline_sentiment_en (held out)', m));
    expect(m.macroF1).toBeGreaterThanOrEqual(0.6);
  });

  it('attack: GermEval 2018 OFFENSE — target F1 ≥ 0.60 on the held-out half', () => {
    const rows = readShared('germeval2018_offensive_de');
    const res = analyzeAll(rows.map((r) => r.text ?? ''));
    const eval_ = (keep: (r: Record<string, string>) => boolean) => {
      const idx = rows.map((r, i) => (keep(r) ? i : -1)).filter((i) => i >= 0);
      return binary(
        idx.map((i) => rows[i]?.label === 'OFFENSE'),
        idx.map((i) => res[i]?.intents.includes('attack') ?? false),
      );
    };
    const dev = eval_(isEvenId);
    const held = eval_((r) => !isEvenId(r));
    report.push(line('attack germeval (dev half, even ids)', dev));
    report.push(line('attack germeval (held-out half, odd ids)', held));
    for (const [half, keep] of [
      ['held out', (r: Record<string, string>) => !isEvenId(r)],
      ['dev', isEvenId],
    ] as const) {
      for (const fine of ['ABUSE', 'INSULT', 'PROFANITY']) {
        const sub = rows.map((r, i) => ({ r, a: res[i] })).filter(({ r }) => r.fine === fine && keep(r));
        const recall = sub.filter(({ a }) => a?.intents.includes('attack')).length / Math.max(1, sub.length);
        report.push(`${`  recall on ${fine} (${half})`.padEnd(44)} ${fmt(recall)}  n=${sub.length}`);
      }
    }
    // precision matters most (attack → urgent), so it has its own floor. History on the held-out half:
    // F1 0.506 (P 0.82) first engine, 0.573 (P 0.82) after the attack rework, 0.601 (P 0.81) after the
    // second pass (words and rules found on the dev half; the held-out half was checked after each
    // dev-driven change, so 0.601 is a slightly optimistic estimate).
    expect(held.precision).toBeGreaterThanOrEqual(0.78);
    expect(held.f1).toBeGreaterThanOrEqual(0.6);
  });

  it('spam: YouTube comments — target F1 ≥ 0.85 on the held-out videos', () => {
    const rows = readShared('youtube_spam_en');
    const res = analyzeAll(rows.map((r) => r.text ?? ''));
    const isDev = (r: Record<string, string>) => /^Youtube0[123]-/.test(r.video ?? '');
    const eval_ = (dev: boolean) => {
      const idx = rows.map((r, i) => (isDev(r) === dev ? i : -1)).filter((i) => i >= 0);
      return binary(
        idx.map((i) => rows[i]?.label === 'spam'),
        idx.map((i) => res[i]?.intents.includes('spam') ?? false),
      );
    };
    const dev = eval_(true);
    const held = eval_(false);
    report.push(line('spam youtube (dev, videos 01–03)', dev));
    report.push(line('spam youtube (held out, videos 04–05)', held));
    expect(held.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('complaint and question: banking77 customer queries — target complaint F1 ≥ 0.65 held out', () => {
    const rows = readShared('banking77_intent_en').filter((r) => !BANKING_AMBIGUOUS.has(r.label ?? ''));
    const res = analyzeAll(rows.map((r) => r.text ?? ''));
    const part = (even: boolean) => rows.map((r, i) => (isEvenId(r) === even ? i : -1)).filter((i) => i >= 0);
    const complaint = (idx: number[]) =>
      binary(
        idx.map((i) => BANKING_COMPLAINT.has(rows[i]?.label ?? '')),
        idx.map((i) => res[i]?.intents.includes('complaint') ?? false),
      );
    const dev = complaint(part(true));
    const held = complaint(part(false));
    report.push(line('complaint banking77 (dev, even ids)', dev));
    report.push(line('complaint banking77 (held out, odd ids)', held));
    const heldIdx = part(false);
    const info = heldIdx.filter((i) => !BANKING_COMPLAINT.has(rows[i]?.label ?? ''));
    const questionRecall = info.filter((i) => res[i]?.intents.includes('question')).length / info.length;
    const actionable =
      heldIdx.filter((i) => res[i]?.intents.some((x) => x === 'question' || x === 'complaint')).length /
      heldIdx.length;
    const normalOrHigher = heldIdx.filter((i) => res[i]?.priority !== 'low').length / heldIdx.length;
    report.push(
      `${'question recall, info queries (held out)'.padEnd(44)} ${fmt(questionRecall)}  n=${info.length}`,
    );
    report.push(
      `${'question or complaint found (held out)'.padEnd(44)} ${fmt(actionable)}  n=${heldIdx.length}`,
    );
    report.push(`${'priority ≥ normal (held out)'.padEnd(44)} ${fmt(normalOrHigher)}  n=${heldIdx.length}`);
    expect(held.f1).toBeGreaterThanOrEqual(0.65);
    expect(questionRecall).toBeGreaterThanOrEqual(0.85);
  });

  it('language: ≥ 0.97 accuracy over all four sets (null counts as wrong)', () => {
    const sets: [string, string, string][] = [
      ['germeval2018_offensive_de', 'de', 'text'],
      ['airline_sentiment_en', 'en', 'text'],
      ['youtube_spam_en', 'en', 'text'],
      ['banking77_intent_en', 'en', 'text'],
    ];
    let ok = 0;
    let all = 0;
    let nulls = 0;
    for (const [set, lang, col] of sets) {
      const rows = readShared(set);
      const langs = rows.map((r) => analyzeComment(r[col] ?? '').language);
      const right = langs.filter((l) => l === lang).length;
      const none = langs.filter((l) => l === null).length;
      report.push(
        `${`language ${set}`.padEnd(44)} acc ${fmt(right / rows.length)}  null ${none}  other ${rows.length - right - none}  n=${rows.length}`,
      );
      ok += right;
      all += rows.length;
      nulls += none;
    }
    report.push(`${'language, all four sets'.padEnd(44)} acc ${fmt(ok / all)}  (null ${nulls})  n=${all}`);
    expect(ok / all).toBeGreaterThanOrEqual(0.97);
  });
});

describe('reply engine quality on hand-written sets (written by the project, not real data)', () => {
  // de-sentiment.tsv and en-sentiment.tsv were written before the lexicons and used while building them;
  // de-sentiment-holdout.tsv was written later and first measured untouched (macro-F1 0.836), after which
  // general complaint idioms it revealed were added — see core/replies/README.md.
  for (const [file, target] of [
    ['de-sentiment.tsv', 0.55],
    ['de-sentiment-holdout.tsv', 0.55],
    ['en-sentiment.tsv', 0.6],
  ] as const) {
    it(`${file}: sentiment macro-F1 ≥ ${target}, intents reported`, () => {
      const rows = readFixture(file);
      const res = analyzeAll(rows.map((r) => r.text ?? ''));
      const m = multiclass(
        rows.map((r) => r.sentiment ?? ''),
        res.map((a) => a.sentiment),
        SENTIMENTS,
      );
      report.push(mline(`sentiment ${file} (self-written)`, m));
      for (const intent of INTENTS) {
        const b = binary(
          rows.map((r) => (r.intents ?? '').split(',').includes(intent)),
          res.map((a) => a.intents.includes(intent)),
        );
        if (b.positives > 0) report.push(line(`  ${intent} ${file}`, b));
      }
      const languages = res.filter((a) => a.language === file.slice(0, 2)).length / res.length;
      report.push(`${`  language ${file}`.padEnd(44)} acc ${fmt(languages)}  n=${res.length}`);
      expect(m.macroF1).toBeGreaterThanOrEqual(target);
    });
  }
});

describe('attack on hand-written toxicity sets (written by the project, not real data)', () => {
  // en-/de-toxicity.tsv: written before the attack rework, first measured with the old engine (F1 0.676 en,
  // 0.803 de) and then used while building it. The *-holdout.tsv files were written after the rework and
  // measured once untouched (F1 0.759 en, 0.818 de; 6 of 120 ordinary comments flagged); the general
  // errors they showed were fixed afterwards, so they are no longer held out either. See core/replies/README.md.
  for (const [file, target] of [
    ['en-toxicity.tsv', 0.9],
    ['de-toxicity.tsv', 0.9],
    ['en-toxicity-holdout.tsv', 0.85],
    ['de-toxicity-holdout.tsv', 0.85],
  ] as const) {
    it(`${file}: attack F1 ≥ ${target}`, () => {
      const rows = readFixture(file);
      const res = analyzeAll(rows.map((r) => r.text ?? ''));
      const m = binary(
        rows.map((r) => r.label === 'attack'),
        res.map((a) => a.intents.includes('attack')),
      );
      report.push(line(`attack ${file} (self-written)`, m));
      expect(m.f1).toBeGreaterThanOrEqual(target);
    });
  }

  it('ordinary comments (praise, questions, complaints, chatter, swearing in praise) are almost never attacks: ≤ 2 %', () => {
    let flagged = 0;
    let all = 0;
    for (const file of FIXTURE_FILES) {
      const rows = readFixture(file).filter((r) =>
        r.label !== undefined ? r.label !== 'attack' : !(r.intents ?? '').split(',').includes('attack'),
      );
      const hits = rows.filter((r) => analyzeComment(r.text ?? '').intents.includes('attack'));
      report.push(`${`  attack on ordinary comments, ${file}`.padEnd(44)} ${hits.length} of ${rows.length}`);
      flagged += hits.length;
      all += rows.length;
    }
    const rate = flagged / all;
    report.push(
      `${'attack on ordinary comments, all files'.padEnd(44)} ${fmt(rate)}  (${flagged} of ${all})`,
    );
    expect(all).toBeGreaterThan(600);
    expect(rate).toBeLessThanOrEqual(0.02);
  });
});

describe('report', () => {
  it('prints all metrics', () => {
    console.log(`\n=== reply engine quality ===\n${report.join('\n')}\n`);
    expect(report.length).toBeGreaterThan(0);
  });
});
