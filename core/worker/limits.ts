/**
 * How much one tab, and all tabs together, may ask the worker to store per minute. A page can drive
 * the content script (endless synthetic posts, mutation storms); these bounds keep one hostile or
 * broken tab from filling the disk or starving the others. A refused batch is answered with
 * `retry: true`, so an honest content script keeps it and sends it again after its back-off.
 */

export interface CaptureLimits {
  windowMs: number;
  /** Batches one tab may send per window (a 5,000-post feed is 50 batches). */
  perTabBatches: number;
  /** Posts, comments and profiles one tab may send per window. */
  perTabItems: number;
  /** Items all tabs together may send per window. */
  totalItems: number;
}

export const CAPTURE_LIMITS: CaptureLimits = {
  windowMs: 60_000,
  perTabBatches: 300,
  perTabItems: 30_000,
  totalItems: 60_000,
};

/** Bounded memory: tabs not heard from within a window are forgotten. */
export class CaptureBudget {
  private readonly tabs = new Map<number, { at: number; items: number }[]>();
  private total: { at: number; items: number }[] = [];

  constructor(private readonly limits: CaptureLimits = CAPTURE_LIMITS) {}

  /** Takes `items` from the budgets of `tabId` at `now`; false (nothing taken) when either is spent. */
  take(tabId: number, items: number, now: number): boolean {
    const since = now - this.limits.windowMs;
    this.total = this.total.filter((e) => e.at > since);
    for (const [id, entries] of this.tabs) {
      const recent = entries.filter((e) => e.at > since);
      if (recent.length) this.tabs.set(id, recent);
      else this.tabs.delete(id);
    }
    const tab = this.tabs.get(tabId) ?? [];
    const sum = (list: readonly { items: number }[]) => list.reduce((n, e) => n + e.items, 0);
    if (tab.length >= this.limits.perTabBatches) return false;
    if (sum(tab) + items > this.limits.perTabItems) return false;
    if (sum(this.total) + items > this.limits.totalItems) return false;
    const entry = { at: now, items };
    tab.push(entry);
    this.tabs.set(tabId, tab);
    this.total.push(entry);
    return true;
  }
}
