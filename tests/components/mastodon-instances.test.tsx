/** Settings → Mastodon instances: permission first, then enabled; refused or invalid hosts are not saved. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { MastodonInstances } from '../../components/panel/MastodonInstances';

async function mount(granted: boolean, instances: string[] = []) {
  lang.value = 'en';
  const save = vi.fn(async (_hosts: string[]) => {});
  const requestPermission = vi.fn(async (_host: string) => granted);
  const removePermission = vi.fn(async (_host: string) => {});
  const root = document.createElement('div');
  document.body.append(root);
  await act(() =>
    render(
      <MastodonInstances instances={instances} {...{ save, requestPermission, removePermission }} />,
      root,
    ),
  );
  const type = async (value: string) => {
    const input = root.querySelector('input')!;
    input.value = value;
    await act(() => {
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
  };
  return { root, save, requestPermission, removePermission, type };
}

describe('Mastodon instances in Settings', () => {
  it('asks for the one host’s permission and saves the instance only when granted', async () => {
    const ui = await mount(true);
    await ui.type('https://Social.Example.de/@anna');
    expect(ui.requestPermission).toHaveBeenCalledWith('social.example.de');
    expect(ui.save).toHaveBeenCalledWith(['social.example.de']);
    expect(ui.root.textContent).toContain('social.example.de enabled');
  });

  it('saves nothing when the user refuses the permission', async () => {
    const ui = await mount(false);
    await ui.type('social.example.de');
    expect(ui.save).not.toHaveBeenCalled();
    expect(ui.root.textContent).toContain('was not granted');
  });

  it('refuses what is not a host name without asking the browser', async () => {
    const ui = await mount(true);
    await ui.type('not a host');
    expect(ui.requestPermission).not.toHaveBeenCalled();
    expect(ui.root.querySelector('[role="status"]')?.textContent).toContain('not a host name');
  });

  it('removes an instance and gives its access back', async () => {
    const ui = await mount(true, ['a.example.de']);
    await act(async () => {
      (ui.root.querySelector('li button') as HTMLButtonElement).click();
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(ui.save).toHaveBeenCalledWith([]);
    expect(ui.removePermission).toHaveBeenCalledWith('a.example.de');
  });
});
