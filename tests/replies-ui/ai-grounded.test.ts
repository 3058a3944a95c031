// @vitest-environment node
/**
 * The generative path, grounded and cancellable:
 * - against a local OpenAI-compatible server (node:http on 127.0.0.1): the request's shape at
 *   `{base}/v1/chat/completions`, the grounding in the messages (the post, the thread around the
 *   comment, the brand's earlier replies, the triage result, the register), HTTP errors, the timeout
 *   and the user's cancel through `aiCancel`;
 * - against a fake `LanguageModel` global that follows the Prompt API's documented interface
 *   (static availability/create, prompt(input, { signal, responseConstraint }), destroy; an aborted
 *   signal rejects with an AbortError DOMException);
 * - the checks every model draft passes before it is shown.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResonanzDb } from '../../core/db/schema';
import { chatCompletionsUrl, draftWithBuiltIn, finishDrafts, rejectDraft } from '../../core/replies/ai';
import { groundingFor } from '../../core/replies/grounding';
import { analyzeComment, type BrandVoice, DEFAULT_VOICE } from '../../core/replies/index';
import { Settings } from '../../core/settings';
import { replyHandlers } from '../../core/worker/replies';
import { comment, freshDb, HOUR, NOW, post } from './helpers';

// ─── a local chat-completions server ────────────────────────────────────────────────────────

interface Call {
  path: string;
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean };
}

const SIE_DRAFTS = [
  'Guten Tag Anna Müller, drei Wochen sind zu lang. Senden Sie uns bitte Ihre Bestellnummer per Direktnachricht?',
  'Hallo Anna Müller, danke für den Screenshot. Wir prüfen den Versand heute und melden uns bei Ihnen.',
  'Das ist ärgerlich, Anna Müller. Unser Team sieht sich Ihre Lieferung sofort an.',
];

let server: Server;
let origin: string;
const calls: Call[] = [];
/** Responses still open (the hanging route), closed after each test. */
const open: ServerResponse[] = [];

function reply(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}
const completion = (content: string) =>
  JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] });

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      calls.push({ path: req.url ?? '', body: JSON.parse(raw || '{}') });
      const path = req.url ?? '';
      if (path.startsWith('/ok/')) reply(res, 200, completion(JSON.stringify({ drafts: SIE_DRAFTS })));
      else if (path.startsWith('/error/')) reply(res, 503, '{"error":"model is loading"}');
      else if (path.startsWith('/hang/')) open.push(res);
      else reply(res, 404, '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((r) => server.close(r));
});

let db: ResonanzDb | null = null;
afterEach(async () => {
  calls.length = 0;
  for (const res of open.splice(0)) res.destroy();
  await db?.delete();
  db = null;
});

const VOICE: BrandVoice = {
  ...DEFAULT_VOICE,
  address: 'sie',
  emoji: false,
  signOff: 'Ihr Acme-Team',
  neverSay: ['Unannehmlichkeiten'],
  brandName: 'Acme',
};
const TEXT =
  'Meine Bestellung ist seit drei Wochen nicht da, hier der Screenshot: https://imgur.example/abc – was soll das?';

/** A post by acme, the comment under it with a thread around it, and acme's reply elsewhere. */
async function conversation(database: ResonanzDb) {
  await database.posts.put(
    post('p1', { text: 'Unsere neue Herbstkollektion ist da! Was ist euer Lieblingsteil?' }),
  );
  await database.comments.bulkPut([
    comment('c0', 'Der Mantel in Grün ist ein Traum.', { createdAt: new Date(NOW - 3 * HOUR).toISOString() }),
    comment('c1', TEXT, { author: { handle: 'anna', name: 'Anna Müller' } }),
    comment('c2', 'Bei mir kam alles nach zwei Tagen, danke!', {
      createdAt: new Date(NOW - 2 * HOUR).toISOString(),
    }),
    // Acme's own earlier reply, under another post: an example of its voice.
    comment('r1', 'Guten Tag Herr Berg, vielen Dank für Ihre Geduld – Ihr Paket ist heute unterwegs.', {
      postId: 'p0',
      parentId: 'x9',
      byPostAuthor: true,
      author: { handle: 'acme', name: 'Acme' },
    }),
  ]);
}

function handlers(database: ResonanzDb, base: string, timeoutMs = 2_000) {
  return replyHandlers({
    db: async () => database,
    settings: async () => Settings.parse({ voice: VOICE }),
    now: () => NOW,
    readEndpoint: async () => ({ baseUrl: base, model: 'llama3.2', apiKey: '' }),
    hasPermission: async () => true,
    fetch: globalThis.fetch,
    timeoutMs,
  });
}

