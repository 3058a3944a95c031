/**
 * "Save page snapshot": a sanitised copy of the page that can become a test fixture when a platform
 * changes its markup. Only an allowlist of elements and attributes is kept (custom elements, where
 * platforms keep their data, stay, inert), URLs only as absolute http(s) addresses; optionally
 * handles and names are replaced by stable placeholders.
 */
import { adapterFor, extractPage } from '../platforms/index';

/** Removed with everything inside them: active content, styles, forms' fields, foreign namespaces. */
const DROP = new Set([
  'script',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'style',
  'link',
  'base',
  'input',
  'textarea',
  'select',
  'option',
  'template',
  'slot',
  'math',
  'foreignobject',
  'canvas',
  'audio',
  'source',
  'track',
  'dialog',
]);
/**
 * Elements kept as they are; any other standard element is replaced by its children (its text
 * stays). Custom elements (a hyphen in the name: `shreddit-post`, `ytd-rich-item-renderer`) are kept:
 * platforms put their data there, and without the page's scripts they are inert.
 */
const KEEP = new Set([
  'html',
  'head',
  'body',
  'title',
  'meta',
  'div',
  'span',
  'p',
  'a',
  'article',
  'section',
  'main',
  'header',
  'footer',
  'nav',
  'aside',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'time',
  'img',
  'picture',
  'video',
  'figure',
  'figcaption',
  'button',
  'label',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'br',
  'hr',
  'blockquote',
  'q',
  'pre',
  'code',
  'abbr',
  'mark',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'svg',
  'g',
  'path',
  'circle',
  'rect',
  'details',
  'summary',
]);
/** Attributes kept on standard elements (besides aria-* and data-*). */
const ATTRIBUTES = new Set([
  'id',
  'class',
  'role',
  'href',
  'src',
  'alt',
  'title',
  'datetime',
  'lang',
  'dir',
  'name',
  'property',
  'content',
  'charset',
  'hidden',
  'width',
  'height',
  'colspan',
  'rowspan',
  'd',
  'viewbox',
  'tabindex',
]);
/** Attributes whose value is a URL: kept only as an absolute http(s) address. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'poster',
  'cite',
  'action',
  'formaction',
  'background',
  'ping',
]);

/**
 * The value as an absolute http(s) URL, or null. Parsed as the browser parses it (tabs and line
 * breaks inside, control characters around: `java&#9;script:` is javascript:), never by pattern.
 */
function webUrl(value: string, base: string): string | null {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Whether a custom element's attribute value reads as a URL with a scheme (`javascript:…`, `https://…`). */
const looksLikeUrl = (value: string) => {
  // Without spaces and control characters, as the URL parser drops them (`java&#9;script:`).
  const bare = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
  return /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/');
};

function cleanAttributes(el: Element, custom: boolean, base: string): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    const meta = el.localName === 'meta';
    let keep: boolean;
    if (name.startsWith('on') || name === 'style' || name.includes(':') || name === 'srcdoc') keep = false;
    else if (meta) keep = ['name', 'property', 'content', 'charset'].includes(name);
    else if (custom) keep = /^[a-z][a-z0-9_.-]*$/.test(name);
    else keep = ATTRIBUTES.has(name) || name.startsWith('aria-') || name.startsWith('data-');
    if (!keep) {
      el.removeAttribute(attr.name);
      continue;
    }
    if (meta) continue;
    if (URL_ATTRIBUTES.has(name) || (custom && looksLikeUrl(attr.value))) {
      const url = webUrl(attr.value, base);
      if (url) el.setAttribute(attr.name, url);
      else el.removeAttribute(attr.name);
    }
  }
}

/** Sanitises `root` in place, children first (see DROP, KEEP, ATTRIBUTES). */
function sanitise(root: Element, base: string): void {
  for (const child of [...root.children]) sanitise(child, base);
  const name = root.localName;
  if (root.parentNode && (DROP.has(name) || (name === 'meta' && root.hasAttribute('http-equiv')))) {
    root.remove();
    return;
  }
  const custom = name.includes('-');
  if (!custom && !KEEP.has(name) && root.parentNode) {
    root.replaceWith(...root.childNodes);
    return;
  }
  cleanAttributes(root, custom, base);
}

/** Serialises a sanitised copy of `doc` (the live page is not touched). */
export function snapshotPage(
  doc: Document,
  url: string,
  options: { pseudonymise: boolean },
): { ok: true; html: string; filename: string } {
  const root = doc.documentElement.cloneNode(true) as Element;
  sanitise(root, url);
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
