/**
 * Mastodon adapter. There is no real capture of Mastodon's web UI in ../shared; the fixtures in
 * tests/fixtures/mastodon are hand-written after Mastodon's own components, filled with the values of
 * the recorded REST responses in ../shared/fixtures/mastodon/api (ids, accounts, times, texts, media,
 * reply/boost/favourite counts). The expected values below were checked against those responses.
 */
import { describe, expect, it } from 'vitest';
import { adapterFor, extractPage, pageContext } from '../../core/platforms/index';
import { mastodonAdapter } from '../../core/platforms/mastodon/adapter';
import { ownPage, parseHtml } from './load';

const local = (y: number, m: number, d: number, h: number, min: number) =>
  new Date(y, m - 1, d, h, min).toISOString();

describe('Mastodon profile in the German UI (fosstodon.org, values from account-statuses.yml)', () => {
  const page = extractPage(
    ownPage('mastodon/de-profile.html'),
    'https://fosstodon.org/@schochastics/with_replies',
  );

  it('reads the profile header exactly from the link titles, not the short "1 Tsd."', () => {
    expect(page.platform).toBe('mastodon');
    expect(page.kind).toBe('profile');
    expect(page.profile).toEqual({
      handle: 'schochastics',
      name: 'David Schoch',
      followers: 1036,
      following: 138,
      posts: 280,
    });
  });

  it('reads every status with its id, time and reply/boost/favourite counters', () => {
    expect(page.health).toMatchObject({ candidates: 8, extracted: 8 });
    const rows = page.posts.map((p) => [
      p.id,
      p.createdAt,
      p.metrics.comments,
      p.metrics.shares,
      p.metrics.likes,
    ]);
    expect(rows).toEqual([
      ['114739545367952761', '2025-06-24T17:35:19.898Z', 0, 0, 1],
      ['114739438456077967', '2025-06-24T17:08:08.551Z', 0, 0, 0],
      ['114620457512351116', '2025-06-03T16:49:43.431Z', 1, 5, 12],
      ['114140213268598035', '2025-03-10T21:17:17.816Z', 1, 14, 18],
      ['114043413378015609', '2025-02-21T18:59:48.702Z', 0, 0, 2],
      ['114026814291152535', '2025-02-18T20:38:26.738Z', 2, 5, 7],
      ['113998155948187795', '2025-02-13T19:10:15.129Z', 0, 6, 9],
      ['113758502912504745', '2025-01-02T11:23:20.010Z', 0, 0, 1],
    ]);
    expect(
      page.posts.every((p) => p.author.handle === 'schochastics' && p.author.name === 'David Schoch'),
    ).toBe(true);
    expect(
      page.posts.every((p) => p.metrics.quotes === null && p.metrics.views === null && p.approx.length === 0),
    ).toBe(true);
  });

  it('reads links, mentions with their servers, hashtags from the text and the hashtag bar, and media', () => {
    const byId = new Map(page.posts.map((p) => [p.id, p]));
    expect(byId.get('114620457512351116')).toMatchObject({
      url: 'https://fosstodon.org/@schochastics/114620457512351116',
      media: 'link',
      hashtags: ['rstats'],
      mentions: ['maelle@mastodon.social'],
      links: [
        'https://r-consortium.org/posts/r-consortium-awards-first-round-of-2025-isc-grants/#bridging-worlds-enhancing-r-igraph-with-c-core-innovations',
      ],
    });
    expect(byId.get('114043413378015609')?.mentions).toEqual([
      'petejones@hcommons.social',
      'haraldkliems',
      'termehs',
    ]);
    expect(byId.get('114026814291152535')).toMatchObject({
      media: 'image',
      hashtags: ['quartopub', 'rstats'],
    });
    expect(byId.get('113998155948187795')).toMatchObject({
      media: 'image',
      mentions: ['christophsax@cyberplace.social'],
    });
    expect(byId.get('114140213268598035')?.text).toBe(
      'It is not a rigorous benchmark, but I was curious how duckplyr compares to other data wrangling packages in #Rstats for some practical problems I am dealing with. Turns out, it is pretty pretty fast 🚀. blog post: https://blog.schochastics.net/posts/2025-03-10_practical-benchmark-duckplyr/index.html',
    );
  });
});

