import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createExport } from '../../core/export';
import {
  collectHandles,
  generateSecret,
  type HandleRef,
  Pseudonymiser,
  type PseudonymMode,
  pseudonymiseRecords,
  REDACTED,
} from '../../core/export/pseudonymise';
import type { ExportRecord } from '../../core/export/record';
import type { PlatformId } from '../../core/model';
import { collect, makeRecord, provenance, toArray } from './helpers';

const KEY_A = new Uint8Array(32).fill(7);
const KEY_B = new Uint8Array(32).fill(9);
const modeA: PseudonymMode = { kind: 'pseudonymise', secret: KEY_A };
const modeB: PseudonymMode = { kind: 'pseudonymise', secret: KEY_B };

// ─── An independent reference for the pseudonym (RFC 4648 base32 + node:crypto HMAC) ─────────────

function rfc4648Base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5)
    out += alphabet[Number.parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}

describe('reference base32', () => {
  it('matches the RFC 4648 test vectors', () => {
    const enc = (s: string) => rfc4648Base32(new TextEncoder().encode(s));
    expect(enc('f')).toBe('MY');
    expect(enc('fo')).toBe('MZXQ');
    expect(enc('foobar')).toBe('MZXW6YTBOI');
  });
});

function referencePseudonym(key: Uint8Array, platform: PlatformId, normalisedHandle: string): string {
  const mac = createHmac('sha256', key).update(`${platform}\u0000${normalisedHandle}`, 'utf8').digest();
  return `u_${rfc4648Base32(new Uint8Array(mac)).toLowerCase().slice(0, 12)}`;
}

// ─── Generated posts with handles everywhere ──────────────────────────────────────────────────────

/**
 * Handles: 2–5 letters, "_", a digit, 1–4 more letters/digits. No exported fixed text (column names,
 * JSON keys, ISO times, URLs, vocabulary, pseudonyms "u_…") contains "<2 letters>_<digit>", so a
 * handle found in the output is a real leak.
 */
const handleArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstvwxyz'), minLength: 2, maxLength: 5 }),
    fc.constantFrom(...'0123456789'),
    fc.string({
      unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([a, d, b]) => `${a}_${d}${b}`);

type Casing = 0 | 1 | 2;
function cased(h: string, c: Casing): string {
  return c === 0 ? h : c === 1 ? h.toUpperCase() : h[0]!.toUpperCase() + h.slice(1);
}

const PLATFORMS = [
  'x',
  'instagram',
  'tiktok',
  'threads',
  'bluesky',
  'mastodon',
  'reddit',
  'youtube',
  'linkedin',
  'facebook',
  'pinterest',
  'xing',
] as const;

/** A profile URL for a handle on a platform, in one of several real-world forms. */
function profileUrl(platform: PlatformId, h: string, variant: number): string {
  switch (platform) {
    case 'x':
      return [
        `https://x.com/${h}/status/18${variant}`,
        `https://twitter.com/${h}`,
        `x.com/${h}`,
        `https://mobile.twitter.com/${h}/with_replies`,
      ][variant % 4]!;
    case 'instagram':
      return [`https://www.instagram.com/${h}/`, `https://www.instagram.com/stories/${h}/31${variant}/`][
        variant % 2
      ]!;
    case 'tiktok':
      return `https://www.tiktok.com/@${h}/video/72${variant}`;
    case 'threads':
      return [`https://www.threads.net/@${h}/post/Cx${variant}`, `https://www.threads.com/@${h}`][
        variant % 2
      ]!;
    case 'bluesky':
      return `https://bsky.app/profile/${h}/post/3l${variant}`;
    case 'mastodon':
      return `https://mastodon.social/@${h}/11${variant}`;
    case 'reddit':
      return [`https://www.reddit.com/user/${h}/`, `https://old.reddit.com/u/${h}`][variant % 2]!;
    case 'youtube':
      return [`https://www.youtube.com/@${h}/videos`, `https://www.youtube.com/c/${h}`][variant % 2]!;
    case 'linkedin':
      return `https://www.linkedin.com/in/${h}/`;
    case 'facebook':
      return [
        `https://www.facebook.com/${h}/posts/12${variant}`,
        `https://www.facebook.com/profile.php?id=${h}`,
      ][variant % 2]!;
    case 'pinterest':
      return `https://www.pinterest.de/${h}/boards/`;
    case 'xing':
      return `https://www.xing.com/profile/${h}`;
    case 'google':
      return `https://www.google.com/maps/contrib/${h}/reviews`;
  }
}

const WORDS = [
  'hallo',
  'world',
  'Grüße',
  'مرحبا',
  '🎉',
  'status',
  'news',
  '#tag',
  'https://example.com/path?q=1',
  '(',
  ').',
  'mail:',
];

type Part =
  | { kind: 'word'; w: string }
  | {
      kind: 'at' | 'bare' | 'url' | 'reddit' | 'encoded' | 'query';
      h: number;
      c: Casing;
      v: number;
      p: number;
    };

interface PostSpec {
  platform: PlatformId;
  type: 'post' | 'comment' | 'profile';
  author: number;
  authorCase: Casing;
  mentions: { h: number; at: boolean; c: Casing }[];
  reposter: number | null;
  parts: Part[];
  links: { h: number; p: number; v: number; c: Casing }[];
  firstPage: number | null;
  lastPage: number | null;
  hashtagHandle: number | null;
  nameHasHandle: boolean;
}

function postSpecArb(poolSize: number): fc.Arbitrary<PostSpec> {
  const idx = fc.nat({ max: poolSize - 1 });
  const casing = fc.constantFrom<Casing>(0, 1, 2);
  const platform = fc.constantFrom(...PLATFORMS);
  const part: fc.Arbitrary<Part> = fc.oneof(
    fc.constantFrom(...WORDS).map((w) => ({ kind: 'word' as const, w })),
    fc.record({
      kind: fc.constantFrom(
        'at' as const,
        'bare' as const,
        'url' as const,
        'reddit' as const,
        'encoded' as const,
        'query' as const,
      ),
      h: idx,
      c: casing,
      v: fc.nat({ max: 7 }),
      p: fc.nat({ max: PLATFORMS.length - 1 }),
    }),
  );
  return fc.record({
    platform,
    type: fc.constantFrom('post' as const, 'post' as const, 'comment' as const, 'profile' as const),
    author: idx,
    authorCase: casing,
    mentions: fc.array(fc.record({ h: idx, at: fc.boolean(), c: casing }), { maxLength: 3 }),
    reposter: fc.option(idx, { nil: null }),
    parts: fc.array(part, { maxLength: 10 }),
    links: fc.array(
      fc.record({ h: idx, p: fc.nat({ max: PLATFORMS.length - 1 }), v: fc.nat({ max: 7 }), c: casing }),
      { maxLength: 2 },
    ),
    firstPage: fc.option(idx, { nil: null }),
    lastPage: fc.option(idx, { nil: null }),
    hashtagHandle: fc.option(idx, { nil: null }),
    nameHasHandle: fc.boolean(),
  });
}

/**
 * Build records. With `bareScope: 'record'`, handles appear bare (without "@", outside URLs) only if
 * the same record names them as author, mention or reposter — what a single pass can know. With
 * 'any', every handle of the pool appears bare anywhere, and each one is also the author of a profile
 * record appended at the END (so only the two-pass export can know it in time).
 */
function buildRecords(pool: string[], specs: PostSpec[], bareScope: 'record' | 'any'): ExportRecord[] {
  const records = specs.map((spec, i): ExportRecord => {
    const p = spec.platform;
    const author = cased(pool[spec.author]!, spec.authorCase);
    const named = new Set([
      spec.author,
      ...spec.mentions.map((m) => m.h),
      ...(spec.reposter === null ? [] : [spec.reposter]),
    ]);
    const namedList = [...named];
    const pick = (h: number) => (bareScope === 'any' || named.has(h) ? h : namedList[h % namedList.length]!);
    const text = spec.parts
      .map((part) => {
        if (part.kind === 'word') return part.w;
        const h = cased(pool[part.h]!, part.c);
        switch (part.kind) {
          case 'at':
            return `@${h}`;
          case 'bare':
            return `${cased(pool[pick(part.h)]!, part.c)}'s`;
          case 'url':
            return profileUrl(PLATFORMS[part.p]!, h, part.v);
          case 'reddit':
            return `u/${h}`;
          case 'encoded':
            return `https://x.com/${h}?ref=%40${encodeURIComponent(cased(pool[pick(part.h)]!, part.c))}`;
          case 'query':
            return `https://example.org/share?u=${cased(pool[pick(part.h)]!, part.c)}&x=1#${cased(pool[pick(part.h)]!, part.c)}`;
          default:
            throw new Error('unreachable');
        }
      })
      .join(' ');
    const id = String(1_000_000 + i);
    const pageFor = (h: number | null) => (h === null ? `https://x.com/home` : profileUrl(p, pool[h]!, i));
    return makeRecord({
      type: spec.type,
      platform: p,
      id: spec.type === 'profile' ? author : id,
      threadId: spec.type === 'profile' ? author : spec.type === 'comment' ? '999' : id,
      url: spec.type === 'profile' ? null : profileUrl(p, author, i),
      author: { handle: author, name: spec.nameHasHandle ? `${author} (Official)` : 'Jane Doe' },
      text,
      mentions: spec.mentions.map((m) => `${m.at ? '@' : ''}${cased(pool[m.h]!, m.c)}`),
      repostedBy: spec.reposter === null ? null : pool[spec.reposter]!.toUpperCase(),
      links: spec.links.map((l) => profileUrl(PLATFORMS[l.p]!, cased(pool[l.h]!, l.c), l.v)),
      hashtags: spec.hashtagHandle === null ? ['tag'] : ['tag', pool[pick(spec.hashtagHandle)]!],
      first: provenance({ platform: p, pageUrl: pageFor(spec.firstPage), seenAt: 1_760_000_000_000 + i }),
      last: provenance({ platform: p, pageUrl: pageFor(spec.lastPage), seenAt: 1_760_000_100_000 + i }),
      collection: { id: 'c1', name: 'Studie' },
    });
  });
  if (bareScope === 'any') {
    pool.forEach((h, i) => {
      records.push(
        makeRecord({
          type: 'profile',
          platform: PLATFORMS[i % PLATFORMS.length]!,
          id: h,
          threadId: h,
          url: null,
          author: { handle: h, name: null },
          text: '',
          hashtags: [],
          collection: { id: 'c1', name: 'Studie' },
        }),
      );
    });
  }
  return records;
}

const datasetArb = (bareScope: 'record' | 'any') =>
  fc
    .uniqueArray(handleArb, { minLength: 2, maxLength: 8 })
    .chain((pool) =>
      fc.tuple(fc.constant(pool), fc.array(postSpecArb(pool.length), { minLength: 1, maxLength: 8 })),
    )
    .map(([pool, specs]) => ({ pool, records: buildRecords(pool, specs, bareScope) }));

async function exportAll(records: ExportRecord[], mode: PseudonymMode, knownHandles?: HandleRef[]) {
  const out: string[] = [];
  let fallbacks = 0;
  for (const format of ['csv', 'ndjson', 'json'] as const) {
    const { chunks, pseudonymiser } = await createExport(records, {
      format,
      pseudonymisation: mode,
      knownHandles,
      ndjson: { userAgent: 'Mozilla/5.0 Test' },
    });
    out.push(await collect(chunks));
    fallbacks += pseudonymiser.fallbacks;
  }
  return { text: out.join('\n'), fallbacks };
}

function leaked(text: string, pool: string[]): string[] {
  const lower = text.toLowerCase();
  return pool.filter((h) => lower.includes(h.toLowerCase()));
}

describe('pseudonymisation (property tests)', () => {
  it('single pass: no handle named in a record survives anywhere in CSV, NDJSON or JSON', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb('record'), async ({ pool, records }) => {
        const { text, fallbacks } = await exportAll(records, modeA);
        expect(leaked(text, pool)).toEqual([]);
        expect(fallbacks).toBe(0);
      }),
      { numRuns: 120 },
    );
  });

  it('two passes (collectHandles → knownHandles): bare mentions of handles met only later are caught too', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArb('any'),
        fc.constantFrom(modeA, { kind: 'redact' } as PseudonymMode),
        async ({ pool, records }, mode) => {
          const known = await collectHandles(records);
          const { text, fallbacks } = await exportAll(records, mode, known);
          expect(leaked(text, pool)).toEqual([]);
          expect(fallbacks).toBe(0);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('the same person gets the same pseudonym everywhere (posts, comments, profiles, mentions, reposts)', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb('record'), async ({ records }) => {
        const p = await Pseudonymiser.create(modeA);
        const out = await toArray(pseudonymiseRecords(records, p));
        // (platform, lower-cased handle) → every output seen for it in the handle fields.
        const seen = new Map<string, Set<string>>();
        const note = (platform: string, original: string | null, replaced: string | null) => {
          if (original === null || replaced === null) return;
          const key = `${platform}|${original.replace(/^@/, '').toLowerCase()}`;
          const set = seen.get(key) ?? new Set<string>();
          set.add(replaced.replace(/^@/, ''));
          seen.set(key, set);
        };
        records.forEach((r, i) => {
          const o = out[i]!;
          note(r.platform, r.author.handle, o.author.handle);
          note(r.platform, r.repostedBy, o.repostedBy);
          r.mentions.forEach((m, j) => {
            note(r.platform, m, o.mentions[j]!);
          });
          if (r.type === 'profile') note(r.platform, r.id, o.id);
        });
        for (const outputs of seen.values()) expect(outputs.size).toBe(1);
        // Different people (or the same handle on different platforms) get different pseudonyms.
        const all = [...seen.values()].map((set) => [...set][0]);
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 100 },
    );
  });

  it('is stable for the same key and unrelated across keys (collections)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(handleArb, { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...PLATFORMS),
        async (handles, platform) => {
          const a1 = await Pseudonymiser.create(modeA);
          const a2 = await Pseudonymiser.create(modeA);
          const b = await Pseudonymiser.create(modeB);
          for (const h of handles) {
            const x = await a1.pseudonym(platform, h);
            expect(await a2.pseudonym(platform, h.toUpperCase())).toBe(x);
            expect(await a1.pseudonym(platform, `@${h}`)).toBe(x);
            expect(await b.pseudonym(platform, h)).not.toBe(x);
            expect(x).toBe(referencePseudonym(KEY_A, platform, h.toLowerCase()));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('pseudonymisation (examples)', () => {
  it('replaces handles in profile links, keeping the rest of the URL', async () => {
    const p = await Pseudonymiser.create(modeA);
    const alice = await p.pseudonym('x', 'alice_1');
    const r = await p.record(
      makeRecord({
        url: 'https://x.com/Alice_1/status/123?s=20',
        author: { handle: 'Alice_1', name: 'Alice Liddell' },
        links: ['https://x.com/home', 'https://x.com/search?q=kekse', 'https://example.com/a,b'],
        first: provenance({ pageUrl: 'https://x.com/ALICE_1' }),
        last: provenance({ pageUrl: 'https://x.com/home' }),
      }),
    );
    expect(r.url).toBe(`https://x.com/${alice}/status/123?s=20`);
    expect(r.author).toEqual({ handle: alice, name: alice });
    expect(r.links).toEqual([
      'https://x.com/home',
      'https://x.com/search?q=kekse',
      'https://example.com/a,b',
    ]);
    expect(r.first.pageUrl).toBe(`https://x.com/${alice}`);
    expect(alice).toMatch(/^u_[a-z2-7]{12}$/);
  });

  it('replaces @mentions and bare mentions in text, and leaves other words alone', async () => {
    const p = await Pseudonymiser.create(modeA);
    const r = await p.record(
      makeRecord({
        author: { handle: 'bob_2', name: null },
        mentions: ['@Carol_3'],
        text: 'Danke @CAROL_3 und bob_2! Mail: bob_2@example.com — @dave_4.',
      }),
    );
    const bob = await p.pseudonym('x', 'bob_2');
    const carol = await p.pseudonym('x', 'carol_3');
    const dave = await p.pseudonym('x', 'dave_4');
    expect(r.mentions).toEqual([`@${carol}`]);
    expect(r.text).toBe(`Danke @${carol} und ${bob}! Mail: ${bob}@example.com — @${dave}.`);
  });

  it('handles platform URL forms: tiktok/threads @, bluesky profile, reddit u/, facebook profile.php', async () => {
    const p = await Pseudonymiser.create(modeA);
    const text = [
      'https://www.tiktok.com/@Eve_5/video/7',
      'https://www.threads.net/@eve_5/post/C1',
      'https://bsky.app/profile/eve_5/post/3k',
      'siehe u/eve_5 und https://www.reddit.com/r/de/',
      'https://www.facebook.com/profile.php?id=eve_5&sk=about',
    ].join(' ');
    const r = await p.record(makeRecord({ platform: 'x', text }));
    const [tt, th, bs, rd, fb] = await Promise.all(
      (['tiktok', 'threads', 'bluesky', 'reddit', 'facebook'] as const).map((pl) => p.pseudonym(pl, 'eve_5')),
    );
    expect(r.text).toBe(
      [
        `https://www.tiktok.com/@${tt}/video/7`,
        `https://www.threads.net/@${th}/post/C1`,
        `https://bsky.app/profile/${bs}/post/3k`,
        `siehe u/${rd} und https://www.reddit.com/r/de/`,
        `https://www.facebook.com/profile.php?id=${fb}&sk=about`,
      ].join(' '),
    );
  });

  it('pseudonymises multi-word mention names in text (LinkedIn-style)', async () => {
    const p = await Pseudonymiser.create(modeA);
    const r = await p.record(
      makeRecord({
        platform: 'linkedin',
        mentions: ['Erika Mustermann'],
        text: 'Glückwunsch, Erika  Mustermann!',
      }),
    );
    const erika = await p.pseudonym('linkedin', 'erika mustermann');
    expect(r.text).toBe(`Glückwunsch, ${erika}!`);
  });

  it('handles dotted and hyphenated handles (Instagram, Bluesky) and fediverse addresses', async () => {
    const p = await Pseudonymiser.create(modeA);
    const ig = await p.record(
      makeRecord({
        platform: 'instagram',
        author: { handle: 'anna.schmidt', name: null },
        text: 'Foto von @Anna.Schmidt. Danke anna.schmidt! https://www.instagram.com/anna.schmidt/',
      }),
    );
    const anna = await p.pseudonym('instagram', 'anna.schmidt');
    expect(ig.text).toBe(`Foto von @${anna}. Danke ${anna}! https://www.instagram.com/${anna}/`);

    const bs = await p.record(
      makeRecord({
        platform: 'bluesky',
        author: { handle: 'jo-m.bsky.social', name: null },
        text: 'cc @jo-m.bsky.social',
      }),
    );
    expect(bs.text).toBe(`cc @${await p.pseudonym('bluesky', 'jo-m.bsky.social')}`);

    const fedi = await p.record(makeRecord({ platform: 'x', text: 'auch auf @kim@chaos.social' }));
    expect(fedi.text).toBe(`auch auf @${await p.pseudonym('mastodon', 'kim@chaos.social')}`);
    expect(p.fallbacks).toBe(0);
  });

  it('does not replace handles shorter than minBareLength as bare words (documented limit)', async () => {
    const p = await Pseudonymiser.create(modeA);
    const r = await p.record(
      makeRecord({ author: { handle: 'X', name: null }, text: 'x marks @x on https://x.com/x' }),
    );
    const px = await p.pseudonym('x', 'x');
    expect(r.author.handle).toBe(px);
    expect(r.text).toBe(`x marks @${px} on https://x.com/${px}`);
  });

  it('redacts instead when asked', async () => {
    const p = await Pseudonymiser.create({ kind: 'redact' });
    const r = await p.record(
      makeRecord({
        author: { handle: 'bob_2', name: 'Bob' },
        text: 'hi @carol_3',
        url: 'https://x.com/bob_2/status/1',
      }),
    );
    expect(r.author).toEqual({ handle: REDACTED, name: REDACTED });
    expect(r.text).toBe(`hi @${REDACTED}`);
    expect(r.url).toBe('https://x.com/%5Bredacted%5D/status/1');
  });

  it("passes records through untouched in mode 'none'", async () => {
    const p = await Pseudonymiser.create({ kind: 'none' });
    const r = makeRecord({ text: '@alice_1' });
    expect(await p.record(r)).toBe(r);
  });

  it('pulls its input lazily', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 1000; i++) {
        pulled += 1;
        yield makeRecord({ author: { handle: `user_${i}`, name: null } });
      }
    }
    const it = pseudonymiseRecords(source(), await Pseudonymiser.create(modeA))[Symbol.asyncIterator]();
    await it.next();
    expect(pulled).toBe(1);
  });

  it('generates distinct 32-byte secrets and refuses short ones', async () => {
    const a = generateSecret();
    expect(a).toHaveLength(32);
    expect(Buffer.from(a).equals(Buffer.from(generateSecret()))).toBe(false);
    expect(() => generateSecret(8)).toThrow();
    await expect(Pseudonymiser.create({ kind: 'pseudonymise', secret: new Uint8Array(8) })).rejects.toThrow();
  });
});
