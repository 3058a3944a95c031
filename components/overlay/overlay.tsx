/**
 * Puts one badge on each post element, in a shadow root so that neither the platform's styles nor
 * ours leak. Badges are appended at the end of the post, outside its links and buttons, so they
 * never cover a click target. A badge is drawn only when its post comes near the viewport: a feed
 * of 1,000 posts costs 1,000 empty host elements, not 1,000 renders.
 */
import { render } from 'preact';
import type { PostScore } from '../../core/messages';
import type { PostSnapshot } from '../../core/model';
import { browserLang, type Lang, lang } from '../i18n';
import { BADGE_CSS, Badge } from './Badge';
import { attachClosedShadow } from './shadow';

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
  /** Scores kept for posts that left the page and may come back (virtualised feeds re-add them). */
  static readonly REMEMBER_SCORES = 5_000;
  /** Script time per frame for first draws of badges (the rest of the 50 ms is the page's). */
  static readonly MOUNT_BUDGET_MS = 6;

  private readonly slots = new Map<string, Slot>();
  private readonly byElement = new WeakMap<Element, Slot>();
  private readonly scoreById = new Map<string, PostScore>();
  /** Badges waiting for their first draw (see draw), and whether a frame is booked for them. */
  private readonly toMount = new Set<Slot>();
  private mountScheduled = false;
  /** Posts read while badges are off, so switching them on draws badges without re-reading the page. */
  private readonly hidden = new Map<string, { el: Element; post: PostSnapshot }>();
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
    if (!this.enabled) {
      for (const item of read) this.hidden.set(item.post.id, item);
      // Infinite feeds recycle elements: forget posts that left the page once the list grows.
      if (this.hidden.size > 2_000)
        for (const [id, item] of this.hidden) if (!item.el.isConnected) this.hidden.delete(id);
      return;
    }
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
      // Latest last; the oldest go once there are more than an infinite feed needs (it would grow forever).
      this.scoreById.delete(id);
      this.scoreById.set(id, score);
      if (this.scoreById.size > Overlay.REMEMBER_SCORES)
        this.scoreById.delete(this.scoreById.keys().next().value!);
      const slot = this.slots.get(id);
      if (slot) this.draw(slot);
    }
  }

  /** Switches badges on or off at once (the Settings toggle), keeping what was read meanwhile. */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    if (!enabled) {
      for (const [id, slot] of this.slots) this.hidden.set(id, { el: slot.el, post: slot.post });
      this.remove();
      return;
    }
    const replay = [...this.hidden.values()].filter((item) => item.el.isConnected);
    this.hidden.clear();
    this.show(replay);
  }

  /**
   * The UI language chosen in Settings ('auto' = the browser's): badges and their hover cards switch
   * at once, without reloading the page. The page's own `<html lang>` is left alone.
   */
  setLanguage(choice: 'auto' | Lang): void {
    const next = choice === 'auto' ? browserLang() : choice;
    if (next === lang.value) return;
    lang.value = next;
    for (const slot of this.slots.values()) if (slot.mount) this.draw(slot);
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
    this.toMount.delete(slot);
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

  /**
   * Draws a badge. A first draw (shadow root, style sheet, render) waits for the next frame and shares
   * a time budget with the others: a fast scroll brings dozens of posts into view at once, and drawing
   * them all in one go made a main-thread task of over 50 ms.
   */
  private draw(slot: Slot): void {
    if (!slot.visible) return;
    if (!slot.mount) {
      this.toMount.add(slot);
      this.scheduleMount();
      return;
    }
    render(<Badge post={slot.post} score={this.scoreById.get(slot.post.id) ?? null} />, slot.mount);
  }

  private scheduleMount(): void {
    if (this.mountScheduled || this.toMount.size === 0) return;
    this.mountScheduled = true;
    const view = this.doc.defaultView;
    const next = view?.requestAnimationFrame?.bind(view) ?? ((task: () => void) => setTimeout(task, 16));
    next(() => {
      this.mountScheduled = false;
      const started = performance.now();
      for (const slot of this.toMount) {
        if (performance.now() - started > Overlay.MOUNT_BUDGET_MS) break;
        this.toMount.delete(slot);
        if (slot.visible && slot.host.isConnected && !slot.mount) this.mount(slot);
      }
      this.scheduleMount();
    });
  }

  private mount(slot: Slot): void {
    const shadow = attachClosedShadow(slot.host);
    const sheet = this.sheet();
    if (sheet) shadow.adoptedStyleSheets = [sheet];
    else {
      const style = this.doc.createElement('style');
      style.textContent = BADGE_CSS;
      shadow.append(style);
    }
    slot.mount = this.doc.createElement('span');
    shadow.append(slot.mount);
    render(<Badge post={slot.post} score={this.scoreById.get(slot.post.id) ?? null} />, slot.mount);
  }
}
