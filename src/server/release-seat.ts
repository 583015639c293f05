/**
 * The operator's way out of a stuck facilitator seat (someone claimed a fresh board's seat and
 * is gone, or should not have it): `npm run server -- release-seat <room>`. It empties the
 * seat in the database, the authority every command is checked against, so the old holder's
 * commands are refused at once; and it clears the seat in the stored control doc. A running
 * server shows the empty seat to a board's panels as soon as one of them connects again; the
 * next person to start the session takes it.
 */
import * as Y from 'yjs';
import { sessionMap } from '../core/session/schema.js';
import { parseRoom } from './miro-token.js';
import { controlRoom } from '../protocol/votes.js';
import type { DocStore } from './doc-store.js';
import type { Storage } from './votes/types.js';

export async function releaseSeat(storage: Storage, docs: Pick<DocStore, 'load' | 'append'>, room: string): Promise<{ holder: string | null }> {
  const parsed = parseRoom(room);
  if (!parsed || parsed.control) throw new Error(`not a board's room: ${room} (expected tryghed:<team>:<board>)`);
  const holder = await storage.facilitator(room);
  await storage.releaseFacilitator(room);
  const name = controlRoom(room);
  const stored = await docs.load(name);
  if (stored) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => sessionMap(doc).delete('facilitator'));
    // Only the deletion, appended: it merges into what is there and what a server stores later.
    await docs.append(name, [Y.encodeStateAsUpdate(doc, before)]);
  }
  return { holder };
}
