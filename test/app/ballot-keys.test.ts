import { describe, expect, it } from 'vitest';
import { LocalBallotKeyStore } from '../../src/app/ballot-keys.js';

function fakeStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

describe('anonymous ballot keys on this device', () => {
  it('survive a reload, per board and user', () => {
    const storage = fakeStorage();
    new LocalBallotKeyStore('b1', 'u1', storage).set('r1', 'key-a');
    expect(new LocalBallotKeyStore('b1', 'u1', storage).get('r1')).toBe('key-a');
    expect(new LocalBallotKeyStore('b1', 'u2', storage).get('r1')).toBeNull();
    expect(new LocalBallotKeyStore('b2', 'u1', storage).get('r1')).toBeNull();
  });

  it('live in memory where storage is refused', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    const s = new LocalBallotKeyStore('b1', 'u1', refusing);
    expect(s.get('r1')).toBeNull();
    s.set('r1', 'key-b');
    expect(s.get('r1')).toBe('key-b');
  });

  it('are forgotten when the session ends: this board and user only', () => {
    const m = new Map<string, string>();
    const storage = {
      getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k),
      key: (i: number) => [...m.keys()][i] ?? null, get length() { return m.size; },
    };
    const mine = new LocalBallotKeyStore('b1', 'u1', storage);
    mine.set('r1', 'a');
    mine.set('p1', 'b');
    new LocalBallotKeyStore('b1', 'u2', storage).set('r1', 'c');
    new LocalBallotKeyStore('b2', 'u1', storage).set('r1', 'd');
    m.set('tryghed.lang', 'da');
    mine.clear();
    expect(mine.get('r1')).toBeNull();
    expect(mine.get('p1')).toBeNull();
    expect([...m.values()].sort()).toEqual(['c', 'd', 'da']);
  });
});
