/**
 * Every threshold the scoring core uses, in one place, so the side panel, the docs and the tests agree
 * on when a figure is "too thin to judge". Change a number here, not in the functions.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Milliseconds in an hour. */
export const HOUR = HOUR_MS;
/** Milliseconds in a day. */
export const DAY = DAY_MS;
/** Milliseconds in a week. */
export const WEEK = 7 * DAY_MS;

/**
 * A post is *mature* once it is ≥ 24 h old at `now` AND its stored metrics were read when it was
 * ≥ 24 h old (`lastSeen − time ≥ 24 h`). Most engagement arrives in the first day; a post seen once at
 * 2 h old and never again keeps its 2-hour counts forever, and would drag the baseline down.
 */
export const MATURE_AGE_MS = DAY_MS;

/** Posts younger than this are judged by velocity, not by totals (same 24 h as maturity). */
export const YOUNG_AGE_MS = DAY_MS;

/** The account baseline uses at most this many of the newest mature posts. */
export const BASELINE_WINDOW = 30;

/** Fewer mature posts than this in the baseline: no breakout verdict ("baseline too thin"). */
export const BREAKOUT_MIN_N = 8;

/** A breakout needs a robust z of at least this… */
export const BREAKOUT_MIN_Z = 3;

/** …and at least this many times the baseline median. */
export const BREAKOUT_MIN_X_MEDIAN = 2;

/** 1.4826 · MAD estimates the standard deviation of normally distributed data. */
export const MAD_SCALE = 1.4826;

/**
 * When MAD = 0 (more than half the baseline is the same value) the robust z falls back to
 * (x − median) / (1.253314 · MeanAD), MeanAD = mean |x − median| — the Iglewicz–Hoaglin / IBM
 * "modified z-score" fallback; √(π/2) ≈ 1.253314 makes MeanAD estimate σ for normal data.
 */
export const MEANAD_SCALE = 1.253314;

/**
 * Early velocity is read from an observation at least this old; a count read 1 minute after posting,
 * divided by 1/60 h, is mostly noise.
 */
export const EARLY_MIN_AGE_MS = 15 * 60_000;

/**
 * Another post's early reading counts for a young post of age a only if it was taken at an age within
 * [a / 2, a × 2]: interactions per hour since posting fall as a post ages, so a 20-hour reading is no
 * yardstick for a 1-hour-old post.
 */
export const EARLY_AGE_MATCH_FACTOR = 2;

/** The account's typical early velocity is thin below this many other posts with an early reading. */
export const EARLY_VELOCITY_MIN_N = 5;

/** Best-time cells with fewer posts than this are shown empty (value null). */
export const BEST_TIME_MIN_N = 3;

/** A lift group (hashtag, format, weekday) with fewer posts than this is flagged thin. */
export const LIFT_MIN_N = 3;

/** The account side of a lift (all posts) is flagged thin below this many posts. */
export const LIFT_ACCOUNT_MIN_N = 8;

/** Cadence is flagged thin with fewer posts than this in the window… */
export const CADENCE_MIN_POSTS = 4;

/** …or a window shorter than this. */
export const CADENCE_MIN_WINDOW_MS = WEEK;

/** Share of voice is flagged thin when the whole set has fewer posts with known interactions. */
export const SOV_MIN_POSTS = 10;

/** Mention share is flagged thin when fewer posts than this mention any tracked term. */
export const MENTION_MIN_POSTS = 10;

/** A median (of ER, of interactions) over fewer posts than this is flagged thin. */
export const MEDIAN_MIN_N = 5;

/** Each side of a week-over-week comparison is thin below this many posts. */
export const TREND_MIN_N = 3;

/** Response rate and time are flagged thin below this many comments. */
export const RESPONSE_MIN_N = 10;
