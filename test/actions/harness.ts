/**
 * The actions' test harness: a stand-in board (the sandbox's model of Miro's host) with a
 * facilitator and a participant, each with their own ports over it, and their docs linked as
 * a transport would link them. Real ports, real core, real stand-in; nothing mocked.
 */
import * as Y from 'yjs';
import { StandInBoard, type StandInOptions } from '../../sandbox/host/stand-in.js';
import type { ActionContext } from '../../src/actions/context.js';
import { WebSdkHost } from '../../src/board/host.js';
import { WebSdkSessionBoard } from '../../src/board/session-board.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import type { Lang } from '../../src/core/lang.js';
import { LocalControlService } from '../../src/core/session/local-control.js';
import { LocalVoteService, MemoryBallotKeyStore } from '../../src/core/session/local-vote-service.js';
import { PulseService } from '../../src/core/session/pulse-service.js';
import { boardWords } from '../../src/ui/i18n/board-words.js';

export const FAC = 'u-fie';
export const ANNE = 'u-anne';

/** Two docs that exchange every update, as a transport does. */
export function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  for (const [from, to] of [[a, b], [b, a]] as const) {
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') Y.applyUpdate(to, u, 'remote');
    });
  }
  return [a, b];
}

export interface Person {
  ctx: ActionContext;
  host: WebSdkHost;
  board: WebSdkSessionBoard;
  doc: Y.Doc;
}

type Sdk = ReturnType<StandInBoard['sdkFor']>;

/** The ports over one person's SDK object, and an action context over `doc`. */
export function contextFor(sdk: Sdk, doc: Y.Doc, userId: string, options: { port?: WebSdkBoard; lang?: Lang } = {}): Person {
  const port = options.port ?? new WebSdkBoard(sdk, { retry: { baseMs: 1, maxMs: 4 } });
  const board = new WebSdkSessionBoard(sdk, { board: port, lang: options.lang ?? 'da', words: boardWords });
  const host = new WebSdkHost(sdk, port);
  const actor = { userId };
  const votes = new LocalVoteService(doc, { actor, ballotKeys: new MemoryBallotKeyStore() });
  const pulses = new PulseService(doc, new MemoryBallotKeyStore());
  const ctx: ActionContext = { doc, actor, board, host, votes, control: new LocalControlService(doc, actor), pulses, ending: { erase: async () => undefined } };
  return { ctx, host, board, doc };
}

function person(standIn: StandInBoard, userId: string, doc: Y.Doc, patch?: (sdk: Sdk) => void): Person {
  const sdk = standIn.sdkFor(userId);
  patch?.(sdk);
  return contextFor(sdk, doc, userId);
}

/** `patch` adjusts each person's SDK object before the ports are made (a host feature, say). */
export function workshop(options: StandInOptions = {}, patch?: (sdk: Sdk) => void) {
  const standIn = new StandInBoard(options);
  standIn.addUser({ id: FAC, name: 'Fie' });
  standIn.addUser({ id: ANNE, name: 'Anne' });
  const [facDoc, anneDoc] = linkedDocs();
  return { standIn, fac: person(standIn, FAC, facDoc, patch), anne: person(standIn, ANNE, anneDoc, patch) };
}

/** Participants' stickies, top-level, apart. */
export function stickies(standIn: StandInBoard, texts: string[], user = ANNE): string[] {
  return texts.map((t, i) => standIn.hostCreate(user, 'sticky_note', { content: `<p>${t}</p>`, x: (i % 4) * 320, y: Math.floor(i / 4) * 320, width: 200 }).id);
}
