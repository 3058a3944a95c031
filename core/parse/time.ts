/**
 * Reads the times platforms show next to posts: `<time datetime>` values, epoch stamps, relative
 * times ("vor 3 Std.", "3h", "2 days ago", "gestern"), dates ("5. März", "Mar 5, 2024", "12.03.2024") and
 * dates with a clock time ("Yesterday at 10:41 AM", "27. Januar 2026 um 01:28", read in local time).
 *
 * Relative phrasings and month names are learnt from `Intl.RelativeTimeFormat` / `Intl.DateTimeFormat`
 * (so plural and case forms such as "vor 3 Tagen", "5 marca" come for free); a hand table adds the
 * abbreviations platforms print without "ago" ("3h", "2 T.", "1 J."). Tables are built lazily, once.
 */

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
const UNITS: Unit[] = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'];
const UNIT_MS: Record<Unit, number> = {
  second: 1_000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  month: 0, // calendar arithmetic, see `minus`
  year: 0,
};

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'tr', 'ja'];
/** Japanese dates are numeric (3月5日) and read by pattern; each locale costs ~1 ms on first use. */
const MONTH_LOCALES = LANGS.filter((l) => l !== 'ja');

/** A relative phrase: `n` null means "the number in the text". */
interface Relative {
  unit: Unit;
  n: number | null;
}

/** Abbreviations that platforms print on their own ("3h", "2 T.", "5 Min."); dots stripped, lower case. */
const UNIT_WORDS: Record<string, Unit> = {};
const UNIT_WORD_LISTS: Record<Unit, string> = {
  second: 's sec secs second seconds sek sekunde sekunden seg segs sn seconde secondes segundo segundos',
  minute: 'm min mins minute minutes minuten minuto minutos minuti minuut dk',
  hour: 'h hr hrs hour hours std stunde stunden u uur heure heures hora horas ora ore sa saat godz',
  day: 'd day days t tag tage tagen tg jour jours día días dia dias gg giorno giorni dag dagen dgn gün',
  week: 'w wk wks week weeks wo woche wochen sem semaine semaines semana semanas sett settimana settimane weken hf hafta tyg',
  month:
    'mo mos mon mth mths month months monat monate monaten mes meses mois mese mesi maand maanden mies ay',
  year: 'y yr yrs year years jahr jahre jahren a an ans año años ano anos anno anni jaar yıl',
};
for (const unit of UNITS) for (const w of UNIT_WORD_LISTS[unit].split(' ')) UNIT_WORDS[w] = unit;

/** Phrases meaning "a moment ago", already in key form (lower case, no spaces or dots). */
const NOW_KEYS = [
  'justnow',
  'rightnow',
  'momentsago',
  'afewsecondsago',
  'gerade',
  'geradeeben',
  'soeben',
  'eben',
  'voreinpaarsekunden',
  'vorwenigensekunden',
  "àl'instant",
  'ilyaquelquessecondes',
  'ahoramismo',
  'haceunossegundos',
  'adesso',
  'pochisecondifa',
  'zojuist',
  'netnu',
  'agoramesmo',
  'hápoucossegundos',
];

/** Words that stand for the number one in "a day ago", "vor einem Tag", "il y a un jour", "hace una hora". */
const ONE_WORDS = new Set('a an one ein eine einem einer einen un une uno una um uma een één bir'.split(' '));

/** Past markers around the number in platform abbreviations ("vor 2 T.", "3h ago", "2 gg fa"). */
const COMPACT_RELATIVE = /^(vor|ilya|hace|há|hai)?(\d{1,4})(\p{L}+?)(ago|fa|geleden|atrás|temu|önce|前)?$/iu;

/** Lower case, typographic apostrophe made plain, no dots or spaces: the form templates are stored in. */
function key(s: string): string {
  return s.toLowerCase().replace(/’/g, "'").replace(/[.\s]/g, '');
}

let relativeTable: Map<string, Relative> | null = null;

/** Every past phrasing Intl prints for the LANGS, keyed with the number replaced by '#'. */
function relatives(): Map<string, Relative> {
  if (relativeTable) return relativeTable;
  const table = new Map<string, Relative>();
  for (const k of NOW_KEYS) table.set(k, { unit: 'second', n: 0 });
  for (const lang of LANGS) {
    for (const style of ['long', 'short', 'narrow'] as const) {
      const fmt = new Intl.RelativeTimeFormat(lang, { style, numeric: 'always' });
      for (const unit of UNITS) {
        // 1, 2 and 5 reach every plural category of these languages (pl: one, few, many).
        for (const n of [1, 2, 5])
          table.set(key(fmt.format(-n, unit)).replace(/\d+/, '#'), { unit, n: null });
      }
    }
    const auto = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    const words: [number, Unit][] = [
      [0, 'second'],
      [-1, 'day'],
      [-2, 'day'],
      [-1, 'week'],
      [-1, 'month'],
      [-1, 'year'],
    ];
    for (const [n, unit] of words) {
      const k = key(auto.format(n, unit));
      if (!/\d/.test(k) && !table.has(k)) table.set(k, { unit, n: -n });
    }
  }
  relativeTable = table;
  return table;
}

