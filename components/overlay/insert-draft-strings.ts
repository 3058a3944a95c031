/**
 * UI text of the "insert in place" control, German and English. Kept here until it moves into
 * public/_locales (keys are already in the `insertDraft…` shape the catalogs use).
 */
import type { InsertFailure } from '../../core/content/insert-text';
import type { Lang } from '../i18n';

export type InsertDraftKey =
  | 'insertDraftTitle'
  | 'insertDraftHint'
  | 'insertDraftListLabel'
  | 'insertDraftButtonLabel'
  | 'insertDraftBusy'
  | 'insertDraftInserted'
  | 'insertDraftInsertedLineBreaks'
  | 'insertDraftCopy'
  | 'insertDraftCopied'
  | 'insertDraftCopyFailed'
  | `insertDraftFail_${InsertFailure}`;

export const INSERT_DRAFT_STRINGS: Record<Lang, Record<InsertDraftKey, string>> = {
  de: {
    insertDraftTitle: 'Antwortvorschläge',
    insertDraftHint: 'Wird nur ins Antwortfeld eingefügt – gesendet wird nichts.',
    insertDraftListLabel: 'Antwortvorschläge zum Einfügen',
    insertDraftButtonLabel: 'Entwurf $1 von $2 einfügen, Ton: $3',
    insertDraftBusy: 'Wird eingefügt …',
    insertDraftInserted: 'Entwurf eingefügt – bitte prüfen und selbst senden',
    insertDraftInsertedLineBreaks:
      'Entwurf eingefügt, die Absätze aber nicht ganz – bitte prüfen und selbst senden',
    insertDraftCopy: 'Kopieren',
    insertDraftCopied: 'Entwurf kopiert – mit Strg+V ins Antwortfeld einfügen',
    insertDraftCopyFailed: 'Kopieren nicht möglich – bitte den Text markieren und kopieren',
    'insertDraftFail_empty-draft': 'Der Entwurf ist leer.',
    'insertDraftFail_no-editor': 'Kein Antwortfeld gefunden – bitte öffnen Sie zuerst das Antwortfeld.',
    'insertDraftFail_read-only': 'Das Antwortfeld ist gesperrt.',
    'insertDraftFail_not-focusable': 'Das Antwortfeld ist nicht erreichbar – ist es sichtbar?',
    'insertDraftFail_too-long': 'Der Entwurf ist zu lang für dieses Antwortfeld.',
    insertDraftFail_rejected:
      'Das Antwortfeld hat den Text nicht übernommen – kopieren Sie den Entwurf stattdessen.',
    insertDraftFail_partial: 'Das Antwortfeld hat den Text nur teilweise übernommen – bitte prüfen.',
  },
  en: {
    insertDraftTitle: 'Reply suggestions',
    insertDraftHint: 'Only inserted into the reply box — nothing is sent.',
    insertDraftListLabel: 'Reply suggestions to insert',
    insertDraftButtonLabel: 'Insert draft $1 of $2, tone: $3',
    insertDraftBusy: 'Inserting …',
    insertDraftInserted: 'Draft inserted — review and send it yourself',
    insertDraftInsertedLineBreaks: 'Draft inserted, but its paragraphs changed — review and send it yourself',
    insertDraftCopy: 'Copy',
    insertDraftCopied: 'Draft copied — paste it into the reply box with Ctrl+V',
    insertDraftCopyFailed: 'Could not copy — please select the text and copy it',
    'insertDraftFail_empty-draft': 'The draft is empty.',
    'insertDraftFail_no-editor': 'No reply box found — open the reply box first.',
    'insertDraftFail_read-only': 'The reply box is locked.',
    'insertDraftFail_not-focusable': 'The reply box cannot be reached — is it visible?',
    'insertDraftFail_too-long': 'The draft is too long for this reply box.',
    insertDraftFail_rejected: 'The reply box did not take the text — copy the draft instead.',
    insertDraftFail_partial: 'The reply box took only part of the text — please check it.',
  },
};

/** A string of the control in `lang`, with `$1`, `$2`… filled in. */
export function insertDraftText(lang: Lang, key: InsertDraftKey, ...args: (string | number)[]): string {
  return INSERT_DRAFT_STRINGS[lang][key].replace(/\$(\d)/g, (_, n: string) =>
    String(args[Number(n) - 1] ?? ''),
  );
}
