/**
 * The typed side of the message protocol (the schemas are in messages.ts): `send` for a request of a
 * given type, whose answer is parsed with that type's response schema, and handler maps keyed by
 * message type, whose requests and responses are the schemas' types. Free of extension APIs: the
 * caller passes the transport (`runtime.sendMessage`, `tabs.sendMessage`, a fake in tests).
 */
import type { z } from 'zod';
import {
  type ContentMessages,
  ErrorResponse,
  type PanelMessages,
  type RequestOf,
  type ResponseOf,
  type TabMessages,
} from './messages';

type Protocol = Record<string, { request: z.ZodType; response: z.ZodType }>;
export type PanelProtocol = typeof PanelMessages;
export type ContentProtocol = typeof ContentMessages;
export type TabProtocol = typeof TabMessages;

/** What a message's sender is, as far as a handler needs to know (a subset of `runtime.MessageSender`). */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined; incognito?: boolean | undefined } | undefined;
}

/** A request as a sender writes it (defaults may be left out): its `type` names its schema. */
export type Outgoing<P extends Protocol, K extends keyof P & string> = { type: K } & z.input<P[K]['request']>;
/** The answer to a request of type K: its response, or a refusal. */
export type Answer<P extends Protocol, K extends keyof P> = ResponseOf<P, K> | ErrorResponse;

/** One handler per message type, each given its own request type and answering its own response. */
export type HandlerMap<P extends Protocol> = {
  [K in keyof P]: (request: RequestOf<P, K>, sender: Sender) => Promise<Answer<P, K>>;
};
export type PanelHandlers = HandlerMap<PanelProtocol>;
/** Content-script requests handled outside the router's own capture path (reply drafts in place). */
export type ContentHandlers = HandlerMap<ContentProtocol>;

/** Calls the handler of `type` in `handlers` (undefined when there is none). */
export function dispatch<P extends Protocol, K extends keyof P>(
  handlers: Partial<HandlerMap<P>>,
  type: K,
  request: RequestOf<P, K>,
  sender: Sender,
): Promise<Answer<P, K>> | undefined {
  const handler = handlers[type];
  return handler?.(request, sender);
}

function parseWith<S extends z.ZodType>(schema: S, raw: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(raw);
}

const errorOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The answer `raw` to a request of type `type`, checked against its schema. */
export function parseAnswer<P extends Protocol, K extends keyof P>(
  protocol: P,
  type: K,
  raw: unknown,
): Answer<P, K> {
  if (raw === undefined || raw === null)
    return { ok: false, error: 'no answer from the extension (it was reloaded or is starting)', retry: true };
  const entry: P[K] = protocol[type];
  const answer = parseWith<P[K]['response']>(entry.response, raw);
  if (answer.success) return answer.data;
  const refusal = ErrorResponse.safeParse(raw);
  return refusal.success
    ? refusal.data
    : { ok: false, error: `an answer to ${String(type)} that does not fit` };
}

/**
 * `send(request)` for one protocol over `transport`: never throws (a failed transport is a refusal
 * with `retry: true`), and the answer is parsed with the request type's response schema.
 */
export function sender<P extends Protocol>(protocol: P, transport: (message: unknown) => Promise<unknown>) {
  return async <K extends keyof P & string>(request: Outgoing<P, K>): Promise<Answer<P, K>> => {
    let raw: unknown;
    try {
      raw = await transport(request);
    } catch (error) {
      return { ok: false, error: errorOf(error), retry: true };
    }
    return parseAnswer(protocol, request.type, raw);
  };
}

/** `sendToTab(tabId, request)` for the worker's and panel's messages to a tab's content script. */
export function tabSender(
  protocol: TabProtocol,
  transport: (tabId: number, message: unknown) => Promise<unknown>,
) {
  return async <K extends keyof TabProtocol & string>(
    tabId: number,
    request: Outgoing<TabProtocol, K>,
  ): Promise<Answer<TabProtocol, K>> => {
    let raw: unknown;
    try {
      raw = await transport(tabId, request);
    } catch (error) {
      return { ok: false, error: errorOf(error), retry: true };
    }
    return parseAnswer(protocol, request.type, raw);
  };
}
