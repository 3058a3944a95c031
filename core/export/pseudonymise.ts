/**
 * Pseudonymisation of exported records: every handle, display name, profile link and @mention is
 * replaced by a keyed hash (HMAC-SHA-256 under a per-collection secret, via WebCrypto), or by
 * "[redacted]".
 *
 * - Same secret + same person → same pseudonym, in posts, comments, profiles, mention lists, text and
 *   URLs. Handles are normalised per platform (trimmed, leading "@" dropped, lower-cased), and the
 *   platform is part of the hashed input, so @alice on X and alice on Instagram are different people.
 * - Another secret (another collection) → unrelated pseudonyms: collections cannot be joined on them.
 * - Where handles are found: the author/reposter/mention fields; profile paths of platform URLs
 *   (x.com/<h>, instagram.com/<h>, tiktok.com/@<h>, threads/@<h>, bsky.app/profile/<h>, youtube /@<h>,
 *   /c/<h>, /user/<h>, /channel/<id>, reddit /u/<h> and /user/<h>, linkedin /in/<h> and /company/<h>,
 *   facebook /<h> and profile.php?id=, pinterest /<h>, xing /profile/<h>, any host's /@<h>), in the
 *   item's url, links, the provenance page URLs and URLs inside text; "@handle" and "u/handle" in text.
 *   Then every word of every text field (body, hashtags, URL paths, queries, collection name) that
 *   equals a handle known so far — of any platform, case-insensitively — is replaced too ("bare"
 *   mentions such as "thanks alice_1"). Handles shorter than `minBareLength` (default 3) are not
 *   replaced as bare words, only in the positions above: "x" cannot be scrubbed from every text.
 * - Streaming is single-pass, so a bare mention of a handle that is only met in a LATER record is
 *   missed. For the guarantee, run `collectHandles` over the same records first and pass the result as
 *   `knownHandles` (the worker can read the records twice).
 * Not replaced: display names inside free text (only the name field is), post/comment ids.
 */
import type { PlatformId } from '../model';
import { allLinkHosts, PLATFORMS, platformInfo, platformOfLinkHost } from '../platforms/registry';
import type { ExportRecord } from './record';

export type PseudonymMode =
  | { kind: 'none' }
  | {
      kind: 'pseudonymise';
      /** Per-collection secret, at least 16 bytes (see generateSecret). */
      secret: Uint8Array;
      /** Default 'u_'. */
      prefix?: string;
      /** Base32 characters kept from the HMAC. Default 12 (60 bits). */
      length?: number;
    }
  | { kind: 'redact' };

export type PseudonymModeKind = PseudonymMode['kind'];

export const REDACTED = '[redacted]';

/** WebCrypto's CryptoKey, named without the DOM lib (the worker and Node both have it). */
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export interface HandleRef {
  platform: PlatformId;
  handle: string;
}

export interface PseudonymiserOptions {
  /** Handles to treat as known from the start (see collectHandles). */
  knownHandles?: Iterable<HandleRef>;
  /** Shortest handle replaced as a bare word in text. Default 3. */
  minBareLength?: number;
}

