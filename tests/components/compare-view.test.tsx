/** Competitive sets: managing them, the comparison table and charts, exports, and every state. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { CompareView } from '../../components/panel/compare/CompareView';
import type { PageState } from '../../components/panel/source';
import type { CompetitiveSet, StoredPost } from '../../core/model';
import { account, D, NOW, storedPost } from './data';
import { fakeSource } from './fake-source';
import { click, mount, setValue, submit } from './render';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  lang.value = 'en';
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const none: PageState = { status: 'none' };
const profilePage: PageState = {
  status: 'ready',
  fallback: false,
  posts: [],
  tab: {
    tabId: 3,
    url: 'https://x.com/beispiel_gmbh',
    platform: 'x',
    kind: 'profile',
    postIds: [],
    profileHandle: 'beispiel_gmbh',
    health: { candidates: 0, extracted: 0, missing: {} },
    updatedAt: NOW,
  },
};

function set(
  members: { platform: CompetitiveSet['members'][number]['platform']; handle: string }[],
): CompetitiveSet {
  return { id: 's1', name: 'Wettbewerb Q3', members, createdAt: NOW - D };
}

/** 20 posts each in the last 30 days: @acme at 2 % of 1,000 followers, @rival at 0.5 % of 4,000. */
function twoAccounts(): StoredPost[] {
  const out: StoredPost[] = [];
  for (let i = 0; i < 20; i++) {
    out.push(storedPost({ id: `a${i}`, handle: 'acme', ageDays: 1.5 + i * 1.4, likes: 20 }));
    out.push(
      storedPost({ id: `r${i}`, handle: 'rival', ageDays: 1.5 + i * 1.4, likes: 20, followers: 4000 }),
    );
  }
  return out;
}

