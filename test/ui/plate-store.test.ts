/**
 * The plate on the device: one key per board and user; a bad stored value reads as what is
 * usable in it, never a throw; refused storage keeps the plate in memory and says so.
 */
import { describe, expect, it } from 'vitest';
import { PLATE_ANSWER_MAX, PLATE_ANSWERS_MAX, readPlate } from '../../src/core/plate.js';
import { plateKey, PlateStore } from '../../src/ui/plate-store.js';

function memory() {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}

describe('PlateStore', () => {
  it('keeps each person’s plate per board and user, and forgets it when emptied', () => {
    const s = memory();
    new PlateStore('b1', 'u1', s).save({ answers: [{ id: 'a', text: 'Søvn' }] });
    new PlateStore('b2', 'u1', s).save({ answers: [{ id: 'a', text: 'Motion' }] });
    expect(new PlateStore('b1', 'u1', s).load().answers.map((a) => a.text)).toEqual(['Søvn']);
    expect(new PlateStore('b2', 'u1', s).load().answers.map((a) => a.text)).toEqual(['Motion']);
    expect(new PlateStore('b1', 'u2', s).load().answers).toEqual([]);
    new PlateStore('b1', 'u1', s).save({ answers: [] });
    expect(s.m.has(plateKey('b1', 'u1'))).toBe(false);
  });

  it('where storage throws, keeps the plate in memory and says it is not stored', () => {
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); }, removeItem: () => undefined };
    const store = new PlateStore('b', 'u', refusing);
    store.save({ answers: [{ id: 'a', text: 'Venner' }] });
    expect(store.persistent).toBe(false);
    expect(store.load().answers[0]!.text).toBe('Venner');
    expect(new PlateStore('b', 'u', undefined).persistent).toBe(false);
  });

  it('reads junk without throwing: bad JSON, wrong shapes, duplicates, over-long texts', () => {
    const s = memory();
    s.setItem(plateKey('b', 'u'), '{not json');
    expect(new PlateStore('b', 'u', s).load().answers).toEqual([]);
    const many = Array.from({ length: PLATE_ANSWERS_MAX + 5 }, (_, i) => ({ id: `a${i}`, text: 'x' }));
    expect(readPlate({ v: 1, answers: many }).answers).toHaveLength(PLATE_ANSWERS_MAX);
    expect(readPlate({ v: 2, answers: [{ id: 'a', text: 'x' }] }).answers).toEqual([]);
    expect(readPlate({ v: 1, answers: [null, 3, { id: '', text: 'x' }, { id: 'a', text: 7 }, { id: 'b', text: 'ok' }, { id: 'b', text: 'dup' }, { id: 'c', text: 'y'.repeat(PLATE_ANSWER_MAX + 9) }] }).answers)
      .toEqual([{ id: 'b', text: 'ok' }, { id: 'c', text: 'y'.repeat(PLATE_ANSWER_MAX) }]);
    for (const junk of [null, undefined, 'x', 3, [], { v: 1 }, { v: 1, answers: 'x' }]) expect(readPlate(junk).answers).toEqual([]);
  });
});
