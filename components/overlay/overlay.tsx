/**
 * Puts one badge on each post element, in a shadow root so that neither the platform's styles nor
 * ours leak. Badges are appended at the end of the post, outside its links and buttons, so they
 * never cover a click target. A badge is drawn only when its post comes near the viewport: a feed
 * of 1,000 posts costs 1,000 empty host elements, not 1,000 renders.
 */
import { render } from 'preact';
import type { PostScore } from '../../core/messages';
import type { PostSnapshot } from '../../core/model';
import { BADGE_CSS, Badge } from './Badge';

interface Slot {
  el: Element;
  host: HTMLElement;
  mount: HTMLElement | null;
  post: PostSnapshot;
  visible: boolean;
}

export class Overlay {
  /** The element name of a badge host (upper-case, as `nodeName` reports it). */
  static readonly TAG = 'RESONANZ-BADGE';

  private readonly slots = new Map<string, Slot>();
  private readonly byElement = new WeakMap<Element, Slot>();
  private readonly scoreById = new Map<string, PostScore>();
  private readonly observer: IntersectionObserver | null;
  private styles: CSSStyleSheet | null | undefined;

  constructor(
    private readonly doc: Document,
    private enabled: boolean,
  ) {
    const Observer = doc.defaultView?.IntersectionObserver;
    this.observer = Observer
      ? new Observer((entries) => this.onIntersect(entries), { rootMargin: '400px 0px' })
      : null;
  }

  /** Places or refreshes the badges of posts just read. */
  show(read: readonly { el: Element; post: PostSnapshot }[]): void {
    if (!this.enabled) return;
    for (const { el, post } of read) {
      let slot = this.slots.get(post.id);
      if (!slot?.host.isConnected || slot.host.parentElement !== el) {
        if (slot) this.detach(slot);
        slot = this.attach(el, post);
        this.slots.set(post.id, slot);
      }
      slot.post = post;
      this.draw(slot);
    }
    // Forget badges whose posts left the page (infinite feeds recycle elements).
    for (const [id, slot] of this.slots) if (!slot.host.isConnected) this.detach(slot, id);
  }

  /** Scores the worker computed for posts. */
  scores(scores: Record<string, PostScore>): void {
    for (const [id, score] of Object.entries(scores)) {
      this.scoreById.set(id, score);
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
    for (const [id, slot] of this.slots) this.detach(slot, id);
    this.observer?.disconnect();
  }

  private attach(el: Element, post: PostSnapshot): Slot {
    for (const stale of el.querySelectorAll(':scope > resonanz-badge')) stale.remove();
    const host = this.doc.createElement('resonanz-badge');
    host.setAttribute('data-resonanz-post', post.id);
    el.append(host);
    const slot: Slot = { el, host, mount: null, post, visible: this.observer === null };
    this.byElement.set(el, slot);
    this.observer?.observe(el);
    return slot;
  }

  private detach(slot: Slot, id?: string): void {
    if (slot.mount) render(null, slot.mount);
    slot.host.remove();
    this.observer?.unobserve(slot.el);
    if (id) this.slots.delete(id);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const slot = this.byElement.get(entry.target);
      if (!slot) continue;
      slot.visible = entry.isIntersecting;
      if (slot.visible) this.draw(slot);
    }
  }

  /** One parsed style sheet shared by every badge (parsing CSS per badge costs more than drawing it). */
  private sheet(): CSSStyleSheet | null {
    if (this.styles === undefined) {
      try {
        const Sheet = this.doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
        this.styles = new Sheet();
        this.styles.replaceSync(BADGE_CSS);
      } catch {
        this.styles = null;
      }
    }
    return this.styles;
  }

  private draw(slot: Slot): void {
    if (!slot.visible) return;
    if (!slot.mount) {
      const shadow = slot.host.attachShadow({ mode: 'open' });
      const sheet = this.sheet();
      if (sheet) shadow.adoptedStyleSheets = [sheet];
      else {
        const style = this.doc.createElement('style');
        style.textContent = BADGE_CSS;
        shadow.append(style);
      }
      slot.mount = this.doc.createElement('span');
      shadow.append(slot.mount);
    }
    render(<Badge post={slot.post} score={this.scoreById.get(slot.post.id) ?? null} />, slot.mount);
  }
}
