/**
 * The training algorithm of the triage models (used by train-triage.ts and, for the non-shipped
 * GermEval 2017 reference, by tests/replies/quality.test.ts): AdaGrad logistic / softmax regression
 * over sparse hashed features, int8 quantisation, Platt scaling, temperature, thresholds and class
 * offsets chosen on a tune split.
 */
import { calibrate, logits, type PackedModel } from '../../core/replies/classifier';
import { DIM, type Features, featurize, HASH_BITS } from '../../core/replies/features';
import { binary, multiclass } from './replies-data';
import type { Row } from './triage-data';

export const SEED = 20261207;

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Example {
  f: Features;
  y: number;
  w: number;
}

export interface Options {
  epochs: number;
  lr: number;
  l2: number;
  /** weight of the positive class (yes/no), or per class */
  classWeight: number[];
}

/** AdaGrad over sparse examples; K = 1 logistic, K > 1 softmax. Returns float weights and biases. */
export function fitLinear(examples: Example[], K: number, o: Options): { w: Float32Array; b: Float64Array } {
  const w = new Float32Array(K * DIM);
  const g2 = new Float32Array(K * DIM).fill(1e-6);
  const b = new Float64Array(K);
  const bg2 = new Float64Array(K).fill(1e-6);
  const order = examples.map((_, i) => i);
  const rand = rng(SEED);
  const z = new Float64Array(K);
  const grad = new Float64Array(K);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const ei of order) {
      const ex = examples[ei];
      if (!ex) continue;
      const { idx, val } = ex.f;
      for (let k = 0; k < K; k++) {
        let s = b[k] ?? 0;
        const base = k * DIM;
        for (let j = 0; j < idx.length; j++) s += (w[base + (idx[j] ?? 0)] ?? 0) * (val[j] ?? 0);
        z[k] = s;
      }
      if (K === 1) {
        const p = 1 / (1 + Math.exp(-(z[0] ?? 0)));
        grad[0] = (p - ex.y) * ex.w * (o.classWeight[ex.y] ?? 1);
      } else {
        let max = -Infinity;
        for (let k = 0; k < K; k++) max = Math.max(max, z[k] ?? 0);
        let sum = 0;
        for (let k = 0; k < K; k++) sum += Math.exp((z[k] ?? 0) - max);
        for (let k = 0; k < K; k++) {
          const p = Math.exp((z[k] ?? 0) - max) / sum;
          grad[k] = (p - (k === ex.y ? 1 : 0)) * ex.w * (o.classWeight[ex.y] ?? 1);
        }
      }
      for (let k = 0; k < K; k++) {
        const gk = grad[k] ?? 0;
        const base = k * DIM;
        for (let j = 0; j < idx.length; j++) {
          const i = base + (idx[j] ?? 0);
          const wi = w[i] ?? 0;
          const g = gk * (val[j] ?? 0) + o.l2 * wi;
          g2[i] = (g2[i] ?? 0) + g * g;
          w[i] = wi - (o.lr * g) / Math.sqrt(g2[i] ?? 1);
        }
        bg2[k] = (bg2[k] ?? 0) + gk * gk;
        b[k] = (b[k] ?? 0) - (o.lr * gk) / Math.sqrt(bg2[k] ?? 1);
      }
    }
  }
  return { w, b };
}

export function quantize(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round((w[i] ?? 0) / scale)));
  return { q, scale };
}

/** Platt scaling a·z + b by Newton-free gradient descent on the tune scores. */
export function platt(z: number[], y: number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 3000; it++) {
    let ga = 0;
    let gb = 0;
    for (let i = 0; i < z.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * (z[i] ?? 0) + b)));
      const d = p - (y[i] ?? 0);
      ga += d * (z[i] ?? 0);
      gb += d;
    }
    a -= (0.5 * ga) / z.length;
    b -= (0.5 * gb) / z.length;
  }
  return { a, b };
}