describe('Mastodon federated timeline in the English UI (values from timeline-public.yml)', () => {
  const page = extractPage(ownPage('mastodon/en-public.html'), 'https://fosstodon.org/public');

  it('reads remote accounts as user@server and leaves boost and favourite counts unknown when not shown', () => {
    expect(page.kind).toBe('feed');
    expect(page.posts.map((p) => [p.id, p.author.handle, p.createdAt])).toEqual([
      ['114870362701816829', 'MLS@sportsbots.xyz', '2025-07-17T20:01:40.000Z'],
      ['114870362660775522', 'odd@sunny.garden', '2025-07-17T20:03:51.000Z'],
      ['114870362645962020', 'uutisbot@some.henkkalaukka.fi', '2025-07-17T20:03:51.000Z'],
      ['114870362510039262', 'xgranade@wandering.shop', '2025-07-17T20:03:48.000Z'],
      ['114870362494353945', 'MirrorAyako@universeodon.com', '2025-07-17T20:03:48.000Z'],
      ['114870362137933014', 'patigallardo.bsky.social@bsky.brid.gy', '2025-07-17T20:03:12.246Z'],
    ]);
    for (const post of page.posts) {
      expect(post.metrics).toEqual({
        comments: 0,
        shares: null,
        likes: null,
        quotes: null,
        views: null,
        saves: null,
      });
    }
    expect(page.posts[0]).toMatchObject({
      url: 'https://fosstodon.org/@MLS@sportsbots.xyz/114870362701816829',
      author: { name: 'Major League Soccer 🤖' },
      media: 'image',
      text: 'Two goals in a dominating win over Miami. 💪 Evander is your Player of the Matchday pres. by @MichelobULTRA@twitter.com.',
      mentions: ['MichelobULTRA@twitter.com'],
    });
    expect(page.posts[4]).toMatchObject({ mentions: ['allstartrek@a.gup.pe'], media: 'image' });
    expect(page.posts[4]?.hashtags).toContain('AllStarTrek');
    expect(page.posts[2]).toMatchObject({ media: 'text', links: ['https://yle.fi/a/7-10081310?origin=rss'] });
  });

  it('counts the status that failed to load as a candidate, not as a post', () => {
    expect(page.health).toMatchObject({ candidates: 7, extracted: 6 });
  });
});

describe('Mastodon status page in the German UI (values from account-statuses.yml)', () => {
  const url = 'https://fosstodon.org/@schochastics/113386903441645744';

  it('reads the open status with its totals, and the reply count from the page JSON-LD', () => {
    const page = extractPage(ownPage('mastodon/de-status.html'), url);
    expect(page.kind).toBe('post');
    expect(page.posts).toEqual([
      expect.objectContaining({
        id: '113386903441645744',
        url,
        author: { handle: 'schochastics', name: 'David Schoch' },
        createdAt: '2024-10-28T20:20:42.000Z',
        metrics: { comments: 5, shares: 29, likes: 53, quotes: null, views: null, saves: null },
        approx: [],
        media: 'image',
        hashtags: ['rstats'],
      }),
    ]);
  });

  it("lists the author's own reply as a comment by the post author", () => {
    const page = extractPage(ownPage('mastodon/de-status.html'), url);
    expect(page.comments).toEqual([
      expect.objectContaining({
        id: '113389856777610803',
        postId: '113386903441645744',
        parentId: null,
        author: { handle: 'schochastics', name: 'David Schoch' },
        createdAt: '2024-10-29T08:51:46.398Z',
        likes: null, // the thread view shows no favourite counter
        byPostAuthor: true,
      }),
    ]);
    expect(page.comments[0]?.text).toMatch(
      /^@djnavarro @TazPoltorak @reesericci @danwwilson and of course anyone else/,
    );
  });

  it("reads the date line in the reader's zone when the page has no JSON-LD", () => {
    const doc = ownPage('mastodon/de-status.html');
    doc.querySelector('script[type="application/ld+json"]')?.remove();
    // og:published_time is page data too, and its exact time would win over the date line.
    doc.querySelector('meta[property="og:published_time"]')?.remove();
    const page = extractPage(doc, url);
    expect(page.posts[0]).toMatchObject({
      createdAt: local(2024, 10, 28, 21, 20),
      metrics: { comments: null, shares: 29, likes: 53 },
    });
  });

  it('falls back to the JSON-LD and Open Graph tags before the thread is drawn', () => {
    const doc = ownPage('mastodon/de-status.html');
    doc.querySelector('.scrollable')?.remove();
    const page = extractPage(doc, url);
    expect(page.health).toMatchObject({ candidates: 0, extracted: 1 });
    expect(page.posts[0]).toMatchObject({
      id: '113386903441645744',
      author: { handle: 'schochastics', name: 'David Schoch' },
      createdAt: '2024-10-28T20:20:42.000Z',
      metrics: { comments: 5, shares: 29, likes: 53, quotes: null },
      media: 'image',
    });
  });

  it('threads a reply under the status drawn right above it, with a connecting line', () => {
    const status = (id: string, acct: string, extra = '', line = true) => `
      <div class="status__wrapper"><div class="status status-public${extra}" data-id="${id}">${line ? '<div class="status__line"></div>' : ''}
        <div class="status__info"><a href="/@${acct}/${id}" class="status__relative-time"><time datetime="2025-01-0${id.slice(-1)}T10:00:00.000Z">1. Jan.</time></a>
          <a href="/@${acct}" title="${acct}" class="status__display-name"><span class="display-name"><bdi><strong class="display-name__html">${acct}</strong></bdi></span></a></div>
        <div class="status__content"><div class="status__content__text"><p>Antwort ${id}</p></div></div></div></div>`;
    const doc = parseHtml(`<html lang="de"><body class="app-body"><div id="mastodon"><div class="scrollable">
      <div class="detailed-status__wrapper"><div class="detailed-status"><a class="detailed-status__display-name" href="/@anna"><span class="display-name__account">@anna@social.example.de</span></a>
        <div class="status__content"><div class="status__content__text"><p>Frage</p></div></div>
        <a class="detailed-status__datetime" href="/@anna/1">1. Jan. 2025, 09:00</a></div></div>
      ${status('2', 'bert')}${status('3', 'anna')}${status('4', 'carla@other.example', ' status--first-in-thread')}
    </div></div></body></html>`);
    const page = extractPage(doc, 'https://social.example.de/@anna/1');
    expect(page.comments.map((c) => [c.id, c.parentId, c.author.handle, c.byPostAuthor])).toEqual([
      ['2', null, 'bert', false],
      ['3', '2', 'anna', true],
      ['4', null, 'carla@other.example', false],
    ]);
  });
});

