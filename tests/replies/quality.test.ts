/**
 * Quality of the learned triage engine, measured through analyzeComment on the dev splits made in
 * tests/eval/triage-data.ts — rows held out from the training data that no weight, threshold or
 * offset was chosen on (those use the "tune" parts). The official test splits of these tasks are
 * held back outside the repository and never read. Prints every figure with its n; the floors sit
 * a little under the figures measured when the models were trained, so a regression fails.
 *
 *   npx vitest run tests/replies/quality.test.ts
 */
import { describe, expect, it } from 'vitest';
import { featurize } from '../../core/replies/features';
import { analyzeComment } from '../../core/replies/index';
import {
  BANKING_AMBIGUOUS,
  BANKING_COMPLAINT,
  type Binary,
  binary,
  fmt,
  type Multiclass,
  multiclass,
  readFixture,
  readShared,
} from '../eval/replies-data';
import {
  airlineComplaintProxy,
  airlineSentiment,
  complaintEn,
  germeval2017,
  offensiveEn,
  praiseDe,
  type Row,
  SENTIMENTS,
  sentimentEn,
  spam,
  toxicDe,
  trainingDataAvailable,
} from '../eval/triage-data';
import { trainModel } from '../eval/triage-train-lib';
import { sharedRequired } from '../platforms/load';

const report: string[] = [];
const line = (name: string, m: Binary) =>
  `${name.padEnd(52)} F1 ${fmt(m.f1)}  P ${fmt(m.precision)}  R ${fmt(m.recall)}  n=${m.n} (pos ${m.positives})`;
const mline = (name: string, m: Multiclass) =>
  `${name.padEnd(52)} macro-F1 ${fmt(m.macroF1)}  acc ${fmt(m.accuracy)}  ` +
  `${SENTIMENTS.map((s) => `${s} ${fmt(m.perClass[s] ?? 0)}`).join('  ')}  n=${m.n}`;

const dev = (rows: Row[]) => rows.filter((r) => r.part === 'dev');
/** Language per dev row, kept for the language figure. */
const languages: { set: string; expected: string; got: string | null }[] = [];

function sentimentOf(name: string, rows: Row[], expected: string): Multiclass {
  const res = rows.map((r) => analyzeComment(r.text));
  for (const a of res) languages.push({ set: name, expected, got: a.language });
  const m = multiclass(
    rows.map((r) => r.label),
    res.map((a) => a.sentiment),
    SENTIMENTS,
  );
  report.push(mline(name, m));
  return m;
}

function intentOf(name: string, rows: Row[], intent: string, expected: string | null): Binary {
  const res = rows.map((r) => analyzeComment(r.text));
  if (expected) for (const a of res) languages.push({ set: name, expected, got: a.language });
  const m = binary(
    rows.map((r) => r.label === 'yes'),
    res.map((a) => a.intents.includes(intent as never)),
  );
  report.push(line(name, m));
  return m;
}

