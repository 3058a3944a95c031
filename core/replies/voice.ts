import { z } from 'zod';

/**
 * How a brand sounds in replies. `address` decides Sie or du in German (English has one "you");
 * `neverSay` phrases never appear in a draft (case-insensitive, umlaut-insensitive);
 * `fallbackLanguage` is used when a comment is neither German nor English (default English).
 */
export const BrandVoiceSchema = z.object({
  address: z.enum(['sie', 'du']),
  emoji: z.boolean(),
  signOff: z.string().trim().max(80).nullable(),
  neverSay: z.array(z.string().trim().min(1).max(200)).max(200),
  brandName: z.string().trim().min(1).max(80).nullable(),
  fallbackLanguage: z.enum(['de', 'en']).optional(),
});

export type BrandVoice = z.infer<typeof BrandVoiceSchema>;

export const DEFAULT_VOICE: BrandVoice = {
  address: 'du',
  emoji: true,
  signOff: null,
  neverSay: [],
  brandName: null,
};
