/**
 * `window.__sandbox`: the sandbox page's hook for the browser tests. It reads the stand-in
 * (items, counters, viewports, selections, switches) and does what a person on the board
 * does, through the same path as the pointer and the keyboard (board-editing.ts).
 */
import type { Rect } from '../../src/core/geometry.js';
import type { ItemView, StandInBoard } from '../host/stand-in.js';
import type { BoardEditing, SelectMode } from './board-editing.js';
import type { SwitchState } from './sandbox-controls.js';

export interface SandboxHook {
  board: {
    items(): ItemView[];
    stats(): ReturnType<StandInBoard['stats']>;
    viewport(userId?: string): Rect;
    /** The keys in the board's app storage, by collection. */
    storageKeys(): Record<string, string[]>;
  };
  switches(): SwitchState;
  /** Miro's notifications shown to a user (notifications.showInfo), oldest first. */
  notifications(userId: string): string[];
  panelOpen(userId: string): boolean;
  /** Who acts on the board (the "Acting as" choice), and choosing it. */
  actingUser(): string;
  actAs(userId: string): void;
  /** A user's selection on the stand-in (default: the acting user). */
  selection(userId?: string): string[];
  /** Select as the acting user (as clicks would): the stand-in pushes selection:update to that user's app. */
  select(ids: string[], mode?: SelectMode): string[];
  /** Write a sticky as the acting user, centred at board point (x, y); in `frameId` (default: the frame under the point). */
  createSticky(text: string, x: number, y: number, frameId?: string | null): ItemView;
}

export interface HookDeps {
  board: StandInBoard;
  editing: BoardEditing;
  facilitator: string;
  switches(): SwitchState;
  acting(): string;
  actAs(userId: string): void;
  /** Redraw at once (after an action). */
  refresh(): void;
}

export function installHook(d: HookDeps): void {
  const { board, editing } = d;
  const hook: SandboxHook = {
    board: {
      items: () => structuredClone(board.items()),
      stats: () => structuredClone(board.stats()),
      viewport: (userId = d.facilitator) => board.viewportOf(userId),
      storageKeys: () => board.storageKeys(),
    },
    switches: () => ({ ...d.switches() }),
    notifications: (userId) => board.facilitation.notificationsOf(userId),
    panelOpen: (userId) => board.panelOf(userId) !== undefined,
    actingUser: () => d.acting(),
    actAs: (userId) => d.actAs(userId),
    selection: (userId = d.acting()) => board.selectionOf(userId),
    select: (ids, mode = 'replace') => {
      const next = editing.select(ids, mode);
      d.refresh();
      return next;
    },
    createSticky: (text, x, y, frameId) => {
      const item = editing.createSticky(text, x, y, frameId === undefined ? {} : { frameId });
      d.refresh();
      return structuredClone(item);
    },
  };
  Object.defineProperty(window, '__sandbox', { value: Object.freeze(hook), configurable: false, writable: false });
}

declare global {
  interface Window {
    __sandbox?: SandboxHook;
  }
}
