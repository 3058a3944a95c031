/**
 * The typed message protocol between contexts. Each message type maps to a request schema and a
 * response schema; `send`/`handle` helpers elsewhere are generic over these keys, so a wrong payload
 * is a type error, and the worker parses every request with the schema before acting on it.
 */
import { z } from 'zod';
import { AccountRole, Collection, PageExtraction, PlatformId } from './model';
import { AiEndpoint } from './replies/ai-endpoint';
import { Settings } from './settings';

export const EngagementRate = z.object({
  value: z.number().nonnegative(),
  denominator: z.enum(['followers', 'views']),
});
export type EngagementRate = z.infer<typeof EngagementRate>;

/** How one post does, as the badge shows it. */
export const PostScore = z.object({
  rate: EngagementRate.nullable(),
  /** Engagement / the account's median (same denominator); null when it cannot be judged. */
  xMedian: z.number().nullable(),
  breakout: z.boolean(),
  /** Under 24 h old: judged by velocity, not totals. */
  young: z.boolean(),
  /** Interactions per hour since the post was created (young posts). */
  velocity: z.number().nullable(),
  /** Posts in the account's baseline, and whether that is too few to judge. */
  baselineN: z.number().int().nonnegative(),
  thin: z.boolean(),
  /** YouTube, TikTok, Shorts, Reels: the badge leads with views (core/scoring/views.ts). */
  viewsFirst: z.boolean().default(false),
  /** Views per hour and × the channel's median views; null when the page shows no views. */
  views: z
    .object({
      perHour: z.number().nullable(),
      xMedian: z.number().nullable(),
      n: z.number().int().nonnegative(),
      thin: z.boolean(),
    })
    .nullable()
    .default(null),
});
export type PostScore = z.infer<typeof PostScore>;

/** A reply draft as the assistant returns it (text for a human; never sent by Resonanz). */
export const ReplyDraft = z.object({
  text: z.string().min(1).max(5_000),
  tone: z.enum(['thank', 'answer', 'apologise', 'deescalate', 'redirect']),
  lang: z.enum(['de', 'en']).optional(),
});
export type ReplyDraft = z.infer<typeof ReplyDraft>;

/** The comment a reply is drafted for. */
const DraftComment = z.object({
  text: z.string().max(10_000),
  authorName: z.string().max(2_000).nullable(),
  authorHandle: z.string().max(2_000).nullable(),
  /** A public review's stars (Google reviews). */
  rating: z.number().int().min(1).max(5).nullable().optional(),
});

/** Messages a content script may send. */
export const ContentMessages = {
  /** A batch of what the page shows (all of it on load, then only new or changed posts). */
  capture: {
    request: z.object({
      type: z.literal('capture'),
      /** Unique per batch; a retried batch keeps its id, so storing it twice changes nothing. */
      batchId: z.string().min(1).max(100),
      /** True when `extraction.posts` is the whole page, false when it is only what changed. */
      complete: z.boolean(),
      extraction: PageExtraction,
      /** The page's `<html lang>`, recorded as provenance while a research collection is recording. */
      uiLanguage: z.string().max(100).nullable().optional(),
    }),
    response: z.object({
      ok: z.literal(true),
      stored: z.number().int().nonnegative(),
      scores: z.record(z.string(), PostScore),
      paused: z.boolean(),
    }),
  },
  /** The overlay asks whether badges are on for this platform. */
  overlaySettings: {
    request: z.object({ type: z.literal('overlaySettings'), platform: PlatformId }),
    response: z.object({
      ok: z.literal(true),
      badges: z.boolean(),
      capture: z.boolean(),
      /** The interface language chosen in Settings (the badges follow it). */
      language: Settings.shape.language.unwrap(),
    }),
  },
  /**
   * The user focused a reply box under a comment: drafts for it in the brand voice (only under own
   * accounts' posts; `own: false` and no drafts otherwise). The worker remembers them as suggested.
   */
  draftsFor: {
    request: z.object({
      type: z.literal('draftsFor'),
      platform: PlatformId,
      postId: z.string().min(1).max(300),
      /** The post's author as the page shows it (used when the post is not stored yet). */
      postAuthor: z.string().max(300).nullable(),
      commentId: z.string().min(1).max(300),
      comment: DraftComment,
    }),
    response: z.object({ ok: z.literal(true), own: z.boolean(), drafts: z.array(ReplyDraft).max(5) }),
  },
  /** A draft went into the page's reply box (the assistant remembers it, so it never repeats it). */
  replyInserted: {
    request: z.object({
      type: z.literal('replyInserted'),
      platform: PlatformId,
      commentId: z.string().min(1).max(300),
      text: z.string().min(1).max(5_000),
    }),
    response: z.object({ ok: z.literal(true) }),
  },
} as const;

