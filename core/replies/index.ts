/**
 * Offline reply triage and drafting for comments under a brand's posts.
 *
 * analyzeComment(text) → { language, sentiment, intents, priority } (synchronous, offline).
 * draftReplies({ comment, analysis, voice, recent, seed }) → 2–3 drafts for a human to edit.
 * See analyze.ts for the intent and priority rules and README.md for how it was built and measured.
 */
export { type Analysis, analyzeComment, type Intent, type Priority, type Sentiment } from './analyze';
export { type Draft, type DraftInput, draftReplies } from './draft';
export { detectLanguage } from './language';
export { type BrandVoice, BrandVoiceSchema, DEFAULT_VOICE } from './voice';
