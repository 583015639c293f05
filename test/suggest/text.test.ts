import { describe, expect, it } from 'vitest';
import { charGrams, guessLang, isStopword, plainText, stemDanish, stemEnglish, stemsFor, tokenise } from '../../src/suggest/text.js';

describe('tokens', () => {
  it('lower-cases, keeps æøå, splits on spaces, punctuation, hyphens and slashes', () => {
    expect(tokenise('Mikro-aggressioner, dem/os og ÆRLIGHED!')).toEqual(['mikro', 'aggressioner', 'dem', 'os', 'og', 'ærlighed']);
  });
  it('drops single letters and bare numbers, keeps words with digits', () => {
    expect(tokenise('8 til 16 i q3 a')).toEqual(['til', 'q3']);
  });
  it('reads a sticky\'s HTML as its words', () => {
    expect(plainText('<p>Tid &amp; ro</p><p>nu<br/>her &#230;&#x00f8;</p>').trim()).toBe('Tid & ro nu her æø');
    expect(tokenise('<p><strong>Møder</strong> hele&nbsp;dagen</p>')).toEqual(['møder', 'hele', 'dagen']);
  });
});

describe('stop words', () => {
  it('knows Danish and English function words, not content words', () => {
    for (const w of ['og', 'ikke', 'det', 'the', 'and', "don't", 'dont', 'kan']) expect(isStopword(w), w).toBe(true);
    for (const w of ['møder', 'ensomhed', 'meetings', 'workload']) expect(isStopword(w), w).toBe(false);
  });
});

describe('language of a note', () => {
  it('from stop words, Danish letters and endings', () => {
    expect(guessLang(tokenise('Vi taler aldrig om det'))).toBe('da');
    expect(guessLang(tokenise('No time to think'))).toBe('en');
    expect(guessLang(tokenise('Ensomhed'))).toBe('da');
    expect(guessLang(tokenise('Feedback'))).toBe('mixed');
  });
});

describe('stems', () => {
  it('Danish (Snowball): inflections and compounds meet', () => {
    expect(stemDanish('arbejdsmængden')).toBe(stemDanish('arbejdsmængde'));
    expect(stemDanish('konflikter')).toBe(stemDanish('konflikten'));
    expect(stemDanish('ensomhed')).toBe('ensom');
    expect(stemDanish('møderne')).toBe('mød');
    expect(stemDanish('pauser')).toBe('paus');
  });
  it('English (Porter)', () => {
    expect(stemEnglish('meetings')).toBe('meet');
    expect(stemEnglish('conflicts')).toBe('conflict');
    expect(stemEnglish('supporting')).toBe('support');
    expect(stemEnglish('emotional')).toBe('emotion');
  });
  it('a mixed note keeps both stems when they differ', () => {
    expect(stemsFor('meetings', 'en')).toEqual(['meet']);
    expect(stemsFor('møderne', 'da')).toEqual(['mød']);
    expect(stemsFor('breaks', 'mixed')).toEqual(['break']);
    expect(stemsFor('arbejdere', 'mixed')).toEqual(['arbejd', 'arbejder']);
  });
});

describe('character n-grams', () => {
  it('4-grams of a stem after a boundary mark; a short stem is one gram', () => {
    expect(charGrams('mæng', 4)).toEqual([' mæn', 'mæng']);
    expect(charGrams('ro', 4)).toEqual([' ro']);
    const compound = new Set(charGrams(stemDanish('arbejdsmængden'), 4));
    expect(charGrams(stemDanish('mængden'), 4).filter((g) => compound.has(g))).toContain('mæng');
  });
});
