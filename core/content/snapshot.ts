/**
 * "Save page snapshot": a sanitised copy of the page that can become a test fixture when a platform
 * changes its markup. Scripts, inline styles, event handlers, iframes and form values are removed;
 * optionally handles and names are replaced by stable placeholders.
 */
import { adapterFor, extractPage } from '../platforms/index';

const DROP =
  'script, noscript, iframe, object, embed, link[rel="stylesheet"], style, input, textarea, template';

/** Serialises a sanitised copy of `doc` (the live page is not touched). */
export function snapshotPage(
  doc: Document,
  url: string,
  options: { pseudonymise: boolean },
): { ok: true; html: string; filename: string } {
  const root = doc.documentElement.cloneNode(true) as Element;
  for (const el of root.querySelectorAll(DROP)) el.remove();
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (name === 'style' || name.startsWith('on') || name === 'srcset' || name === 'nonce')
        el.removeAttribute(attr.name);
      else if (/^\s*javascript:/i.test(attr.value)) el.removeAttribute(attr.name);
    }
  }
  let html = `<!doctype html>\n<!-- Resonanz snapshot of ${url.replace(/--/g, '')} at ${new Date().toISOString()} -->\n${root.outerHTML}`;
  if (options.pseudonymise) html = pseudonymiseHtml(html, doc, url);
  const host = new URL(url).hostname.replace(/^www\./, '');
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { ok: true, html, filename: `resonanz-snapshot-${host}-${stamp}.html` };
}

/** Replaces every author handle and name the adapter can see with `user1`, `User 1`, … */
function pseudonymiseHtml(html: string, doc: Document, url: string): string {
  const parsed = new URL(url);
  if (!adapterFor(parsed, doc)) return html;
  const extraction = extractPage(doc, url);
  const people = new Map<string, string>();
  const add = (value: string | null | undefined, kind: 'handle' | 'name') => {
    if (!value || value.length < 2 || people.has(value)) return;
    const n = people.size + 1;
    people.set(value, kind === 'handle' ? `user${n}` : `User ${n}`);
  };
  for (const item of [...extraction.posts, ...extraction.comments]) {
    add(item.author.handle, 'handle');
    add(item.author.name, 'name');
  }
  if (extraction.profile) {
    add(extraction.profile.handle, 'handle');
    add(extraction.profile.name, 'name');
  }
  // Longest first, so "anna_b" is replaced before "anna".
  let out = html;
  for (const [real, alias] of [...people].sort((a, b) => b[0].length - a[0].length)) {
    out = out.split(real).join(alias);
  }
  return out;
}
