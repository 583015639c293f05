import { describe, expect, it } from 'vitest';
import { InsertionError, type InsertionErrorCode } from '../../src/board/insertion-error.js';
import { BoardLinkError } from '../../src/board/link-items.js';
import { LANGS } from '../../src/core/lang.js';
import { boardErrorText, boardWords, insertionErrorText, ordinal } from '../../src/ui/i18n/board-words.js';

const CODES: InsertionErrorCode[] = ['refused', 'rate-limited', 'aborted', 'no-space', 'invalid-layout'];
const params = { element: 'zone-strains', removed: 12, leftBehind: 0 };

describe('insertion errors in words (the board reports codes and parameters)', () => {
  it('every code says what happened and what is left, in both languages, never an element id but the layout fault', () => {
    for (const code of CODES) {
      const da = insertionErrorText('da', { code, params });
      const en = insertionErrorText('en', { code, params });
      expect(da, code).toContain('Intet er indsat.');
      expect(en, code).toContain('Nothing was inserted.');
      expect(da).not.toMatch(/\{\w+\}/);
      expect(en).not.toMatch(/\{\w+\}/);
      if (code !== 'invalid-layout') for (const text of [da, en]) expect(text).not.toContain('zone-strains');
    }
    expect(insertionErrorText('da', { code: 'refused', params })).toBe(
      'Miro afviste en del af skabelonen. Intet er indsat. Tjek at du kan redigere boardet, og prøv igen.',
    );
  });

  it('what the rollback left behind replaces "nothing was inserted", with the count’s own form', () => {
    const one = insertionErrorText('en', { code: 'refused', params: { ...params, leftBehind: 1 } });
    expect(one).toContain('1 item could not be removed again; it is in');
    expect(one).not.toContain('Nothing was inserted');
    expect(insertionErrorText('en', { code: 'refused', params: { ...params, leftBehind: 2 } })).toContain('2 items could not be removed again; they are in');
    expect(insertionErrorText('da', { code: 'aborted', params: { ...params, leftBehind: 1 } })).toContain('1 element kunne ikke');
    expect(insertionErrorText('da', { code: 'aborted', params: { ...params, leftBehind: 3 } })).toContain('3 elementer kunne ikke');
  });

  it('knows an InsertionError by its shape (the UI imports no board values)', () => {
    const e = new InsertionError('no-space', 'place', 'ins-1', null, null);
    expect(insertionErrorText('en', e)).toMatch(/^There was no room on the board/);
  });
});

describe('board link errors in words', () => {
  it('says each code, adds what could not be undone in the right form, and words a model refusal by its reason', () => {
    expect(boardErrorText('en', new BoardLinkError('no-selection', 'group'))).toBe('Select at least one sticky note on the board, and try again.');
    expect(boardErrorText('da', new BoardLinkError('aborted', 'results', null, ['a']))).toBe('Annulleret. Boardet er som før. (1 element kunne ikke fjernes igen og kan slettes med hånden.)');
    expect(boardErrorText('en', new BoardLinkError('refused', 'group', null, ['a', 'b']))).toContain('(2 items could not be removed again');
    expect(boardErrorText('en', new BoardLinkError('invalid', 'relabel', null, [], 'no-cluster'))).not.toBe(boardErrorText('en', new BoardLinkError('invalid', 'relabel')));
    expect(boardErrorText('en', new Error('something else'))).toBeUndefined();
  });
});

describe('the words the board draws', () => {
  it('ranks as each language writes an ordinal, ties marked', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((n) => ordinal('en', n))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    expect([1, 2, 3, 11].map((n) => ordinal('da', n))).toEqual(['1.', '2.', '3.', '11.']);
    expect(boardWords('en').rank(2, true)).toBe('tied 2nd');
    expect(boardWords('da').rank(2, false)).toBe('2.');
  });

  it('dates, participation, the rest past the top rows, the title and the cluster label in both languages', () => {
    const day = new Date(2027, 0, 3, 12);
    expect(boardWords('da').date(day)).toBe('3. januar 2027');
    expect(boardWords('en').date(day)).toBe('3 January 2027');
    expect(boardWords('da').participation(7, 9)).toBe('7 af 9 har stemt');
    expect(boardWords('en').participation(1, undefined)).toBe('1 voted');
    expect(boardWords('en').more(4)).toBe('… and 4 more');
    expect(boardWords('en').title('Q?')).toBe('Results: Q?');
    for (const lang of LANGS) expect(boardWords(lang).clusterLabel.length).toBeGreaterThan(0);
  });
});
