/**
 * Ending a session (end.ts): only the facilitator; the ids that wrote the session are what
 * marks it ended, so an update from an old copy is recognised (items or deletions), and a new
 * session's is not. A bad stored value reads as no clients, never a throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addClients, applyCommand, clientsOf, decodeClients, encodeClients, holdsEnded, linkControlDoc, readCommand, readSession, touchesEnded,
} from '../../../src/core/session/index.js';
import { anne, fac, startedDoc, T0 } from './setup.js';

describe('end-session', () => {
  it('only the facilitator ends the session; the time is kept once', () => {
    const doc = startedDoc();
    expect(applyCommand(doc, anne, { type: 'end-session', now: T0 })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    expect(readSession(doc).endedAt).toBeNull();
    expect(applyCommand(doc, fac, { type: 'end-session', now: T0 + 5 })).toEqual({ ok: true, value: { endedAt: T0 + 5 } });
    expect(applyCommand(doc, fac, { type: 'end-session', now: T0 + 9 })).toEqual({ ok: true, value: { endedAt: T0 + 5 } });
    expect(readSession(doc).endedAt).toBe(T0 + 5);
  });

  it('read from the wire with the reader’s clock, and nothing else in it', () => {
    expect(readCommand({ type: 'end-session', now: 1 }, 77)).toEqual({ type: 'end-session', now: 77 });
    expect(readCommand({ type: 'end-session', room: 'x' }, 77)).toBeNull();
  });

  it('an old copy’s items and deletions are recognised; a new session’s are not', () => {
    const old = new Y.Doc();
    const control = new Y.Doc();
    linkControlDoc(old, control);
    old.getMap('clusters').set('c1', 'x');
    control.getMap('rounds').set('r1', 'y');
    const ended = clientsOf(old);
    expect([...ended.keys()].sort()).toEqual([old.clientID, control.clientID].sort());
    // A stale tab's edit after the end, and its deletion of an old item.
    const before = Y.encodeStateVector(old);
    old.getMap('clusters').set('c2', 'z');
    expect(touchesEnded(Y.encodeStateAsUpdate(old, before), ended)).toBe(true);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(old));
    const sv = Y.encodeStateVector(copy);
    copy.getMap('clusters').delete('c1');
    expect(touchesEnded(Y.encodeStateAsUpdate(copy, sv), ended)).toBe(true);
    expect(holdsEnded(copy, ended)).toBe(true);
    // A panel that never wrote, editing an old item: its item is put next to an ended one.
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(old));
    const rsv = Y.encodeStateVector(reader);
    reader.getMap('clusters').set('c1', 'edited');
    expect(touchesEnded(Y.encodeStateAsUpdate(reader, rsv), ended)).toBe(true);
    const fresh = new Y.Doc();
    fresh.getMap('clusters').set('c1', 'new');
    expect(touchesEnded(Y.encodeStateAsUpdate(fresh), ended)).toBe(false);
    expect(holdsEnded(fresh, ended)).toBe(false);
    expect(holdsEnded(new Y.Doc(), ended)).toBe(false);
  });

  it('ended clients survive their text form; a bad stored value is no clients', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.nat()), { maxLength: 50 }), (pairs) => {
      const m = addClients(new Map(), new Map(pairs));
      expect(decodeClients(encodeClients(m))).toEqual(m);
    }));
    for (const bad of [null, 3, 'not base64!', '////', {}]) expect(decodeClients(bad)).toEqual(new Map());
  });
});
