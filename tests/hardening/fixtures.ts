/**
 * Every page the mutation tests start from: the real captures in ../shared/fixtures (read in place,
 * URLs as SOURCES.md gives them) and the hand-written pages in tests/fixtures (URLs as their own tests
 * use them). The JSON API recordings (X GraphQL, Reddit, Mastodon) are not pages and are not read by
 * `extractPage`; LinkedIn's feed JSON is, embedded the way logged-in pages embed it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_FIXTURES, sharedText } from '../platforms/load';

export interface FixturePage {
  /** `shared:x/tweet-article.html`, `own:x/de-profile.html`, `shared:tiktok/foryou-items-2022.jsonl#3`. */
  name: string;
  html: () => string;
  url: string;
}

/** Real captures and the URL each was taken on (SOURCES.md; "og:url in the file" copied from the file). */
const SHARED: Record<string, string> = {
  'x/tweet-article.html': 'https://x.com/home',
  'x/tweet-article-quote.html': 'https://x.com/home',
  'x/tweet-article-quote-video.html': 'https://x.com/home',
  'x/status-logged-out-image.html': 'https://twitter.com/UaSmart/status/934106870834454529',
  'x/status-logged-out-gif.html': 'https://twitter.com/Kikobeats/status/880139124791029763',
  'bluesky/post.html': 'https://bsky.app/profile/stephenking.bsky.social/post/3mddvy5bv6k27',
  'bluesky/post-image.html': 'https://bsky.app/profile/glendunlap.bsky.social/post/3mdegyw3ves2t',
  'tiktok/foryou-2022.html': 'https://www.tiktok.com/foryou',
  'tiktok/foryou-basic-2022.html': 'https://www.tiktok.com/foryou',
  'tiktok/profile-2022.html': 'https://www.tiktok.com/@alalei77',
  'tiktok/video-2022.html': 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725',
  'tiktok/profile-2025.html': 'https://www.tiktok.com/@illojuan',
  'youtube/home-de-2022-0.html': 'https://www.youtube.com/',
  'youtube/search-en-2022-0.html': 'https://www.youtube.com/results?search_query=gps+motorcycle',
  'youtube/search-en-2022-1.html': 'https://www.youtube.com/results?search_query=gps+motorcycle',
  'youtube/watch-en-2022-0.html': 'https://www.youtube.com/watch?v=PGXcFGlofbQ',
  'youtube/watch-en-2022-1.html': 'https://www.youtube.com/watch?v=PGXcFGlofbQ',
  'youtube/watch-fr-2022-0.html': 'https://www.youtube.com/watch?v=eEUV4WqJipw',
  'youtube/watch-server-html.html': 'https://www.youtube.com/watch?v=hwMkbaS_M_c',
  'youtube/channel-server-html.html': 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA',
  'linkedin/company-logged-out.html': 'https://uk.linkedin.com/company/audiense',
  'instagram/post-photo-logged-out.html': 'https://www.instagram.com/p/CPeC-Eenc8l/',
  'instagram/post-video-logged-out.html': 'https://www.instagram.com/p/CPQjO5RIIO9/',
  'instagram/profile-logged-out.html': 'https://www.instagram.com/pluto__travel/',
  'facebook/classic-2018-timeline.html': 'https://www.facebook.com/',
  'facebook/classic-2018-timeline-ad.html': 'https://www.facebook.com/',
  'facebook/classic-2018-sisi-timeline-ad.html': 'https://www.facebook.com/',
  'facebook/mbasic-2021-posts.html': 'https://m.facebook.com/',
  'facebook/mbasic-2021-group.html': 'https://m.facebook.com/',
  'reddit/post-2019.html':
    'https://www.reddit.com/r/Showerthoughts/comments/awx46q/vanilla_becoming_the_default_flavour_of_ice_cream/',
  'reddit/post-video-2019.html': 'https://www.reddit.com/r/HumansBeingBros/comments/aybtf7/thanks_human/',
  'reddit/shreddit-head-2026.html':
    'https://www.reddit.com/r/lotus/comments/1pzbv0z/my_lotus_elise_72d_with_17_rays_volk_gtp/',
};

