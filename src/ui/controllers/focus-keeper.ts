/**
 * Keeps the keyboard's place when a re-render removes the focused control: a button that gives
 * way to another once its action has landed ("Go to this step" becomes "Set time", "Open" becomes
 * "Close" and "Reveal"), where over the sync server the change may come back only after the
 * action resolved. Armed before the action, it waits for the change to land in the host's
 * render, then moves focus lost with the control to `to()` instead of leaving it on the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActive } from '../typing.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class FocusKeeper implements ReactiveController {
  private armed: { to: () => HTMLElement | null | undefined; landed: () => boolean } | null = null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** Before an action, when the focus may be in this element: once `landed()`, lost focus goes to `to()`. */
  arm(to: () => HTMLElement | null | undefined, landed: () => boolean): void {
    this.armed = this.root().activeElement ? { to, landed } : null;
  }

  /** The action was refused: nothing will change. */
  disarm(): void {
    this.armed = null;
  }

  hostUpdated(): void {
    const a = this.armed;
    if (!a?.landed()) return;
    this.armed = null;
    // Lost: nothing in here has it and the page's body does (not moved on by the person).
    if (this.root().activeElement === null && deepActive(this.host.ownerDocument) === this.host.ownerDocument.body) a.to()?.focus();
  }

  private root(): { activeElement: Element | null } {
    return this.host.renderRoot as ShadowRoot;
  }
}
