/**
 * Where Google reviews are read: Google Maps on Google's country domains. These hosts are not asked
 * for at install (most users never need them): Settings asks for them when the user switches Google
 * reviews on, and the content script is registered only then.
 */

/** Google's domains in the markets Resonanz serves first (DACH), then other large ones. */
export const GOOGLE_DOMAINS: readonly string[] = [
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

/** Content-script match patterns: Maps pages only (places, searches), never Search, Mail or Docs. */
export function googleMatchPatterns(): string[] {
  return GOOGLE_DOMAINS.map((host) => `https://${host}/maps/*`);
}

/** Host permissions to ask for (origins: Chrome grants hosts, not paths). */
export function googleOrigins(): string[] {
  return GOOGLE_DOMAINS.map((host) => `https://${host}/*`);
}
