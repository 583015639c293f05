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

/** Nouns that change with the count, as they must never follow 1 (plural) or 2 (singular). */
const NOUNS: Record<Lang, { one: string[]; other: string[] }> = {
  da: {
    one: ['seddel', 'stemme', 'emne', 'tema', 'afstemning', 'indsats', 'skabelon', 'placering', 'deltager', 'person', 'gang'],
    other: ['sedler', 'stemmer', 'emner', 'temaer', 'afstemninger', 'indsatser', 'skabeloner', 'placeringer', 'deltagere', 'personer', 'gange'],
  },
  en: {
    one: ['note', 'vote', 'item', 'cluster', 'answer', 'character', 'draft', 'round', 'initiative', 'template', 'place', 'participant', 'person', 'call'],
    other: ['notes', 'votes', 'items', 'clusters', 'answers', 'characters', 'drafts', 'rounds', 'initiatives', 'templates', 'places', 'participants', 'people', 'calls'],
  },
};

describe('no count is shown with the wrong plural form', () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: every message rendered with 1, 2, 5 and 21 for its numbers reads right`, () => {
      const wrong: string[] = [];
      for (const lang of LANGS) {
        const nouns = NOUNS[lang];
        for (const [key, m] of Object.entries(table[lang])) {
          const names = params(m);
          if (names.length === 0) continue;
          for (const n of [1, 2, 5, 21]) {
            const text = formatMessage(lang, m, Object.fromEntries(names.map((p) => [p, n])));
            const shown = n.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB');
            // Danish and English: the singular after exactly 1 only (CLDR "one"), the plural after the rest.
            const bad = n === 1 ? nouns.other : nouns.one;
            for (const word of bad) if (new RegExp(`(^|[^\\d.,])${shown} ${word}(?![\\p{L}])`, 'u').test(text)) wrong.push(`${lang} ${key} (${n}): ${text}`);
          }
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it('every table of words in src/ui/i18n is one of those tested (a new table must join da/en or the session’s)', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = new URL('../../src/ui/i18n/', import.meta.url);
    const tables = readdirSync(dir).filter((f) => /-(da|en)\.ts$/.test(f));
    expect(tables.length).toBeGreaterThan(0);
    for (const file of tables) {
      const lang = file.endsWith('-da.ts') ? 'da' : 'en';
      const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v): v is Record<string, Message> => typeof v === 'object' && v !== null);
      expect(exported.length, file).toBeGreaterThan(0);
      for (const t of exported) for (const key of Object.keys(t)) expect(TABLES.app![lang][key], `${file}: ${key}`).toBeDefined();
    }
  });
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
