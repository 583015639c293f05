/** The Lit kit: property tables, typed events up, and storage that may throw. */
import { afterEach, describe, expect, it } from 'vitest';
import { emit, props, PROP, STATE } from '../../src/ui/lit-kit.js';
import { safeStorage } from '../../src/ui/safe-storage.js';

describe('props', () => {
  it('turns one short entry per property into Lit declarations', () => {
    expect(props({ lang: String, done: Number, open: Boolean, board: PROP, run: STATE, failed: { type: Boolean, attribute: 'failed' } })).toEqual({
      lang: { type: String },
      done: { type: Number },
      open: { type: Boolean },
      board: { attribute: false },
      run: { state: true },
      failed: { type: Boolean, attribute: 'failed' },
    });
  });
});

describe('emit', () => {
  it('sends the detail up, out of shadow roots, and says whether a listener cancelled it', () => {
    const target = new EventTarget();
    const seen: Array<CustomEvent<{ lang: string }>> = [];
    target.addEventListener('lang-change', (e) => seen.push(e as CustomEvent<{ lang: string }>));
    expect(emit(target, 'lang-change', { lang: 'en' })).toBe(true);
    expect(seen[0]!.detail).toEqual({ lang: 'en' });
    expect([seen[0]!.bubbles, seen[0]!.composed]).toEqual([true, true]);
    target.addEventListener('insert-cancel', (e) => e.preventDefault());
    expect(emit(target, 'insert-cancel')).toBe(false);
  });
});

describe('safeStorage', () => {
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('is the page’s localStorage where there is one', () => {
    const store = { getItem: () => null } as unknown as Storage;
    Object.defineProperty(globalThis, 'localStorage', { value: store, configurable: true });
    expect(safeStorage()).toBe(store);
  });

  it('is undefined where touching localStorage throws (a sandboxed frame)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
      configurable: true,
    });
    expect(safeStorage()).toBeUndefined();
  });
});
