/**
 * Google reviews: Google Maps on Google's country domains. Its hosts are not asked for at install
 * (most users never need them): Settings asks for them when the user switches Google reviews on, and
 * only then is the content script registered, for Maps pages alone — never Search, Mail or Docs.
 */
import type { PlatformInfo } from '../platform';
import { ENDPOINTS } from './endpoints';

/** Google's domains in the markets Resonanz serves first (DACH), then other large ones. */
const DOMAINS = [
  'www.google.com',
  'www.google.de',
  'www.google.at',
  'www.google.ch',
  'www.google.fr',
  'www.google.it',
  'www.google.es',
  'www.google.nl',
  'www.google.be',
  'www.google.pl',
  'www.google.co.uk',
  'www.google.lu',
  'www.google.li',
];

export const google: PlatformInfo = {
  id: 'google',
  name: 'Google',
  hosts: [],
  opaqueHandles: true,
  optional: { hosts: DOMAINS, matches: DOMAINS.map((host) => `https://${host}/maps/*`) },
  // The owner's reply box under a review (the owner's own view of the place); never sent by Resonanz.
  endpoints: ENDPOINTS,
  replyBoxes: { boxes: ['textarea[aria-label]', 'textarea'] },
  zeeschuimerModule: 'google.com',
  // Reviewers are contributors (`/maps/contrib/<id>`); places are named by feature ids, not handles.
  handles: { pathSlots: (_segs, lower) => (lower[0] === 'maps' && lower[1] === 'contrib' ? [2] : []) },
};
