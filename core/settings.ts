/** User settings: small, kept in extension storage (history lives in IndexedDB). */
import { z } from 'zod';
import { PlatformId } from './model';
import { BrandVoiceSchema, DEFAULT_VOICE } from './replies/voice';

export const Settings = z.object({
  /** Platforms switched off (false) are neither read nor badged; missing means on. */
  platforms: z.partialRecord(PlatformId, z.boolean()).default({}),
  badges: z.boolean().default(true),
  badgesPerPlatform: z.partialRecord(PlatformId, z.boolean()).default({}),
  language: z.enum(['auto', 'de', 'en']).default('auto'),
  brandTerms: z.array(z.string().min(1).max(100)).max(50).default([]),
  /** Days raw observations are kept before they are thinned; 0 = forever. */
  retentionDays: z.number().int().min(0).max(3650).default(365),
  timeZone: z.string().max(100).nullable().default(null),
  /** Mastodon instances beyond the built-in ones, each enabled with its own host permission. */
  mastodonInstances: z.array(z.string().max(253)).max(200).default([]),
  /** How reply drafts sound: Sie/du, emoji, sign-off, phrases never to use, brand name, fallback language. */
  voice: BrandVoiceSchema.default(DEFAULT_VOICE),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_KEY = 'settings';

/** Settings from storage, with defaults for anything missing or invalid (never throws). */
export function parseSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(raw ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

/** Whether badges show on a platform: the global switch and the platform's own. */
export function badgesOn(settings: Settings, platform: PlatformId): boolean {
  return (
    settings.badges &&
    settings.platforms[platform] !== false &&
    settings.badgesPerPlatform[platform] !== false
  );
}
