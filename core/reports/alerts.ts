/** Reading a crisis alert's figures (kept as JSON in `Alert.detail`, written by core/worker/alerts). */
import type { Alert } from '../db/schema';

/** The figures an alert's `detail` holds (JSON); missing ones are null. */
export function alertFigures(alert: Pick<Alert, 'detail'>): {
  recent: number | null;
  previousRate: number | null;
  ratio: number | null;
  negative: number | null;
  total: number | null;
} {
  let raw: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(alert.detail) as unknown;
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // An unreadable detail shows as unknown figures.
  }
  const num = (key: string) =>
    typeof raw[key] === 'number' && Number.isFinite(raw[key]) ? (raw[key] as number) : null;
  return {
    recent: num('recent'),
    previousRate: num('previousRate'),
    ratio: num('ratio'),
    negative: num('negative'),
    total: num('total'),
  };
}