describe('Compare view', () => {
  it('says it is loading while the sets are read', async () => {
    const { source } = fakeSource({ sets: 'loading' });
    const ui = await mount(<CompareView source={source} page={none} />);
    expect(ui.get('[role="status"]').textContent).toBe('Loading…');
  });

  it('says it is loading while a set’s posts are read', async () => {
    const { source } = fakeSource({ sets: [set([{ platform: 'x', handle: 'acme' }])], setData: 'loading' });
    const ui = await mount(<CompareView source={source} page={none} />);
    expect(ui.get('[role="status"]').textContent).toBe('Loading…');
  });

  it('shows read errors as alerts', async () => {
    const a = fakeSource({ sets: { error: 'sets unreadable' } });
    expect(
      (await mount(<CompareView source={a.source} page={none} />)).get('[role="alert"]').textContent,
    ).toContain('sets unreadable');
    const b = fakeSource({
      sets: [set([{ platform: 'x', handle: 'acme' }])],
      setData: { error: 'index missing' },
    });
    expect(
      (await mount(<CompareView source={b.source} page={none} />)).get('[role="alert"]').textContent,
    ).toContain('index missing');
  });

  it('starts empty and creates a set through the form', async () => {
    const { source, commands } = fakeSource({ sets: [] });
    const ui = await mount(<CompareView source={source} page={none} />);
    expect(ui.text()).toContain('No competitive set yet');
    await click(ui.button('New set'));
    await setValue(ui.get<HTMLInputElement>('form input'), '  Wettbewerb Q3 ');
    await submit(ui.get<HTMLFormElement>('form'));
    expect(commands).toEqual([{ type: 'createSet', name: 'Wettbewerb Q3' }]);
  });

  it('adds the account on screen with one click, and any handle on any platform', async () => {
    const { source, commands } = fakeSource({ sets: [set([])] });
    const ui = await mount(<CompareView source={source} page={profilePage} />);
    expect(ui.text()).toContain('This set has no accounts yet');
    await click(ui.button('+ Add @beispiel_gmbh · X (on screen)'));
    await setValue(ui.all<HTMLSelectElement>('form select')[0]!, 'instagram');
    await setValue(ui.get<HTMLInputElement>('form input[type="text"]'), '@rival.shop');
    await submit(ui.all<HTMLFormElement>('form').at(-1)!);
    expect(commands).toEqual([
      { type: 'addSetMember', id: 's1', platform: 'x', handle: 'beispiel_gmbh' },
      { type: 'addSetMember', id: 's1', platform: 'instagram', handle: 'rival.shop' },
    ]);
  });

  it('renames, removes members, and deletes only after a second click', async () => {
    const { source, commands } = fakeSource({
      sets: [set([{ platform: 'x', handle: 'acme' }])],
      posts: twoAccounts(),
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    await click(ui.button('Remove @acme · X'));
    await click(ui.button('Rename'));
    await setValue(ui.get<HTMLInputElement>('form input'), 'Q4');
    await submit(ui.get<HTMLFormElement>('form'));
    await click(ui.button('Delete set'));
    expect(commands.map((c) => c.type)).toEqual(['removeSetMember', 'renameSet']);
    await click(ui.button('Yes, delete the set'));
    expect(commands.at(-1)).toEqual({ type: 'deleteSet', id: 's1' });
  });

  it('says when the set has too few posts to compare, and marks thin figures', async () => {
    const posts = [
      storedPost({ handle: 'acme', ageDays: 2, likes: 10 }),
      storedPost({ handle: 'rival', ageDays: 2, likes: 30 }),
    ];
    const { source } = fakeSource({
      sets: [
        set([
          { platform: 'x', handle: 'acme' },
          { platform: 'x', handle: 'rival' },
        ]),
      ],
      posts,
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    expect(ui.text()).toContain('Only 2 posts with counts across the set (at least 10 recommended)');
    expect(ui.all('table.compare tbody tr')).toHaveLength(2);
    expect(ui.get('table.compare tbody').textContent).toContain('(too few posts to be reliable)');
    expect(ui.get('svg.bars').getAttribute('aria-label')).toContain('n = 2 posts');
  });

  it('says when no member posted in the window', async () => {
    const { source } = fakeSource({
      sets: [set([{ platform: 'x', handle: 'acme' }])],
      posts: [storedPost({ handle: 'acme', ageDays: 200 })],
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    expect(ui.text()).toContain('None of these accounts has posts from the last 30 days stored');
  });

  it('compares the members with one denominator, share of voice and distribution', async () => {
    const { source } = fakeSource({
      sets: [
        set([
          { platform: 'x', handle: 'acme' },
          { platform: 'x', handle: 'rival' },
        ]),
      ],
      posts: twoAccounts(),
      accounts: [account('acme'), account('rival', { followers: 4000 })],
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    const rows = ui.all('table.compare tbody tr');
    expect(rows).toHaveLength(2);
    expect(ui.get('table.compare thead').textContent).toContain('÷ followers');
    expect(rows[0]!.querySelector('th')!.textContent).toBe('@acmeX');
    expect(rows[0]!.textContent).toContain('2%');
    expect(rows[1]!.textContent).toContain('0.5%');
    // 20 posts each of 20 interactions: an even split.
    expect(rows[0]!.textContent).toContain('50%');
    expect(ui.get('svg.bars').textContent).toContain('50%');
    expect(ui.get('svg.bars').getAttribute('role')).toBe('img');
    // One dot per post older than 24 h in the window, per account.
    // Posts 1.5 + 1.4·i days old: i = 0 … 20 fit in 30 days, all older than 24 h → 20 (× 2 accounts).
    expect(ui.all('svg.strip circle')).toHaveLength(40);
    expect(ui.all('figure .sr-only table tbody tr').length).toBe(4);

    // 7 days: fewer posts.
    await click(ui.get('input[type="radio"][value="7"]'));
    expect(ui.text()).toContain('posts from the last 7 days');
    expect(ui.all('svg.strip circle').length).toBeLessThan(20);
  });

  it('exports the table as CSV with a BOM and formula-like handles neutralised', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const posts = [...twoAccounts(), storedPost({ handle: '=cmd', ageDays: 3, likes: 5 })];
    const { source } = fakeSource({
      sets: [
        set([
          { platform: 'x', handle: 'acme' },
          { platform: 'x', handle: '=cmd' },
        ]),
      ],
      posts,
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    await click(ui.button('Export table (CSV)'));
    expect(clicks).toHaveBeenCalledOnce();
    const text = await created[0]!.text();
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    // Every text cell quoted (a reader splitting on another delimiter still sees text), numbers bare.
    expect(lines[0]).toBe(
      '"Platform","Handle","Followers","Posts in period","Posts/week","Median engagement rate (%)","Engagement rate denominator","n (engagement rate)","Median interactions","n (interactions)","Breakouts","n (posts judged for breakouts)","Share of voice (%)","Interactions in period","Period (days)"',
    );
    expect(lines[1]).toMatch(/^"x","acme",1000,20,4\.67,2,"followers",20,20,20,/);
    expect(lines[2]).toMatch(/^"x","'=cmd",/);
  });

  it('shows mention share of the brand terms from Settings', async () => {
    const posts = [
      ...twoAccounts(),
      storedPost({ handle: 'kundin', ageDays: 2, text: 'Acme ist super' }),
      storedPost({ handle: 'kunde', ageDays: 3, text: 'Lieber Rival als acme!' }),
    ];
    const { source } = fakeSource({
      sets: [set([{ platform: 'x', handle: 'acme' }])],
      posts,
      settings: { brandTerms: ['Acme', 'Rival'] },
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    expect(ui.text()).toContain('Acme: 100% (2 of 2 posts mentioning any term)');
    expect(ui.text()).toContain('Rival: 50% (1 of 2 posts mentioning any term)');
    expect(ui.text()).toContain('Only 2 posts mention any term');
  });

  it('reads in German', async () => {
    lang.value = 'de';
    const { source } = fakeSource({
      sets: [
        set([
          { platform: 'x', handle: 'acme' },
          { platform: 'x', handle: 'rival' },
        ]),
      ],
      posts: twoAccounts(),
    });
    const ui = await mount(<CompareView source={source} page={profilePage} />);
    expect(ui.text()).toContain('+ @beispiel_gmbh · X hinzufügen (angezeigt)');
    expect(ui.get('table.compare thead').textContent).toContain('÷ Follower');
    expect(ui.text()).toContain('Tabelle exportieren (CSV)');
  });

  it('compares over a year or everything stored, and remembers the window per set', async () => {
    // Posts 200 days old: outside 7 / 30 / 90 days, inside 365 days and "All".
    const old = [
      storedPost({ id: 'o1', ageDays: 200, likes: 10 }),
      storedPost({ id: 'o2', ageDays: 210, likes: 30 }),
    ];
    const { source } = fakeSource({ sets: [set([{ platform: 'x', handle: 'acme' }])], posts: old });
    const ui = await mount(<CompareView source={source} page={none} />);
    const radio = (label: string) =>
      ui.all<HTMLLabelElement>('fieldset.segmented label').find((l) => l.textContent === label)!;
    expect(ui.text()).toContain('0 posts from the last 30 days');
    await click(radio('All').querySelector('input')!);
    // "All" runs from the oldest post (210 days ago) to now.
    expect(ui.text()).toContain('2 posts from the last 210 days');
    const again = await mount(<CompareView source={source} page={none} />);
    const checked = again.all<HTMLInputElement>('fieldset.segmented input').find((i) => i.checked);
    expect(checked?.parentElement?.textContent).toBe('All');
  });

  it('draws a one-page client report of the set (print / PDF, PNG) with each figure’s n', async () => {
    const { source } = fakeSource({
      sets: [
        set([
          { platform: 'x', handle: 'acme' },
          { platform: 'x', handle: 'rival' },
        ]),
      ],
      posts: twoAccounts(),
    });
    const ui = await mount(<CompareView source={source} page={none} />);
    const card = ui.get('svg.report-card');
    const text = card.textContent ?? '';
    expect(card.getAttribute('aria-label')).toMatch(/^Competitive set “.*” · last 30 days$/);
    expect(text).toContain('@acme');
    expect(text).toMatch(/\(n=\d+\)/);
    expect(ui.button('Print / save as PDF')).toBeTruthy();
    expect(ui.button('Report as PNG')).toBeTruthy();
  });
});
