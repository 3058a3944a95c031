/** The crisis banner at the top of the side panel: what happened, where, and a dismiss button. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../components/i18n';
import { AlertBanner } from '../../components/panel/replies/AlertBanner';
import { fakeSource, flush } from './fake-source';
import { NOW } from './helpers';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  document.body.innerHTML = '';
});

describe('the alert banner', () => {
  it('shows nothing without alerts, and each alert with its figures and a dismiss button', async () => {
    lang.value = 'en';
    root = document.createElement('div');
    document.body.append(root);
    const quiet = fakeSource();
    await act(async () => {
      render(<AlertBanner source={quiet} />, root);
      await flush();
    });
    expect(root.querySelector('[role="alert"]')).toBeNull();

    const source = fakeSource({
      alerts: {
        status: 'ready',
        value: [
          {
            alert: {
              id: 'negativeSurge:youtube:p1',
              at: NOW,
              platform: 'youtube',
              postId: 'p1',
              kind: 'negativeSurge',
              detail: JSON.stringify({ recent: 6, previousRate: 0.5 }),
              dismissed: false,
            },
            post: {
              url: 'https://www.youtube.com/watch?v=p1',
              text: 'Unser neues Produkt <b>jetzt</b>',
              authorKey: 'acme',
            },
          },
        ],
      },
    });
    await act(async () => {
      render(<AlertBanner source={source} />, root);
      await flush();
    });
    const banner = root.querySelector('[role="alert"]');
    expect(banner?.textContent).toContain('Negative comments are piling up.');
    expect(banner?.textContent).toContain(
      '6 negative or attacking comments in the last hour (before: 0.5 per hour) under @acme · YouTube',
    );
    expect(banner?.textContent).toContain('Unser neues Produkt <b>jetzt</b>');
    expect(banner?.querySelector('b')).toBeNull();
    await act(async () => {
      [...(banner?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Dismiss')?.click();
      await flush();
    });
    expect(source.command).toHaveBeenCalledWith({ type: 'dismissAlert', id: 'negativeSurge:youtube:p1' });
  });
});
