/**
 * The Host port: what the app asks of Miro's host beyond the board's items: who I am, which
 * board, who else is online, the id token, the board's app storage, the selection, deletions,
 * this user's view of the board, notifications, the board timer and Miro's collaboration
 * features (sessions, attention). WebSdkHost (host.ts) implements it through the same SdkGate
 * as every other SDK call (metered, retried). Plain data in and out.
 */
import type { Rect } from '../core/geometry.js';
import type { BoardNote, ItemText } from './port.js';

/** A person on the board: Miro's user id and display name. */
export interface Person {
  id: string;
  name: string;
}

/** One collection of the board's app storage (JSON values, last writer wins). */
export interface HostStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Resolves once listening; returns the unsubscribe. */
  watch(key: string, cb: (value: unknown) => void): Promise<() => void>;
}

/**
 * How "show everyone" went: through Miro's collaboration (the views of `reached` moved, this
 * user's included), or not offered here (`own-view`: only this user's view moved; every other
 * panel moves its own, e.g. when it follows the step).
 */
export type ShowOutcome = { via: 'collaboration'; reached: string[] } | { via: 'own-view' };

/**
 * Miro's collaboration features (`board.collaboration`, experimental in Miro and not on every
 * plan). Miro's `canUse` does not know them ('timer' | 'voting' only), so whether they are
 * offered is learnt from the first call; a refusal is an answer (false / null / own-view),
 * never a throw, and the app falls back to each panel moving its own view.
 */
export interface HostCollaboration {
  /** Whether Miro offers collaboration on this board (asked once, then remembered). */
  available(): Promise<boolean>;
  /**
   * Starts this app's session (or joins the one running) and invites everyone online who is not
   * in it yet; Miro asks each of them to accept. Resolves to who is in it; null where not offered.
   */
  startSession(name: string): Promise<Person[] | null>;
  /** Invites these people (newcomers) to the running session; false where there is none. */
  invite(people: readonly Person[]): Promise<boolean>;
  /** Moves the view of everyone in the session to the items (remote zoom); else this user's own. */
  showEveryone(ids: readonly string[]): Promise<ShowOutcome>;
  /** "Bring everyone to me": everyone in the session follows this user's view. False where not offered. */
  bringEveryone(): Promise<boolean>;
  /** Stops everyone in the session following this user. */
  release(): Promise<void>;
  /** Whom this user follows now, if anyone (null where not offered). */
  following(): Promise<Person | null>;
  /** Ends the session this app runs (if any). */
  endSession(): Promise<void>;
}

export interface HostPort {
  /** The user of this panel. */
  me(): Promise<Person>;
  boardId(): Promise<string>;
  /** People with the board open now. */
  onlineUsers(): Promise<Person[]>;
  onOnlineUsers(cb: (people: Person[]) => void): () => void;
  /** Miro's id token (a JWT) for the sync server. */
  idToken(): Promise<string>;
  storage(collection: string): HostStorage;
  /** The selected sticky notes. */
  selection(): Promise<BoardNote[]>;
  /** Every selected item but frames (a vote for the selection takes the deck's areas too). */
  selectedIds(): Promise<string[]>;
  /** The selected notes, and the other selected items' texts (shapes: the deck's areas). */
  onSelection(cb: (notes: BoardNote[], others: ItemText[]) => void): () => void;
  /** Ids of items removed from the board, by anyone. */
  onItemsDeleted(cb: (ids: string[]) => void): () => void;
  /** This user's view of the board (absolute, top-left based). */
  viewport(): Promise<Rect>;
  /** Moves this user's view to fit the items (ids no longer on the board are skipped). */
  zoomTo(ids: readonly string[]): Promise<void>;
  /**
   * Miro's notification, to this user only. At most 80 characters: longer text is shortened with
   * an ellipsis. Resolves false where the host refuses it (the panel's own notice still speaks).
   */
  notify(message: string): Promise<boolean>;
  /** Starts the board's timer where the host has one (`canUse('timer')`); false where it has not. */
  startTimer(ms: number): Promise<boolean>;
  /** Stops the board's timer; false where the host has none. */
  stopTimer(): Promise<boolean>;
  readonly collaboration: HostCollaboration;
}
