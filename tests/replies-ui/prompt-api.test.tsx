/**
 * Chrome's built-in Prompt API, with a fake `LanguageModel` global: feature detection and the
 * availability check for the comment's language happen on their own; the session is created only
 * in the click handler; 'unavailable' (or a broken answer) means the offline drafts.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { AiAvailability } from '../../components/panel/replies/AiAvailability';
import { resetDraftCache } from '../../components/panel/replies/QueueItem';
import { RepliesView } from '../../components/panel/replies/RepliesView';
import {
  type BuiltInAvailability,
  builtInStatus,
  draftWithBuiltIn,
  type LanguageModelApi,
  languageModelApi,
} from '../../core/replies/ai';
import { analyzeComment, DEFAULT_VOICE, draftReplies } from '../../core/replies/index';
import de from '../../public/_locales/de/messages.json';
import { fakeSource, flush } from './fake-source';
import { account, comment, NOW } from './helpers';

const COMMENT = 'Meine Bestellung ist seit drei Wochen nicht angekommen, das ist eine Frechheit.';
const MODEL_DRAFTS = [
  'Das tut uns leid, Anna! Schick uns bitte deine Bestellnummer, wir schauen sofort nach.',
  'Hallo Anna, drei Wochen sind viel zu lang – wir kümmern uns heute darum.',
];

function fakeModel(availability: BuiltInAvailability, answer = JSON.stringify({ drafts: MODEL_DRAFTS })) {
  const session = { prompt: vi.fn(async (_input: string, _options?: object) => answer), destroy: vi.fn() };
  const api = {
    availability: vi.fn(async (_options: object) => availability),
    create: vi.fn(async (_options: object) => session),
  };
  return { api, session };
}

const input = {
  comment: { text: COMMENT, authorName: 'Anna Müller', authorHandle: 'anna' },
  analysis: analyzeComment(COMMENT),
  voice: DEFAULT_VOICE,
  recent: [],
};

describe('the built-in Prompt API', () => {
  it('is feature-detected on the LanguageModel global', () => {
    expect(languageModelApi({})).toBeNull();
    expect(languageModelApi({ LanguageModel: { availability: 1 } })).toBeNull();
    const { api } = fakeModel('available');
    expect(languageModelApi({ LanguageModel: api })).toBe(api);
  });

  it("checks availability for the comment's language, in and out, without creating a session", async () => {
    const { api } = fakeModel('downloadable');
    expect(await builtInStatus('de', api as unknown as LanguageModelApi)).toBe('downloadable');
    expect(api.availability).toHaveBeenCalledWith({
      expectedInputs: [{ type: 'text', languages: ['de'] }],
      expectedOutputs: [{ type: 'text', languages: ['de'] }],
    });
    expect(api.create).not.toHaveBeenCalled();
    expect(await builtInStatus('de', null)).toBe('absent');
  });

  it("gives the offline drafts when the model is 'unavailable', without creating a session", async () => {
    const { api } = fakeModel('unavailable');
    const outcome = await draftWithBuiltIn(input, { api: api as unknown as LanguageModelApi });
    expect(outcome).toMatchObject({ source: 'offline', fallback: 'unavailable' });
    expect(outcome.drafts).toEqual(draftReplies(input));
    expect(api.create).not.toHaveBeenCalled();
  });

  it('prompts with the brand voice as system prompt and the comment, and destroys the session', async () => {
    const { api, session } = fakeModel('available');
    const outcome = await draftWithBuiltIn(
      { ...input, voice: { ...DEFAULT_VOICE, address: 'du' } },
      { api: api as unknown as LanguageModelApi },
    );
    expect(outcome.source).toBe('builtin');
    expect(outcome.drafts.map((d) => d.text)).toEqual(MODEL_DRAFTS);
    const options = api.create.mock.calls[0]![0] as { initialPrompts: { role: string; content: string }[] };
    expect(options).toMatchObject({ expectedInputs: [{ type: 'text', languages: ['de'] }] });
    expect(options.initialPrompts[0]).toMatchObject({ role: 'system' });
    expect(options.initialPrompts[0]?.content).toContain('informally with "du"');
    expect(session.prompt.mock.calls[0]?.[0]).toContain(COMMENT);
    expect(session.destroy).toHaveBeenCalledTimes(1);
  });

  it('falls back to the offline drafts when the model answers something unusable', async () => {
    const { api } = fakeModel('available', 'Gerne! Hier ist eine Antwort.');
    expect(await draftWithBuiltIn(input, { api: api as unknown as LanguageModelApi })).toMatchObject({
      source: 'offline',
      fallback: 'invalid-response',
    });
  });

  it('falls back when the model takes too long', async () => {
    const { api, session } = fakeModel('available');
    session.prompt.mockImplementation(() => new Promise(() => {}));
    const outcome = await draftWithBuiltIn(input, { api: api as unknown as LanguageModelApi, timeoutMs: 50 });
    expect(outcome).toMatchObject({ source: 'offline', fallback: 'timeout' });
  });
});

describe('the built-in model in the Replies view', () => {
  let root: HTMLElement;
  beforeEach(() => {
    lang.value = 'en';
    resetDraftCache();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    document.body.innerHTML = '';
  });
  const queue = {
    status: 'ready' as const,
    value: { own: [account('acme', 'own')], comments: [comment('c1', COMMENT)], postUrls: {}, recent: [] },
  };
  const button = () =>
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Draft with Chrome’s built-in AI');

  it("creates the session only after the user's click, and shows its drafts", async () => {
    const { api, session } = fakeModel('available');
    const source = fakeSource({ queue, languageModel: api });
    await act(async () => {
      render(<RepliesView source={source} page={{ status: 'none' }} now={() => NOW} />, root);
    });
    await act(async () => {
      await flush();
    }); // the availability answers arrive after the first render
    expect(api.availability).toHaveBeenCalled();
    expect(api.create).not.toHaveBeenCalled();
    expect(session.prompt).not.toHaveBeenCalled();
    expect(button()).toBeDefined();

    await act(async () => {
      button()?.click();
      await flush();
      await flush();
    });
    expect(api.create).toHaveBeenCalledTimes(1);
    expect(root.textContent).toContain('Drafts from Chrome’s built-in AI (on this device)');
    expect(root.textContent).toContain(MODEL_DRAFTS[0]);
    expect(source.command).toHaveBeenCalledWith({
      type: 'rememberReply',
      kind: 'suggested',
      texts: MODEL_DRAFTS,
    });
  });

  it('lets the user cancel a running draft: the prompt is aborted, the offline drafts stay', async () => {
    const { api, session } = fakeModel('available');
    let seen: AbortSignal | undefined;
    session.prompt.mockImplementation(
      (_input: string, options?: { signal?: AbortSignal }) =>
        new Promise<string>((_resolve, reject) => {
          seen = options?.signal;
          seen?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    const source = fakeSource({ queue, languageModel: api });
    await act(async () => {
      render(<RepliesView source={source} page={{ status: 'none' }} now={() => NOW} />, root);
    });
    await act(async () => {
      await flush();
    });
    await act(async () => {
      button()?.click();
      await flush();
      await flush();
    });
    expect(root.textContent).toContain('Drafting …');
    const cancel = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Cancel');
    expect(cancel).toBeDefined();
    await act(async () => {
      cancel?.click();
      await flush();
      await flush();
    });
    expect(seen?.aborted).toBe(true);
    expect(session.destroy).toHaveBeenCalled();
    expect(root.textContent).toContain('No AI drafts: you cancelled.');
    expect(root.textContent).not.toContain('Drafting …');
    expect(root.querySelectorAll('.draft').length).toBeGreaterThanOrEqual(2);
  });

  it("offers no built-in button when the model is 'unavailable' for the language", async () => {
    const { api } = fakeModel('unavailable');
    const source = fakeSource({ queue, languageModel: api });
    await act(async () => {
      render(<RepliesView source={source} page={{ status: 'none' }} now={() => NOW} />, root);
    });
    await act(async () => {
      await flush();
    }); // the availability answers arrive after the first render
    expect(api.availability).toHaveBeenCalled();
    expect(button()).toBeUndefined();
    expect(root.textContent).toContain('Deutsch: not available');
    expect(api.create).not.toHaveBeenCalled();
  });
});

describe('Settings: whether the built-in model can draft in German and English', () => {
  const renderAvailability = async (languageModel: unknown) => {
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => {
      render(<AiAvailability languageModel={languageModel} endpointConfigured={null} />, host);
      await flush();
    });
    return host;
  };

  it('asks availability() per language and shows each answer, without creating a session', async () => {
    lang.value = 'en';
    const api = {
      availability: vi.fn(async (o: { expectedInputs: { languages: string[] }[] }) =>
        o.expectedInputs[0]?.languages[0] === 'de' ? 'downloadable' : 'available',
      ),
      create: vi.fn(),
    };
    const host = await renderAvailability(api);
    expect(host.querySelector('[data-lang="de"]')?.textContent).toBe(
      'Deutsch: available after a one-time model download (starts on your first click)',
    );
    expect(host.querySelector('[data-lang="en"]')?.textContent).toBe('English: available');
    expect(api.availability).toHaveBeenCalledTimes(2);
    expect(api.create).not.toHaveBeenCalled();
    render(null, host);
  });

  it('says when the browser offers no built-in model', async () => {
    lang.value = 'de';
    const host = await renderAvailability(undefined);
    expect(host.querySelector('[data-lang="en"]')?.textContent).toBe(
      `English: ${de.aiBuiltInAbsent.message}`,
    );
    render(null, host);
  });
});
