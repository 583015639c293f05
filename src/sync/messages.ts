/**
 * The y-protocols messages a frame carries: sync step 1 (a state vector), step 2 and update
 * (Yjs updates), and awareness updates. Reading checks every update by decoding it fully
 * before it may reach the doc.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DeleteSet, StateVector } from './state.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function step1Message(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** Everything the doc has beyond `sv`, with the whole delete set. */
export function step2Message(doc: Y.Doc, sv: StateVector): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(e, doc, Y.encodeStateVector(sv));
  return encoding.toUint8Array(e);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clientId: number): Uint8Array {
  return awarenessUpdateMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
}

/** An encoded awareness update (of any clients) as a message. */
export function awarenessUpdateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export type Message =
  | { type: 'step1'; sv: StateVector }
  | { type: 'update'; update: Uint8Array; ds: DeleteSet }
  | { type: 'awareness'; update: Uint8Array };

/** Parses one message; throws on anything malformed, including an update that does not decode. */
export function readMessage(bytes: Uint8Array): Message {
  const d = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(d);
  if (type === MESSAGE_AWARENESS) return { type: 'awareness', update: decoding.readVarUint8Array(d) };
  if (type !== MESSAGE_SYNC) throw new Error(`unknown message type ${type}`);
  const step = decoding.readVarUint(d);
  const data = decoding.readVarUint8Array(d);
  if (step === syncProtocol.messageYjsSyncStep1) return { type: 'step1', sv: Y.decodeStateVector(data) };
  if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
    return { type: 'update', update: data, ds: Y.decodeUpdate(data).ds };
  }
  throw new Error(`unknown sync step ${step}`);
}
