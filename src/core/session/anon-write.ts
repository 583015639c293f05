/**
 * Writes that must not be tied to a name: awareness shows the doc's own Yjs client id next
 * to a person, so an anonymous ballot or pulse answer is written under a throwaway client id
 * instead (one transaction; the doc's own id is restored after it).
 */
import type * as Y from 'yjs';
import { SESSION_ORIGIN } from './types.js';

export function writeAs(doc: Y.Doc, clientId: number | undefined, fn: () => void): void {
  doc.transact(() => {
    const own = doc.clientID;
    if (clientId !== undefined) doc.clientID = clientId;
    try {
      fn();
    } finally {
      doc.clientID = own;
    }
  }, SESSION_ORIGIN);
}

/** A fresh random client id, for one round's or one pulse's writes and nothing else. */
export function throwawayClientId(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0]!;
}
