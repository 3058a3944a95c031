/**
 * The "insert in place" control beside a reply box: lists the reply drafts, and puts the one the
 * user picks into the platform's own reply box — never sends it. Drafts are rendered as text.
 * Keys pressed inside the control stay inside it, so the platform's keyboard shortcuts (X's "j",
 * YouTube's space) do not fire while the user picks a draft.
 */
import { render } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { type InsertResult, insertDraft } from '../../core/content/insert-text';
import { type Lang, lang as uiLang } from '../i18n';
import { type InsertDraftKey, insertDraftText } from './insert-draft-strings';

export interface DraftOption {
  text: string;
  tone: string;
}

export interface InsertDraftProps {
  drafts: readonly DraftOption[];
  /** The reply box, or a function that finds it at click time (platforms re-render their boxes). */
  target: Element | (() => Element | null) | null;
  /** UI language; defaults to the extension's UI language. */
  lang?: Lang;
  /** Told after every attempt, with what happened. */
  onInsert?: (text: string, result: InsertResult) => void;
  /** The insertion itself (defaults to insertDraft; tests pass their own). */
  insert?: (target: Element, text: string) => Promise<InsertResult>;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; index: number }
  | { kind: 'result'; index: number; result: InsertResult }
  | { kind: 'copied' | 'copy-failed' };

let instances = 0;

function messageOf(status: Status): InsertDraftKey | null {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'busy':
      return 'insertDraftBusy';
    case 'copied':
      return 'insertDraftCopied';
    case 'copy-failed':
      return 'insertDraftCopyFailed';
    case 'result': {
      const { result } = status;
      if (result.ok)
        return result.note === 'line-breaks-changed'
          ? 'insertDraftInsertedLineBreaks'
          : 'insertDraftInserted';
      return `insertDraftFail_${result.reason ?? 'rejected'}`;
    }
  }
}

export function InsertDraft({ drafts, target, lang, onInsert, insert = insertDraft }: InsertDraftProps) {
  const language = lang ?? uiLang.value;
  const text = (key: InsertDraftKey, ...args: (string | number)[]) => insertDraftText(language, key, ...args);
  const id = useMemo(() => `resonanz-insert-${++instances}`, []);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const busy = useRef(false); // state updates render later: a quick double click must not insert twice
  const choose = async (index: number) => {
    const draft = drafts[index];
    if (!draft || busy.current) return;
    busy.current = true;
    setStatus({ kind: 'busy', index });
    const box = typeof target === 'function' ? target() : target;
    const result: InsertResult = box
      ? await insert(box, draft.text).catch(
          (): InsertResult => ({ ok: false, method: 'none', kind: null, reason: 'rejected' }),
        )
      : { ok: false, method: 'none', kind: null, reason: 'no-editor' };
    busy.current = false;
    setStatus({ kind: 'result', index, result });
    onInsert?.(draft.text, result);
  };

  const copy = async () => {
    const draft = status.kind === 'result' ? drafts[status.index] : undefined;
    if (!draft) return;
    try {
      await navigator.clipboard.writeText(draft.text);
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'copy-failed' });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    const index = buttons.current.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const last = drafts.length - 1;
    const next: Record<string, number> = {
      ArrowDown: Math.min(index + 1, last),
      ArrowUp: Math.max(index - 1, 0),
      Home: 0,
      End: last,
    };
    const to = next[event.key];
    if (to === undefined) return;
    event.preventDefault();
    buttons.current[to]?.focus();
  };
  const stop = (event: Event) => event.stopPropagation();

  const message = messageOf(status);
  const failed = status.kind === 'result' && !status.result.ok && status.result.reason !== 'empty-draft';

  return (
    <section
      class="insert"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      onKeyUp={stop}
      onKeyPress={stop}
    >
      <header>
        <span class="title" id={`${id}-title`}>
          {text('insertDraftTitle')}
        </span>
        <span class="hint">{text('insertDraftHint')}</span>
      </header>
      <ul aria-label={text('insertDraftListLabel')}>
        {drafts.map((draft, index) => (
          <li key={`${draft.tone}:${draft.text}`}>
            <button
              type="button"
              class="draft"
              ref={(el) => {
                buttons.current[index] = el;
              }}
              aria-label={text('insertDraftButtonLabel', index + 1, drafts.length, draft.tone)}
              aria-describedby={`${id}-draft-${index}`}
              aria-busy={status.kind === 'busy' && status.index === index}
              onClick={() => void choose(index)}
            >
              <span class="tone">{draft.tone}</span>
              <span class="text" id={`${id}-draft-${index}`}>
                {draft.text}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <p class={`status${failed ? ' failed' : ''}`} role="status" aria-live="polite">
        {message && text(message)}
        {failed && (
          <button type="button" class="copy" onClick={() => void copy()}>
            {text('insertDraftCopy')}
          </button>
        )}
      </p>
    </section>
  );
}

/** Styles for the control's shadow root. */
export const INSERT_DRAFT_CSS = `
:host { all: initial; display: block; margin: 6px 0; }
.insert { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f1235;
  background: #faf5ff; border: 1px solid #d8b4fe; border-radius: 10px; padding: 8px; max-width: 560px; }
header { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; margin-bottom: 6px; }
.title { font-weight: 600; color: #3b0764; }
.hint { font-size: 12px; color: #5b4a70; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.draft { all: unset; box-sizing: border-box; display: grid; gap: 2px; width: 100%; cursor: pointer;
  padding: 6px 8px; border: 1px solid #e9d5ff; border-radius: 8px; background: #fff; }
.draft:hover { border-color: #a855f7; }
.draft:focus-visible, .copy:focus-visible { outline: 2px solid #7c3aed; outline-offset: 2px; }
.draft[aria-busy="true"] { opacity: .7; cursor: progress; }
.tone { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; color: #6d28d9; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.status { margin: 6px 0 0; min-height: 1.4em; color: #14532d; }
.status.failed { color: #9f1239; }
.copy { margin-left: 8px; font: inherit; padding: 1px 8px; border-radius: 6px; border: 1px solid currentColor;
  background: transparent; color: inherit; cursor: pointer; }
@media (prefers-color-scheme: dark) {
  .insert { color: #f3e8ff; background: #1e1033; border-color: #6d28d9; }
  .title { color: #e9d5ff; } .hint { color: #c4b5fd; } .tone { color: #c4b5fd; }
  .draft { background: #2e1065; border-color: #4c1d95; color: inherit; }
  .status { color: #86efac; } .status.failed { color: #fda4af; }
}
`;

/**
 * Mounts the control in its own shadow root, appended to `container`. Put the container outside
 * the editor's own element (never inside a contenteditable: the editor would treat the control as
 * content). Returns a handle to re-render with new drafts or remove it.
 */
export function mountInsertDraft(container: Element, props: InsertDraftProps) {
  const doc = container.ownerDocument;
  const host = doc.createElement('resonanz-insert-draft');
  container.append(host);
  // Open for now, like the reply assist that holds it (components/overlay/in-place.tsx).
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = INSERT_DRAFT_CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  render(<InsertDraft {...props} />, mount);
  return {
    host,
    update(next: InsertDraftProps) {
      render(<InsertDraft {...next} />, mount);
    },
    remove() {
      render(null, mount);
      host.remove();
    },
  };
}
