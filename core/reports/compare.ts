/**
 * The comparison view's figures for one competitive set and window: summarizeSet's table with one
 * engagement denominator for every member (rows must be comparable), each member's engagement
 * distribution, mention share of the brand terms, and the table as CSV.
 */
import { BOM, csvField } from '../export/csv';
import type { CompetitiveSet, StoredAccount, StoredPost } from '../model';
import { chooseDenominator, type Denominator, figureFor, postFigures } from '../scoring/engagement';
import { isMature, normalizeHandle } from '../scoring/maturity';
import { type MentionShare, mentionShare } from '../scoring/sov';
import { median } from '../scoring/stats';
import { type SetSummary, summarizeSet } from '../scoring/summary';
import { DAY } from '../scoring/thresholds';

/** Windows a set is compared over, in days; 0 = everything stored (from the set's oldest post). */
export const WINDOW_DAYS = [7, 30, 90, 365, 0] as const;
export type WindowDays = (typeof WINDOW_DAYS)[number];

export interface CompareInput {
  set: CompetitiveSet;
  /** Members' posts (window plus baseline posts; see core/db/queries setPosts). */
  posts: readonly StoredPost[];
  accounts: readonly StoredAccount[];
  days: WindowDays;
  now: number;
  /** Force a denominator; by default the best one at least half the members' mature posts have. */
  denominator?: Denominator;
  brandTerms: readonly string[];
  /** Every post in the window (any author), for mention share; empty when no brand terms are set. */
  mentionPosts: readonly StoredPost[];
}

/** One member's engagement values (mature posts in the window, in the report's denominator). */
export interface Distribution {
  platform: string;
  handle: string;
  values: number[];
  median: number | null;
}

export interface CompareReport {
  /** The window's length in whole days (for "all": from the set's oldest post to now). */
  days: number;
  summary: SetSummary;
  denominator: Denominator;
  distributions: Distribution[];
  mentions: MentionShare | null;
}

/** Computes the comparison at `now` over the last `days` days. */
export function compareReport(input: CompareInput): CompareReport {
  const { now, set } = input;
  let from = now - input.days * DAY;
  if (input.days === 0) {
    // "All": from the oldest post of a member, so cadence is per week of that span, not since 1970.
    from = now;
    for (const p of input.posts) if (p.time < from) from = p.time;
  }
  const window = { from, to: now };
  const members = new Map<string, number>();
  set.members.forEach((m, i) => {
    members.set(`${m.platform}\u0000${normalizeHandle(m.handle)}`, i);
  });
  const values: number[][] = set.members.map(() => []);
  const figures: { i: number; f: number; v: number; inter: number }[] = [];
  let withF = 0;
  let withV = 0;
  for (const p of input.posts) {
    if (p.time < window.from || p.time >= window.to || !isMature(p, now)) continue;
    const i = members.get(`${p.platform}\u0000${p.authorKey}`);
    if (i === undefined) continue;
    const fig = postFigures(p);
    if (Number.isNaN(fig.inter)) continue;
    if (!Number.isNaN(fig.f)) withF++;
    if (!Number.isNaN(fig.v)) withV++;
    figures.push({ i, ...fig });
  }
  const denominator = input.denominator ?? chooseDenominator(withF, withV, figures.length);
  for (const fig of figures) {
    const x = figureFor(fig, denominator);
    if (!Number.isNaN(x)) values[fig.i]!.push(x);
  }
  const summary = summarizeSet(set, input.posts, window, now, { accounts: input.accounts, denominator });
  const mentions =
    input.brandTerms.length > 0 ? mentionShare(input.mentionPosts, input.brandTerms, window) : null;
  return {
    days: Math.max(1, Math.ceil((now - from) / DAY)),
    summary,
    denominator,
    distributions: set.members.map((m, i) => ({
      platform: m.platform,
      handle: normalizeHandle(m.handle),
      values: values[i]!.sort((a, b) => a - b),
      median: median(values[i]!),
    })),
    mentions,
  };
}

/** Column headings of the CSV, in the UI language (the caller translates). */
export interface CsvHeadings {
  platform: string;
  handle: string;
  followers: string;
  posts: string;
  postsPerWeek: string;
  medianEr: string;
  erDenominator: string;
  erN: string;
  medianInteractions: string;
  interactionsN: string;
  breakouts: string;
  breakoutsJudged: string;
  shareOfVoice: string;
  sovInteractions: string;
  windowDays: string;
}

/**
 * The table as CSV: UTF-8 with BOM (spreadsheets), CRLF, text cells neutralised against formula
 * injection (csvField), numbers unformatted so any spreadsheet locale reads them as numbers.
 */
export function compareCsv(report: CompareReport, days: number, headings: CsvHeadings): string {
  const order: (keyof CsvHeadings)[] = [
    'platform',
    'handle',
    'followers',
    'posts',
    'postsPerWeek',
    'medianEr',
    'erDenominator',
    'erN',
    'medianInteractions',
    'interactionsN',
    'breakouts',
    'breakoutsJudged',
    'shareOfVoice',
    'sovInteractions',
    'windowDays',
  ];
  const line = (cells: (string | number | null)[]) => `${cells.map((c) => csvField(c)).join(',')}\r\n`;
  let out = BOM + line(order.map((k) => headings[k]));
  const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
  for (const row of report.summary.accounts) {
    out += line([
      row.platform,
      row.handle,
      row.followers,
      row.posts,
      round(row.postsPerWeek.value, 2),
      round(row.medianEr.value, 4),
      row.medianEr.denominator,
      row.medianEr.n,
      round(row.medianInteractions.value, 1),
      row.medianInteractions.n,
      row.breakouts.count,
      row.breakouts.n,
      round(row.shareOfVoice.value, 2),
      row.shareOfVoice.interactions,
      days,
    ]);
  }
  return out;
}
