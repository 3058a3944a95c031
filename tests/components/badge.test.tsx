/** The in-feed badge: the figure first, one compact n-marker when the baseline is thin, views where they lead. */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { lang } from '../../components/i18n';
import { Badge } from '../../components/overlay/Badge';
import { Overlay } from '../../components/overlay/overlay';
import { shadowOf } from '../../components/overlay/shadow';
import type { PostScore } from '../../core/messages';
import { emptyMetrics, type PostSnapshot } from '../../core/model';
import { mount } from './render';

const snap = (
  metrics: Partial<PostSnapshot['metrics']>,
  extra: Partial<PostSnapshot> = {},
): PostSnapshot => ({
  id: '1',
  url: null,
  author: { handle: 'acme', name: null },
  text: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  metrics: { ...emptyMetrics(), ...metrics },
  approx: [],
  media: 'text',
  hashtags: [],
  mentions: [],
  links: [],
  promoted: false,
  repostedBy: null,
  ...extra,
});

const score = (s: Partial<PostScore>): PostScore => ({
  rate: null,
  xMedian: null,
  breakout: false,
  young: false,
  velocity: null,
  baselineN: 0,
  thin: true,
  viewsFirst: false,
  views: null,
  ...s,
});

/** What the badge shows without hovering (the hover card left out). */
const faceOf = (badge: HTMLElement) =>
  [...badge.children]
    .filter((c) => !c.classList.contains('card'))
    .map((c) => c.textContent)
    .join('');

afterEach(() => {
  lang.value = 'en';
});

describe('the badge', () => {
  it('shows the raw interactions and "n = 4" on a thin baseline, never a dash', async () => {
    lang.value = 'en';
    const ui = await mount(
      <Badge
        post={snap({ likes: 745, comments: 20, shares: 140, saves: 39 })}
        score={score({ baselineN: 4 })}
      />,
    );
    const face = faceOf(ui.get('.badge'));
    expect(face).toContain('944');
    expect(face).toContain('n = 4');
    expect(face).not.toContain('×');
    expect(face).not.toContain('—');
  });

  it('shows × median once the baseline holds 8 mature posts', async () => {
    const ui = await mount(
      <Badge post={snap({ likes: 30 })} score={score({ thin: false, baselineN: 12, xMedian: 2.5 })} />,
    );
    expect(faceOf(ui.get('.badge'))).toContain('2.5×');
    expect(faceOf(ui.get('.badge'))).not.toContain('n =');
  });

  it('leads with views and × median views on a views-only TikTok grid tile', async () => {
    const ui = await mount(
      <Badge
        post={snap({ views: 4_000_000 }, { url: 'https://www.tiktok.com/@a/video/1' })}
        score={score({ viewsFirst: true, views: { perHour: 7000, xMedian: 3.1, n: 30, thin: false } })}
      />,
    );
    const face = faceOf(ui.get('.badge'));
    expect(face).toContain('▶');
    expect(face).toContain('4M');
    expect(face).toContain('3.1×');
    expect(ui.get('.badge').getAttribute('aria-label')).toContain('7,000 views per hour');
  });

  it('shows views before the worker answered, when the page shows nothing else', async () => {
    const ui = await mount(<Badge post={snap({ views: 3_821 })} score={null} />);
    expect(faceOf(ui.get('.badge'))).toContain('3.8K');
  });

  it('speaks German when the language is German', async () => {
    lang.value = 'de';
    const ui = await mount(<Badge post={snap({ likes: 12 })} score={score({ baselineN: 3 })} />);
    expect(ui.get('.badge').getAttribute('aria-label')).toContain('Dünne Datenbasis');
  });

  it('switches language on the page at once when Settings change it (no reload)', async () => {
    lang.value = 'en';
    document.body.innerHTML = '<article></article>';
    const el = document.querySelector('article')!;
    // No IntersectionObserver: every badge counts as visible (happy-dom never reports intersections).
    vi.stubGlobal('IntersectionObserver', undefined);
    const overlay = new Overlay(document, true);
    vi.unstubAllGlobals();
    overlay.show([{ el, post: snap({ likes: 12 }) }]);
    overlay.scores({ '1': score({ baselineN: 3 }) });
    const label = () =>
      shadowOf(el.querySelector('resonanz-badge'))?.querySelector('.badge')?.getAttribute('aria-label') ?? '';
    await vi.waitFor(() => expect(label()).toContain('12 interactions'));
    overlay.setLanguage('de');
    expect(label()).toContain('12 Interaktionen');
    expect(document.documentElement.lang).not.toBe('de');
    overlay.remove();
  });
});
