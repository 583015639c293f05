import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AwarenessController, presentPeople, setPresence } from '../../../src/ui/controllers/awareness-controller.js';
import { VoteServiceController } from '../../../src/ui/controllers/vote-service-controller.js';
import { YController } from '../../../src/ui/controllers/y-controller.js';
import type { VoteService } from '../../../src/core/session/voting.js';

/** A stand-in for a Lit host: counts update requests and drives the controller hooks. */
function host() {
  const controllers: ReactiveController[] = [];
  const h = {
    updates: 0,
    addController: (c: ReactiveController) => void controllers.push(c),
    removeController: () => {},
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    update: () => controllers.forEach((c) => c.hostUpdate?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
  return h as typeof h & ReactiveControllerHost;
}

describe('YController', () => {
  it('observes deeply only while connected, and follows a swapped doc', () => {
    const h = host();
    let doc = new Y.Doc();
    new YController(h, () => [doc.getMap('rounds')]);
    doc.getMap('rounds').set('before', 1);
    expect(h.updates).toBe(0);
    h.connect();
    const inner = new Y.Map<number>();
    doc.getMap('rounds').set('r1', inner);
    inner.set('deep', 1); // a nested change reaches the host too
    expect(h.updates).toBe(2);
    const old = doc;
    doc = new Y.Doc();
    h.update();
    old.getMap('rounds').set('ignored', 1);
    expect(h.updates).toBe(2);
    doc.getMap('rounds').set('seen', 1);
    expect(h.updates).toBe(3);
    h.disconnect();
    doc.getMap('rounds').set('after', 1);
    expect(h.updates).toBe(3);
  });
});

describe('AwarenessController', () => {
  it('lists names (self first) and re-renders on change while connected', () => {
    const a = new Awareness(new Y.Doc());
    const b = new Awareness(new Y.Doc());
    const h = host();
    const c = new AwarenessController(h, () => a);
    h.connect();
    setPresence(a, 'Fie');
    expect(h.updates).toBeGreaterThan(0);
    // a remote state, as a transport would apply it
    a.states.set(b.clientID, { presence: { name: 'Anne' } });
    a.emit('change', [{ added: [b.clientID], updated: [], removed: [] }, 'remote']);
    expect(c.people.map((p) => [p.name, p.self])).toEqual([['Fie', true], ['Anne', false]]);
    expect(presentPeople(a)).toHaveLength(2);
    h.disconnect();
    const n = h.updates;
    setPresence(a, 'Fie B');
    expect(h.updates).toBe(n);
    a.destroy();
    b.destroy();
  });
});

describe('VoteServiceController', () => {
  it('subscribes while connected, refreshes on change, and unsubscribes', () => {
    const listeners = new Set<() => void>();
    const service = { mode: 'local', onChange: (cb: () => void) => (listeners.add(cb), () => listeners.delete(cb)) } as unknown as VoteService;
    const h = host();
    let refreshed = 0;
    new VoteServiceController(h, () => service, () => void refreshed++);
    h.connect();
    expect(listeners.size).toBe(1);
    expect(refreshed).toBe(1);
    listeners.forEach((l) => l());
    expect([h.updates, refreshed]).toEqual([1, 2]);
    h.disconnect();
    expect(listeners.size).toBe(0);
  });
});