let monthTable: Map<string, number> | null = null;

/** Month names and abbreviations (standalone and in-date forms, e.g. pl "marca") → 0-based month. */
function months(): Map<string, number> {
  if (monthTable) return monthTable;
  // What platforms or regional variants print beyond these locales' CLDR forms (en-GB, de-AT).
  const table = new Map<string, number>([
    ['sept', 8],
    ['mrz', 2],
    ['jänner', 0],
    ['jän', 0],
  ]);
  for (const locale of MONTH_LOCALES) {
    for (const month of ['long', 'short'] as const) {
      const alone = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(locale, { month, day: 'numeric', timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const at = Date.UTC(2024, m, 5);
        const names = [alone.format(at), inDate.formatToParts(at).find((p) => p.type === 'month')?.value];
        for (const name of names) if (name && !/\d/.test(name)) table.set(key(name), m);
      }
    }
  }
  monthTable = table;
  return table;
}

/** The language subtag of a hint, lower case ("de-AT" → "de"), or null. */
function langOf(locale: string | null | undefined): string | null {
  const lang = locale?.split(/[-_]/)[0]?.toLowerCase();
  return lang || null;
}

/** `now` minus n units; months and years by the calendar so "vor 2 Monaten" lands on the same day. */
function minus(now: Date, n: number, unit: Unit): Date {
  const d = new Date(now.getTime());
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() - n);
  else if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() - n);
  else d.setTime(d.getTime() - n * UNIT_MS[unit]);
  return d;
}

/** A relative phrase read as how many of which unit ago ("vor 5 Monaten" → 5 months), or null. */
function relativeAmount(text: string, locale: string | null | undefined): { n: number; unit: Unit } | null {
  const table = relatives();
  const k = key(text);
  const digits = k.match(/\d+/g);
  if (digits && digits.length > 1) return null;
  if (!digits) {
    const hit = table.get(k);
    if (hit) return { n: hit.n ?? 1, unit: hit.unit };
    // "a day ago", "vor einem Tag": try each one-word as the number 1 ("il y a un jour" has two candidates).
    const words = text.toLowerCase().split(/\s+/);
    for (let i = 0; i < words.length; i++) {
      if (!ONE_WORDS.has(words[i]!)) continue;
      const candidate = table.get(key([...words.slice(0, i), '#', ...words.slice(i + 1)].join(' ')));
      if (candidate) return { n: 1, unit: candidate.unit };
    }
    return null;
  }
  const n = Number(digits[0]);
  const hit = table.get(k.replace(/\d+/, '#'));
  if (hit) return { n: hit.n ?? n, unit: hit.unit };
  const m = COMPACT_RELATIVE.exec(text.replace(/[.\s]/g, ''));
  if (!m) return null;
  const word = m[3]!;
  let unit = UNIT_WORDS[word.toLowerCase()];
  if (word.toLowerCase() === 'j') {
    // "J." is German Jahr, "j" French jour; the hint decides, else the German habit of capitals does.
    const lang = langOf(locale);
    unit = lang === 'de' || (lang !== 'fr' && word === 'J') ? 'year' : 'day';
  }
  return unit ? { n, unit } : null;
}

function relative(text: string, now: Date, locale: string | null | undefined): Date | null {
  const amount = relativeAmount(text, locale);
  return amount ? minus(now, amount.n, amount.unit) : null;
}

/**
 * The unit of a relative time ("il y a 5 mois" → 'month'), or null when the text is not one: how
 * precise a time read from it is. Google reviews show only such times.
 */
export function relativeUnit(text: string, locale?: string | null): Unit | null {
  const s = text.replace(/[\s\u200b\u2060\ufeff]+/g, ' ').trim();
  return s && s.length <= 100 ? (relativeAmount(s, locale)?.unit ?? null) : null;
}

