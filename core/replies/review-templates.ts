/**
 * Sentences for answering public reviews (Google reviews), by stars. A review is read by every
 * later customer, so the answer is for them too: a low rating gets an apology that names the
 * problem (PROBLEM in templates.ts), an offer to talk it through directly — there are no direct
 * messages on Google — and no argument and nothing about the customer beyond their name; a high
 * rating gets thanks, not a sales pitch. Variants per register (du, Sie, English), like templates.ts.
 */
import type { Variants } from './templates';

const v = (du: readonly string[], sie: readonly string[], en: readonly string[]): Variants => ({
  du,
  sie,
  en,
});

/** 1–2 stars: sorry first. */
export const REVIEW_OPEN_LOW = v(
  [
    'Hallo {name}, es tut uns leid, dass wir dich diesmal nicht überzeugen konnten.',
    'Danke für deine offenen Worte, {name} – es tut uns leid, dass du das so erlebt hast.',
    'Es tut uns leid, das zu lesen, {name}.',
    'Es tut uns leid, dass du das so erlebt hast.',
  ],
  [
    'Hallo {name}, es tut uns leid, dass wir Sie diesmal nicht überzeugen konnten.',
    'Vielen Dank für Ihre offenen Worte, {name} – es tut uns leid, dass Sie das so erlebt haben.',
    'Es tut uns leid, das zu lesen, {name}.',
    'Es tut uns leid, dass Sie das so erlebt haben.',
  ],
  [
    'Hi {name}, we’re sorry we didn’t live up to your expectations this time.',
    'Thank you for being open with us, {name}, and we’re sorry you had this experience.',
    'We’re sorry to read this, {name}.',
    'We’re sorry you had this experience.',
  ],
);

/** 1–3 stars with a complaint: talk it through directly, not in public. */
export const REVIEW_OFFLINE = v(
  [
    'Wir würden das gern wiedergutmachen: Melde dich bitte direkt bei uns, dann sprechen wir persönlich darüber.',
    'Melde dich gern direkt bei uns – wir möchten mehr darüber erfahren und es besser machen.',
    'Wenn du magst, ruf uns an oder schreib uns eine E-Mail, dann klären wir das persönlich.',
  ],
  [
    'Wir würden das gern wiedergutmachen: Bitte melden Sie sich direkt bei uns, dann sprechen wir persönlich darüber.',
    'Bitte kontaktieren Sie uns direkt – wir möchten mehr darüber erfahren und es besser machen.',
    'Wenn Sie mögen, rufen Sie uns an oder schreiben Sie uns eine E-Mail, dann klären wir das persönlich.',
  ],
  [
    'We’d like to put this right: please contact us directly so we can talk it through.',
    'Please get in touch with us directly – we’d like to hear more and make it right.',
    'If you’re willing, call or email us and we’ll sort this out personally.',
  ],
);

/** 3 stars: thanks for the honesty. */
export const REVIEW_OPEN_MID = v(
  [
    'Danke für deine ehrliche Bewertung, {name}.',
    'Danke, dass du dir die Zeit für diese Bewertung genommen hast, {name}.',
    'Danke für dein Feedback!',
  ],
  [
    'Vielen Dank für Ihre ehrliche Bewertung, {name}.',
    'Danke, dass Sie sich die Zeit für diese Bewertung genommen haben, {name}.',
    'Vielen Dank für Ihr Feedback!',
  ],
  [
    'Thank you for your honest review, {name}.',
    'Thanks for taking the time to write this, {name}.',
    'Thank you for your feedback!',
  ],
);

/** 3 stars without a named problem: what was good, and that the rest is heard. */
export const REVIEW_MID_BODY = v(
  [
    'Schön, dass dir einiges gefallen hat – deine Hinweise nehmen wir uns zu Herzen.',
    'Was du beschreibst, hilft uns, besser zu werden; wir geben es ans Team weiter.',
  ],
  [
    'Schön, dass Ihnen einiges gefallen hat – Ihre Hinweise nehmen wir uns zu Herzen.',
    'Was Sie beschreiben, hilft uns, besser zu werden; wir geben es ans Team weiter.',
  ],
  [
    'We’re glad parts of it were good, and we’ll take your points to heart.',
    'What you describe helps us get better, and we’ll pass it on to the team.',
  ],
);

/** 4–5 stars: thanks. */
export const REVIEW_OPEN_HIGH = v(
  [
    'Vielen Dank für die tolle Bewertung, {name}!',
    'Danke dir für die lieben Worte, {name}!',
    'Schön, dass du zufrieden bist, {name}!',
    'Vielen Dank für die tolle Bewertung!',
  ],
  [
    'Vielen Dank für die tolle Bewertung, {name}!',
    'Herzlichen Dank für Ihre freundlichen Worte, {name}!',
    'Schön, dass Sie zufrieden sind, {name}!',
    'Vielen Dank für die tolle Bewertung!',
  ],
  [
    'Thank you so much for the lovely review, {name}!',
    'Thank you for your kind words, {name}!',
    'We’re delighted you’re happy with us, {name}!',
    'Thank you so much for the lovely review!',
  ],
);

export const REVIEW_HIGH_BODY = v(
  [
    'Wir geben dein Lob gern ans ganze Team weiter.',
    'Wir freuen uns, wenn wir wieder für dich da sein dürfen.',
    'Das bedeutet uns viel – bis bald!',
  ],
  [
    'Wir geben Ihr Lob gern an das ganze Team weiter.',
    'Wir freuen uns, wenn wir wieder für Sie da sein dürfen.',
    'Das bedeutet uns viel – bis bald!',
  ],
  [
    'We’ll pass your words on to the whole team.',
    'We look forward to being there for you again.',
    'It means a lot to us – see you soon!',
  ],
);
