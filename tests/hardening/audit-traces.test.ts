/**
 * Traces a page can read, second audit (issue 17): the snapshot sanitiser keeps an allowlist of
 * elements and attributes and only http(s) URLs; badges and draft boxes live in closed shadow roots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotPage } from '../../core/content/snapshot';

const ROOT = join(import.meta.dirname, '../..');

function snapshot(body: string): Document {
  const doc = new DOMParser().parseFromString(
    `<!doctype html><html><head></head><body>${body}</body></html>`,
    'text/html',
  );
  const { html } = snapshotPage(doc, 'https://x.com/acme', { pseudonymise: false });
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the page snapshot', () => {
  it.each([
    '<a href="java&#9;script:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    '<a href=" &#1;javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="javascript:alert(1)">',
    '<a xlink:href="javascript:alert(1)">x</a>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button></form>',
    '<video poster="javascript:alert(1)"></video>',
    '<blockquote cite="javascript:alert(1)">q</blockquote>',
    '<my-card permalink="javascript:alert(1)">c</my-card>',
  ])('keeps no URL but http(s): %s', (body) => {
    const doc = snapshot(body);
    for (const el of doc.querySelectorAll('*'))
      for (const attr of el.attributes)
        expect(`${attr.name}=${attr.value}`).not.toMatch(/script:|data:|vbscript:/i);
  });

  it('keeps only allowlisted elements and attributes (custom elements stay, inert)', () => {
    const doc = snapshot(`
      <base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">
      <svg><foreignObject><div onclick="x()">f</div></foreignObject><path d="M0 0"/></svg>
      <math><mi xlink:href="https://evil.example">m</mi></math>
      <div style="color:red" onmouseover="x()" srcdoc="<script>" formaction="x" data-testid="tweet" aria-label="5 likes" class="c">
        <font color="red">text kept</font><a href="/acme/status/1" ping="https://evil.example">link</a>
        <shreddit-post score="5" permalink="/r/x/comments/1/"></shreddit-post>
      </div>`);
    const tags = new Set([...doc.querySelectorAll('*')].map((el) => el.localName));
    for (const bad of ['base', 'foreignobject', 'math', 'font', 'script', 'style', 'iframe'])
      expect(tags).not.toContain(bad);
    expect(doc.querySelector('meta[http-equiv]')).toBeNull();
    const div = doc.querySelector('[data-testid="tweet"]')!;
    expect([...div.attributes].map((a) => a.name).sort()).toEqual(['aria-label', 'class', 'data-testid']);
    expect(div.textContent).toContain('text kept');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://x.com/acme/status/1');
    expect(doc.querySelector('a')?.hasAttribute('ping')).toBe(false);
    expect(doc.querySelector('shreddit-post')?.getAttribute('score')).toBe('5');
    expect(doc.querySelector('shreddit-post')?.getAttribute('permalink')).toBe(
      'https://x.com/r/x/comments/1/',
    );
  });
});

describe('shadow roots a page could read', () => {
  it.each(['components/overlay/overlay.tsx'])('%s attaches closed shadow roots only', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    expect(source).toMatch(/attachClosedShadow\(/);
    expect(source).not.toMatch(/attachShadow\(/);
  });

  it('a badge host shows a page script no shadow root', async () => {
    const { attachClosedShadow, shadowOf } = await import('../../components/overlay/shadow');
    const host = document.createElement('resonanz-badge');
    attachClosedShadow(host).append('762');
    expect(host.shadowRoot).toBeNull();
    expect(shadowOf(host)?.textContent).toBe('762');
  });
});
