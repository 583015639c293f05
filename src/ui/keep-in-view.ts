/**
 * Keeps one element in sight while the page's layout settles around it: an outcome rendered
 * below the fold, or pushed there by something that loads later above it (the data notice
 * arrives with a lazily loaded chunk), would otherwise go unseen. It lets go at the person's
 * first own move (pointer, wheel or key), so it never fights them for the scroll position.
 * Focus is never moved.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

const USER_MOVES = ['pointerdown', 'wheel', 'keydown', 'touchstart'] as const;

export class KeepInView implements ReactiveController {
  private target: Element | null = null;
  private observer: ResizeObserver | null = null;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Keep `el` in sight from now on (null: let go). Calling again with the same element changes nothing. */
  keep(el: Element | null): void {
    if (el === this.target) return;
    this.release();
    if (!el) return;
    this.target = el;
    this.observer = new ResizeObserver(() => this.reveal());
    // The body's size changes whenever something above or around the element grows or shrinks.
    this.observer.observe(document.body);
    this.observer.observe(el);
    for (const type of USER_MOVES) addEventListener(type, this.release, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    this.release();
  }

  private reveal(): void {
    const el = this.target;
    if (!el?.isConnected) return this.release();
    if (el.getBoundingClientRect().bottom > innerHeight) el.scrollIntoView({ block: 'end' });
  }

  private readonly release = (): void => {
    this.observer?.disconnect();
    this.observer = null;
    this.target = null;
    for (const type of USER_MOVES) removeEventListener(type, this.release, { capture: true });
  };
}
