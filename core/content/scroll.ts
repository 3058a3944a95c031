/** Scrolls the page to a post the side panel clicked on. */
import type { Adapter } from '../platforms/adapter';
import { pageContext, readPosts } from '../platforms/index';

/** Finds the post element with `postId`, scrolls it into view and flashes an outline; false if absent. */
export function scrollToPost(adapter: Adapter, doc: Document, postId: string): boolean {
  const page = pageContext(adapter, doc, new URL(doc.location?.href ?? 'about:blank'));
  const el = adapter
    .findPosts(doc, page)
    .find((candidate) => readPosts(adapter, [candidate], page)[0]?.id === postId);
  if (!el) return false;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const html = el as HTMLElement;
  const outline = html.style.outline;
  html.style.outline = '3px solid #7c3aed';
  setTimeout(() => {
    html.style.outline = outline;
  }, 1_500);
  return true;
}