/** A fresh random secret for a collection (32 bytes), from the platform's CSPRNG. */
export function generateSecret(bytes = 32): Uint8Array {
  if (!Number.isInteger(bytes) || bytes < 16) throw new Error('secret must be at least 16 bytes');
  return crypto.getRandomValues(new Uint8Array(bytes));
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** Canonical form of a handle on a platform: the key pseudonyms are computed from. */
export function normaliseHandle(platform: PlatformId, handle: string): string {
  // NFC only matters outside ASCII (and costs more than the rest together).
  let h = (NON_ASCII.test(handle) ? handle.normalize('NFC') : handle).trim();
  const prefix = platformInfo(platform)?.handles.prefix;
  if (prefix) h = h.replace(prefix, '');
  h = h.replace(/^@+/, '');
  return h.toLowerCase();
}

function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

// ─── Where handles live in URLs ───────────────────────────────────────────────────────────────────

interface HandleSlot {
  index: number;
  platform: PlatformId;
}

/**
 * Which path segments hold a handle, for a URL whose host belongs to `hostPlatform` (null: unknown
 * host, read by the rules of the platform that runs on any host, i.e. Mastodon's "/@user"). Segments
 * are decoded, without slashes. The rules are each platform's own (`handles` in its folder).
 */
function handleSlots(hostPlatform: PlatformId | null, segs: readonly string[]): HandleSlot[] {
  const info = hostPlatform ? platformInfo(hostPlatform) : PLATFORMS.find((p) => p.anyHost);
  if (!info) return [];
  const lower = segs.map((s) => s.toLowerCase());
  const slots = info.handles.pathSlots(segs, lower).map((index) => ({ index, platform: info.id }));
  if (info.handles.atSegments) {
    segs.forEach((s, i) => {
      if (s.length > 1 && s.startsWith('@')) slots.push({ index: i, platform: info.id });
    });
  }
  return slots;
}

/** Query parameters that hold a handle, per platform. */
function queryHandleParam(hostPlatform: PlatformId | null, path: string, name: string): PlatformId | null {
  if (!hostPlatform) return null;
  return platformInfo(hostPlatform)?.handles.queryParam?.(path, name.toLowerCase()) ? hostPlatform : null;
}

function safeDecode(s: string, plusIsSpace = false): string {
  if (!s.includes('%') && !(plusIsSpace && s.includes('+'))) return s;
  try {
    return decodeURIComponent(plusIsSpace ? s.replaceAll('+', ' ') : s);
  } catch {
    return s;
  }
}

// ─── The rewriter: one pass over a record, parameterised by how a handle is resolved ─────────────

type Resolve = (platform: PlatformId, handle: string) => string;
type ResolveName = (platform: PlatformId, name: string) => string;
type Bare = (token: string, platform: PlatformId) => string | null;

/** Every platform's hosts, so "x.com/alice" without a scheme is read as a link too. */
const SCHEMELESS_HOSTS = `(?:${allLinkHosts().map(escapeRegExp).join('|')})`;
const TOKEN_SRC = '[\\p{L}\\p{N}_]+(?:[.\\-@][\\p{L}\\p{N}_]+)*';
const HANDLE_ALTERNATIVES = [
  `(?<![\\p{L}\\p{N}_])(?<url>(?:https?:\\/\\/|www\\.|${SCHEMELESS_HOSTS}\\/)[^\\s<>"'\`]*)`,
  '(?<![\\p{L}\\p{N}_@])@(?<mention>[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.\\-]*[\\p{L}\\p{N}_])?)(?<instance>@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)+)?',
  '(?<![\\p{L}\\p{N}_\\/])(?<uprefix>\\/?u\\/)(?<ruser>[A-Za-z0-9_\\-]{3,20})',
];
/** URL | @mention (+ optional @instance) | u/reddit-user | word. */
const SCAN = new RegExp([...HANDLE_ALTERNATIVES, `(?<token>${TOKEN_SRC})`].join('|'), 'gu');
/** The same without words: the collecting pass only needs the places that name a handle. */
const SCAN_HANDLES = new RegExp(HANDLE_ALTERNATIVES.join('|'), 'gu');
const WORD = new RegExp(TOKEN_SRC, 'gu');
const TOKEN_SEP = /([.\-@])/u;
const HAS_SEP = /[.\-@]/;
/** Platforms whose handles are only letters, digits and underscores ("@alice.bob" mentions "alice"). */
const STRICT_HANDLE = new Set<PlatformId>(PLATFORMS.filter((p) => p.handles.strict).map((p) => p.id));

class Rewriter {
  constructor(
    private readonly resolve: Resolve,
    private readonly resolveName: ResolveName,
    private readonly bare: Bare,
    private readonly phrases: () => RegExp | null,
    private readonly phraseLookup: (phrase: string, platform: PlatformId) => string | null,
    /** The collecting pass: only handle positions matter, words are left alone. */
    private readonly collecting = false,
  ) {}

  handleField(platform: PlatformId, value: string | null): string | null {
    if (value === null) return null;
    if (normaliseHandle(platform, value) === '') return value;
    const keepAt = value.trimStart().startsWith('@');
    return (keepAt ? '@' : '') + this.resolve(platform, value);
  }

  nameField(platform: PlatformId, name: string | null, handle: string | null): string | null {
    if (name === null) return null;
    if (handle !== null && normaliseHandle(platform, handle) !== '') return this.resolve(platform, handle);
    if (normaliseName(name) === '') return name;
    return this.resolveName(platform, name);
  }

  /** Bare words only (no URL or mention parsing): for URL parts. */
  words(text: string, platform: PlatformId): string {
    if (this.collecting) return text;
    return text.replace(WORD, (token) => this.token(token, platform));
  }

  text(text: string, platform: PlatformId): string {
    const phrases = this.phrases();
    const input = phrases
      ? text.replace(phrases, (m) => this.phraseLookup(normaliseName(m), platform) ?? m)
      : text;
    const scan = this.collecting ? SCAN_HANDLES : SCAN;
    scan.lastIndex = 0;
    let out = '';
    let last = 0;
    for (let m = scan.exec(input); m !== null; m = scan.exec(input)) {
      const g = m.groups!;
      // The regex is shared and replacements may scan nested text (mention suffixes): keep our place.
      const resume = scan.lastIndex;
      let replacement: string;
      if (g.url !== undefined) {
        const trimmed = /^(.*?)([.,;:!?)\]}»"'…]*)$/su.exec(g.url)!;
        replacement = this.url(trimmed[1]!, platform) + trimmed[2]!;
      } else if (g.mention !== undefined) replacement = this.mention(g.mention, g.instance, platform);
      else if (g.ruser !== undefined) replacement = g.uprefix! + this.resolve('reddit', g.ruser);
      else replacement = this.token(m[0], platform);
      scan.lastIndex = resume;
      if (replacement !== m[0]) {
        out += input.slice(last, m.index) + replacement;
        last = m.index + m[0].length;
      }
    }
    return last === 0 ? input : out + input.slice(last);
  }

  private mention(raw: string, instance: string | undefined, platform: PlatformId): string {
    if (instance !== undefined) {
      // "@user@instance": a fediverse address, whatever platform the text is on.
      const head = /^[\p{L}\p{N}_]+/u.exec(raw)![0];
      if (head === raw) return `@${this.resolve('mastodon', raw + instance)}`;
    }
    const suffix = instance === undefined ? '' : this.words(instance, platform);
    if (STRICT_HANDLE.has(platform)) {
      const head = /^[\p{L}\p{N}_]+/u.exec(raw)![0];
      return `@${this.resolve(platform, head)}${this.text(raw.slice(head.length), platform)}${suffix}`;
    }
    return `@${this.resolve(platform, raw)}${suffix}`;
  }

  /** A word: replaced if it, or a dotted/hyphenated part of it, is a known handle. */
  private token(token: string, platform: PlatformId): string {
    if (!HAS_SEP.test(token)) return this.bare(token, platform) ?? token;
    const parts = token.split(TOKEN_SEP); // words at even indexes, separators at odd ones
    let out = '';
    let i = 0;
    while (i < parts.length) {
      let replaced = false;
      for (let j = parts.length - 1; j >= i; j -= 2) {
        const candidate = parts.slice(i, j + 1).join('');
        const hit = this.bare(candidate, platform);
        if (hit !== null) {
          out += hit;
          i = j + 1;
          replaced = true;
          break;
        }
      }
      if (!replaced) {
        out += parts[i]!;
        i += 1;
      }
      if (i < parts.length && i % 2 === 1) {
        out += parts[i]!;
        i += 1;
      }
    }
    return out;
  }

  url(url: string, platform: PlatformId): string {
    const m = /^((?:[a-z][a-z0-9+.-]*:)?\/\/)?([^/?#\s]*)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/iu.exec(url);
    if (!m || (!m[1] && !m[2]!.includes('.'))) return this.words(url, platform);
    const scheme = m[1] ?? '';
    const authority = m[2]!;
    const path = m[3] ?? '';
    const query = m[4] ?? '';
    const fragment = m[5] ?? '';

    const hostMatch = /^([^@]*@)?([^:]*)(:\d+)?$/u.exec(authority);
    const userinfo = hostMatch?.[1] ?? '';
    const host = (hostMatch?.[2] ?? authority).toLowerCase();
    const port = hostMatch?.[3] ?? '';
    const hostPlatform = platformOfLinkHost(host);
    const hostOut =
      (userinfo ? this.words(userinfo, platform) : '') +
      (this.bare(host.replace(/^www\./, ''), platform) ?? hostMatch?.[2] ?? authority) +
      port;

    const rawSegs = path.split('/');
    const decoded = rawSegs.slice(1).map((s) => safeDecode(s));
    const slots = new Map(handleSlots(hostPlatform, decoded).map((s) => [s.index + 1, s.platform]));
    const segsOut = rawSegs.map((seg, i) => {
      if (i === 0) return seg;
      const slotPlatform = slots.get(i);
      const value = decoded[i - 1]!;
      let out: string;
      if (slotPlatform !== undefined && normaliseHandle(slotPlatform, value) !== '') {
        const keepAt = value.startsWith('@');
        out = (keepAt ? '@' : '') + this.resolve(slotPlatform, value);
      } else {
        out = this.words(value, platform);
      }
      return out === value ? seg : encodePathSegment(out);
    });

    let queryOut = query;
    if (query) {
      queryOut = `?${query
        .slice(1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=');
          const rawName = eq < 0 ? pair : pair.slice(0, eq);
          const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
          const name = safeDecode(rawName, true);
          const value = safeDecode(rawValue, true);
          const nameOut = this.words(name, platform);
          const paramPlatform = queryHandleParam(hostPlatform, path, name);
          const valueOut =
            paramPlatform !== null && normaliseHandle(paramPlatform, value) !== ''
              ? this.resolve(paramPlatform, value)
              : this.words(value, platform);
          const n = nameOut === name ? rawName : encodeURIComponent(nameOut);
          if (eq < 0) return n;
          return `${n}=${valueOut === value ? rawValue : encodeURIComponent(valueOut)}`;
        })
        .join('&')}`;
    }
    const fragmentOut = fragment ? `#${this.wordsEncoded(fragment.slice(1), platform)}` : '';
    return scheme + hostOut + segsOut.join('/') + queryOut + fragmentOut;
  }

  private wordsEncoded(raw: string, platform: PlatformId): string {
    const decoded = safeDecode(raw);
    const out = this.words(decoded, platform);
    return out === decoded ? raw : encodeURI(out);
  }

  record(r: ExportRecord): ExportRecord {
    const p = r.platform;
    const isProfile = r.type === 'profile';
    return {
      ...r,
      id: isProfile ? this.resolve(p, r.id) : r.id,
      threadId: isProfile ? this.resolve(p, r.threadId) : r.threadId,
      url: r.url === null ? null : this.url(r.url, p),
      author: {
        handle: this.handleField(p, r.author.handle),
        name: this.nameField(p, r.author.name, r.author.handle),
      },
      text: this.text(r.text, p),
      hashtags: r.hashtags.map((h) => this.text(h, p)),
      mentions: r.mentions.map((m) => this.handleField(p, m) ?? m),
      links: r.links.map((l) => this.url(l, p)),
      repostedBy: this.handleField(p, r.repostedBy),
      first: { ...r.first, pageUrl: this.url(r.first.pageUrl, r.first.platform) },
      last: { ...r.last, pageUrl: this.url(r.last.pageUrl, r.last.platform) },
      collection: { id: r.collection.id, name: this.text(r.collection.name, p) },
    };
  }
}

function encodePathSegment(s: string): string {
  return encodeURIComponent(s).replace(/%40/g, '@');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A rewriter that records which handles and names a record needs (the collecting pass). With
 * `phrases`, it applies the same phrase replacement as the real pass (with a word-character
 * placeholder), so both passes split the text the same way.
 */
function collectingRewriter(
  sink: (ref: HandleRef) => void,
  names?: (p: PlatformId, n: string) => void,
  phrases?: { regex: () => RegExp | null; known: (phrase: string, platform: PlatformId) => boolean },
): Rewriter {
  return new Rewriter(
    (platform, handle) => {
      sink({ platform, handle });
      return 'u';
    },
    (platform, name) => {
      names?.(platform, name);
      return 'n';
    },
    () => null,
    () => phrases?.regex() ?? null,
    (phrase, platform) => (phrases?.known(phrase, platform) ? 'u' : null),
    true,
  );
}

/** Every handle the records mention, for `knownHandles` (first pass of a two-pass export). */
export async function collectHandles(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
): Promise<HandleRef[]> {
  const seen = new Map<string, HandleRef>();
  const rw = collectingRewriter((ref) => {
    const norm = normaliseHandle(ref.platform, ref.handle);
    if (norm !== '') seen.set(`${ref.platform}\u0000${norm}`, { platform: ref.platform, handle: norm });
  });
  for await (const r of records) rw.record(r);
  return [...seen.values()];
}

export class Pseudonymiser {
  /** normalised handle → platform → replacement. */
  private readonly known = new Map<string, Map<PlatformId, string>>();
  private readonly names = new Map<string, string>();
  private readonly encoder = new TextEncoder();
  private phraseRegex: RegExp | null = null;
  private phraseRegexStale = false;
  private readonly rewriter: Rewriter;
  /** Handles that had to be redacted because no pseudonym was ready (should stay 0). */
  fallbacks = 0;

  private constructor(
    readonly mode: PseudonymMode,
    private readonly key: HmacKey | null,
    private readonly minBareLength: number,
  ) {
    this.rewriter = new Rewriter(
      (platform, handle) => this.lookup(platform, normaliseHandle(platform, handle)),
      (platform, name) => this.names.get(`${platform}\u0000${normaliseName(name)}`) ?? REDACTED,
      (token, platform) => this.bareLookup(token, platform),
      () => this.phrases(),
      (phrase, platform) => this.bareLookup(phrase, platform, true),
    );
  }

  static async create(mode: PseudonymMode, options: PseudonymiserOptions = {}): Promise<Pseudonymiser> {
    let key: HmacKey | null = null;
    if (mode.kind === 'pseudonymise') {
      if (mode.secret.byteLength < 16) throw new Error('pseudonymisation secret must be at least 16 bytes');
      const length = mode.length ?? 12;
      if (!Number.isInteger(length) || length < 8 || length > 52)
        throw new Error('pseudonym length must be 8–52');
      key = await crypto.subtle.importKey(
        'raw',
        new Uint8Array(mode.secret),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
    }
    const p = new Pseudonymiser(mode, key, options.minBareLength ?? 3);
    if (options.knownHandles && mode.kind !== 'none') await p.ensure([...options.knownHandles]);
    return p;
  }

  /** The pseudonym (or "[redacted]") for a handle; the handle itself in mode 'none'. */
  async pseudonym(platform: PlatformId, handle: string): Promise<string> {
    if (this.mode.kind === 'none') return handle;
    await this.ensure([{ platform, handle }]);
    return this.lookup(platform, normaliseHandle(platform, handle));
  }

  /** Rewrite one record (a copy; the input is not modified). */
  async record(r: ExportRecord): Promise<ExportRecord> {
    if (this.mode.kind === 'none') return r;
    const refs: HandleRef[] = [];
    const nameRefs: { platform: PlatformId; name: string }[] = [];
    collectingRewriter(
      (ref) => refs.push(ref),
      (platform, name) => nameRefs.push({ platform, name }),
      {
        regex: () => this.phrases(),
        known: (phrase, platform) => this.bareLookup(phrase, platform, true) !== null,
      },
    ).record(r);
    await this.ensure(refs);
    await this.ensureNames(nameRefs);
    return this.rewriter.record(r);
  }

  /** Pseudonymise handles in free text (e.g. the collection's notes for the codebook). */
  async scrubText(text: string, platform: PlatformId = 'x'): Promise<string> {
    if (this.mode.kind === 'none') return text;
    const refs: HandleRef[] = [];
    collectingRewriter((ref) => refs.push(ref), undefined, {
      regex: () => this.phrases(),
      known: (phrase, p) => this.bareLookup(phrase, p, true) !== null,
    }).text(text, platform);
    await this.ensure(refs);
    return this.rewriter.text(text, platform);
  }

  private lookup(platform: PlatformId, norm: string): string {
    if (this.mode.kind === 'redact') return REDACTED;
    const hit = this.known.get(norm)?.get(platform);
    if (hit !== undefined) return hit;
    // Not computed in the collecting pass (the two passes segmented a text differently): redact
    // rather than leak, and count it so tests can assert it never happens.
    this.fallbacks += 1;
    return REDACTED;
  }

  private bareLookup(word: string, platform: PlatformId, phrase = false): string | null {
    if (!phrase && word.length < this.minBareLength) return null;
    const byPlatform = this.known.get(word.toLowerCase());
    if (!byPlatform) return null;
    if (this.mode.kind === 'redact') return REDACTED;
    return byPlatform.get(platform) ?? byPlatform.values().next().value ?? null;
  }

  /** Known handles that contain whitespace (LinkedIn/Facebook mention names), as one regex. */
  private phrases(): RegExp | null {
    if (this.phraseRegexStale) {
      const list = [...this.known.keys()].filter((k) => /\s/.test(k)).sort((a, b) => b.length - a.length);
      this.phraseRegex =
        list.length === 0
          ? null
          : new RegExp(
              `(?<![\\p{L}\\p{N}_])(?:${list.map((k) => escapeRegExp(k).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}_])`,
              'giu',
            );
      this.phraseRegexStale = false;
    }
    return this.phraseRegex;
  }

  private async hmac(input: string): Promise<string> {
    const mode = this.mode;
    if (mode.kind !== 'pseudonymise' || this.key === null) return REDACTED;
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', this.key, this.encoder.encode(input)));
    return (mode.prefix ?? 'u_') + base32(mac).slice(0, mode.length ?? 12);
  }

  private async ensure(refs: readonly HandleRef[]): Promise<void> {
    const todo = new Map<string, { platform: PlatformId; norm: string }>();
    for (const { platform, handle } of refs) {
      const norm = normaliseHandle(platform, handle);
      if (norm === '' || this.known.get(norm)?.has(platform)) continue;
      todo.set(`${platform}\u0000${norm}`, { platform, norm });
    }
    if (todo.size === 0) return;
    const computed = await Promise.all(
      [...todo.entries()].map(async ([input, ref]) => ({ ...ref, value: await this.hmac(input) })),
    );
    for (const { platform, norm, value } of computed) {
      let byPlatform = this.known.get(norm);
      if (!byPlatform) {
        byPlatform = new Map();
        this.known.set(norm, byPlatform);
        if (/\s/.test(norm)) this.phraseRegexStale = true;
      }
      byPlatform.set(platform, value);
    }
  }

  private async ensureNames(refs: readonly { platform: PlatformId; name: string }[]): Promise<void> {
    for (const { platform, name } of refs) {
      const key = `${platform}\u0000${normaliseName(name)}`;
      if (this.names.has(key)) continue;
      // A different separator than handles, so a name never collides with a handle's pseudonym input.
      this.names.set(key, await this.hmac(`${platform}\u0001${normaliseName(name)}`));
    }
  }
}

/** Pseudonymise a stream of records lazily (pass-through in mode 'none'). */
export async function* pseudonymiseRecords(
  records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>,
  pseudonymiser: Pseudonymiser,
): AsyncGenerator<ExportRecord, void, undefined> {
  for await (const r of records) yield await pseudonymiser.record(r);
}
