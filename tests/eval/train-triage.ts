/**
 * Trains the shipped triage models and writes core/replies/models/<name>.ts.
 *
 *   npm run train:triage            (all models; a few minutes on 2 cores)
 *   npm run train:triage -- toxic_de praise_de   (only these)
 *
 * Each model: logistic regression (softmax for sentiment) over the hashed features of
 * core/replies/features.ts, trained with AdaGrad and L2 from a fixed seed; Platt scaling (yes/no)
 * or a temperature (classes) fitted on the "tune" part, the threshold (or the class offsets) chosen
 * there for F1 (macro-F1); weights quantised to int8. Figures printed for the "dev" part, which
 * nothing was chosen on. See tests/eval/triage-data.ts for the splits and core/replies/README.md
 * for data, licences and attribution.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { featurize } from '../../core/replies/features';
import { binary, multiclass } from './replies-data';
import {
  airlineComplaintProxy,
  airlineSentiment,
  complaintEn,
  germeval2017,
  languageDeEn,
  offensiveEn,
  praiseDe,
  type Row,
  SENTIMENTS,
  sentimentDe,
  sentimentEn,
  spam,
  toxicDe,
} from './triage-data';
import { type Options, type Trained, trainModel } from './triage-train-lib';

const OUT = join(process.cwd(), 'core', 'replies', 'models');

interface TaskSpec {
  name: string;
  /** data (licence) for the README and the model file */
  data: string;
  rows: () => Row[];
  /** multiclass labels; undefined = yes/no */
  labels?: readonly string[];
  options: Partial<Options>;
  /** further sets measured only (never trained or tuned on), e.g. non-commercial ones */
  measure?: [string, () => Row[]][];
}

const TASKS: TaskSpec[] = [
  {
    name: 'sentiment_en',
    data: 'SemEval-2017 Task 4A English training pool (CC BY 3.0)',
    rows: sentimentEn,
    labels: SENTIMENTS,
    measure: [['airline tweets (NC, measured only)', airlineSentiment]],
    options: { epochs: 4, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'sentiment_de',
    data: "SemEval-2017 Task 4A English pool (CC BY 3.0) through language-neutral features; calibrated on the project's own German comments",
    rows: sentimentDe,
    labels: SENTIMENTS,
    measure: [
      ['GermEval 2017 dev part (NC, measured only)', () => germeval2017().filter((r) => r.part === 'dev')],
    ],
    options: { epochs: 4, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'offensive_en',
    data: 'OLID via TweetEval offensive train (no licence stated; cite Zampieri et al. 2019)',
    rows: offensiveEn,
    options: { epochs: 5, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'toxic_de',
    data: 'GermEval 2018 train+test (CC BY 4.0), GermEval 2019 train, GermEval 2021 train',
    rows: toxicDe,
    options: { epochs: 5, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'praise_de',
    data: 'GermEval 2025 Flausch train (no licence stated)',
    rows: praiseDe,
    options: { epochs: 5, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'complaint_en',
    data: 'banking77 (CC BY 4.0) problem reports vs questions, SemEval-2017 pool tweets (CC BY 3.0)',
    rows: complaintEn,
    measure: [['airline tweets, negative = complaint (NC, measured only)', airlineComplaintProxy]],
    options: { epochs: 5, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'spam',
    data: 'UCI YouTube Spam Collection videos 01–03 (CC BY 4.0)',
    rows: spam,
    options: { epochs: 8, lr: 0.1, l2: 1e-6 },
  },
  {
    name: 'language_de',
    data: 'German vs English rows of the sets above',
    rows: languageDeEn,
    options: { epochs: 3, lr: 0.1, l2: 1e-6 },
  },
];

/** GermEval 2017 (CC BY-NC): a reference model, trained and measured here, never written. */
function germeval2017Reference(): string {
  const rows = germeval2017();
  const model = trainModel('germeval2017_reference', rows, SENTIMENTS, { epochs: 8 });
  const dev = rows.filter((r) => r.part === 'dev');
  const m = multiclass(
    dev.map((r) => r.label),
    dev.map((r) => {
      const p = model.predict(featurize(r.text));
      return SENTIMENTS[p.indexOf(Math.max(...p))] ?? '';
    }),
    SENTIMENTS,
  );
  return `germeval2017 reference (NC, not shipped): dev macro-F1 ${m.macroF1.toFixed(3)} acc ${m.accuracy.toFixed(3)} n=${m.n} (train ${model.train})`;
}

function measure(model: Trained, labels: readonly string[] | undefined, rows: readonly Row[]): string {
  const p = rows.map((r) => model.predict(featurize(r.text)));
  if (!labels) {
    const m = binary(
      rows.map((r) => r.label === 'yes'),
      p.map((v) => (v[0] ?? 0) >= model.packed.threshold),
    );
    return `F1 ${m.f1.toFixed(3)} P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} n=${m.n} (pos ${m.positives})`;
  }
  const m = multiclass(
    rows.map((r) => r.label),
    p.map((v) => labels[v.indexOf(Math.max(...v))] ?? ''),
    labels,
  );
  return `macro-F1 ${m.macroF1.toFixed(3)} acc ${m.accuracy.toFixed(3)} n=${m.n}`;
}

function run(spec: TaskSpec): string {
  const started = Date.now();
  const rows = spec.rows();
  const model = trainModel(spec.name, rows, spec.labels, spec.options);
  const dev = rows.filter((r) => r.part === 'dev');
  const figure = dev.length ? measure(model, spec.labels, dev) : 'none (no dev part)';
  const extra = (spec.measure ?? []).map(
    ([what, rowsOf]) => `\n    ${what}: ${measure(model, spec.labels, rowsOf())}`,
  );
  const file = `/*
 * GENERATED by tests/eval/train-triage.ts (npm run train:triage) — do not edit by hand.
 * ${spec.name}: trained on ${spec.data}.
 * train ${model.train} rows, tune ${model.tune}, dev ${dev.length}; dev ${figure}.
 * Data, licences and attribution: core/replies/README.md.
 */
import type { PackedModel } from '../classifier';

const model: PackedModel = ${JSON.stringify(model.packed)};
export default model;
`;
  writeFileSync(join(OUT, `${spec.name}.ts`), file);
  return `${spec.name.padEnd(14)} dev ${figure}  thr ${model.packed.threshold}  ${((Date.now() - started) / 1000).toFixed(1)} s${extra.join('')}`;
}

const only = process.argv.slice(2);
for (const spec of TASKS) {
  if (only.length && !only.includes(spec.name)) continue;
  console.log(run(spec));
}
if (!only.length || only.includes('germeval2017')) console.log(germeval2017Reference());
// The generated modules in the repository's own format, so a retrain with the same data and seed
// leaves git clean.
execFileSync(join(process.cwd(), 'node_modules', '.bin', 'biome'), ['format', '--write', OUT], {
  stdio: 'ignore',
});