// The training sets sit beside the checkout (../shared/nlp). Without them each test below skips with a
// loud line (tests/platforms/load.ts); CI (REQUIRE_SHARED=1) fails instead, so a skip never counts as a pass.
describe('triage quality on dev splits held out from the training data', () => {
  it('finds the training data in ../shared/nlp/train', () => {
    if (!trainingDataAvailable() && !sharedRequired()) return void dev(sentimentEn());
    expect(trainingDataAvailable()).toBe(true);
  });

  it('English sentiment: TweetEval dev (official dev split, never tuned on)', () => {
    const m = sentimentOf('sentiment en — TweetEval dev', dev(sentimentEn()), 'en');
    expect(m.macroF1).toBeGreaterThanOrEqual(0.6);
  });

  it('English sentiment on airline tweets (CC BY-NC-SA: measured only)', () => {
    const m = sentimentOf('sentiment en — airline tweets (NC, measured only)', airlineSentiment(), 'en');
    expect(m.macroF1).toBeGreaterThanOrEqual(0.5);
  });

  it('German sentiment: GermEval 2017 dev part (CC BY-NC: measured only), and the NC reference model', () => {
    const rows = germeval2017();
    const m = sentimentOf('sentiment de — GermEval 2017 dev part (shipped model)', dev(rows), 'de');
    // The reference the issue asks for: a model trained on GermEval 2017's own train part (NC, never shipped).
    const ref = trainModel('germeval2017_reference', rows, SENTIMENTS, { epochs: 8 });
    const r = multiclass(
      dev(rows).map((x) => x.label),
      dev(rows).map((x) => {
        const p = ref.predict(featurize(x.text));
        return SENTIMENTS[p.indexOf(Math.max(...p))] ?? '';
      }),
      SENTIMENTS,
    );
    report.push(mline(`  reference: trained on GermEval 2017 (NC, not shipped, train ${ref.train})`, r));
    expect(m.macroF1).toBeGreaterThanOrEqual(0.3);
    expect(r.macroF1).toBeGreaterThanOrEqual(0.4);
  });

  it('English offensive: OLID / TweetEval offensive dev', () => {
    const m = intentOf('attack en — TweetEval offensive dev', dev(offensiveEn()), 'attack', 'en');
    expect(m.f1).toBeGreaterThanOrEqual(0.58);
  });

  it('German toxic: GermEval 2021 dev', () => {
    const m = intentOf('attack de — GermEval 2021 toxic dev', dev(toxicDe()), 'attack', 'de');
    expect(m.f1).toBeGreaterThanOrEqual(0.5);
  });

  it('German praise: GermEval 2025 Flausch, two videos held out', () => {
    const m = intentOf('praise de — Flausch dev videos', dev(praiseDe()), 'praise', 'de');
    expect(m.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('complaint: banking77 problem reports (odd ids) and airline tweets (measured only)', () => {
    const m = intentOf('complaint en — banking77 odd ids', dev(complaintEn()), 'complaint', 'en');
    const a = intentOf(
      'complaint en — airline negative tweets (NC, measured only)',
      airlineComplaintProxy(),
      'complaint',
      null,
    );
    expect(m.f1).toBeGreaterThanOrEqual(0.8);
    expect(a.f1).toBeGreaterThanOrEqual(0.5);
  });

  it('questions: banking77 how-to queries (odd ids) are questions', () => {
    const rows = readShared('banking77_intent_en').filter(
      (r) =>
        Number((r.id ?? '').replace(/\D/g, '')) % 2 === 1 &&
        !BANKING_AMBIGUOUS.has(r.label ?? '') &&
        !BANKING_COMPLAINT.has(r.label ?? ''),
    );
    const found = rows.filter((r) => analyzeComment(r.text ?? '').intents.includes('question')).length;
    report.push(
      `${'question recall — banking77 how-to queries, odd ids'.padEnd(52)} ${fmt(found / rows.length)}  n=${rows.length}`,
    );
    expect(found / rows.length).toBeGreaterThanOrEqual(0.8);
  });

  it('spam: YouTube video 05 (held out)', () => {
    const m = intentOf('spam — YouTube video 05', dev(spam()), 'spam', null);
    expect(m.f1).toBeGreaterThanOrEqual(0.85);
  });

  it('language: German and English dev rows get their language (null counts as wrong)', () => {
    // The rows come from the dev sets above: without ../shared this skips, loudly, as they do.
    if (!trainingDataAvailable() && !sharedRequired()) return void dev(sentimentEn());
    const by = new Map<string, { ok: number; n: number; none: number }>();
    for (const l of languages) {
      const s = by.get(l.set) ?? { ok: 0, n: 0, none: 0 };
      s.n++;
      if (l.got === l.expected) s.ok++;
      if (l.got === null) s.none++;
      by.set(l.set, s);
    }
    let ok = 0;
    let n = 0;
    for (const [set, s] of by) {
      report.push(`${`language — ${set}`.padEnd(52)} acc ${fmt(s.ok / s.n)}  null ${s.none}  n=${s.n}`);
      ok += s.ok;
      n += s.n;
    }
    report.push(`${'language — all dev rows above'.padEnd(52)} acc ${fmt(ok / n)}  n=${n}`);
    expect(n).toBeGreaterThan(5000);
    expect(ok / n).toBeGreaterThanOrEqual(0.97);
  });
});

describe("triage on the project's hand-written comments (not real data; never trained on)", () => {
  it('sentiment of the self-written German and English sets', () => {
    for (const file of ['de-sentiment.tsv', 'de-sentiment-holdout.tsv', 'en-sentiment.tsv']) {
      const rows = readFixture(file);
      const res = rows.map((r) => analyzeComment(r.text ?? ''));
      const m = multiclass(
        rows.map((r) => r.sentiment ?? ''),
        res.map((a) => a.sentiment),
        SENTIMENTS,
      );
      report.push(mline(`sentiment ${file} (self-written)`, m));
      expect(m.macroF1).toBeGreaterThanOrEqual(0.55);
    }
  });

  it('ordinary comments (praise, questions, complaints, chatter) are rarely urgent', () => {
    let flagged = 0;
    let urgent = 0;
    let all = 0;
    for (const file of [
      'de-sentiment.tsv',
      'de-sentiment-holdout.tsv',
      'en-sentiment.tsv',
      'de-toxicity.tsv',
      'en-toxicity.tsv',
      'de-toxicity-holdout.tsv',
      'en-toxicity-holdout.tsv',
    ]) {
      const rows = readFixture(file).filter((r) =>
        r.label !== undefined ? r.label !== 'attack' : !(r.intents ?? '').split(',').includes('attack'),
      );
      const res = rows.map((r) => analyzeComment(r.text ?? ''));
      flagged += res.filter((a) => a.intents.includes('attack')).length;
      urgent += res.filter((a) => a.priority === 'urgent').length;
      all += rows.length;
    }
    // The attack models follow GermEval/OLID, where profanity is offensive ("Scheißservice"), so
    // many angry complaints carry the attack flag; only clear attacks go to the top of the queue.
    report.push(
      `${'attack flag on ordinary self-written comments'.padEnd(52)} ${fmt(flagged / all)}  (${flagged} of ${all})`,
    );
    report.push(
      `${'urgent (top of the queue) on the same comments'.padEnd(52)} ${fmt(urgent / all)}  (${urgent} of ${all})`,
    );
    const attacks = [
      'de-toxicity.tsv',
      'en-toxicity.tsv',
      'de-toxicity-holdout.tsv',
      'en-toxicity-holdout.tsv',
    ].flatMap((f) => readFixture(f));
    const m = binary(
      attacks.map((r) => r.label === 'attack'),
      attacks.map((r) => analyzeComment(r.text ?? '').intents.includes('attack')),
    );
    report.push(line('attack on the self-written toxicity sets', m));
    expect(all).toBeGreaterThan(600);
    expect(flagged / all).toBeLessThanOrEqual(0.22);
    expect(urgent / all).toBeLessThanOrEqual(0.1);
  });
});

describe('report', () => {
  it('prints all figures', () => {
    if (!trainingDataAvailable() && !sharedRequired()) return void dev(sentimentEn());
    console.log(`\n=== triage quality (dev splits; figures with n) ===\n${report.join('\n')}\n`);
    expect(report.length).toBeGreaterThan(10);
  });
});
