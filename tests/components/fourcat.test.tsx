/**
 * The "For 4CAT" UI: server settings (host permission asked when saving, token kept when left
 * empty), per-platform files with their counts, and Send to 4CAT with progress, row count, link and
 * each failure explained.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { FourcatExport } from '../../components/panel/research/FourcatExport';
import { FourcatSettings } from '../../components/panel/research/FourcatSettings';
import type { FourcatSource } from '../../components/panel/research/fourcat-source';
import type { FourcatServer, UploadEvent, UploadResult } from '../../core/export/fourcat';
import { click, mount, setValue, submit } from './render';

interface Fake {
  source: FourcatSource;
  saved: (FourcatServer | null)[];
  permissions: string[];
  sent: { platform: string; module: string; names: string }[];
  downloads: string[];
}

function fake(options: { grant?: boolean; results?: UploadResult[]; events?: UploadEvent[] } = {}): Fake {
  const state: Fake = { saved: [], permissions: [], sent: [], downloads: [], source: undefined as never };
  const results = [...(options.results ?? [])];
  state.source = {
    server: async () => null,
    saveServer: async (s) => {
      state.saved.push(s);
    },
    requestPermission: async (pattern) => {
      state.permissions.push(pattern);
      return options.grant ?? true;
    },
    platforms: async () => [
      { platform: 'x', module: 'twitter.com', platformLines: 12, domLines: 3 },
      { platform: 'youtube', module: 'youtube.com', platformLines: 4, domLines: 0 },
    ],
    download: async (_id, platform, origin) => {
      const name = `${platform}-${origin}.ndjson`;
      state.downloads.push(name);
      return name;
    },
    rawUsage: async () => ({ bytes: 3 * 1024 * 1024, budgetBytes: 200 * 1024 * 1024, skipped: 2 }),
    send: async (_id, platform, module, names, onEvent) => {
      state.sent.push({ platform, module, names });
      for (const e of options.events ?? []) onEvent(e);
      return results.shift() ?? { ok: false, error: 'server' };
    },
    follow: async () => results.shift() ?? { ok: false, error: 'server' },
  };
  return state;
}

beforeEach(() => {
  lang.value = 'en';
});

describe('4CAT settings', () => {
  it('asks for the one host when saving and stores the origin with the token', async () => {
    const f = fake();
    let current: FourcatServer | null = null;
    const ui = await mount(
      <FourcatSettings fourcat={f.source} current={null} onChange={(s) => (current = s)} />,
    );
    expect(ui.text()).toContain('Platform data kept for 4CAT: 3 MB of 200 MB.');
    expect(ui.text()).toContain('2 items over the limit');
    await setValue(ui.get<HTMLInputElement>('input[type="url"]'), '4cat.example.org/results/');
    await setValue(ui.get<HTMLInputElement>('input[type="password"]'), ' tok-123 ');
    await submit(ui.get<HTMLFormElement>('form'));
    expect(f.permissions).toEqual(['https://4cat.example.org/*']);
    expect(f.saved).toEqual([{ url: 'https://4cat.example.org', token: 'tok-123' }]);
    expect(current).toEqual({ url: 'https://4cat.example.org', token: 'tok-123' });
  });

  it('saves nothing when the browser refuses the permission, or the address is not https', async () => {
    const f = fake({ grant: false });
    const ui = await mount(<FourcatSettings fourcat={f.source} current={null} onChange={() => {}} />);
    await setValue(ui.get<HTMLInputElement>('input[type="url"]'), 'http://4cat.example.org');
    await setValue(ui.get<HTMLInputElement>('input[type="password"]'), 'tok');
    await submit(ui.get<HTMLFormElement>('form'));
    expect(ui.get('[role="alert"]').textContent).toContain('https://');
    await setValue(ui.get<HTMLInputElement>('input[type="url"]'), 'https://4cat.example.org');
    await submit(ui.get<HTMLFormElement>('form'));
    expect(ui.get('[role="alert"]').textContent).toContain('did not allow access to 4cat.example.org');
    expect(f.saved).toEqual([]);
  });

  it('keeps the stored token when the field is left empty', async () => {
    const f = fake();
    const ui = await mount(
      <FourcatSettings
        fourcat={f.source}
        current={{ url: 'http://127.0.0.1:5000', token: 'old' }}
        onChange={() => {}}
      />,
    );
    await submit(ui.get<HTMLFormElement>('form'));
    expect(f.permissions).toEqual(['http://127.0.0.1/*']);
    expect(f.saved).toEqual([{ url: 'http://127.0.0.1:5000', token: 'old' }]);
  });
});

describe('4CAT files and upload', () => {
  it('lists each platform with its counts; Send only where 4CAT has an importer', async () => {
    const f = fake();
    const ui = await mount(<FourcatExport fourcat={f.source} collectionId="c1" configured />);
    const x = ui.get('[data-module="twitter.com"]');
    expect(x.textContent).toContain("12 with the platform's data · 3 read from the page only");
    expect(x.textContent).toContain('Send to 4CAT');
    const yt = ui.get('[data-module="youtube.com"]');
    expect(yt.textContent).toContain('4CAT has no importer for this platform');
    expect(yt.textContent).not.toContain('Send to 4CAT');
    await click(ui.button('Download twitter.com.ndjson'));
    await click(ui.button('Download page-only items'));
    expect(f.downloads).toEqual(['x-platform.ndjson', 'x-resonanz-dom.ndjson']);
  });

  it('shows progress, then the row count and a link to the dataset', async () => {
    const f = fake({
      events: [{ phase: 'processing', key: 'k1', progress: 50, status: 'Importing', rows: 0 }],
      results: [
        { ok: true, key: 'k1', rows: 12, url: 'https://4cat.example.org/results/k1/', datasource: 'twitter' },
      ],
    });
    const ui = await mount(<FourcatExport fourcat={f.source} collectionId="c1" configured />);
    const row = ui.get('[data-module="twitter.com"]');
    await click([...row.querySelectorAll('button')].find((b) => b.textContent === 'Send to 4CAT')!);
    expect(f.sent).toEqual([{ platform: 'x', module: 'twitter.com', names: 'pseudonymise' }]);
    expect(row.querySelector('[role="status"]')?.textContent).toContain('4CAT imported 12 items.');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('https://4cat.example.org/results/k1/');
  });

  it('explains a refused token and a data source the server lacks', async () => {
    const f = fake({
      results: [
        { ok: false, error: 'auth', status: 403 },
        {
          ok: false,
          error: 'not-enabled',
          status: 404,
          detail: "Unknown platform or source format 'twitter'",
        },
      ],
    });
    const ui = await mount(<FourcatExport fourcat={f.source} collectionId="c1" configured />);
    const row = ui.get('[data-module="twitter.com"]');
    const send = () => [...row.querySelectorAll('button')].find((b) => b.textContent === 'Send to 4CAT')!;
    await click(send());
    expect(row.querySelector('[role="alert"]')?.textContent).toContain('did not accept the access token');
    await click(send());
    expect(row.querySelector('[role="alert"]')?.textContent).toContain('does not accept twitter data');
  });

  it('offers to check again when the connection was lost while 4CAT imported', async () => {
    const f = fake({
      results: [
        { ok: false, error: 'lost-while-processing', key: 'k9' },
        { ok: true, key: 'k9', rows: 12, url: 'https://4cat.example.org/results/k9/', datasource: 'twitter' },
      ],
    });
    const ui = await mount(<FourcatExport fourcat={f.source} collectionId="c1" configured />);
    const row = ui.get('[data-module="twitter.com"]');
    await click([...row.querySelectorAll('button')].find((b) => b.textContent === 'Send to 4CAT')!);
    expect(row.querySelector('[role="alert"]')?.textContent).toContain('The dataset exists');
    await click(ui.button('Check again'));
    expect(row.querySelector('[role="status"]')?.textContent).toContain('4CAT imported 12 items.');
  });

  it('asks to set up a server before sending', async () => {
    const ui = await mount(<FourcatExport fourcat={fake().source} collectionId="c1" configured={false} />);
    expect(ui.get('[data-module="twitter.com"]').textContent).toContain('Set up a 4CAT server below');
  });
});
