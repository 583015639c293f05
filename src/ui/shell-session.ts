/**
 * What the app shell (tryghed-shell.ts) is handed for the workshop session: the shared doc and
 * presence, the actions, and what the host knows (me, people, selection, sticky texts). src/app builds it (src/app/session.ts) over whichever transport the board is
 * set to; the shell never knows which one carries the doc.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { Actions } from '../actions/actions.js';
import type { VoteService } from '../core/session/voting.js';
import type { Me, Person, TargetLabels } from './session/session-view.js';
import type { SuggestPort } from './session/suggest-port.js';
import type { CloseReason } from '../protocol/close.js';

export type SyncSetting = { mode: 'miro' } | { mode: 'server'; url: string };
export type SyncState = 'connecting' | 'synced' | 'offline';
/** What this panel knows of the saved session: all of it saved (and when), a save due, or a failed try. */
export interface SaveView {
  readonly state: 'saved' | 'saving' | 'unsaved';
  /** When (ms since the epoch) the saved session last held everything this panel has. */
  readonly savedAt: number | null;
}

export interface ShellSession {
  readonly me: Me;
  /** The board's id: with `me`, what names this person's plate on this device. */
  readonly boardId: string;
  /** Replaced (with awareness, voteService and actions) when the board's sync setting changes. */
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  /** For reads (tallies, my votes); votes are cast through `actions`. */
  readonly voteService: VoteService;
  /** Every use case, bound to this doc and its ports: what the panels call. */
  readonly actions: Actions;
  readonly status: SyncState;
  /** Miro mode: what is saved on the board for the next panel to open (null in server mode). */
  readonly saved?: SaveView | null;
  /** Server mode: the sign-in was refused or impossible (status is then 'offline'). */
  readonly signInFailed: boolean;
  /** Server mode: why the server last closed this panel's connection (a limit, say); null once synced. */
  readonly refused: CloseReason | null;
  /** After a move between sync modes: why the facilitator's rounds, results and plan did not
   *  come along (a failure code); null when they did, or nothing was moved. */
  readonly moveFailed?: string | null;
  readonly sync: SyncSetting;
  /** People with the app open on the board (Miro's online users). */
  readonly people: readonly Person[];
  /** Sticky note texts by id, for the notes the session refers to. */
  readonly labels: TargetLabels;
  /** Theme suggestions for the notes of a zone, a template or the selection. */
  readonly suggest?: SuggestPort;
  /** Sticky notes selected on the board now. */
  readonly selection: readonly string[];
  /** Every item with text selected on the board now: notes and the deck's areas. */
  readonly selected: readonly string[];
  /** The facilitator ended the session and its data was deleted (this panel's copy too): when. */
  readonly ended?: { at: number } | null;
  /** After an end: a new, empty session on this board. */
  restart?(): Promise<void>;
  /** Stores the board's sync setting (the facilitator's choice); every panel follows it. */
  setSync(setting: SyncSetting): Promise<void>;
  /** Called after any of the above changed; returns the unsubscribe. */
  subscribe(cb: () => void): () => void;
}
