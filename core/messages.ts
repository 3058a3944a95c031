/**
 * The typed message protocol between contexts. Each message type maps to a request schema and a
 * response schema; `send`/`handle` helpers elsewhere are generic over these keys, so a wrong payload
 * is a type error, and the worker parses every request with the schema before acting on it.
 */
import { z } from 'zod';
import { AccountRole, PageExtraction, PlatformId } from './model';

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
});
export type PostScore = z.infer<typeof PostScore>;

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
    response: z.object({ ok: z.literal(true), badges: z.boolean(), capture: z.boolean() }),
  },
} as const;

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
  /** Asks the tab's content script for a sanitised copy of the page (the "save snapshot" feature). */
  snapshot: {
    request: z.object({ type: z.literal('snapshot'), tabId: z.number().int(), pseudonymise: z.boolean() }),
    response: z.object({ ok: z.literal(true), html: z.string(), filename: z.string() }),
  },
} as const;

/** Sent by the worker to a tab's content script. */
export const TabMessages = {
  snapshotPage: {
    request: z.object({ type: z.literal('snapshotPage'), pseudonymise: z.boolean() }),
    response: z.object({ ok: z.literal(true), html: z.string(), filename: z.string() }),
  },
  scrollToPost: {
    request: z.object({ type: z.literal('scrollToPost'), postId: z.string().min(1).max(300) }),
    response: z.object({ ok: z.literal(true), found: z.boolean() }),
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
]);
export const PanelRequest = z.discriminatedUnion('type', [
  PanelMessages.setAccountRole.request,
  PanelMessages.eraseAll.request,
  PanelMessages.snapshot.request,
]);
export const TabRequest = z.discriminatedUnion('type', [
  TabMessages.snapshotPage.request,
  TabMessages.scrollToPost.request,
]);
