/**
 * The brand voice lives in the settings (default DEFAULT_VOICE), is saved through the privileged
 * `saveSettings`, and flows into every draft: Sie or du, emoji, sign-off, never-say phrases.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { voiceFromForm } from '../../components/panel/replies/VoiceSettings';
import type { ResonanzDb } from '../../core/db/schema';
import { type BrandVoice, DEFAULT_VOICE } from '../../core/replies/index';
import { parseSettings, Settings } from '../../core/settings';
import { contentReplyHandlers } from '../../core/worker/replies';
import { route } from '../../core/worker/router';
import { saveSettingsHandler } from '../../core/worker/save-settings';
import { ScoreCache } from '../../core/worker/scores';
import { account, freshDb, NOW, post } from './helpers';

let db: ResonanzDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const COMPLAINT = 'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.';
const QUESTION = 'Wann kommt das nächste Video zur Wärmepumpe?';
const DU = /\b(du|dich|dir|dein\w*|schick|kannst)\b/i;
const SIE = /\b(Sie|Ihnen|Ihre[mnrs]?)\b/;

async function draftsWith(voice: BrandVoice, text: string): Promise<string[]> {
  db ??= freshDb();
  const database = db;
  await database.posts.put(post('p1'));
  await database.accounts.put(account('acme', 'own'));
  const settings = Settings.parse({ voice });
  const handlers = contentReplyHandlers({
    db: async () => database,
    settings: async () => settings,
    now: () => NOW,
  });
  const answer = await handlers.draftsFor({
    type: 'draftsFor',
    platform: 'youtube',
    postId: 'p1',
    postAuthor: 'acme',
    commentId: `c-${Math.random()}`,
    comment: { text, authorName: 'Anna Müller', authorHandle: 'anna' },
  });
  await database.replyMemory.clear(); // each call judged on its own
  return answer.drafts.map((d) => d.text);
}

describe('brand voice in the settings', () => {
  it('defaults to DEFAULT_VOICE and keeps a stored voice', () => {
    expect(parseSettings({}).voice).toEqual(DEFAULT_VOICE);
    const sie = { ...DEFAULT_VOICE, address: 'sie' as const, signOff: '– Ihr Acme-Team', brandName: 'Acme' };
    expect(parseSettings({ voice: sie }).voice).toEqual(sie);
  });

  it('is saved whole through the privileged saveSettings, and an invalid voice is refused', async () => {
    let written: Settings | null = null;
    const deps = {
      db: async () => freshDb(),
      settings: async () => Settings.parse({}),
      extensionId: 'ext',
      extensionOrigin: 'chrome-extension://ext/',
      now: () => NOW,
      scores: new ScoreCache(),
      log: () => {},
      panel: {
        saveSettings: saveSettingsHandler(async (s) => {
          written = s;
        }),
      },
    };
    const panel = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
    const voice = { ...DEFAULT_VOICE, address: 'sie' as const, emoji: false, neverSay: ['Sorry'] };
    const settings = { ...Settings.parse({}), voice };
    expect(await route({ type: 'saveSettings', settings }, panel, deps)).toEqual({ ok: true });
    expect(written!.voice).toEqual(voice);
    written = null;
    const tooLong = { ...settings, voice: { ...voice, signOff: 'x'.repeat(81) } };
    expect(await route({ type: 'saveSettings', settings: tooLong }, panel, deps)).toMatchObject({
      ok: false,
    });
    expect(written).toBeNull();
    // A content script cannot change the voice.
    const tab = { id: 'ext', url: 'https://x.com/', tab: { id: 1, url: 'https://x.com/' } };
    expect(await route({ type: 'saveSettings', settings }, tab, deps)).toMatchObject({ ok: false });
    expect(written).toBeNull();
  });

  it('turns the form into a voice: one never-say phrase per line, empty fields as null', () => {
    expect(
      voiceFromForm({
        address: 'sie',
        emoji: false,
        signOff: '  ',
        neverSay: 'Sorry\n\n  leider \n',
        brandName: ' Acme ',
        fallbackLanguage: 'de',
      }),
    ).toEqual({
      ok: true,
      voice: {
        address: 'sie',
        emoji: false,
        signOff: null,
        neverSay: ['Sorry', 'leider'],
        brandName: 'Acme',
        fallbackLanguage: 'de',
      },
    });
    expect(
      voiceFromForm({
        address: 'du',
        emoji: true,
        signOff: 'x'.repeat(81),
        neverSay: '',
        brandName: '',
        fallbackLanguage: 'en',
      }),
    ).toEqual({
      ok: false,
    });
  });
});

describe('brand voice flows into the drafts', () => {
  it('addresses a German commenter with Sie when the voice says Sie, and with du when it says du', async () => {
    for (const text of [COMPLAINT, QUESTION]) {
      const sie = await draftsWith({ ...DEFAULT_VOICE, address: 'sie' }, text);
      expect(sie.length).toBeGreaterThanOrEqual(2);
      for (const d of sie) {
        expect(d).not.toMatch(DU);
      }
      expect(sie.some((d) => SIE.test(d))).toBe(true);
      expect(sie.some((d) => d.includes('Anna Müller'))).toBe(true); // Sie: the full name

      const du = await draftsWith({ ...DEFAULT_VOICE, address: 'du' }, text);
      expect(du.length).toBeGreaterThanOrEqual(2);
      for (const d of du) {
        expect(d).not.toMatch(/\bIhnen\b/);
        expect(d).not.toContain('Anna Müller'); // du: the first name
      }
      expect(du.some((d) => DU.test(d))).toBe(true);
    }
  });

  it('adds the sign-off, leaves out emoji when off, and never uses a never-say phrase', async () => {
    const voice: BrandVoice = {
      ...DEFAULT_VOICE,
      emoji: false,
      signOff: '– Anna vom Acme-Team',
      neverSay: ['tut uns leid', 'ärgerlich'],
    };
    const drafts = await draftsWith(voice, COMPLAINT);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    for (const d of drafts) {
      expect(d.endsWith('\n– Anna vom Acme-Team')).toBe(true);
      expect(d).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(d).not.toMatch(/tut uns leid|ärgerlich/i);
    }
  });
});
