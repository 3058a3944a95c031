// @vitest-environment node
/**
 * The OpenAI-compatible endpoint path against a local server speaking the chat-completions protocol
 * (node:http on 127.0.0.1, random port): what is sent (brand-voice system prompt, the comment), where
 * the key goes (that host only, as a Bearer header, never through a redirect), and that malformed,
 * slow, failing or unpermitted endpoints fall back to the offline drafts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backupChunks } from '../../core/db/backup';
import type { ResonanzDb } from '../../core/db/schema';
import { AiEndpoint, chatCompletionsUrl, endpointPermission, parseModelDrafts } from '../../core/replies/ai';
import { analyzeComment, type BrandVoice, DEFAULT_VOICE, draftReplies } from '../../core/replies/index';
import { Settings } from '../../core/settings';
import { rememberReplies, replyHandlers } from '../../core/worker/replies';
import { route } from '../../core/worker/router';
import { ScoreCache } from '../../core/worker/scores';
import { freshDb, NOW } from './helpers';

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

function listen(
  handler: (req: IncomingMessage, body: string, res: import('node:http').ServerResponse) => void,
) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      handler(req, body, res);
    });
  });
  return new Promise<{ server: Server; seen: Seen[]; origin: string }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, seen, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

const completion = (content: string) =>
  JSON.stringify({
    id: 'x',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content } }],
  });

const MODEL_DRAFTS = [
  'Guten Tag Anna Müller, das ist ärgerlich – bitte senden Sie uns Ihre Bestellnummer per Direktnachricht.',
  'Liebe Frau Müller, wir prüfen Ihre Lieferung sofort. Schreiben Sie uns Ihre Bestellnummer per E-Mail?',
  'Danke für Ihre Geduld, Anna Müller. Wir melden uns heute noch mit dem Stand Ihrer Sendung.',
];

let api: Awaited<ReturnType<typeof listen>>;
let elsewhere: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  elsewhere = await listen((_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(completion(JSON.stringify({ drafts: ['stolen', 'stolen too'] })));
  });
  api = await listen((req, _body, res) => {
    const path = req.url ?? '';
    if (path.startsWith('/ok/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(completion(`\`\`\`json\n${JSON.stringify({ drafts: MODEL_DRAFTS })}\n\`\`\``));
    } else if (path.startsWith('/malformed/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"choices": [{"message": {"content": 42}}]}');
    } else if (path.startsWith('/notjson/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('<html>gateway</html>');
    } else if (path.startsWith('/prose/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(completion('Sure! Here is one reply for you.'));
    } else if (path.startsWith('/slow/')) {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(completion(JSON.stringify({ drafts: MODEL_DRAFTS })));
      }, 1_500);
    } else if (path.startsWith('/error/')) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"boom"}}');
    } else if (path.startsWith('/redirect/')) {
      res.writeHead(307, { location: `${elsewhere.origin}/v1/chat/completions` });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(async () => {
  await Promise.all([api, elsewhere].map((s) => new Promise((r) => s?.server.close(r))));
});

let db: ResonanzDb;
afterEach(async () => {
  await db?.delete();
  api.seen.length = 0;
  elsewhere.seen.length = 0;
});

const VOICE: BrandVoice = {
  ...DEFAULT_VOICE,
  address: 'sie',
  emoji: false,
  signOff: '– Ihr Acme-Team',
  neverSay: ['Sorry'],
  brandName: 'Acme',
};
const COMMENT = {
  text: 'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.',
  authorName: 'Anna Müller',
  authorHandle: 'anna',
};
const KEY = 'sk-test-123';

function handlers(path: string, over: { permitted?: boolean; configured?: boolean } = {}) {
  db ??= freshDb();
  const database = db;
  const endpoint = { baseUrl: `${api.origin}/${path}/v1/`, model: 'test-model', apiKey: KEY };
  const asked: string[] = [];
  const h = replyHandlers({
    db: async () => database,
    settings: async () => Settings.parse({ voice: VOICE }),
    now: () => NOW,
    readEndpoint: async () => (over.configured === false ? undefined : endpoint),
    hasPermission: async (pattern) => {
      asked.push(pattern);
      return over.permitted !== false;
    },
    fetch: globalThis.fetch,
    timeoutMs: 400,
  });
  return { h, asked };
}

const request = { type: 'aiDraft' as const, platform: 'youtube' as const, commentId: 'c1', comment: COMMENT };
const offline = () =>
  draftReplies({ comment: COMMENT, analysis: analyzeComment(COMMENT.text), voice: VOICE, recent: [] }).map(
    (d) => d.text,
  );

describe('AI drafts from an OpenAI-compatible endpoint', () => {
  it('POSTs the brand voice as the system message and the comment as the user message, key as Bearer', async () => {
    db = freshDb();
    const { h, asked } = handlers('ok');
    const answer = await h.aiDraft(request);
    expect(asked).toEqual(['http://127.0.0.1/*']);
    expect(api.seen).toHaveLength(1);
    const [call] = api.seen;
    expect(call!.path).toBe('/ok/v1/chat/completions');
    expect(call!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(call!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(call!.body);
    expect(body.model).toBe('test-model');
    expect(body.messages).toHaveLength(2);
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toContain('formally with "Sie"');
    expect(body.messages[0].content).toContain('"Acme"');
    expect(body.messages[0].content).toContain('– Ihr Acme-Team');
    expect(body.messages[0].content).toContain('"Sorry"');
    expect(body.messages[0].content).toContain('Do not use emoji.');
    expect(body.messages[0].content).toContain('Write in German.');
    expect(body.messages[1].role).toBe('user');
    expect(body.messages[1].content).toContain(COMMENT.text);
    expect(body.messages[1].content).toContain('Anna Müller');
    expect(body.messages[1].content).toContain('intents complaint');
    expect(JSON.stringify(body)).not.toContain(KEY); // the key is a header, never in the body
    expect(answer.source).toBe('endpoint');
    expect(answer.drafts.map((d) => d.text)).toEqual(MODEL_DRAFTS.map((t) => `${t}\n– Ihr Acme-Team`));
    expect(answer.drafts.every((d) => d.tone === 'apologise')).toBe(true);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('never follows a redirect, so the key cannot reach another host: offline drafts instead', async () => {
    db = freshDb();
    const answer = await handlers('redirect').h.aiDraft(request);
    expect(api.seen).toHaveLength(1);
    expect(elsewhere.seen).toHaveLength(0);
    expect(answer).toMatchObject({ source: 'offline', fallback: 'network' });
    expect(answer.drafts.map((d) => d.text)).toEqual(offline());
  });

  it.each([
    ['malformed', 'invalid-response'],
    ['notjson', 'invalid-response'],
    ['prose', 'invalid-response'],
    ['error', 'http'],
    ['slow', 'timeout'],
  ])('falls back to the offline drafts when the endpoint answers %s', async (path, reason) => {
    db = freshDb();
    const started = Date.now();
    const answer = await handlers(path).h.aiDraft(request);
    expect(answer).toMatchObject({ source: 'offline', fallback: reason });
    expect(answer.drafts.map((d) => d.text)).toEqual(offline());
    expect(answer.drafts.length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - started).toBeLessThan(1_400); // the 400 ms timeout, not the server's 1.5 s
  });

  it('sends nothing without the host permission, or without an endpoint', async () => {
    db = freshDb();
    expect(await handlers('ok', { permitted: false }).h.aiDraft(request)).toMatchObject({
      source: 'offline',
      fallback: 'no-permission',
    });
    expect(await handlers('ok', { configured: false }).h.aiDraft(request)).toMatchObject({
      source: 'offline',
      fallback: 'not-configured',
    });
    expect(api.seen).toHaveLength(0);
  });

  it('drops model drafts that break the brand voice or repeat a remembered reply', async () => {
    db = freshDb();
    await rememberReplies(db, 'suggested', [MODEL_DRAFTS[2]!], NOW);
    const bad = await listen((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        completion(
          JSON.stringify({
            drafts: ['Sorry, Anna Müller, das war nichts. 😬', MODEL_DRAFTS[2], MODEL_DRAFTS[0]],
          }),
        ),
      );
    });
    const database = db;
    const h = replyHandlers({
      db: async () => database,
      settings: async () => Settings.parse({ voice: VOICE }),
      now: () => NOW,
      readEndpoint: async () => ({ baseUrl: `${bad.origin}/v1`, model: 'm', apiKey: '' }),
      hasPermission: async () => true,
      fetch: globalThis.fetch,
    });
    const answer = await h.aiDraft(request);
    // One usable draft is too few: the offline ones are shown.
    expect(answer).toMatchObject({ source: 'offline', fallback: 'too-few-drafts' });
    expect(bad.seen[0]?.headers.authorization).toBeUndefined(); // no key configured: no header
    await new Promise((r) => bad.server.close(r));
  });

  it('is refused when a content script asks (privileged), and nothing is sent', async () => {
    db = freshDb();
    const database = db;
    const { h } = handlers('ok');
    const deps = {
      db: async () => database,
      settings: async () => Settings.parse({}),
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      now: () => NOW,
      scores: new ScoreCache(),
      log: () => {},
      panel: h,
    };
    const tab = {
      id: 'ext',
      url: 'https://www.youtube.com/',
      tab: { id: 3, url: 'https://www.youtube.com/' },
    };
    expect(await route(request, tab, deps)).toMatchObject({ ok: false });
    expect(api.seen).toHaveLength(0);
    const panel = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
    expect(await route(request, panel, deps)).toMatchObject({ ok: true, source: 'endpoint' });
    expect(api.seen).toHaveLength(1);
  });
});

describe('endpoint settings', () => {
  it('keeps the key in extension storage only: saved through the worker, never in the database or a backup', async () => {
    db = freshDb();
    const database = db;
    const storage = new Map<string, unknown>();
    const endpoint = { baseUrl: `${api.origin}/ok/v1`, model: 'test-model', apiKey: KEY };
    const h = replyHandlers({
      db: async () => database,
      // The model's drafts say "Sie": with a du voice they would be dropped (see below).
      settings: async () => Settings.parse({ voice: VOICE }),
      now: () => NOW,
      readEndpoint: async () => storage.get('aiEndpoint'),
      writeEndpoint: async (value) => {
        if (value) storage.set('aiEndpoint', value);
        else storage.delete('aiEndpoint');
      },
      hasPermission: async () => true,
      fetch: globalThis.fetch,
    });
    expect(await h.saveAiEndpoint({ type: 'saveAiEndpoint', endpoint })).toEqual({ ok: true });
    expect(storage.get('aiEndpoint')).toEqual(endpoint);
    expect((await h.aiDraft(request)).source).toBe('endpoint');
    await rememberReplies(database, 'suggested', ['x'], NOW);
    let backup = '';
    for await (const chunk of backupChunks(database, { now: NOW, extensionVersion: 'test' })) backup += chunk;
    expect(backup).toContain('"replyMemory"');
    expect(backup).not.toContain(KEY);
    for (const table of database.tables) expect(JSON.stringify(await table.toArray())).not.toContain(KEY);
    expect(await h.saveAiEndpoint({ type: 'saveAiEndpoint', endpoint: null })).toEqual({ ok: true });
    expect(storage.has('aiEndpoint')).toBe(false);
  });

  it('accepts https anywhere and http only to this machine, without credentials in the URL', () => {
    const ok = (baseUrl: string) => AiEndpoint.safeParse({ baseUrl, model: 'm', apiKey: '' }).success;
    expect(ok('https://api.example.com/v1')).toBe(true);
    expect(ok('http://localhost:11434/v1')).toBe(true);
    expect(ok('http://127.0.0.1:1234/v1')).toBe(true);
    expect(ok('http://api.example.com/v1')).toBe(false);
    expect(ok('https://user:pw@api.example.com/v1')).toBe(false);
    expect(ok('https://api.example.com/v1?key=x')).toBe(false);
    expect(ok('ftp://api.example.com')).toBe(false);
    expect(AiEndpoint.safeParse({ baseUrl: 'https://a.example', model: '', apiKey: '' }).success).toBe(false);
  });

  it('asks for the one host it needs, and calls base + /chat/completions', () => {
    expect(endpointPermission('https://api.example.com/v1')).toBe('https://api.example.com/*');
    expect(endpointPermission('http://localhost:11434/v1')).toBe('http://localhost/*');
    expect(chatCompletionsUrl('https://api.example.com/v1/')).toBe(
      'https://api.example.com/v1/chat/completions',
    );
    expect(chatCompletionsUrl('https://api.example.com/v1')).toBe(
      'https://api.example.com/v1/chat/completions',
    );
  });

  it('reads drafts from JSON, fenced JSON or a numbered list', () => {
    expect(parseModelDrafts('{"drafts":["a","b"]}')).toEqual(['a', 'b']);
    expect(parseModelDrafts('```json\n["a","b","c"]\n```')).toEqual(['a', 'b', 'c']);
    expect(parseModelDrafts('1. Erste Antwort\n2. Zweite Antwort')).toEqual([
      'Erste Antwort',
      'Zweite Antwort',
    ]);
    expect(parseModelDrafts('Nur ein Satz.')).toBeNull();
  });
});
