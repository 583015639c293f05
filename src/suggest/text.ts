/**
 * The text steps: plain text from a sticky's HTML, tokens, stop words, language, stems.
 * Stemmers and stop words come from Orama's packages (Danish: the Snowball algorithm;
 * English: Porter's, the algorithm Snowball grew from), one small ES module per language.
 */
import { stemmer as stemDa } from '@orama/stemmers/danish';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stopwords as stopDa } from '@orama/stopwords/danish';
import { stopwords as stopEn } from '@orama/stopwords/english';

/** The language a note is read in; 'mixed' when the text gives no clear answer. */
export type NoteLang = 'da' | 'en' | 'mixed';

/** Words of sticky-note Danish that the package's list (Snowball's) lacks: verbs and
 *  fillers that carry no theme. Kept short; the weights (IDF) handle the rest. */
const EXTRA_DA = ['kan', 'får', 'få', 'fik', 'gør', 'gøre', 'går', 'lige', 'bare', 'helt', 'rigtig', 'også', 'mere', 'mest', 'nogen', 'hinanden', 'vores', 'ens', 'sammen', 'altid', 'tit', 'ofte', 'når', 'sig'];
/** English contractions written without the apostrophe on a sticky, and fillers. */
const EXTRA_EN = ['dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'im', 'ive', 'get', 'gets', 'got', 'really', 'just', 'also', 'always', 'often', 'each', 'other', 'lot', 'lots'];

const DA = new Set([...stopDa, ...EXTRA_DA]);
const EN = new Set([...stopEn, ...EXTRA_EN]);

export function isStopword(token: string): boolean {
  return DA.has(token) || EN.has(token);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A sticky's content is HTML (p, br, strong…): the words only. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}

const SPLIT = /[^\p{L}\p{N}]+/u;

/** Lower-case words of two or more letters (a hyphen or slash splits: "dem/os", "mikro-aggression"). */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  const plain = text.includes('<') || text.includes('&') ? plainText(text) : text;
  for (const raw of plain.normalize('NFC').toLowerCase().split(SPLIT)) {
    if (raw.length >= 2 && !/^\d+$/.test(raw)) out.push(raw);
  }
  return out;
}

const DANISH_LETTERS = /[æøå]/;
const DANISH_ENDINGS = /(hed|heden|else|elsen|ning|ningen|erne|ene|ende|ede|lig|lige|skab|skabet)$/;
const ENGLISH_ENDINGS = /(ing|tion|ness|ment|ly|ed|ful|ship|ity)$/;

/** Which language a note is written in, from its stop words, letters and endings. Stop
 *  words count before removal: they are the best evidence a short note has. */
export function guessLang(tokens: readonly string[]): NoteLang {
  let da = 0;
  let en = 0;
  for (const t of tokens) {
    const inDa = DA.has(t);
    const inEn = EN.has(t);
    if (inDa && !inEn) da += 1;
    else if (inEn && !inDa) en += 1;
    else if (!inDa && !inEn) {
      if (DANISH_LETTERS.test(t)) da += 1;
      else if (DANISH_ENDINGS.test(t)) da += 0.5;
      else if (ENGLISH_ENDINGS.test(t)) en += 0.5;
    }
  }
  return da > en ? 'da' : en > da ? 'en' : 'mixed';
}

/** A wall repeats its words: each stemmer's answers are kept (up to a bound). */
function cached(fn: (t: string) => string): (t: string) => string {
  const memo = new Map<string, string>();
  return (t) => {
    let s = memo.get(t);
    if (s === undefined) {
      if (memo.size > 50_000) memo.clear();
      memo.set(t, (s = fn(t)));
    }
    return s;
  };
}

/** Snowball's Danish stem ("arbejdsmængden" → "arbejdsmæng"). */
export const stemDanish = cached(stemDa);

/** Porter's English stem ("meetings" → "meet"). */
export const stemEnglish = cached(stemEn);

/** The stems a token counts as in a note of that language; a mixed note keeps both. */
export function stemsFor(token: string, lang: NoteLang): string[] {
  if (lang === 'da') return [stemDanish(token)];
  if (lang === 'en') return [stemEnglish(token)];
  const d = stemDanish(token);
  const e = stemEnglish(token);
  return d === e ? [d] : [d, e];
}

/** Character n-grams of a stem with a leading boundary mark, so spelling variants and the
 *  parts of a Danish compound meet ("arbejdsmæng" and "mæng" share "mæng"). */
export function charGrams(stem: string, n: number): string[] {
  const s = ` ${stem}`;
  if (s.length <= n) return [s];
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(s.slice(i, i + n));
  return out;
}

const gramCache = new Map<string, string[]>();

/** charGrams(stem, 4), kept: the same strings come back, already hashed. */
export function grams4(stem: string): string[] {
  let g = gramCache.get(stem);
  if (g === undefined) {
    if (gramCache.size > 50_000) gramCache.clear();
    gramCache.set(stem, (g = charGrams(stem, 4)));
  }
  return g;
}
