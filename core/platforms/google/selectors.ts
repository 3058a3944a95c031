/**
 * Google Maps reviews, as data. Read from a real capture of a place's Reviews tab (French UI, 2025-12,
 * ../shared/fixtures/google-reviews/place-reviews-fr-agence-web-geneve.html) and the markup public
 * scrapers have relied on since 2020: `data-review-id` on each review, the star rating only in a
 * `role=img` aria-label ("5 étoiles"), reviewer meta as "Local Guide · 214 avis · 96 photos",
 * a relative date ("il y a 5 mois"), and the owner's answer under "Réponse du propriétaire".
 *
 * Class names are Google's short generated names. They have stayed the same for years on Maps, but
 * every one has a language-free or phrase fallback below, so a renamed class costs a field, not
 * the review.
 */

export const GM = {
  /** Every element of a review carries its id; the review is the outermost one per id. */
  review: '[data-review-id]',
  reviewerName: '.d4r55',
  /** The reviewer's public contributor page: `/maps/contrib/<digits>/reviews`. */
  reviewerLink: '[data-href*="/maps/contrib/"], a[href*="/maps/contrib/"]',
  reviewerMeta: '.RfnDt',
  date: '.rsqaWe',
  text: '.wiI7pd',
  /** The owner's answer block: a title ("Réponse du propriétaire"), its date, its text. */
  ownerReply: '.CDe7pd',
  ownerReplyDate: '.DZSIDd',
  /** The thumbs-up button; its visible text is a count once someone found the review helpful. */
  helpful: 'button[jsaction*="toggleThumbsUp"]',
  placeName: 'h1',
  /** The rating summary beside the name: "5,0" and a role=img "5,0 étoiles", "(30)" reviews. */
  placeSummary: '.F7nice',
  /** Histogram rows: `tr[role=img]` labelled "5 étoiles, 30 avis". */
  histogramRow: 'tr[role="img"][aria-label]',
  /** Search result list (`/maps/search/…`): one link per place, labelled with its name. */
  searchResult: 'a[href*="/maps/place/"][aria-label]',
} as const;

/** Google's feature id of a place (`!1s0x47…:0x…` in the place URL's data parameter). */
export const PLACE_ID = /!1s(0x[0-9a-f]+:0x[0-9a-f]+)/i;

/** Contributor id in a reviewer link. */
export const CONTRIB_ID = /\/maps\/contrib\/(\d+)/;

/**
 * "Response from the owner" in the languages Google Maps ships most in Europe and beyond. Only a
 * fallback: the owner block is found by its class first.
 */
export const OWNER_REPLY_TITLES: readonly string[] = [
  'Response from the owner',
  'Antwort vom Inhaber',
  'Antwort des Inhabers',
  'Antwort des Eigentümers',
  'Réponse du propriétaire',
  'Respuesta del propietario',
  'Risposta del proprietario',
  'Reactie van de eigenaar',
  'Resposta do proprietário',
  'Odpowiedź właściciela',
  'İşletme sahibinin yanıtı',
  'Svar fra ejeren',
  'Svar från ägaren',
  'オーナーからの返信',
  '소유자 답글',
  '业主回复',
  '商家回覆',
  'رد من المالك',
];

/** Words that name photos in the reviewer line ("96 photos", "12 Fotos", "5 foto's"). */
export const PHOTO_WORDS = /(photos?|fotos?|foto's|zdj[eę]ć|zdj[eę]cia|fotoğraf|写真|사진|照片|صور)/iu;

/** The rating in a star label. Google writes the number first in nearly every language… */
export const STAR_LABEL = /(\d+(?:[.,]\d)?)/;

/** …except where the label says "n of 5" ("4 von 5 Sternen") or "of 5, n" ("5つ星のうち4", "별표 5개 중 4개"). */
export const STARS_OUT_OF: readonly RegExp[] = [
  /(\d(?:[.,]\d)?)\s*(?:out of|of|von|sur|de|di|van|z|из|üzerinden)\s*5\b/i,
  /5\s*つ星のうち\s*(\d(?:[.,]\d)?)/,
  /5\s*개\s*중\s*(\d(?:[.,]\d)?)/,
];
