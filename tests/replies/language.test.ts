import { describe, expect, it } from 'vitest';
import { analyzeComment, detectLanguage } from '../../core/replies/index';

describe('language detection', () => {
  it.each([
    ['Wo kann ich das kaufen?', 'de'],
    ['Danke euch!', 'de'],
    ['Mega geil 😍', 'de'],
    ['schoen', 'de'],
    ['Das ist nicht gut.', 'de'],
    ['isch hab des schon 3 mal gemeldet und nix passiert', 'de'],
    ['Größe?', 'de'],
    ['Where can I buy this?', 'en'],
    ['Thanks so much!', 'en'],
    ['Nice song, love the guitar', 'en'],
    ['still waiting for my refund', 'en'],
  ])('short comment %j is %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each([
    ['Merci beaucoup pour votre aide, je suis très content du produit.', 'fr'],
    ['¿Dónde puedo comprar esta chaqueta? Me encanta el color.', 'es'],
    ['Grazie mille, il prodotto è arrivato in perfette condizioni.', 'it'],
    ['Ik heb mijn bestelling nog steeds niet ontvangen, wat is er aan de hand?', 'nl'],
    ['Dziękuję bardzo, zamówienie przyszło bardzo szybko.', 'pl'],
    ['Siparişim hâlâ gelmedi, ne zaman teslim edilecek?', 'tr'],
    ['Спасибо большое, всё пришло вовремя!', 'ru'],
  ])('other languages are recognised, not forced into de/en: %j', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it.each(['😍😍😍', '👍', 'https://example.com/x', '@brand', '!!!', '', '12:30'])(
    'is null only when there is no language at all: %j',
    (text) => {
      expect(detectLanguage(text)).toBeNull();
    },
  );

  it.each(['ok', 'lol', 'Top', 'Danke', 'thx'])('names a language even for one word: %j', (text) => {
    expect(['de', 'en']).toContain(detectLanguage(text));
  });

  it('ignores links and mentions when deciding', () => {
    expect(detectLanguage('@shop_official https://shop.example.com/p/123 wann kommt das wieder rein?')).toBe(
      'de',
    );
  });

  it('is part of the analysis', () => {
    expect(analyzeComment('Vielen Dank für die schnelle Hilfe!').language).toBe('de');
    expect(analyzeComment('👍').language).toBeNull();
  });
});
