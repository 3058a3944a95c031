/**
 * Setting up the AI endpoint: the host permission is asked for in the click, for that one host;
 * without it nothing is saved; the stored key is never shown back.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { AiSettings } from '../../components/panel/replies/AiSettings';
import { fakeSource, flush } from './fake-source';

let root: HTMLElement;
beforeEach(() => {
  lang.value = 'en';
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});

const BUILTIN = { de: 'absent', en: 'absent' } as const;
function fill(label: string, value: string) {
  const field = [...root.querySelectorAll('label')].find((l) => l.textContent?.startsWith(label));
  const input = field?.querySelector('input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
async function submit() {
  await act(async () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
  });
}

describe('the AI endpoint settings', () => {
  it('asks for the host permission first, then saves the endpoint through the worker', async () => {
    const source = fakeSource();
    await act(async () => {
      render(
        <AiSettings source={source} builtIn={BUILTIN} endpoint={{ status: 'ready', value: null }} />,
        root,
      );
    });
    expect(root.textContent).toContain('Nothing is sent anywhere until you click an AI button');
    await act(async () => {
      fill('Base URL', 'https://api.example.com/v1');
      fill('Model', 'gpt-test');
      fill('API key', 'sk-123');
    });
    await submit();
    expect(source.requestPermission).toHaveBeenCalledWith('https://api.example.com/*');
    expect(source.command).toHaveBeenCalledWith({
      type: 'saveAiEndpoint',
      endpoint: { baseUrl: 'https://api.example.com/v1', model: 'gpt-test', apiKey: 'sk-123' },
    });
    expect(source.requestPermission.mock.invocationCallOrder[0]).toBeLessThan(
      source.command.mock.invocationCallOrder[0]!,
    );
  });

  it('saves nothing when the browser does not grant the host, or the URL is not https', async () => {
    const source = fakeSource();
    source.requestPermission.mockResolvedValue(false);
    await act(async () => {
      render(
        <AiSettings source={source} builtIn={BUILTIN} endpoint={{ status: 'ready', value: null }} />,
        root,
      );
    });
    await act(async () => {
      fill('Base URL', 'https://api.example.com/v1');
      fill('Model', 'gpt-test');
    });
    await submit();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('api.example.com was not allowed');
    await act(async () => fill('Base URL', 'http://api.example.com/v1'));
    await submit();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Please enter an https:// base URL');
    expect(source.requestPermission).toHaveBeenCalledTimes(1);
    expect(source.command).not.toHaveBeenCalled();
  });

  it('never shows the stored key, and keeps it when the field is left empty', async () => {
    const source = fakeSource();
    const endpoint = { baseUrl: 'https://api.example.com/v1', model: 'gpt-test', apiKey: 'sk-secret' };
    await act(async () => {
      render(
        <AiSettings source={source} builtIn={BUILTIN} endpoint={{ status: 'ready', value: endpoint }} />,
        root,
      );
    });
    expect(root.innerHTML).not.toContain('sk-secret');
    const key = [...root.querySelectorAll('input')].find((i) => i.type === 'password');
    expect(key?.value).toBe('');
    await submit();
    expect(source.command).toHaveBeenCalledWith({ type: 'saveAiEndpoint', endpoint });
  });
});
