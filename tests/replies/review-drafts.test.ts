/**
 * Drafts for public reviews (Google reviews) are written for every later reader too: a low rating
 * gets an apology for the named problem and an offer to talk directly (no direct messages on
 * Google), never an argument; a high rating gets thanks; the generative path is told the stars.
 */
import { describe, expect, it } from 'vitest';
import { promptMessages } from '../../core/replies/ai';
import { analyzeComment, draftReplies } from '../../core/replies/index';
import { DEFAULT_VOICE } from '../../core/replies/voice';

const drafts = (text: string, rating: number, voice = DEFAULT_VOICE, authorName = 'Sam Example') =>
  draftReplies({
    comment: { text, authorName, authorHandle: null, rating },
    analysis: analyzeComment(text),
    voice,
    recent: [],
  }).map((d) => d.text);

describe('review drafts by stars', () => {
  it('answers a 1-star review with an apology for the wait and an offer to talk directly, no DM, no emoji', () => {
    const out = drafts(
      'Waited 40 minutes for a table we had booked, and the manager told us it was our fault. Never again.',
      1,
    );
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const d of out) {
      expect(d).toMatch(/sorry/i);
      expect(d).toMatch(/contact us directly|get in touch with us directly|call or email us/i);
      expect(d).not.toMatch(/\bDM\b|direct message/i);
      expect(d).not.toMatch(/\p{Extended_Pictographic}/u);
      // No argument with the customer, nothing about the booking or the manager repeated.
      expect(d).not.toMatch(/fault|manager|booked|however|actually/i);
    }
  });

  it('thanks a 5-star German review in the Sie register and does not apologise', () => {
    const out = drafts(
      'Die beste Franzbrötchen der Stadt, und der Kaffee ist super. Sehr freundliches Team!',
      5,
      { ...DEFAULT_VOICE, address: 'sie' },
      'Maria Muster',
    );
    for (const d of out) {
      expect(d).toMatch(/Dank|Schön/);
      expect(d).not.toMatch(/leid|Entschuldig/);
      expect(d).not.toMatch(/\b(du|dir|dein)\b/i);
    }
  });

  it('thanks a 3-star review for its honesty', () => {
    for (const d of drafts('Food fine, music far too loud.', 3))
      expect(d).toMatch(/honest|feedback|time to write/i);
  });

  it('tells the language model the stars and how to answer them', () => {
    const text = 'Brötchen waren hart und niemand hat geantwortet.';
    const { user } = promptMessages({
      comment: { text, authorName: 'Jonas', authorHandle: null, rating: 1 },
      analysis: analyzeComment(text),
      voice: DEFAULT_VOICE,
      recent: [],
    });
    expect(user).toContain('public review with 1 of 5 stars');
    expect(user).toContain('The review to answer');
    expect(user).toMatch(/no direct messages here/);
  });
});