const request = (requestId?: string) => ({
  type: 'aiDraft' as const,
  platform: 'youtube' as const,
  commentId: 'c1',
  comment: { text: TEXT, authorName: 'Anna Müller', authorHandle: 'anna' },
  ...(requestId ? { requestId } : {}),
});

describe('an OpenAI-compatible endpoint on this machine', () => {
  it('is called at {base}/v1/chat/completions with the grounded comment, and its drafts pass the checks', async () => {
    db = freshDb();
    await conversation(db);
    // A server root, as Ollama, LM Studio and llama.cpp print it: /v1 is added.
    const answer = await handlers(db, `${origin}/ok`).aiDraft(request());
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.path).toBe('/ok/v1/chat/completions');
    expect(call!.body.model).toBe('llama3.2');
    expect(call!.body.stream).toBe(false);
    expect(call!.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    const [system = '', user = ''] = call!.body.messages.map((m) => m.content);
    // The brand voice.
    expect(system).toContain('formally with "Sie"');
    expect(system).toContain('"Unannehmlichkeiten"');
    expect(system).toContain('Never invent facts');
    // The post, the thread around the comment, the comment, the triage, the brand's earlier reply.
    expect(user).toContain('Unsere neue Herbstkollektion ist da! Was ist euer Lieblingsteil?');
    expect(user).toContain('"Der Mantel in Grün ist ein Traum."');
    expect(user).toContain('"Bei mir kam alles nach zwei Tagen, danke!"');
    expect(user).toContain(TEXT);
    expect(user).toContain('by Anna Müller @anna');
    expect(user).toMatch(
      /Triage \(automatic, may be wrong\): language de, sentiment \w+, intents [^\n]*complaint/,
    );
    expect(user).toContain('Guten Tag Herr Berg, vielen Dank für Ihre Geduld');
    expect(user).toContain('Write three different replies in German, addressing the person with "Sie".');
    // The thread is oldest first, and the post comes before the comment.
    expect(user.indexOf('Der Mantel')).toBeLessThan(user.indexOf('Bei mir kam'));
    expect(user.indexOf('Herbstkollektion')).toBeLessThan(user.indexOf(TEXT));
    expect(answer).toMatchObject({ source: 'endpoint' });
    expect(answer.drafts.map((d) => d.text)).toEqual(SIE_DRAFTS.map((d) => `${d}\nIhr Acme-Team`));
    expect(answer.drafts.every((d) => d.lang === 'de')).toBe(true);
  });

  it('keeps "/v1" when the base already names the version', () => {
    expect(chatCompletionsUrl('http://localhost:11434')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('http://localhost:1234/v1/')).toBe('http://localhost:1234/v1/chat/completions');
    expect(chatCompletionsUrl('https://openrouter.ai/api/v1')).toBe(
      'https://openrouter.ai/api/v1/chat/completions',
    );
  });

  it('answers an HTTP error with the offline drafts and the status', async () => {
    db = freshDb();
    await conversation(db);
    const answer = await handlers(db, `${origin}/error`).aiDraft(request());
    expect(answer).toMatchObject({ source: 'offline', fallback: 'http', detail: 'HTTP 503' });
    expect(answer.drafts.length).toBeGreaterThanOrEqual(2);
  });

  it('gives up after the timeout', async () => {
    db = freshDb();
    const started = Date.now();
    const answer = await handlers(db, `${origin}/hang`, 300).aiDraft(request());
    expect(answer).toMatchObject({ source: 'offline', fallback: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('stops when the user cancels (aiCancel), long before the timeout', async () => {
    db = freshDb();
    const h = handlers(db, `${origin}/hang`, 10_000);
    const started = Date.now();
    const pending = h.aiDraft(request('c1#1'));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(await h.aiCancel({ type: 'aiCancel', requestId: 'c1#1' })).toEqual({ ok: true, cancelled: true });
    const answer = await pending;
    expect(answer).toMatchObject({ source: 'offline', fallback: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(2_000);
    // A finished or unknown request cannot be cancelled.
    expect(await h.aiCancel({ type: 'aiCancel', requestId: 'c1#1' })).toEqual({ ok: true, cancelled: false });
  });

  it('sends nothing when no endpoint is configured', async () => {
    db = freshDb();
    const database = db;
    const h = replyHandlers({
      db: async () => database,
      settings: async () => Settings.parse({ voice: VOICE }),
      now: () => NOW,
      readEndpoint: async () => undefined,
      hasPermission: async () => true,
      fetch: globalThis.fetch,
    });
    expect(await h.aiDraft(request())).toMatchObject({ source: 'offline', fallback: 'not-configured' });
    expect(calls).toHaveLength(0);
  });
});

// ─── a fake Prompt API that follows the documented interface ───────────────────────────────

type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';
interface Expected {
  type: 'text';
  languages: string[];
}
interface CreateOptions {
  expectedInputs?: Expected[];
  expectedOutputs?: Expected[];
  initialPrompts?: { role: 'system' | 'user' | 'assistant'; content: string }[];
  signal?: AbortSignal;
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Like Chrome's `LanguageModel`: static availability/create, a session with prompt and destroy. */
function fakeLanguageModel(options: {
  availability?: (languages: string[]) => Availability;
  answer?: string;
  /** ms a prompt (or, with `createMs`, the download in create) takes */
  promptMs?: number;
  createMs?: number;
}) {
  const sessions: FakeSession[] = [];
  class FakeSession {
    destroyed = false;
    prompts: { input: string; signal?: AbortSignal; responseConstraint?: object }[] = [];
    constructor(readonly created: CreateOptions) {}
    prompt(input: string, opts: { signal?: AbortSignal; responseConstraint?: object } = {}): Promise<string> {
      if (this.destroyed) return Promise.reject(new DOMException('Session destroyed', 'InvalidStateError'));
      this.prompts.push({ input, ...opts });
      return new Promise((resolve, reject) => {
        if (opts.signal?.aborted) return reject(abortError());
        const timer = setTimeout(() => resolve(options.answer ?? '{"drafts":[]}'), options.promptMs ?? 0);
        opts.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(abortError());
        });
      });
    }
    destroy() {
      this.destroyed = true;
    }
  }
  const LanguageModel = {
    availability: vi.fn(async (opts: CreateOptions = {}) => {
      const languages = [...(opts.expectedInputs ?? []), ...(opts.expectedOutputs ?? [])].flatMap(
        (e) => e.languages,
      );
      return options.availability?.(languages) ?? 'available';
    }),
    create: vi.fn(
      (opts: CreateOptions = {}) =>
        new Promise<FakeSession>((resolve, reject) => {
          if (opts.signal?.aborted) return reject(abortError());
          const timer = setTimeout(() => {
            const session = new FakeSession(opts);
            sessions.push(session);
            resolve(session);
          }, options.createMs ?? 0);
          opts.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(abortError());
          });
        }),
    ),
  };
  return { LanguageModel, sessions };
}

const EN_TEXT = 'Which enemy scared you most? Honestly the spider boss scared the crap out of me 😂';
const enInput = (voice: BrandVoice = { ...DEFAULT_VOICE, emoji: true }) => ({
  comment: { text: EN_TEXT, authorName: 'Sam Lee', authorHandle: 'samlee' },
  analysis: analyzeComment(EN_TEXT),
  voice,
  recent: [],
  context: groundingFor(
    comment('c1', EN_TEXT, { platform: 'youtube', postId: 'v1' }),
    [
      comment('c0', 'The ghost in level 3, every time.', { postId: 'v1' }),
      comment('r1', 'Haha, you are not alone – that level got all of us!', {
        postId: 'v0',
        parentId: 'z',
        byPostAuthor: true,
      }),
    ],
    { author: '@acme', text: 'Which enemy scared you most? Tell us below 👇' },
  ),
});

describe("Chrome's Prompt API (fake with the documented interface)", () => {
  it('checks availability for the language, creates a session with the system prompt, prompts the grounded comment, destroys it', async () => {
    const fake = fakeLanguageModel({
      answer: JSON.stringify({
        drafts: [
          'Ha, that spider gets everyone! Did you beat it in the end?',
          'The spider boss is brutal. Thanks for sharing!',
        ],
      }),
    });
    const outcome = await draftWithBuiltIn(enInput(), { api: fake.LanguageModel });
    expect(fake.LanguageModel.availability).toHaveBeenCalledWith({
      expectedInputs: [{ type: 'text', languages: ['en'] }],
      expectedOutputs: [{ type: 'text', languages: ['en'] }],
    });
    const [session] = fake.sessions;
    expect(session!.created.expectedOutputs).toEqual([{ type: 'text', languages: ['en'] }]);
    expect(session!.created.initialPrompts?.[0]?.role).toBe('system');
    const prompt = session!.prompts[0]!;
    expect(prompt.input).toContain('Which enemy scared you most? Tell us below');
    expect(prompt.input).toContain('"The ghost in level 3, every time."');
    expect(prompt.input).toContain('Haha, you are not alone');
    expect(prompt.input).toContain(EN_TEXT);
    expect(prompt.input).toContain('Triage (automatic, may be wrong)');
    expect(prompt.responseConstraint).toMatchObject({ required: ['drafts'] });
    expect(prompt.signal).toBeInstanceOf(AbortSignal);
    expect(outcome.source).toBe('builtin');
    expect(outcome.drafts.map((d) => d.text)[0]).toBe(
      'Ha, that spider gets everyone! Did you beat it in the end?',
    );
    expect(session!.destroyed).toBe(true);
  });

  it("creates no session when the model is 'unavailable' for the language", async () => {
    const fake = fakeLanguageModel({ availability: (l) => (l.includes('de') ? 'unavailable' : 'available') });
    const de = {
      ...enInput(),
      comment: { text: 'Wann kommt Teil 2?', authorName: null, authorHandle: null },
    };
    const outcome = await draftWithBuiltIn(
      { ...de, analysis: analyzeComment('Wann kommt Teil 2?') },
      { api: fake.LanguageModel },
    );
    expect(outcome).toMatchObject({ source: 'offline', fallback: 'unavailable' });
    expect(fake.LanguageModel.create).not.toHaveBeenCalled();
  });

  it('stops the prompt when the user cancels: its signal aborts and the session is destroyed', async () => {
    const fake = fakeLanguageModel({ promptMs: 10_000 });
    const cancel = new AbortController();
    const pending = draftWithBuiltIn(enInput(), { api: fake.LanguageModel, signal: cancel.signal });
    await vi.waitFor(() => expect(fake.sessions[0]?.prompts).toHaveLength(1));
    cancel.abort();
    const outcome = await pending;
    expect(outcome).toMatchObject({ source: 'offline', fallback: 'cancelled' });
    expect(fake.sessions[0]!.prompts[0]!.signal?.aborted).toBe(true);
    expect(fake.sessions[0]!.destroyed).toBe(true);
  });

  it('stops a model download (create) on cancel, and never prompts', async () => {
    const fake = fakeLanguageModel({ availability: () => 'downloadable', createMs: 10_000 });
    const cancel = new AbortController();
    const pending = draftWithBuiltIn(enInput(), { api: fake.LanguageModel, signal: cancel.signal });
    await vi.waitFor(() => expect(fake.LanguageModel.create).toHaveBeenCalledTimes(1));
    cancel.abort();
    expect(await pending).toMatchObject({ source: 'offline', fallback: 'cancelled' });
    expect(fake.sessions).toHaveLength(0);
  });

  it('times out a slow prompt, aborting its signal', async () => {
    const fake = fakeLanguageModel({ promptMs: 10_000 });
    const outcome = await draftWithBuiltIn(enInput(), { api: fake.LanguageModel, timeoutMs: 50 });
    expect(outcome).toMatchObject({ source: 'offline', fallback: 'timeout' });
    expect(fake.sessions[0]!.prompts[0]!.signal?.aborted).toBe(true);
    expect(fake.sessions[0]!.destroyed).toBe(true);
  });
});

// ─── what every model draft passes before it is shown ─────────────────────────────────────────

describe('model drafts are checked before they are shown', () => {
  const de = (voice: BrandVoice, recent: string[] = []) => ({
    comment: { text: TEXT, authorName: 'Anna Müller', authorHandle: 'anna' },
    analysis: analyzeComment(TEXT),
    voice,
    recent,
  });

  it('drops never-say words, the wrong register, the wrong language and near-duplicates of earlier replies', () => {
    const earlier =
      'Guten Tag Anna Müller, bitte senden Sie uns Ihre Bestellnummer per Direktnachricht, wir prüfen das sofort.';
    const input = de(VOICE, [earlier]);
    const reasons = [
      'Bitte entschuldigen Sie die Unannehmlichkeiten, wir prüfen Ihre Bestellung.',
      'Hallo Anna, schick uns doch kurz deine Bestellnummer, dann schauen wir nach.',
      'Hello Anna, we are sorry about the delay, please send us your order number by direct message.',
      // Nearly the earlier reply: one word changed.
      'Guten Tag Anna Müller, bitte senden Sie uns Ihre Bestellnummer per Direktnachricht, wir prüfen das gleich.',
      'Das tut uns leid, Anna Müller. Wir sehen uns Ihre Lieferung heute an und melden uns.',
    ].map((text) => rejectDraft(text, input, 'de', VOICE.signOff));
    expect(reasons).toEqual(['never-say', 'register', 'language', 'near-duplicate', null]);
  });

  it('keeps one of two drafts that say nearly the same, and adds the sign-off', () => {
    const drafts = finishDrafts(
      [
        'Das tut uns leid, Anna Müller. Wir sehen uns Ihre Lieferung heute an und melden uns.',
        'Das tut uns leid, Anna Müller. Wir sehen uns Ihre Lieferung heute an und melden uns!',
        'Danke für den Screenshot, Anna Müller – unser Versandteam prüft die Sendung noch heute.',
      ],
      de(VOICE),
    );
    expect(drafts.map((d) => d.text)).toEqual([
      'Das tut uns leid, Anna Müller. Wir sehen uns Ihre Lieferung heute an und melden uns.\nIhr Acme-Team',
      'Danke für den Screenshot, Anna Müller – unser Versandteam prüft die Sendung noch heute.\nIhr Acme-Team',
    ]);
  });
});
