/**
 * A local stand-in for a 4CAT server on 127.0.0.1, implementing the two endpoints "Send to 4CAT"
 * uses as 4CAT does (webtool/views/api_tool.py, webtool/views/access.py): `POST /api/import-dataset/`
 * (raw NDJSON body, `X-Zeeschuimer-Platform`, token in `Authorization`, `?pseudonymise=`) and
 * `GET /api/check-query/?key=`. Failures are switched on per test: a wrong token (redirect to the
 * login page, or 403), a data source that is not enabled (404), rate limiting (429 with
 * Retry-After), and connections dropped while the import is being processed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedUpload {
  platform: string | null;
  authorization: string | null;
  pseudonymise: string | null;
  contentType: string | null;
  origin: string | null;
  body: string;
}

export interface FakeFourcatOptions {
  token?: string;
  /** Data sources enabled (the part of the module id before the first dot). Default: all of ours. */
  enabled?: readonly string[];
  /** How a wrong token is answered: 4CAT's login redirect (default) or a plain 403. */
  unauthenticated?: 'redirect' | 'forbidden';
  /** Answer this many uploads with 429 first. */
  rateLimited?: number;
  /** Retry-After on 429, in seconds (null: no header). Default 1. */
  retryAfter?: number | null;
  /** Status checks before a dataset is done. Default 2. */
  pollsUntilDone?: number;
  /** Destroy the connection of this many status checks (after the first). */
  dropPolls?: number;
  /** Counts the rows 4CAT would import from the body; default: lines that are JSON objects with `data`. */
  rows?: (lines: unknown[], platform: string) => number;
}

export interface FakeFourcat {
  url: string;
  uploads: ReceivedUpload[];
  polls: number;
  set(options: Partial<FakeFourcatOptions>): void;
  close(): Promise<void>;
}

const OUR_DATASOURCES = [
  'twitter',
  'instagram',
  'tiktok',
  'threads',
  'linkedin',
  'pinterest',
  'facebook',
  'youtube',
  'reddit',
  'bsky',
];

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeFourcat(initial: FakeFourcatOptions = {}): Promise<FakeFourcat> {
  let options: FakeFourcatOptions = { token: 'test-token', ...initial };
  const datasets = new Map<string, { rows: number; polls: number; datasource: string }>();
  const state: Omit<FakeFourcat, 'url' | 'set' | 'close'> = { uploads: [], polls: 0 };
  let rateLimitedLeft = options.rateLimited ?? 0;
  let dropLeft = options.dropPolls ?? 0;
  let nextKey = 1;

  const authenticated = (req: IncomingMessage, url: URL) =>
    (req.headers.authorization ?? url.searchParams.get('access-token')) === options.token;
  const refuse = (res: ServerResponse) => {
    if ((options.unauthenticated ?? 'redirect') === 'redirect') {
      res.writeHead(302, { Location: '/login/?next=%2Fapi%2Fimport-dataset%2F' });
      res.end();
    } else json(res, 403, { error: 'Not allowed' });
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // No CORS headers, as 4CAT sends none: the extension reaches it through its host permission.
    if (url.pathname === '/api/import-dataset/' && req.method === 'POST') {
      const body = await readBody(req);
      const platformHeader = req.headers['x-zeeschuimer-platform'];
      const platform = typeof platformHeader === 'string' ? platformHeader : null;
      state.uploads.push({
        platform,
        authorization: req.headers.authorization ?? null,
        pseudonymise: url.searchParams.get('pseudonymise'),
        contentType: req.headers['content-type'] ?? null,
        origin: req.headers.origin ?? null,
        body,
      });
      if (rateLimitedLeft > 0) {
        rateLimitedLeft -= 1;
        const retry = options.retryAfter === undefined ? 1 : options.retryAfter;
        json(
          res,
          429,
          { error: 'Too Many Requests' },
          retry === null ? {} : { 'Retry-After': String(retry) },
        );
        return;
      }
      if (!authenticated(req, url)) return refuse(res);
      const datasource = (platform ?? '').split('.')[0] ?? '';
      if (!datasource || !(options.enabled ?? OUR_DATASOURCES).includes(datasource))
        return json(res, 404, { error: `Unknown platform or source format '${datasource}'` });
      const lines = body
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          try {
            return JSON.parse(l) as unknown;
          } catch {
            return null;
          }
        });
      const rows = (options.rows ?? defaultRows)(lines, datasource);
      const key = `k${String(nextKey++).padStart(6, '0')}`;
      datasets.set(key, { rows, polls: 0, datasource });
      return json(res, 200, { status: 'queued', key, url: `/results/${key}/` });
    }
    if (url.pathname === '/api/check-query/' && req.method === 'GET') {
      state.polls += 1;
      const key = url.searchParams.get('key') ?? '';
      const dataset = datasets.get(key);
      if (dataset && dataset.polls > 0 && dropLeft > 0) {
        dropLeft -= 1;
        req.socket.destroy();
        return;
      }
      if (!dataset) return json(res, 404, { error: 'Dataset does not exist.' });
      if (!authenticated(req, url)) return json(res, 403, { error: 'Dataset is private' });
      dataset.polls += 1;
      const done = dataset.polls >= (options.pollsUntilDone ?? 2);
      return json(res, 200, {
        datasource: dataset.datasource,
        status: done
          ? `Dataset completed, <b>${dataset.rows}</b> items imported.`
          : 'Importing uploaded file...',
        rows: done ? dataset.rows : 0,
        key,
        done,
        progress: done ? 100 : 50,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/results/${key}/`,
      });
    }
    res.writeHead(404, { 'Content-Type': 'text/html' });
    res.end('<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    get uploads() {
      return state.uploads;
    },
    get polls() {
      return state.polls;
    },
    set(next) {
      options = { ...options, ...next };
      if (next.rateLimited !== undefined) rateLimitedLeft = next.rateLimited;
      if (next.dropPolls !== undefined) dropLeft = next.dropPolls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function defaultRows(lines: unknown[]): number {
  return lines.filter((l) => typeof l === 'object' && l !== null && 'data' in l).length;
}
