/**
 * The capture pause a full disk causes, as kept in extension storage (not in IndexedDB, which is
 * what is full): the worker writes it, the side panel reads it to explain why capture stopped.
 */
import { z } from 'zod';

export const CAPTURE_PAUSED_KEY = 'capturePaused';

export const CapturePaused = z.object({ reason: z.literal('quota'), at: z.number() });
export type CapturePaused = z.infer<typeof CapturePaused>;
