/**
 * Puts one badge on each post element, in a shadow root so that neither the platform's styles nor
 * ours leak. Badges are appended at the end of the post, outside its links and buttons, so they
 * never cover a click target. Re-rendering a post replaces its badge instead of adding another.
 */
import { render } from 'preact';
import type { EngagementRate } from '../../core/messages';
import type { PostSnapshot } from '../../core/model';
import { BADGE_CSS, Badge } from './Badge';

const HOST_TAG = 'resonanz-badge';

interface Slot {
  host: HTMLElement;
  mount: HTMLElement;
  post: PostSnapshot;
}

export class Overlay {
  private readonly slots = new Map<string, Slot>();
  private readonly rateById = new Map<string, EngagementRate | null>();

  constructor(
    private readonly doc: Document,
    private enabled: boolean,
  ) {}

  /** Draws or refreshes the badges of posts just read. */
  show(read: readonly { el: Element; post: PostSnapshot }[]): void {
    if (!this.enabled) return;
    for (const { el, post } of read) {
      let slot = this.slots.get(post.id);
      if (!slot?.host.isConnected || slot.host.parentElement !== el) {
        slot?.host.remove();
        slot = this.attach(el, post);
        this.slots.set(post.id, slot);
      }
      slot.post = post;
      this.draw(slot);
    }
    // Forget badges whose posts left the page (infinite feeds recycle elements).
    for (const [id, slot] of this.slots) if (!slot.host.isConnected) this.slots.delete(id);
  }

  /** Engagement rates the worker computed for posts. */
  rates(rates: Record<string, EngagementRate | null>): void {
    for (const [id, rate] of Object.entries(rates)) {
      this.rateById.set(id, rate);
      const slot = this.slots.get(id);
      if (slot) this.draw(slot);
    }
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) this.remove();
  }

  /** Takes every badge off the page. */
  remove(): void {
    for (const slot of this.slots.values()) {
      render(null, slot.mount);
      slot.host.remove();
    }
    this.slots.clear();
  }

  private attach(el: Element, post: PostSnapshot): Slot {
    for (const stale of el.querySelectorAll(`:scope > ${HOST_TAG}`)) stale.remove();
    const host = this.doc.createElement(HOST_TAG);
    host.setAttribute('data-resonanz-post', post.id);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = BADGE_CSS;
    const mount = this.doc.createElement('span');
    shadow.append(style, mount);
    el.append(host);
    return { host, mount, post };
  }

  private draw(slot: Slot): void {
    render(<Badge post={slot.post} rate={this.rateById.get(slot.post.id) ?? null} />, slot.mount);
  }
}
