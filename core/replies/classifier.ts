/**
 * A shipped triage model: a linear classifier over the hashed features of features.ts, with int8
 * weights (one row of 2^HASH_BITS per class; one row for a yes/no task), a calibration fitted on a
 * part of the training data held out for it, and the decision threshold chosen there.
 *
 * Yes/no tasks: p = sigmoid(a · z + b), z = bias + Σ scale · w[i] · x[i]; the label applies at p ≥ threshold.
 * Several classes: p = softmax(z / temperature + offset), the offsets chosen for macro-F1.
 */
import { z } from 'zod';
import { DIM, type Features, HASH_BITS } from './features';

export const PackedModel = z.object({
  name: z.string(),
  /** one name per row; a yes/no task has one row and its label is the "yes" */
  labels: z.array(z.string()).min(1),
  hashBits: z.literal(HASH_BITS),
  scale: z.number().positive(),
  bias: z.array(z.number()),
  /** yes/no: Platt a, b; classes: temperature */
  calibration: z.object({ a: z.number(), b: z.number(), temperature: z.number().positive() }),
  /** per-class offsets added to the calibrated log-probabilities (classes), unused for yes/no */
  offsets: z.array(z.number()),
  threshold: z.number(),
  /** base64 of labels.length × 2^hashBits int8 weights */
  weights: z.string(),
});
export type PackedModel = z.infer<typeof PackedModel>;

export interface Classifier {
  name: string;
  labels: readonly string[];
  threshold: number;
  /** calibrated probability per label (yes/no: one value, the "yes") */
  predict(f: Features): number[];
}

function decodeBase64(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Raw scores (logits) of a packed model's rows; w is the decoded weight vector. */
export function logits(w: Int8Array, scale: number, bias: readonly number[], f: Features): number[] {
  const out = bias.slice();
  for (let k = 0; k < out.length; k++) {
    const base = k * DIM;
    let s = 0;
    for (let j = 0; j < f.idx.length; j++) s += (w[base + (f.idx[j] ?? 0)] ?? 0) * (f.val[j] ?? 0);
    out[k] = (out[k] ?? 0) + s * scale;
  }
  return out;
}

/** Calibrated probabilities from logits. */
export function calibrate(
  m: { labels: readonly string[]; calibration: PackedModel['calibration']; offsets: readonly number[] },
  z: number[],
): number[] {
  if (m.labels.length === 1) return [sigmoid(m.calibration.a * (z[0] ?? 0) + m.calibration.b)];
  const t = m.calibration.temperature;
  const s = z.map((v, k) => v / t + (m.offsets[k] ?? 0));
  const max = Math.max(...s);
  const e = s.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Unpacks a model; the weights are decoded on the first prediction, not before. */
export function unpack(packed: PackedModel): Classifier {
  let w: Int8Array | null = null;
  return {
    name: packed.name,
    labels: packed.labels,
    threshold: packed.threshold,
    predict(f) {
      w ??= decodeBase64(packed.weights);
      return calibrate(packed, logits(w, packed.scale, packed.bias, f));
    },
  };
}