/** Threshold on p maximising F1 (ties: the higher threshold, fewer false alarms). */
export function bestThreshold(p: number[], y: number[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.05; t <= 0.951; t += 0.01) {
    const m = binary(
      y.map((v) => v === 1),
      p.map((v) => v >= t),
    );
    if (m.f1 >= bestF1) {
      bestF1 = m.f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

export function temperature(z: number[][], y: number[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.3; t <= 3; t += 0.05) {
    let loss = 0;
    for (let i = 0; i < z.length; i++) {
      const s = (z[i] ?? []).map((v) => v / t);
      const max = Math.max(...s);
      const lse = max + Math.log(s.reduce((a, v) => a + Math.exp(v - max), 0));
      loss += lse - (s[y[i] ?? 0] ?? 0);
    }
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return Math.round(best * 100) / 100;
}

/** Class offsets (first class fixed at 0) for macro-F1 on the tune part, by coordinate search. */
export function offsetsFor(p: number[][], y: number[], labels: readonly string[]): number[] {
  const off = labels.map(() => 0);
  const score = () =>
    multiclass(
      y.map((v) => labels[v] ?? ''),
      p.map((row) => {
        let best = 0;
        for (let k = 1; k < row.length; k++)
          if (Math.log(row[k] ?? 1e-9) + (off[k] ?? 0) > Math.log(row[best] ?? 1e-9) + (off[best] ?? 0))
            best = k;
        return labels[best] ?? '';
      }),
      labels,
    ).macroF1;
  let best = score();
  for (let round = 0; round < 3; round++)
    for (let k = 1; k < labels.length; k++)
      for (let d = -2; d <= 2.001; d += 0.1) {
        const keep = off[k] ?? 0;
        off[k] = Math.round(d * 100) / 100;
        const s = score();
        if (s > best + 1e-9) best = s;
        else off[k] = keep;
      }
  return off;
}

export function toBase64(q: Int8Array): string {
  return Buffer.from(q.buffer, q.byteOffset, q.byteLength).toString('base64');
}

/** A trained model, packed as shipped, and how it scores a feature vector. */
export interface Trained {
  packed: PackedModel;
  /** calibrated probabilities (with class offsets) */
  predict(f: Features): number[];
}

/**
 * Trains one model on the train part, calibrates and thresholds it on the tune part.
 * labels: the classes (softmax), or undefined for yes/no (label 'yes').
 */
export function trainModel(
  name: string,
  rows: readonly Row[],
  labels: readonly string[] | undefined,
  options: Partial<Options>,
): Trained & { train: number; tune: number } {
  const names = labels ?? ['yes'];
  const K = names.length;
  const yOf = (r: Row) => (labels ? labels.indexOf(r.label) : r.label === 'yes' ? 1 : 0);
  const ex = (part: string) =>
    rows.filter((r) => r.part === part).map((r) => ({ f: featurize(r.text), y: yOf(r), w: r.weight ?? 1 }));
  const train = ex('train');
  const tune = ex('tune');
  const counts = new Array<number>(Math.max(2, K)).fill(0);
  for (const e of train) counts[e.y] = (counts[e.y] ?? 0) + 1;
  // Balanced class weights, softened (square root), so rare labels are learned without flooding.
  const total = counts.reduce((a, c) => a + c, 0);
  const classWeight = counts.map((c) => Math.sqrt(total / (counts.length * Math.max(1, c))));
  const { w, b } = fitLinear(train, K, { epochs: 5, lr: 0.1, l2: 1e-6, classWeight, ...options });
  const { q, scale } = quantize(w);
  const bias = [...b];
  let calibration = { a: 1, b: 0, temperature: 1 };
  let offsets = names.map(() => 0);
  let threshold = 0.5;
  const tuneZ = tune.map((e) => logits(q, scale, bias, e.f));
  const tuneY = tune.map((e) => e.y);
  if (K === 1) {
    calibration = {
      ...platt(
        tuneZ.map((z) => z[0] ?? 0),
        tuneY,
      ),
      temperature: 1,
    };
    const p = tuneZ.map((z) => calibrate({ labels: names, calibration, offsets }, z)[0] ?? 0);
    threshold = bestThreshold(p, tuneY);
  } else {
    calibration = { a: 1, b: 0, temperature: temperature(tuneZ, tuneY) };
    offsets = offsetsFor(
      tuneZ.map((z) => calibrate({ labels: names, calibration, offsets }, z)),
      tuneY,
      names,
    );
  }
  const packed: PackedModel = {
    name,
    labels: [...names],
    hashBits: HASH_BITS,
    scale,
    bias,
    calibration,
    offsets,
    threshold,
    weights: toBase64(q),
  };
  return {
    packed,
    predict: (f) => calibrate(packed, logits(q, scale, bias, f)),
    train: train.length,
    tune: tune.length,
  };
}
