/**
 * Closed shadow roots for everything Resonanz draws into a page (badges, draft boxes): a page's own
 * scripts cannot read what the extension shows or computed (`host.shadowRoot` is null for them). The
 * content script keeps its roots here; page scripts run in another world and cannot call this.
 */
const roots = new WeakMap<Element, ShadowRoot>();

/** Attaches a closed shadow root to `host` and remembers it. */
export function attachClosedShadow(host: Element): ShadowRoot {
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  return root;
}

/** The root attached by `attachClosedShadow` (or an open one): the content script's own code and tests only. */
export function shadowOf(host: Element | null | undefined): ShadowRoot | null {
  return (host && (roots.get(host) ?? host.shadowRoot)) ?? null;
}
