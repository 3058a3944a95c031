/**
 * XING hooks. Honest note: no capture of XING's logged-in markup was available when this was written, and
 * XING's class names are hashed. The adapter therefore relies only on what any rendering of a post needs:
 * an element per post (`<article>` or a test hook naming an activity), a permalink, author links
 * (`/profile/<Name>`, `/pages/<slug>`), `<time datetime>` or a relative time, and counts written as phrases
 * ("12 Kommentare", "34 Reaktionen", "Gefällt 34 Personen"). The permalink patterns and test-hook names are
 * best guesses; tests/fixtures/xing pins the assumptions (de first, en).
 */
import type { Phrases } from '../phrase-counts';

export const XG = {
  post: 'article, [data-testid*="activity" i], [data-qa*="activity" i], [data-testid*="feed-item" i], [data-qa*="feed-item" i]',
  text: ['[data-testid*="text" i]', '[data-qa*="text" i]', '[data-testid*="body" i]', 'p'],
} as const;

/** Permalinks of a post, an activity or a news article; the group is the id. */
export const PERMALINKS = [
  /\/discover\/detail-activities\/([\w.:%-]+)/,
  /\/(?:feed|discover)\/posts\/([\w.:%-]+)/,
  /\/pages\/[^/]+\/posts\/([\w.:%-]+)/,
  /\/news\/(?:insiders\/)?articles\/[\w%-]*?-(\d+)(?:[/?#]|$)/,
];

/** Profile links: members `/profile/Max_Mustermann`, companies `/pages/<slug>`. */
export const AUTHOR_PATH = /^\/(?:profile|pages)\/([^/?#]+)\/?$/;

export const METRIC_PHRASES: Phrases = {
  likes: [
    '# reaktionen',
    '# reaktion',
    'gefällt # personen',
    'gefällt # person',
    '# personen gefällt das',
    '# „gefällt mir“-angaben',
    '# reactions',
    '# reaction',
    '# likes',
    '# like',
  ],
  comments: ['# kommentare', '# kommentar', '# comments', '# comment'],
  shares: ['# mal geteilt', '# geteilt', '# shares', '# share'],
};

export const PROFILE_PHRASES: Phrases<'followers'> = {
  followers: ['# follower', '# followers', '# abonnenten'],
};

export const PROMOTED_LABELS = ['Anzeige', 'Gesponsert', 'Sponsored', 'Ad', 'Werbung'];
