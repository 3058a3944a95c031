/**
 * Threads hooks. Class names are hashed; what holds is `data-pressable-container="true"` around every
 * post, the permalink `/@<handle>/post/<code>` wrapping `<time datetime>`, author links `/@<handle>`,
 * and action icons whose aria-label names the action with the count beside it. No real capture exists
 * yet: these are checked against the hand-written fixtures in tests/fixtures/threads (2025 markup, de, en).
 */
import type { Metric } from '../../model';
import type { Phrases } from '../phrase-counts';

export const TH = {
  post: '[data-pressable-container="true"]',
  text: 'span[dir="auto"], div[dir="auto"]',
  video: 'video',
  image: 'picture img, img[src*="cdninstagram"], img[src*="fbcdn"]',
} as const;

export const POST_PATH = /^\/@([A-Za-z0-9._]{1,30})\/post\/([A-Za-z0-9_-]+)/;
export const PROFILE_PATH = /^\/@([A-Za-z0-9._]{1,30})\/?$/;

/** Icon labels per metric (de, en, es, fr), in the liked and not-liked state. */
export const ICON_LABELS: Partial<Record<Metric, readonly string[]>> = {
  likes: [
    'Gefällt mir',
    'Gefällt mir nicht mehr',
    'Like',
    'Unlike',
    'Me gusta',
    'Ya no me gusta',
    "J'aime",
    'Je n’aime plus',
  ],
  comments: ['Antworten', 'Antwort', 'Kommentieren', 'Reply', 'Comment', 'Responder', 'Répondre'],
  shares: ['Reposten', 'Erneut posten', 'Repost', 'Volver a publicar', 'Republier'],
};

/** Counts written out in labels (aria-labels of the buttons, the views line on one's own posts). */
export const METRIC_PHRASES: Phrases = {
  likes: ['# „gefällt mir“-angaben', '# likes', '# like', '# me gusta'],
  comments: ['# antworten', '# antwort', '# replies', '# reply', '# respuestas'],
  shares: ['# reposts', '# repost', '# mal repostet'],
  quotes: ['# zitate', '# quotes', '# citas'],
  views: ['# aufrufe', '# views', '# visualizaciones', '# vues'],
};

export const PROFILE_PHRASES: Phrases<'followers'> = {
  followers: ['# follower', '# followers', '# seguidores', '# abonnés', '# abonnenten'],
};

/** Labels Threads puts on ads. */
export const PROMOTED_LABELS = ['Gesponsert', 'Sponsored', 'Anzeige', 'Publicidad', 'Sponsorisé'];

/** Words in the line above a post when someone reposted it into this feed ("anna hat repostet"). */
export const REPOST_WORDS = ['repostet', 'reposted', 'republicó', 'a republié', 'ha ripubblicato'];