const SetId = z.string().min(1).max(100);
const SetName = z.string().trim().min(1).max(200);
const SetHandle = z.string().trim().min(1).max(200);

/** Messages only extension pages (side panel, options) may send: they change or export data. */
export const PanelMessages = {
  setAccountRole: {
    request: z.object({
      type: z.literal('setAccountRole'),
      platform: PlatformId,
      handle: z.string().min(1).max(200),
      role: AccountRole.nullable(),
    }),
    response: z.object({ ok: z.literal(true) }),
  },
  eraseAll: {
    request: z.object({ type: z.literal('eraseAll'), confirm: z.literal('erase') }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Competitive sets (handled in core/worker/sets.ts). */
  createSet: {
    request: z.object({ type: z.literal('createSet'), name: SetName }),
    response: z.object({ ok: z.literal(true), id: z.string() }),
  },
  renameSet: {
    request: z.object({ type: z.literal('renameSet'), id: SetId, name: SetName }),
    response: z.object({ ok: z.literal(true) }),
  },
  deleteSet: {
    request: z.object({ type: z.literal('deleteSet'), id: SetId }),
    response: z.object({ ok: z.literal(true) }),
  },
  addSetMember: {
    request: z.object({
      type: z.literal('addSetMember'),
      id: SetId,
      platform: PlatformId,
      handle: SetHandle,
    }),
    response: z.object({ ok: z.literal(true) }),
  },
  removeSetMember: {
    request: z.object({
      type: z.literal('removeSetMember'),
      id: SetId,
      platform: PlatformId,
      handle: SetHandle,
    }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Writes the user's settings to extension storage (validated whole, never merged field by field). */
  saveSettings: {
    request: z.object({ type: z.literal('saveSettings'), settings: Settings }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Research: starts recording a collection (stopping any other); its pseudonymisation secret is made now. */
  startCollection: {
    request: z.object({
      type: z.literal('startCollection'),
      name: z.string().trim().min(1).max(200),
      notes: z.string().max(10_000),
    }),
    response: z.object({ ok: z.literal(true), collection: Collection }),
  },
  stopCollection: {
    request: z.object({ type: z.literal('stopCollection'), id: z.string().min(1).max(100) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Deletes a collection, its items and its secret (the posts stay in the history). */
  deleteCollection: {
    request: z.object({ type: z.literal('deleteCollection'), id: z.string().min(1).max(100) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Deletes the collection's pseudonymisation secret: its pseudonyms can never be reproduced. */
  destroyCollectionSecret: {
    request: z.object({ type: z.literal('destroyCollectionSecret'), id: z.string().min(1).max(100) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Deletes stopped collections `days` after they stopped (0 = keep forever), now and from then on. */
  setResearchRetention: {
    request: z.object({ type: z.literal('setResearchRetention'), days: z.number().int().min(0).max(36_500) }),
    response: z.object({ ok: z.literal(true), deleted: z.number().int().nonnegative() }),
  },
  /** Restore, step 1: the backup's header line; refused unless the database is empty. */
  restoreBegin: {
    request: z.object({ type: z.literal('restoreBegin'), header: z.string().max(100_000) }),
    response: z.object({ ok: z.literal(true), restoreId: z.string() }),
  },
  /** Restore, step 2 (repeated): the next lines of the file, validated row by row, written in one transaction. */
  restoreChunk: {
    request: z.object({
      type: z.literal('restoreChunk'),
      restoreId: z.string().min(1).max(100),
      /** 1-based line number of lines[0] in the file, for error messages. */
      firstLine: z.number().int().positive(),
      lines: z.array(z.string()).max(20_000),
    }),
    response: z.object({ ok: z.literal(true), rows: z.number().int().nonnegative() }),
  },
  /** Restore, step 3: checks the file's end line (row counts); anything missing rolls the restore back. */
  restoreEnd: {
    request: z.object({ type: z.literal('restoreEnd'), restoreId: z.string().min(1).max(100) }),
    response: z.object({ ok: z.literal(true), counts: z.record(z.string(), z.number()) }),
  },
  /** Cancels a restore: everything it wrote is removed. */
  restoreAbort: {
    request: z.object({ type: z.literal('restoreAbort'), restoreId: z.string().min(1).max(100) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Reply memory: drafts shown ('suggested') or put into a reply box / copied ('inserted'). */
  rememberReply: {
    request: z.object({
      type: z.literal('rememberReply'),
      kind: z.enum(['suggested', 'inserted']),
      texts: z.array(z.string().min(1).max(5_000)).min(1).max(5),
    }),
    response: z.object({ ok: z.literal(true), stored: z.number().int().nonnegative() }),
  },
  /**
   * The community manager's correction of a comment's triage (label null: back to the models'). Kept
   * per own account; the brand's on-device model is learned from them (core/replies/adapt.ts).
   */
  correctTriage: {
    request: z.object({
      type: z.literal('correctTriage'),
      platform: PlatformId,
      commentId: z.string().min(1).max(400),
      account: z.string().max(400),
      text: z.string().max(100_000),
      label: z.enum(['urgent', 'spam', 'complaint', 'question', 'purchase', 'praise', 'other']).nullable(),
    }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Hides a crisis alert's banner (the alert stays, marked dismissed). */
  dismissAlert: {
    request: z.object({ type: z.literal('dismissAlert'), id: z.string().min(1).max(400) }),
    response: z.object({ ok: z.literal(true) }),
  },
  /**
   * Drafts from the user's OpenAI-compatible endpoint (only after their click); any failure answers
   * with the offline drafts and the reason.
   */
  aiDraft: {
    request: z.object({
      type: z.literal('aiDraft'),
      platform: PlatformId,
      commentId: z.string().min(1).max(300),
      comment: DraftComment,
      /** Names the request so `aiCancel` can stop it. */
      requestId: z.string().min(1).max(100).optional(),
    }),
    response: z.object({
      ok: z.literal(true),
      source: z.enum(['endpoint', 'builtin', 'offline']),
      drafts: z.array(ReplyDraft).max(5),
      fallback: z.string().max(100).optional(),
      detail: z.string().max(200).optional(),
    }),
  },
  /** Stops a running `aiDraft` (the user clicked Cancel); it then answers with the offline drafts. */
  aiCancel: {
    request: z.object({ type: z.literal('aiCancel'), requestId: z.string().min(1).max(100) }),
    response: z.object({ ok: z.literal(true), cancelled: z.boolean() }),
  },
  /** Stores (or with null removes) the AI endpoint, key included, in storage.local only. */
  saveAiEndpoint: {
    request: z.object({ type: z.literal('saveAiEndpoint'), endpoint: AiEndpoint.nullable() }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Capture was paused because storage is full; the user freed space and asks to try again. */
  resumeCapture: {
    request: z.object({ type: z.literal('resumeCapture') }),
    response: z.object({ ok: z.literal(true) }),
  },
  /** Asks the tab's content script for a sanitised copy of the page (the "save snapshot" feature). */
  snapshot: {
    request: z.object({ type: z.literal('snapshot'), tabId: z.number().int(), pseudonymise: z.boolean() }),
    response: z.object({ ok: z.literal(true), html: z.string(), filename: z.string() }),
  },
} as const;

/** Sent by the worker to a tab's content script. */
export const TabMessages = {
  /** The user changed settings: the content script asks for its badge settings again (overlaySettings). */
  settingsChanged: {
    request: z.object({ type: z.literal('settingsChanged') }),
    response: z.object({ ok: z.literal(true) }),
  },
  snapshotPage: {
    request: z.object({ type: z.literal('snapshotPage'), pseudonymise: z.boolean() }),
    response: z.object({ ok: z.literal(true), html: z.string(), filename: z.string() }),
  },
  scrollToPost: {
    request: z.object({ type: z.literal('scrollToPost'), postId: z.string().min(1).max(300) }),
    response: z.object({ ok: z.literal(true), found: z.boolean() }),
  },
  /** Scrolls to a comment (found by its id in links/attributes, else by its text) and outlines it. */
  scrollToComment: {
    request: z.object({
      type: z.literal('scrollToComment'),
      commentId: z.string().min(1).max(300),
      text: z.string().max(10_000),
    }),
    response: z.object({ ok: z.literal(true), found: z.boolean() }),
  },
  /**
   * Puts a draft into the reply box nearest the comment (findReplyBox + insertDraft). Never clicks,
   * submits or opens anything: with no reply box open, `result.reason` is 'no-editor'.
   */
  insertReply: {
    request: z.object({
      type: z.literal('insertReply'),
      commentId: z.string().min(1).max(300),
      text: z.string().max(10_000),
      draft: z.string().min(1).max(5_000),
    }),
    response: z.object({
      ok: z.literal(true),
      found: z.boolean(),
      result: z.object({ ok: z.boolean(), reason: z.string().optional(), note: z.string().optional() }),
    }),
  },
} as const;

/** A refusal; `retry` says whether sending the same request later can succeed (storage full, busy). */
export const ErrorResponse = z.object({
  ok: z.literal(false),
  error: z.string(),
  retry: z.boolean().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

type Protocol = Record<string, { request: z.ZodType; response: z.ZodType }>;
export type RequestOf<P extends Protocol, K extends keyof P> = z.infer<P[K]['request']>;
export type ResponseOf<P extends Protocol, K extends keyof P> = z.infer<P[K]['response']>;

export const ContentRequest = z.discriminatedUnion('type', [
  ContentMessages.capture.request,
  ContentMessages.overlaySettings.request,
  ContentMessages.draftsFor.request,
  ContentMessages.replyInserted.request,
]);
export const PanelRequest = z.discriminatedUnion('type', [
  PanelMessages.setAccountRole.request,
  PanelMessages.eraseAll.request,
  PanelMessages.snapshot.request,
  PanelMessages.startCollection.request,
  PanelMessages.stopCollection.request,
  PanelMessages.deleteCollection.request,
  PanelMessages.destroyCollectionSecret.request,
  PanelMessages.setResearchRetention.request,
  PanelMessages.restoreBegin.request,
  PanelMessages.restoreChunk.request,
  PanelMessages.restoreEnd.request,
  PanelMessages.restoreAbort.request,
  PanelMessages.createSet.request,
  PanelMessages.renameSet.request,
  PanelMessages.deleteSet.request,
  PanelMessages.addSetMember.request,
  PanelMessages.removeSetMember.request,
  PanelMessages.saveSettings.request,
  PanelMessages.rememberReply.request,
  PanelMessages.dismissAlert.request,
  PanelMessages.correctTriage.request,
  PanelMessages.aiDraft.request,
  PanelMessages.aiCancel.request,
  PanelMessages.saveAiEndpoint.request,
  PanelMessages.resumeCapture.request,
]);
export const TabRequest = z.discriminatedUnion('type', [
  TabMessages.settingsChanged.request,
  TabMessages.snapshotPage.request,
  TabMessages.scrollToPost.request,
  TabMessages.scrollToComment.request,
  TabMessages.insertReply.request,
]);