// ─── Absolute dates ────────────────────────────────────────────────────────────────────────────────

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const EPOCH = /^(\d{9,10}|\d{12,13})(?:\.\d+)?$/;
const YMD = /^(\d{4})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{1,2})\.?$/;
const DMY_DOT = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})?$/;
const DMY_DASH = /^(\d{1,2})-(\d{1,2})-(\d{4})$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const CJK_DATE = /^(?:(\d{4})\s?[年년]\s?)?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]$/;
const DAY_TOKEN = /^(\d{1,2})(?:st|nd|rd|th|er|º|ª)?$/;

/** Date-only values sit at 12:00 UTC: the calendar day then survives any zone from UTC−11 to UTC+11. */
const NOON = 12;

/** A valid calendar date as epoch ms (12:00 UTC), or null ("31.02." is not a date). */
function utcDate(year: number, month0: number, day: number): number | null {
  if (month0 < 0 || month0 > 11 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month0, day, NOON);
  return new Date(ms).getUTCDate() === day ? ms : null;
}

/** Noon of a day that has already begun somewhere (UTC+14) is at most 26 hours after `now`. */
const LATEST_NOON_AHEAD_MS = (14 + NOON) * UNIT_MS.hour;

/** A day and month without a year: the latest such day that has begun somewhere on Earth by `now`. */
function withoutYear(month0: number, day: number, now: Date): number | null {
  const year = now.getUTCFullYear();
  const thisYear = utcDate(year, month0, day);
  if (thisYear !== null && thisYear <= now.getTime() + LATEST_NOON_AHEAD_MS) return thisYear;
  // 29 February: go back to the last leap year.
  for (let y = year - 1; y >= year - 8; y--) {
    const ms = utcDate(y, month0, day);
    if (ms !== null) return ms;
  }
  return null;
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/** Whether the locale writes the month before the day in numeric dates (en-US "3/5/24"). */
function monthFirst(locale: string): boolean | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).formatToParts(0);
    const order = parts.filter((p) => p.type === 'month' || p.type === 'day').map((p) => p.type);
    return order[0] === 'month';
  } catch {
    return null;
  }
}

const monthFirstCache = new Map<string, boolean | null>();

function isoDateTime(m: RegExpExecArray): number | null {
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const day = utcDate(Number(y), Number(mo) - 1, Number(d));
  if (day === null || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const ms = Number((frac ?? '0').padEnd(3, '0').slice(0, 3));
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  // Without a zone the value is read as UTC: pages that omit it almost always mean UTC.
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
  }
  return t;
}

function numericDate(s: string, now: Date, locale: string | null | undefined): number | null {
  let m = YMD.exec(s);
  if (m) return utcDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  m = CJK_DATE.exec(s);
  if (m) {
    return m[1]
      ? utcDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
      : withoutYear(Number(m[2]) - 1, Number(m[3]), now);
  }
  m = DMY_DOT.exec(s) ?? DMY_DASH.exec(s);
  if (m) {
    return m[3]
      ? utcDate(fullYear(m[3]), Number(m[2]) - 1, Number(m[1]))
      : withoutYear(Number(m[2]) - 1, Number(m[1]), now);
  }
  m = SLASHED.exec(s);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), fullYear(m[3]!)];
  let first: boolean | null = null;
  if (locale) {
    if (!monthFirstCache.has(locale)) monthFirstCache.set(locale, monthFirst(locale));
    first = monthFirstCache.get(locale) ?? null;
  }
  // Without a hint "03/05/2024" is March or May depending on the reader: only unambiguous ones are read.
  if (first === null) {
    if (a > 12 && b <= 12) first = false;
    else if (b > 12 && a <= 12) first = true;
    else if (a === b) first = true;
    else return null;
  }
  return first ? utcDate(y, a - 1, b) : utcDate(y, b - 1, a);
}

/** "5. März 2024", "Mar 5, 2024", "5 de marzo de 2024", "5 mars": day, month name, optional year. */
function namedDate(s: string, now: Date): number | null {
  const tokens = s
    .toLowerCase()
    .replace(/,/g, ' ')
    .split(/\s+/)
    .map((t) => t.replace(/\.$/, ''))
    .filter((t) => t && t !== 'de' && t !== 'del');
  if (tokens.length < 2 || tokens.length > 3) return null;
  const names = months();
  let month: number | undefined;
  let day: number | undefined;
  let year: number | undefined;
  for (const t of tokens) {
    const asMonth = names.get(key(t));
    const asDay = DAY_TOKEN.exec(t);
    if (asMonth !== undefined && month === undefined) month = asMonth;
    else if (asDay && day === undefined && year === undefined) day = Number(asDay[1]);
    else if (/^\d{4}$/.test(t) && year === undefined && day !== undefined) year = Number(t);
    else return null;
  }
  if (month === undefined || day === undefined) return null;
  return year === undefined ? withoutYear(month, day, now) : utcDate(year, month, day);
}

