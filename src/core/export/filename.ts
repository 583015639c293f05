/**
 * Export file names that say what and when: `tryghed-resultater-<question>-<date>.csv`, the
 * what in the panel's language (given by the caller: src/ui/i18n), slugged so every system keeps them (a–z, 0–9 and hyphens; æ ø å spelled
 * out as Danes do in addresses).
 */
const SPELLED: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss' };
/** Long questions are cut at a word so the name stays readable. */
const MAX_SUBJECT = 48;

/** Lower case, æøå spelled out, accents dropped, anything else a hyphen; at most MAX_SUBJECT characters, cut at a hyphen. */
export function slug(text: string): string {
  const plain = text
    .toLowerCase()
    .replace(/[æøåß]/g, (c) => SPELLED[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= MAX_SUBJECT) return plain;
  const cut = plain.slice(0, MAX_SUBJECT + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : cut.slice(0, MAX_SUBJECT)).replace(/-+$/, '');
}

/** A date as YYYY-MM-DD in local time (the workshop's day, not UTC's). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** e.g. exportFilename('resultater', 'Hvad skal vi tale mere om?', date, 'csv') → tryghed-resultater-hvad-skal-vi-tale-mere-om-2026-11-27.csv */
export function exportFilename(what: string, subject: string | undefined, date: Date, ext: 'csv' | 'md' | 'json'): string {
  const parts = ['tryghed', slug(what), slug(subject ?? ''), isoDate(date)].filter((p) => p !== '');
  return `${parts.join('-')}.${ext}`;
}
