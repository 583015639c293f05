import { describe, expect, it } from 'vitest';
import { da } from '../../src/ui/i18n/da.js';
import { en } from '../../src/ui/i18n/en.js';
import { t } from '../../src/ui/i18n/t.js';
import { SESSION_MESSAGES } from '../../src/ui/i18n/session-strings.js';
import { formatMessage, isPlural, type Message } from '../../src/ui/i18n/format.js';
import { LANGS, type Lang } from '../../src/core/lang.js';
import { SANDBOX_STRINGS } from '../../sandbox/page/strings.js';
import { LANG_STORAGE_KEY, langFromBrowser, loadLang, saveLang } from '../../src/ui/i18n/lang-pref.js';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
/** Every form's parameters (a plural's count among them), sorted and once each. */
const params = (m: Message) => [...new Set(isPlural(m) ? [m.count, ...holes(m.one), ...holes(m.other)] : holes(m))].sort();
const forms = (m: Message) => (isPlural(m) ? [m.one, m.other] : [m]);

const TABLES: Record<string, Record<Lang, Record<string, Message>>> = {
  app: { da: { ...da, ...SESSION_MESSAGES.da }, en: { ...en, ...SESSION_MESSAGES.en } },
  sandbox: SANDBOX_STRINGS };

/** Parameters that are never numbers. */
const NOT_COUNTS = new Set(['outcome', 'each', 'shown', 'voted', 'inAll', 'title', 'name', 'label', 'question', 'message', 'detail', 'text', 'anonymity', 'visibility', 'rank', 'layer', 'when', 'element', 'date', 'time', 'url', 'what', 'todo', 'owner', 'round']);
/** Words that read the same after 1 and after 2 (no number of their own). */
const SAME_AFTER_ANY_COUNT: Record<Lang, RegExp> = {
  da: /^(af|har|er|til|fandtes|tegn|svar|mere|for|kald|credits|udkast|tilbage|pr\.?|point|gange|·|…|\+|—|–|:|,|\.|\)|%)$/,
  en: /^(of|left|per|present|more|voted|so|for|rate-limited|selected|deleted|·|…|\+|—|–|:|,|\.|\)|%)$/,
};

describe('message tables (the app’s and the sandbox’s)', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: every key has both languages, no empty form, the same parameters`, () => {
      expect(Object.keys(table.da).sort()).toEqual(Object.keys(table.en).sort());
      for (const key of Object.keys(table.en)) {
        for (const lang of LANGS) for (const form of forms(table[lang][key]!)) expect(form.trim(), `${lang} ${key}`).not.toBe('');
        expect(params(table.da[key]!), key).toEqual(params(table.en[key]!));
      }
    });

    it(`${name}: a count before a word that changes with the number is a plural (no "1 notes")`, () => {
      const wrong: string[] = [];
      const after = (text: string) => new Map([...text.matchAll(/\{(\w+)\}\s+([^\s{]+)/g)].map((m) => [m[1]!, m[2]!.replace(/[.,:;)]+$/, '') || m[2]!]));
      for (const lang of LANGS) {
        for (const [key, m] of Object.entries(table[lang])) {
          // In a plural, a word that differs between its forms is the plural's business.
          const one = isPlural(m) ? after(m.one) : new Map<string, string>();
          for (const [count, word] of after(isPlural(m) ? m.other : m)) {
            if (NOT_COUNTS.has(count) || SAME_AFTER_ANY_COUNT[lang].test(word) || (one.has(count) && one.get(count) !== word)) continue;
            wrong.push(`${lang} ${key}: "{${count}} ${word}"`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });

    it(`${name}: a plural's two forms differ and both show its count`, () => {
      for (const lang of LANGS) {
        for (const [key, m] of Object.entries(table[lang])) {
          if (!isPlural(m)) continue;
          expect(m.one, `${lang} ${key}`).not.toBe(m.other);
          expect(formatMessage(lang, m, { [m.count]: 1 }), `${lang} ${key}`).toMatch(/\b1\b|\bén\b|\bet\b|\bone\b/);
          expect(m.other, `${lang} ${key}`).toContain(`{${m.count}}`);
        }
      }
    });
  }
});

describe('t', () => {
  it('fills parameters, with numbers in the language’s format', () => {
    expect(t('da', 'progress.count', { done: 12, total: 48 })).toBe('Indsætter 12 af 48 …');
    expect(t('en', 'progress.count', { done: 12, total: 48 })).toBe('Inserting 12 of 48 …');
    expect(t('da', 'progress.count', { done: 1200, total: 4800 })).toBe('Indsætter 1.200 af 4.800 …');
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