describe('Mastodon on an instance that is not built in (hand-written, German)', () => {
  const url = 'https://social.example.de/home';
  const doc = ownPage('mastodon/de-other-instance.html');

  it('is recognised by its markup', () => {
    expect(adapterFor(new URL(url), doc)?.id).toBe('mastodon');
    expect(
      adapterFor(new URL('https://blog.example.de/'), parseHtml('<html><body><p>Blog</p></body></html>')),
    ).toBeNull();
  });

  it('reads local accounts without and remote accounts with their server, and the booster', () => {
    const page = extractPage(doc, url);
    expect(page.posts[0]).toMatchObject({
      id: '113386904512345678',
      url: 'https://social.example.de/@schochastics@fosstodon.org/113386904512345678',
      author: { handle: 'schochastics@fosstodon.org', name: 'David Schoch' },
      createdAt: '2024-10-28T20:20:42.067Z',
      metrics: { comments: 5, shares: 29, likes: 53 },
      repostedBy: 'anna',
      media: 'image',
    });
  });

  it('treats an obfuscated "1+" reply counter as unknown and reads "1,2 Tsd." as approximate', () => {
    const page = extractPage(doc, url);
    expect(page.posts[1]).toMatchObject({
      author: { handle: 'anna', name: 'Anna' },
      metrics: { comments: null, shares: 1200, likes: 12 },
      approx: ['shares'],
      media: 'poll',
      hashtags: ['Fediverse'],
      mentions: ['schochastics@fosstodon.org'],
      links: ['https://shop.example/shirts'],
      repostedBy: null,
    });
  });

  it("reads the signed-in user's exact counts from the initial state when the header is not drawn", () => {
    const page = extractPage(doc, 'https://social.example.de/@anna');
    expect(page.profile).toEqual({
      handle: 'anna',
      name: 'Anna',
      followers: 321,
      following: 45,
      posts: 1234,
    });
  });

  it("reads a profile's counts from the server's description before the app has drawn it", () => {
    const shell = parseHtml(`<html lang="de"><head>
      <meta name="description" content="280 Beiträge, 138 Folge ich, 1,04 Tausend Follower · Data Scientist/DevOps Engineer at cynkra">
      <meta property="og:title" content="David Schoch (@schochastics@fosstodon.org)"></head>
      <body class="app-body"><div id="mastodon"></div></body></html>`);
    const page = extractPage(shell, 'https://fosstodon.org/@schochastics');
    expect(page.profile).toEqual({
      handle: 'schochastics',
      name: 'David Schoch',
      followers: 1040,
      following: 138,
      posts: 280,
    });
  });
});

