/**
 * Server mode's half of connect() (connection.ts): the room from Miro's id token, the sync
 * server's client (Hocuspocus) and the services over it. The panel imports this module only
 * in server mode, so a Miro-mode session never loads it.
 */
import type * as Y from 'yjs';
import type { LocalControlService } from '../core/session/local-control.js';
import { LocalVoteService } from '../core/session/local-vote-service.js';
import { PulseService } from '../core/session/pulse-service.js';
import { CloseCodes, closeReasonOf } from '../protocol/close.js';
import { ServerPulses } from '../sync/server-pulses.js';
import { ServerTransport } from '../sync/server-transport.js';
import { ServerBallotKeys, ServerControl, ServerVoteService } from '../sync/server-votes.js';
import type { Connection, ConnectionDeps } from './connection.js';
import { OfflineTransport } from './offline-transport.js';
import { roomName, teamOf } from './room.js';
import type { SyncConfig } from './sync-config.js';
import { RoutingVoteService } from './vote-routing.js';

export async function connectServer(
  config: SyncConfig & { mode: 'server' },
  deps: ConnectionDeps,
  doc: Y.Doc,
  local: LocalVoteService,
  localControl: LocalControlService,
  offs: Array<() => void>,
): Promise<Connection> {
  const actor = { userId: deps.me.id };
  // Miro's id token names the team, which names the room; the provider asks for a fresh
  // token on every (re)connect.
  const token = () => deps.host.idToken();
  let room: string | null = null;
  try {
    room = roomName(teamOf(await token()), deps.boardId);
  } catch (e) {
    console.error('Tryghed: cannot sign in to the sync server', e);
  }
  if (!room) {
    return {
      config, transport: new OfflineTransport(doc, 'no-token'), voteService: local, control: localControl, pulses: new PulseService(doc, deps.ballotKeys),
      signInFailed: true, refused: null, offs, ending: NOTHING_TO_ERASE, onEnded: () => () => undefined,
    };
  }
  const server = new ServerTransport({ url: config.url, room, token, doc });
  // Checked server calls for the facilitator's commands.
  const control = new ServerControl(server);
  // Anonymous slots: only under the key the server issues this person (ballot-guard.ts).
  local = new LocalVoteService(doc, { actor, ballotKeys: new ServerBallotKeys(deps.ballotKeys, server) });
  const voteService = new RoutingVoteService(doc, local, new ServerVoteService(doc, server));
  const pulses = new PulseService(doc, new ServerBallotKeys(deps.ballotKeys, server, 'pulseKey'), new ServerPulses(server));
  const c: Connection = {
    config, transport: server, voteService, control, pulses, signInFailed: false, refused: null, offs,
    // The server's own call deleted everything it kept; it closes every connection with 4410.
    ending: NOTHING_TO_ERASE,
    onEnded: (cb) => server.onRefused(({ code }) => code === CloseCodes.ended && cb(Date.now())),
  };
  offs.push(
    server.onAuthFailed((reason) => {
      console.error('Tryghed: the sync server refused the sign-in:', reason);
      c.signInFailed = true;
      deps.changed();
    }),
    server.onRefused(({ code, reason }) => {
      console.error(`Tryghed: the sync server closed the connection (${code} ${reason})`);
      c.refused = closeReasonOf(code);
      deps.changed();
    }),
    server.onStatus((st) => {
      if (st !== 'synced') return;
      // Synced again: an earlier refusal or failed sign-in (the server turning a panel away for a
      // moment, e.g. while an ended session's documents leave memory) no longer holds.
      const was = c.refused !== null || c.signInFailed;
      c.refused = null;
      c.signInFailed = false;
      if (was) deps.changed();
    }),
    // The facilitator's state (the seat, rounds) arrives in the control doc: say so.
    onUpdate(server.controlDoc, deps.changed),
  );
  return c;
}

const NOTHING_TO_ERASE = { erase: async () => undefined };

function onUpdate(doc: Y.Doc, cb: () => void): () => void {
  doc.on('update', cb);
  return () => doc.off('update', cb);
}
