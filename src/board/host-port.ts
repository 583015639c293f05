/**
 * The Host port: what the app asks of Miro's host beyond the board's items: who I am, which
 * board, who else is online, the id token, the board's app storage, the selection, deletions,
 * and Miro's collaboration features (the board timer). WebSdkHost (host.ts) implements it
 * through the same SdkGate as every other SDK call. Plain data in and out.
 */
import type { BoardNote } from './port.js';

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
  onSelection(cb: (notes: BoardNote[]) => void): () => void;
  /** Ids of items removed from the board, by anyone. */
  onItemsDeleted(cb: (ids: string[]) => void): () => void;
  /** Starts the board's timer where the host has one (collaboration); false where it has not. */
  startTimer(ms: number): Promise<boolean>;
}
