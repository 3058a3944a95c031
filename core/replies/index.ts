/**
 * Reply triage and drafting for comments under a brand's posts.
 *
 * analyzeComment(text) → { language, sentiment, intents, priority } (synchronous, offline, learned
 * models: see analyze.ts and README.md). analyzeCommentDetailed(text, adaptation) adds the margins
 * and a brand's corrections (adapt.ts).
 * draftReplies({ comment, analysis, voice, recent, seed }) → 2–3 drafts for a human to edit.
 */
export { type Adaptation, type Correction, CorrectionLabel, learnAdaptation, NO_ADAPTATION } from './adapt';
export {
  type Analysis,
  analyzeComment,
  analyzeCommentDetailed,
  type DetailedAnalysis,
  type Intent,
  type Priority,
  type Sentiment,
} from './analyze';
export { type Draft, type DraftInput, draftReplies } from './draft';
export { detectLanguage } from './language';
export { type BrandVoice, BrandVoiceSchema, DEFAULT_VOICE } from './voice';
