import { describe, expect, it } from 'vitest';
import { da } from '../../src/ui/i18n/da.js';
import { en } from '../../src/ui/i18n/en.js';
import { t } from '../../src/ui/i18n/t.js';
import { LANG_STORAGE_KEY, langFromBrowser, loadLang, saveLang } from '../../src/ui/i18n/lang-pref.js';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('have the same keys in Danish and English', () => {
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty strings', () => {
    for (const table of [da, en]) {
      for (const [key, value] of Object.entries(table)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same parameters in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(params(da[key]), key).toEqual(params(en[key]));
  });

});

describe('t', () => {
  it('fills parameters, with numbers in the language’s format', () => {
    expect(t('da', 'progress.count', { done: 12, total: 48 })).toBe('Indsætter 12 af 48 …');
    expect(t('en', 'progress.count', { done: 12, total: 48 })).toBe('Inserting 12 of 48 …');
    expect(t('da', 'sandbox.items', { count: 1200 })).toMatch(/^1\.200 /);
  });

  it('leaves a missing parameter visible', () => {
    expect(t('en', 'list.step')).toBe('Step {n}');
  });
});

describe('language preference', () => {
  const memory = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it('takes Danish from any da* browser language, English otherwise', () => {
    expect(langFromBrowser(['da'])).toBe('da');
    expect(langFromBrowser(['da-DK'])).toBe('da');
    expect(langFromBrowser(['en-US'])).toBe('en');
    expect(langFromBrowser(['de'])).toBe('en');
    expect(langFromBrowser([])).toBe('en');
  });

  it('remembers the user’s choice over the browser language', () => {
    const s = memory();
    expect(loadLang(s, ['da-DK'])).toBe('da');
    saveLang(s, 'en');
    expect(s.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(loadLang(s, ['da-DK'])).toBe('en');
  });

  it('falls back to the browser when storage throws or holds junk', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(loadLang(broken, ['da'])).toBe('da');
    expect(() => saveLang(broken, 'en')).not.toThrow();
    const junk = { getItem: () => 'fr' };
    expect(loadLang(junk, ['en'])).toBe('en');
  });
});