/** Hand-written pages whose tests read them at a specific URL; the rest use their platform's home. */
const OWN: Record<string, string> = {
  'bluesky/de-feed.html': 'https://bsky.app/',
  'bluesky/de-profile.html': 'https://bsky.app/profile/beispiel.de',
  'bluesky/en-profile.html': 'https://bsky.app/profile/news.example.com',
  'facebook/de-feed.html': 'https://www.facebook.com/',
  'facebook/de-feed-page-data.html': 'https://www.facebook.com/',
  'facebook/de-page.html': 'https://www.facebook.com/stadtbib.example',
  'facebook/en-post.html':
    'https://www.facebook.com/cityzoo.example/posts/pfbid0ZooPost111aaaBBBcccDDDeeeFFFggg',
  'facebook/odd-markup.html': 'https://www.facebook.com/',
  'instagram/de-feed.html': 'https://www.instagram.com/',
  'instagram/de-post.html': 'https://www.instagram.com/p/DAbC12xYz9Q/',
  'instagram/en-profile.html': 'https://www.instagram.com/example.roasters/',
  'linkedin/de-company.html': 'https://www.linkedin.com/company/beispiel-energie/',
  'linkedin/de-feed.html': 'https://www.linkedin.com/feed/',
  'linkedin/en-post.html': 'https://www.linkedin.com/feed/update/urn:li:activity:7320000000000000000/',
  'linkedin/en-sdui-feed.html': 'https://www.linkedin.com/feed/',
  'mastodon/de-other-instance.html': 'https://social.example.de/home',
  'mastodon/de-profile.html': 'https://fosstodon.org/@schochastics/with_replies',
  'mastodon/de-status.html': 'https://fosstodon.org/@schochastics/113386903441645744',
  'mastodon/en-public.html': 'https://fosstodon.org/public',
  'pinterest/de-home.html': 'https://www.pinterest.de/',
  'pinterest/de-profile.html': 'https://www.pinterest.de/backfee_de/',
  'pinterest/en-pin-logged-out.html': 'https://www.pinterest.com/pin/5566778899001122/',
  'pinterest/en-pin.html': 'https://www.pinterest.com/pin/5566778899001122/',
  'reddit/de-feed.html': 'https://www.reddit.com/r/de/',
  'reddit/de-post.html': 'https://www.reddit.com/r/holdmyredbull/comments/116yyx6/_/',
  'reddit/en-old.html': 'https://old.reddit.com/r/holdmyredbull/comments/116yyx6/_/',
  'threads/de-feed.html': 'https://www.threads.com/',
  'threads/en-post.html': 'https://www.threads.com/@green.energy.news/post/DCmain11111',
  'threads/en-profile.html': 'https://www.threads.net/@green.energy.news',
  'tiktok/de-foryou-2025.html': 'https://www.tiktok.com/foryou',
  'tiktok/it-video-2025.html': 'https://www.tiktok.com/@cucina.nonna.rosa/video/7480985396484754709',
  'x/de-profile.html': 'https://x.com/beispiel_gmbh',
  'xing/de-company.html': 'https://www.xing.com/pages/beispiel-logistik-gmbh',
  'xing/de-feed.html': 'https://www.xing.com/discover/updates',
  'youtube/de-home-2025.html': 'https://www.youtube.com/',
  'youtube/de-watch-2025.html': 'https://www.youtube.com/watch?v=xY7_kLm9pQr&t=42s',
  'youtube/en-channel-2025.html': 'https://www.youtube.com/@fieldnotes/videos',
  'youtube/en-shorts-2025.html': 'https://www.youtube.com/shorts/Sh0rT5x_y-Z',
  'google/place-reviews-de.html':
    'https://www.google.de/maps/place/B%C3%A4ckerei+Beispiel/data=!4m7!3m6!1s0x47a84e373f7c0001:0x1d2c3b4a59687700',
  'google/place-reviews-en.html':
    'https://www.google.com/maps/place/Ramen+Example/data=!4m7!3m6!1s0x47a851e0a1b2c3d4:0x5e6f708192a3b4c5',
  'bluesky/post-tid.html': 'https://bsky.app/profile/anna.bsky.social/post/3mdeitsgznc24',
  'x/cjk-th-timeline.html': 'https://x.com/home',
};

const read = (path: string) => () => sharedText(path);

/** Every fixture page; a hand-written page without a URL in OWN fails loudly (add it there). */
export function fixturePages(): FixturePage[] {
  const pages: FixturePage[] = Object.entries(SHARED).map(([path, url]) => ({
    name: `shared:${path}`,
    html: read(path),
    url,
  }));
  pages.push({
    name: 'shared:linkedin/api/voyager-main-feed-2023.json (embedded)',
    html: () => {
      const json = sharedText('linkedin/api/voyager-main-feed-2023.json')
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;');
      return `<html lang="en"><body><main></main><code id="bpr-guid-1001">${json}</code></body></html>`;
    },
    url: 'https://www.linkedin.com/feed/',
  });
  for (const dir of readdirSync(OWN_FIXTURES)) {
    for (const file of readdirSync(join(OWN_FIXTURES, dir)).filter((f) => f.endsWith('.html'))) {
      const path = `${dir}/${file}`;
      const url = OWN[path];
      if (!url) throw new Error(`tests/hardening/fixtures.ts: no URL for tests/fixtures/${path}`);
      pages.push({ name: `own:${path}`, html: () => ownText(path), url });
    }
  }
  return pages;
}

/** The 85 For You items of 2022, each a small page of its own (the item's DOM at its `href`). */
export function tiktokItems(): FixturePage[] {
  return sharedText('tiktok/foryou-items-2022.jsonl')
    .trim()
    .split('\n')
    .map((line, i) => {
      const row = JSON.parse(line) as { html: string; href: string };
      return {
        name: `shared:tiktok/foryou-items-2022.jsonl#${i}`,
        html: () => `<!doctype html><html><body>${row.html}</body></html>`,
        url: row.href,
      };
    });
}

function ownText(path: string): string {
  // Same folder the platform tests read from (tests/platforms/load.ts).
  return readFileSync(join(OWN_FIXTURES, path), 'utf8');
}
