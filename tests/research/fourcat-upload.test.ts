// @vitest-environment node
/**
 * "Send to 4CAT" against a local 4CAT stand-in on 127.0.0.1 (real HTTP): upload, progress, row count
 * and link, and every failure a researcher meets — wrong token, data source not enabled, rate
 * limiting, a server that is not there, the connection lost while 4CAT processes, cancelling.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  followImport,
  normaliseServerUrl,
  plainStatus,
  serverPermission,
  type UploadEvent,
  uploadTo4cat,
} from '../../core/export/fourcat';
import { type FakeFourcat, startFakeFourcat } from './fourcat-server';

const NDJSON = `${JSON.stringify({ item_id: '1', source_platform: 'twitter.com', data: { rest_id: '1' } })}\n${JSON.stringify({ item_id: '2', source_platform: 'twitter.com', data: { rest_id: '2' } })}\n`;

let server: FakeFourcat | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function run(s: FakeFourcat, overrides: Partial<Parameters<typeof uploadTo4cat>[0]> = {}) {
  const events: UploadEvent[] = [];
  const waits: number[] = [];
  const result = uploadTo4cat({
    server: { url: s.url, token: 'test-token' },
    platform: 'twitter.com',
    body: NDJSON,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onEvent: (e) => events.push(e),
    ...overrides,
  });
  return { result, events, waits };
}

describe('Send to 4CAT', () => {
  it('uploads the NDJSON as Zeeschuimer does, follows the import and returns rows and link', async () => {
    server = await startFakeFourcat();
    const { result, events } = run(server, { pseudonymise: 'pseudonymise' });
    const done = await result;
    expect(done).toEqual({
      ok: true,
      key: 'k000001',
      rows: 2,
      url: `${server.url}/results/k000001/`,
      datasource: 'twitter',
    });
    const [upload] = server.uploads;
    expect(upload).toMatchObject({
      platform: 'twitter.com',
      authorization: 'test-token',
      pseudonymise: 'pseudonymise',
      contentType: 'application/x-ndjson',
      body: NDJSON,
    });
    expect(events[0]).toEqual({ phase: 'uploading', attempt: 1 });
    expect(events).toContainEqual({
      phase: 'processing',
      key: 'k000001',
      progress: 50,
      status: 'Importing uploaded file...',
      rows: 0,
    });
  });

  it('sends no pseudonymise parameter when the researcher chose none', async () => {
    server = await startFakeFourcat();
    expect((await run(server).result).ok).toBe(true);
    expect(server.uploads[0]?.pseudonymise).toBeNull();
  });

  it('reports a wrong token, whether 4CAT redirects to its login page or answers 403', async () => {
    server = await startFakeFourcat({ unauthenticated: 'redirect' });
    const redirected = await run(server, { server: { url: server.url, token: 'wrong' } }).result;
    expect(redirected).toMatchObject({ ok: false, error: 'auth' });
    server.set({ unauthenticated: 'forbidden' });
    const forbidden = await run(server, { server: { url: server.url, token: 'wrong' } }).result;
    expect(forbidden).toMatchObject({ ok: false, error: 'auth', status: 403 });
  });

  it('reports a data source the server has not enabled, with 4CAT’s message', async () => {
    server = await startFakeFourcat({ enabled: ['instagram'] });
    const answer = await run(server).result;
    expect(answer).toMatchObject({ ok: false, error: 'not-enabled', status: 404 });
    if (!answer.ok) expect(answer.detail).toContain("Unknown platform or source format 'twitter'");
  });

  it('waits out rate limiting as Retry-After says, then uploads once', async () => {
    server = await startFakeFourcat({ rateLimited: 2, retryAfter: 7 });
    const { result, events, waits } = run(server);
    expect((await result).ok).toBe(true);
    expect(waits.filter((ms) => ms === 7000)).toHaveLength(2);
    expect(events.filter((e) => e.phase === 'waiting')).toEqual([
      { phase: 'waiting', reason: 'rate-limit', seconds: 7 },
      { phase: 'waiting', reason: 'rate-limit', seconds: 7 },
    ]);
    // Three requests arrived; only the last one created a dataset.
    expect(server.uploads).toHaveLength(3);
  });

  it('waits a minute on a 429 without Retry-After, and gives up after the retries', async () => {
    server = await startFakeFourcat({ rateLimited: 10, retryAfter: null });
    const { result, waits } = run(server, { rateLimitRetries: 2 });
    expect(await result).toMatchObject({ ok: false, error: 'rate-limit', status: 429 });
    expect(waits).toEqual([60_000, 60_000]);
  });

  it('reports a server that cannot be reached, and creates nothing', async () => {
    server = await startFakeFourcat();
    const url = server.url;
    await server.close();
    server = null;
    const answer = await uploadTo4cat({
      server: { url, token: 'test-token' },
      platform: 'twitter.com',
      body: NDJSON,
      sleep: async () => {},
    });
    expect(answer).toMatchObject({ ok: false, error: 'network' });
  });

  it('resumes following the import after connections drop while 4CAT processes', async () => {
    server = await startFakeFourcat({ dropPolls: 2, pollsUntilDone: 2 });
    const { result, events } = run(server);
    expect(await result).toMatchObject({ ok: true, rows: 2 });
    expect(events.filter((e) => e.phase === 'waiting' && e.reason === 'network')).toHaveLength(2);
  });

  it('when the connection stays lost, says the dataset exists and can be followed again later', async () => {
    server = await startFakeFourcat({ dropPolls: 100, pollsUntilDone: 2 });
    const lost = await run(server, { pollFailures: 3 }).result;
    expect(lost).toMatchObject({ ok: false, error: 'lost-while-processing', key: 'k000001' });
    if (lost.ok) return;
    expect(lost.url).toBe(`${server.url}/results/k000001/`);
    server.set({ dropPolls: 0 });
    const resumed = await followImport('k000001', {
      server: { url: server.url, token: 'test-token' },
      sleep: async () => {},
    });
    expect(resumed).toMatchObject({ ok: true, key: 'k000001', rows: 2 });
    expect(server.uploads).toHaveLength(1);
  });

  it('stops when cancelled', async () => {
    server = await startFakeFourcat({ pollsUntilDone: 1000 });
    const controller = new AbortController();
    const answer = await uploadTo4cat({
      server: { url: server.url, token: 'test-token' },
      platform: 'twitter.com',
      body: NDJSON,
      signal: controller.signal,
      sleep: async () => {},
      onEvent: (e) => {
        if (e.phase === 'processing') controller.abort();
      },
    });
    expect(answer).toEqual({ ok: false, error: 'aborted' });
  });

  it('takes a server URL as typed: origin only, https unless it is this machine', () => {
    expect(normaliseServerUrl('4cat.example.org/results/')).toBe('https://4cat.example.org');
    expect(normaliseServerUrl('https://4cat.example.org:8443/x?y')).toBe('https://4cat.example.org:8443');
    expect(normaliseServerUrl('localhost:5000')).toBe('http://localhost:5000');
    expect(normaliseServerUrl('http://127.0.0.1:80')).toBe('http://127.0.0.1');
    expect(normaliseServerUrl('http://4cat.example.org')).toBeNull();
    expect(normaliseServerUrl('https://user:pw@4cat.example.org')).toBeNull();
    expect(normaliseServerUrl('')).toBeNull();
    expect(serverPermission('http://localhost:5000')).toBe('http://localhost/*');
  });

  it('shows 4CAT’s HTML status as plain text', () => {
    expect(plainStatus('Dataset <b>done</b> &amp; 3 &lt;items&gt;\n')).toBe('Dataset done & 3 <items>');
  });
});