describe('Mastodon odd markup', () => {
  it('reads fragments of statuses without throwing and without inventing numbers', () => {
    const doc = parseHtml(`<html><body class="app-body"><div id="mastodon">
      <script id="initial-state" type="application/json">{"meta":</script>
      <div class="status" data-id="12345"><div class="status__action-bar"><button class="icon-button"><svg class="icon icon-star"></svg><span class="icon-button__counter">viele</span></button></div></div>
      <div class="status" data-id=""></div>
      <div class="account__header"><a href="/@x/followers" title="">?</a><a href="%E0%A4%A">kaputt</a></div>
    </div></body></html>`);
    const page = extractPage(doc, 'https://social.example.de/@x');
    expect(page.posts).toEqual([
      expect.objectContaining({ id: '12345', metrics: expect.objectContaining({ likes: null }) }),
    ]);
    expect(page.health).toMatchObject({ candidates: 2, extracted: 1 });
    expect(page.profile).toEqual({ handle: 'x', name: null, followers: null, following: null, posts: null });
  });
});

describe('Mastodon page kinds', () => {
  const kind = (url: string) =>
    extractPage(parseHtml('<html><body><div id="mastodon"></div></body></html>'), url).kind;
  it.each([
    ['https://mastodon.social/home', 'feed'],
    ['https://mastodon.social/public/local', 'feed'],
    ['https://mastodon.social/tags/rstats', 'search'],
    ['https://mastodon.social/search?q=resonanz', 'search'],
    ['https://mastodon.social/@anna', 'profile'],
    ['https://mastodon.social/@anna@social.example.de', 'profile'],
    ['https://mastodon.social/@anna/113400000000000003', 'post'],
    ['https://mastodon.social/deck/@anna/113400000000000003', 'post'],
    ['https://mastodon.social/settings/profile', 'other'],
  ])('%s is a %s page', (url, expected) => {
    expect(kind(url)).toBe(expected);
  });
});

describe('Mastodon REST responses (hand-written, shaped like fosstodon.org’s /api/v1 JSON)', () => {
  const account = (acct: string, name: string) => ({
    id: '1',
    acct,
    display_name: name,
    url: `https://x/@${acct}`,
  });
  const status = (id: string, acct: string, extra: Record<string, unknown> = {}) => ({
    id,
    created_at: '2025-07-17T20:01:40.000Z',
    in_reply_to_id: null,
    spoiler_text: '',
    content:
      '<p>Hallo &amp; willkommen <a href="https://fosstodon.org/tags/rust" class="mention hashtag">#<span>rust</span></a></p>',
    replies_count: 2,
    reblogs_count: 5,
    favourites_count: 12,
    media_attachments: [],
    tags: [{ name: 'rust' }],
    mentions: [],
    account: account(acct, acct.split('@')[0]!),
    ...extra,
  });
  const context = (url: string) =>
    pageContext(mastodonAdapter, parseHtml('<html lang="de"><body></body></html>'), new URL(url));

  it('reads a timeline with exact counts, a boost as the boosted status, remote accounts with their host', () => {
    const json = [
      status('114870362701816829', 'anna'),
      status('114870362701816830', 'bert', {
        reblog: status('114870000000000001', 'carla@mastodon.social'),
        content: '',
      }),
    ];
    const data = mastodonAdapter.readResponse!(
      json,
      new URL('https://fosstodon.org/api/v1/timelines/public?limit=20'),
      context('https://fosstodon.org/public'),
    );
    expect(
      data.posts?.map((p) => [
        p.id,
        p.author.handle,
        p.metrics.comments,
        p.metrics.shares,
        p.metrics.likes,
        p.repostedBy,
      ]),
    ).toEqual([
      ['114870362701816829', 'anna', 2, 5, 12, null],
      ['114870000000000001', 'carla@mastodon.social', 2, 5, 12, 'bert'],
    ]);
    expect(data.posts?.[0]).toMatchObject({
      url: 'https://fosstodon.org/@anna/114870362701816829',
      text: 'Hallo & willkommen #rust',
      hashtags: ['rust'],
      createdAt: '2025-07-17T20:01:40.000Z',
      approx: [],
    });
  });

  it('reads a thread context: descendants as comments, parents, the author answering', () => {
    const json = {
      ancestors: [],
      descendants: [
        status('200', 'bert', { in_reply_to_id: '100', favourites_count: 3 }),
        status('201', 'anna', { in_reply_to_id: '200', favourites_count: 1 }),
      ],
    };
    const data = mastodonAdapter.readResponse!(
      json,
      new URL('https://fosstodon.org/api/v1/statuses/100/context'),
      context('https://fosstodon.org/@anna/100'),
    );
    expect(data.comments?.map((c) => [c.id, c.postId, c.parentId, c.likes, c.byPostAuthor])).toEqual([
      ['200', '100', null, 3, false],
      ['201', '100', '200', 1, true],
    ]);
  });
});
