/**
 * Published industry engagement rates, shown only as context beside an account's own figures — with
 * source, edition and denominator, because a by-views figure is several times a by-followers one and
 * the sources count interactions differently (Rival IQ: likes, comments, shares/retweets, reactions;
 * Socialinsider: its own per-post definition). They describe brand accounts in the publishers'
 * samples, not the posts this user happened to see.
 *
 * Kept: figures that at least two independent public write-ups of the report agree on (the reports
 * themselves sit behind sign-up forms and were not read directly). Left out, because no second
 * source could be found: Rival IQ 2024 Instagram (≈0.43 %) and X (≈0.029 %), all Rival IQ 2025
 * all-industry medians (write-ups only give the year-on-year drops: X −48 %, Facebook −36 %,
 * TikTok −34 %, Instagram −16 %), Socialinsider LinkedIn (denominator unclear: impressions vs
 * followers), Socialinsider 2026 TikTok (3.70 %, one source).
 */
import type { PlatformId } from '../model';

/** One published figure. */
export interface IndustryBenchmark {
  platform: PlatformId;
  source: string;
  /** Year the report was published. */
  edition: number;
  /** Year the measured posts are from. */
  dataYear: number;
  /** Rival IQ publishes medians; Socialinsider publishes averages. */
  statistic: 'median' | 'average';
  denominator: 'followers' | 'views' | 'reach';
  /** Engagement rate per post, in percent. */
  value: number;
  /** Whose posts were measured. */
  scope: string;
}

const RIVAL_IQ = 'Rival IQ Social Media Industry Benchmark Report';
const RIVAL_IQ_SCOPE = 'all industries; 150 brands per industry, 14 industries';
const SOCIALINSIDER = 'Socialinsider Social Media Industry Benchmarks';
const SOCIALINSIDER_SCOPE = 'all industries in the Socialinsider sample';

/** The table. Percentages per post; see the file comment for what was checked and what was left out. */
export const BENCHMARKS: readonly IndustryBenchmark[] = [
  // Rival IQ 2023 edition (2022 data): contentgrip.com, wishu.io, socialmediatoday/teknojava write-ups.
  {
    platform: 'instagram',
    source: RIVAL_IQ,
    edition: 2023,
    dataYear: 2022,
    statistic: 'median',
    denominator: 'followers',
    value: 0.47,
    scope: RIVAL_IQ_SCOPE,
  },
  {
    platform: 'facebook',
    source: RIVAL_IQ,
    edition: 2023,
    dataYear: 2022,
    statistic: 'median',
    denominator: 'followers',
    value: 0.06,
    scope: RIVAL_IQ_SCOPE,
  },
  {
    platform: 'x',
    source: RIVAL_IQ,
    edition: 2023,
    dataYear: 2022,
    statistic: 'median',
    denominator: 'followers',
    value: 0.035,
    scope: RIVAL_IQ_SCOPE,
  },
  {
    platform: 'tiktok',
    source: RIVAL_IQ,
    edition: 2023,
    dataYear: 2022,
    statistic: 'median',
    denominator: 'followers',
    value: 5.69,
    scope: RIVAL_IQ_SCOPE,
  },
  // Rival IQ 2024 edition (2023 data): smk.co and socialmediatoday write-ups (Facebook 0.060 → 0.063;
  // TikTok down ~50 % to 2.63).
  {
    platform: 'facebook',
    source: RIVAL_IQ,
    edition: 2024,
    dataYear: 2023,
    statistic: 'median',
    denominator: 'followers',
    value: 0.063,
    scope: RIVAL_IQ_SCOPE,
  },
  {
    platform: 'tiktok',
    source: RIVAL_IQ,
    edition: 2024,
    dataYear: 2023,
    statistic: 'median',
    denominator: 'followers',
    value: 2.63,
    scope: RIVAL_IQ_SCOPE,
  },
  // Socialinsider 2023 edition (2022 data): the report's own summary text and polis.consulting.
  {
    platform: 'tiktok',
    source: SOCIALINSIDER,
    edition: 2023,
    dataYear: 2022,
    statistic: 'average',
    denominator: 'followers',
    value: 4.25,
    scope: SOCIALINSIDER_SCOPE,
  },
  {
    platform: 'tiktok',
    source: SOCIALINSIDER,
    edition: 2023,
    dataYear: 2022,
    statistic: 'average',
    denominator: 'views',
    value: 5.1,
    scope: SOCIALINSIDER_SCOPE,
  },
  {
    platform: 'instagram',
    source: SOCIALINSIDER,
    edition: 2023,
    dataYear: 2022,
    statistic: 'average',
    denominator: 'followers',
    value: 0.6,
    scope: SOCIALINSIDER_SCOPE,
  },
  {
    platform: 'facebook',
    source: SOCIALINSIDER,
    edition: 2023,
    dataYear: 2022,
    statistic: 'average',
    denominator: 'followers',
    value: 0.15,
    scope: SOCIALINSIDER_SCOPE,
  },
  {
    platform: 'x',
    source: SOCIALINSIDER,
    edition: 2023,
    dataYear: 2022,
    statistic: 'average',
    denominator: 'followers',
    value: 0.05,
    scope: SOCIALINSIDER_SCOPE,
  },
  // Socialinsider 2025 edition (2024 data): digitalinformationworld.com ("based on … followers") and
  // shortsintel.com ("up 49 % from 2.50 %").
  {
    platform: 'tiktok',
    source: SOCIALINSIDER,
    edition: 2025,
    dataYear: 2024,
    statistic: 'average',
    denominator: 'followers',
    value: 2.5,
    scope: SOCIALINSIDER_SCOPE,
  },
  // Socialinsider 2026 edition (2025 data): shortsintel.com and shno.co agree.
  {
    platform: 'instagram',
    source: SOCIALINSIDER,
    edition: 2026,
    dataYear: 2025,
    statistic: 'average',
    denominator: 'followers',
    value: 0.48,
    scope: SOCIALINSIDER_SCOPE,
  },
  {
    platform: 'facebook',
    source: SOCIALINSIDER,
    edition: 2026,
    dataYear: 2025,
    statistic: 'average',
    denominator: 'followers',
    value: 0.15,
    scope: SOCIALINSIDER_SCOPE,
  },
  {
    platform: 'x',
    source: SOCIALINSIDER,
    edition: 2026,
    dataYear: 2025,
    statistic: 'average',
    denominator: 'followers',
    value: 0.12,
    scope: SOCIALINSIDER_SCOPE,
  },
];

/** Published figures for a platform (optionally one denominator), newest data first. */
export function benchmarksFor(
  platform: PlatformId,
  denominator?: IndustryBenchmark['denominator'],
): IndustryBenchmark[] {
  return BENCHMARKS.filter(
    (b) => b.platform === platform && (denominator === undefined || b.denominator === denominator),
  ).sort((a, b) => b.dataYear - a.dataYear || b.edition - a.edition || a.source.localeCompare(b.source));
}
