/**
 * Data loading and metrics for the reply-triage evaluation (tests/replies/quality.test.ts) and the
 * training pipeline (triage-data.ts, train-triage.ts).
 *
 * Labeled sets are read in place from ../shared/nlp (relative to the repository root) and never
 * copied into the repository. The splits the models are trained, tuned and measured on are made in
 * triage-data.ts; tests/fixtures/replies/*.tsv are written by the project (not real comments).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_NLP, sharedFile } from '../platforms/load';

const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = join(here, '..', '..');
export { SHARED_NLP };
export const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'replies');

/** Rows of a TSV with a header, as objects keyed by the header names. */
export function readTsv(path: string): Record<string, string>[] {
  return tsvRows(readFileSync(path, 'utf8'));
}

function tsvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.split('\n').filter(Boolean);
  const cols = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** A labeled set from ../shared/nlp; without ../shared the calling test is skipped (tests/platforms/load.ts). */
export const readShared = (set: string) => tsvRows(sharedFile(join('nlp', set, 'data.tsv')));
/** Any TSV under ../shared/nlp (path relative to it); without ../shared the calling test is skipped. */
export const readSharedTsv = (relative: string) => tsvRows(sharedFile(join('nlp', relative)));
export const readFixture = (name: string) => readTsv(join(FIXTURES, name));

/**
 * banking77 → complaint. Complaint = the customer reports that something went wrong (failed,
 * declined, not received, not recognised, wrong amount or rate, charged twice, blocked, swallowed,
 * cannot verify). Info = the customer asks how something works, what it costs, what is possible.
 * Ambiguous labels (a status question that may or may not be a complaint: card arrival, pending
 * payments, fees charged, refund requests, lost or stolen items) are left out of the complaint F1.
 */
export const BANKING_COMPLAINT = new Set([
  'card_not_working',
  'contactless_not_working',
  'virtual_card_not_working',
  'declined_card_payment',
  'declined_cash_withdrawal',
  'declined_transfer',
  'failed_transfer',
  'top_up_failed',
  'top_up_reverted',
  'reverted_card_payment?',
  'transfer_not_received_by_recipient',
  'balance_not_updated_after_bank_transfer',
  'balance_not_updated_after_cheque_or_cash_deposit',
  'Refund_not_showing_up',
  'card_payment_not_recognised',
  'cash_withdrawal_not_recognised',
  'direct_debit_payment_not_recognised',
  'extra_charge_on_statement',
  'transaction_charged_twice',
  'wrong_amount_of_cash_received',
  'wrong_exchange_rate_for_cash_withdrawal',
  'card_payment_wrong_exchange_rate',
  'card_swallowed',
  'pin_blocked',
  'unable_to_verify_identity',
  'beneficiary_not_allowed',
  'compromised_card',
]);
export const BANKING_AMBIGUOUS = new Set([
  'card_arrival',
  'pending_card_payment',
  'pending_cash_withdrawal',
  'pending_top_up',
  'pending_transfer',
  'card_payment_fee_charged',
  'transfer_fee_charged',
  'cash_withdrawal_charge',
  'request_refund',
  'lost_or_stolen_card',
  'lost_or_stolen_phone',
]);

export interface Binary {
  f1: number;
  precision: number;
  recall: number;
  n: number;
  positives: number;
}

export function binary(gold: boolean[], pred: boolean[]): Binary {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const p = pred[i] ?? false;
    if (g && p) tp++;
    else if (p) fp++;
    else if (g) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { f1, precision, recall, n: gold.length, positives: gold.filter(Boolean).length };
}

export interface Multiclass {
  macroF1: number;
  accuracy: number;
  perClass: Record<string, number>;
  confusion: Record<string, Record<string, number>>;
  n: number;
}

export function multiclass(gold: string[], pred: string[], labels: readonly string[]): Multiclass {
  const perClass: Record<string, number> = {};
  const confusion: Record<string, Record<string, number>> = {};
  for (const l of labels) {
    perClass[l] = binary(
      gold.map((g) => g === l),
      pred.map((p) => p === l),
    ).f1;
    confusion[l] = Object.fromEntries(labels.map((m) => [m, 0]));
  }
  gold.forEach((g, i) => {
    const row = confusion[g];
    const p = pred[i] ?? '';
    if (row && p in row) row[p] = (row[p] ?? 0) + 1;
  });
  const macroF1 = labels.reduce((s, l) => s + (perClass[l] ?? 0), 0) / labels.length;
  const accuracy = gold.filter((g, i) => g === pred[i]).length / Math.max(1, gold.length);
  return { macroF1, accuracy, perClass, confusion, n: gold.length };
}

export const fmt = (x: number) => x.toFixed(3);