// ─── Dates with a clock time ───────────────────────────────────────────────────────────────────────

/** "14:05", "2:05 PM", "9:15 p.m.", "21.15 Uhr": the clock time in a date label. */
const CLOCK_COLON = /(?<![\d:.])(\d{1,2}):(\d{2})(?::\d{2})?(?:\s*([ap])\.?\s*m\b\.?)?(?![\d:])/i;
const CLOCK_UHR = /(?<![\d.])(\d{1,2})(?:[.:](\d{2}))?\s*uhr\b/i;
/** Words that join a date and a time ("at", "um", "à", "a las", "alle", "om", "às", "kl.", "o"), and "Uhr". */
const JOINERS = /(?:^|\s)(?:at|um|à|a|las|alle|om|às|kl|klo|godz|o|saat|uhr)\.?(?=\s|$)/giu;

/** "Today" in the languages of LANGS, in key form (the relative table has no day 0). */
const TODAY = new Set([
  'today',
  'heute',
  "aujourd'hui",
  'hoy',
  'oggi',
  'vandaag',
  'hoje',
  'dzisiaj',
  'bugün',
  '今日',
]);

/**
 * A date and a clock time, as apps print them in the reader's own time zone: "Yesterday at 10:41 AM",
 * "March 3 at 5:05 PM", "27. Januar 2026 um 01:28", "12:55 AM · Jan 27, 2026", "12.03.2024 14:05".
 * Read as local time (the zone the page printed it in). A clock time alone is not read: "3:45" is as
 * often a video's length as a time of day.
 */
function withClock(s: string, now: Date, locale: string | null | undefined): number | null {
  const clock = CLOCK_COLON.exec(s) ?? CLOCK_UHR.exec(s);
  if (!clock) return null;
  let hours = Number(clock[1]);
  const minutes = Number(clock[2] ?? 0);
  const half = clock[3]?.toLowerCase();
  if (half && (hours < 1 || hours > 12)) return null;
  if (half === 'p' && hours < 12) hours += 12;
  if (half === 'a' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return null;
  const datePart = s
    .replace(clock[0], ' ')
    .replace(/[·•|,]/g, ' ')
    .replace(JOINERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!datePart) return null;
  let day: Date;
  const dated = numericDate(datePart, now, locale) ?? namedDate(datePart, now);
  if (dated !== null) {
    // absolute dates are kept at noon UTC: their UTC calendar day is the printed day
    const d = new Date(dated);
    day = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  } else {
    // only whole days ("gestern", "today"), not "vor 3 Std. 14:05"
    const rel = /\d/.test(datePart) ? null : TODAY.has(key(datePart)) ? now : relative(datePart, now, locale);
    if (!rel || now.getTime() - rel.getTime() > 8 * UNIT_MS.day) return null;
    day = new Date(rel.getFullYear(), rel.getMonth(), rel.getDate());
  }
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes).getTime();
}

/** Only a date with a clock time ("Jan 27, 2026 at 1:28 AM"), as ISO UTC; null for anything else. */
export function parseDateTime(text: string, now: Date, locale?: string | null): string | null {
  const s = text.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 100 || Number.isNaN(now.getTime())) return null;
  const ms = withClock(s, now, locale);
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

/** A displayed or machine time as an ISO 8601 UTC string, or null when it is not understood. */
export function parseTime(text: string, now: Date, locale?: string | null): string | null {
  const s = text
    .replace(/[\s\u200b\u2060\ufeff]+/g, ' ')
    .replace(/[\u200e\u200f]/g, '')
    .trim();
  if (!s || s.length > 100 || Number.isNaN(now.getTime())) return null;
  let ms: number | null = null;
  const iso = ISO_DATETIME.exec(s);
  if (iso) ms = isoDateTime(iso);
  else if (EPOCH.test(s)) {
    // 9–10 digits are seconds (1973–2286), 12–13 digits milliseconds; 11 would be either, so neither.
    const n = Number(s);
    ms = s.split('.')[0]!.length <= 10 ? Math.round(n * 1000) : Math.round(n);
  } else {
    ms =
      numericDate(s, now, locale) ??
      relative(s, now, locale)?.getTime() ??
      namedDate(s, now) ??
      withClock(s, now, locale);
  }
  if (ms === null || !Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date.toISOString() : null;
}
