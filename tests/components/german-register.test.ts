/**
 * German UI text speaks in one register: Sie (a B2B tool). Flags informal pronouns (du, dein…, dich,
 * dir) and du-imperatives in every German UI string: the locale catalogue and the strings components
 * keep themselves (the in-page draft control). Exceptions, each because the word is named, not used
 * to address the reader:
 *   - voiceDu: the label of the brand-voice option "du (locker)" — the register the *drafts* use.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSERT_DRAFT_STRINGS } from '../../components/overlay/insert-draft-strings';

const ROOT = resolve(import.meta.dirname, '../..');
const EXCEPTIONS = new Set(['voiceDu']);
const INFORMAL = /(?<!\p{L})(du|dein|deine|deinen|deinem|deiner|deines|dich|dir)(?!\p{L})/iu;
// du-imperatives a UI might use ("öffne", "kopiere"); the Sie forms are "öffnen Sie", "kopieren Sie".
const IMPERATIVE =
  /(?<!\p{L})(öffne|kopiere|klicke|wähle|scrolle|prüfe|füge|markiere|gib|nimm|sieh|schau|versuche|probiere|speichere|lösche|starte|stoppe|tippe)(?!\p{L})/iu;

function informal(text: string): string | null {
  return (INFORMAL.exec(text) ?? IMPERATIVE.exec(text))?.[0] ?? null;
}

describe('German register', () => {
  it('finds the informal forms it looks for (the check can fail)', () => {
    expect(informal('Nichts verlässt deinen Rechner.')).toBe('deinen');
    expect(informal('bitte öffne zuerst das Antwortfeld')).toBe('öffne');
    expect(informal('Öffnen Sie das Profil.')).toBeNull();
    expect(informal('Das Konto und ihr Median')).toBeNull();
  });

  it('addresses the user as Sie in every message of the German catalogue', () => {
    const de = JSON.parse(readFileSync(join(ROOT, 'public/_locales/de/messages.json'), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const found = Object.entries(de)
      .filter(([key]) => !EXCEPTIONS.has(key))
      .map(([key, { message }]) => [key, informal(message)] as const)
      .filter(([, word]) => word !== null);
    expect(found).toEqual([]);
  });

  it('addresses the user as Sie in the in-page draft control', () => {
    const found = Object.entries(INSERT_DRAFT_STRINGS.de)
      .map(([key, text]) => [key, informal(text)] as const)
      .filter(([, word]) => word !== null);
    expect(found).toEqual([]);
  });
});
