/**
 * Every refusal code of the vocabulary (core/failures.ts) has words in Danish and in English
 * (tsc checks the table names every code; this checks each key has text in both tables), and
 * a panel's own words and the items left behind are said.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/core/lang.js';
import { FAILURE_KEYS, failureText } from '../../../src/ui/session/failure-text.js';
import { SESSION_MESSAGES } from '../../../src/ui/i18n/session-strings.js';
import { da } from '../../../src/ui/i18n/da.js';
import { en } from '../../../src/ui/i18n/en.js';
import type { FailureCode } from '../../../src/core/failures.js';

const TABLES = { da: { ...da, ...SESSION_MESSAGES.da }, en: { ...en, ...SESSION_MESSAGES.en } } as Record<string, Record<string, unknown>>;

describe('failure words', () => {
  it('every code has a Danish and an English text, never the key itself', () => {
    const codes = Object.keys(FAILURE_KEYS) as FailureCode[];
    expect(codes.length).toBeGreaterThan(30);
    for (const lang of LANGS) {
      for (const code of codes) {
        expect(TABLES[lang]![FAILURE_KEYS[code]], `${code} in ${lang}`).toBeTruthy();
        const text = failureText(lang, { code, params: { budget: 3, cap: 2 } });
        expect(text).not.toBe(FAILURE_KEYS[code]);
        expect(text).not.toMatch(/[{}]/);
      }
    }
  });

  it('Danish and English differ, and a panel’s own words win', () => {
    expect(failureText('da', { code: 'unexpected' })).not.toBe(failureText('en', { code: 'unexpected' }));
    expect(failureText('en', { code: 'no-round' }, { 'no-round': 'vote.error.no-round' })).toBe('This vote no longer exists.');
  });

  it('says what was left behind on the board, and words a code from outside the vocabulary with the fallback', () => {
    expect(failureText('en', { code: 'refused', params: { leftBehind: 2 } })).toMatch(/2 items could not be removed/);
    expect(failureText('en', { code: 'made-up' as FailureCode }, {}, 'results.error.board')).toBe('The results could not be put on the board. Try again.');
  });
});
