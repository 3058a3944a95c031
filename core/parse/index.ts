/** The pure parsing module: counts, times and text as platforms display them. No DOM, no storage. */
export { countInLabel, type ParsedCount, parseCount } from './count';
export { collapseWhitespace, extractHashtags, extractLinks, extractMentions } from './text';
export { parseTime } from './time';
