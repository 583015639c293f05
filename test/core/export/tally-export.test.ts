import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../support/csv.js';
import { csvField, mdCell, tallyToCsv, tallyToMarkdown, type VisibleTally } from '../../../src/core/export/tally-export.js';
import { rank } from '../../../src/core/session/tally.js';
import { resultsExportWords } from '../../../src/ui/i18n/export-words.js';

/** The words the panel hands over (src/ui/i18n). */
const W = { da: resultsExportWords('da').columns, en: resultsExportWords('en').columns };

const tally = (rows: [string, 'note' | 'cluster', number][]): VisibleTally => ({
  visible: true, roundId: 'r1', respondents: 4, k: 3, totalVotes: rows.reduce((s, r) => s + r[2], 0), tiePolicy: 'competition',
  rows: rank(rows.map(([targetId, kind, votes]) => ({ targetId, kind, votes, rank: 0, tied: false }))),
});


describe('CSV export', () => {
  it('has a header row, CRLF line ends, and one row per target in rank order', () => {
    const labels: Record<string, string> = { a: 'Arbejdspres', b: 'Konflikter', c: 'Sygefravær' };
    const csv = tallyToCsv({ tally: tally([['a', 'note', 2], ['b', 'cluster', 5], ['c', 'note', 2]]), label: (id) => labels[id], lang: 'da', words: W.da });
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(csv.startsWith('\ufeffPlacering;Delt placering;Emne;Type;Stemmer\r\n')).toBe(true);
    expect(parseCsv(csv, ';')).toEqual([
      ['Placering', 'Delt placering', 'Emne', 'Type', 'Stemmer'],
      ['1', 'nej', 'Konflikter', 'Tema', '5'],
      ['2', 'ja', 'Arbejdspres', 'Seddel', '2'],
      ['2', 'ja', 'Sygefravær', 'Seddel', '2'],
    ]);
  });

  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a;b', ';')).toBe('"a;b"');
  });

  it('separates with semicolons in Danish (Excel with Danish settings) and commas in English, both with a BOM', () => {
    const t = tally([['a', 'note', 2], ['b', 'note', 1]]);
    const labels: Record<string, string> = { a: 'Pres; travlhed', b: 'Tid, ro' };
    const da = tallyToCsv({ tally: t, label: (id) => labels[id], lang: 'da', words: W.da });
    const en = tallyToCsv({ tally: t, label: (id) => labels[id], lang: 'en', words: W.en });
    expect(da).toBe('\ufeffPlacering;Delt placering;Emne;Type;Stemmer\r\n1;nej;"Pres; travlhed";Seddel;2\r\n2;nej;"Tid, ro";Seddel;1\r\n');
    expect(en).toBe('\ufeffRank,Tied,Item,Kind,Votes\r\n1,no,"Pres; travlhed",Note,2\r\n2,no,"Tid, ro",Note,1\r\n');
  });

  it('guards cells that a spreadsheet would run as a formula', () => {
    for (const bad of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvField(bad).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=1,2')).toBe(`"'=1,2"`);
    const csv = tallyToCsv({ tally: tally([['a', 'note', 1]]), label: () => '=cmd|"/c calc"!A1', lang: 'en', words: W.en });
    expect(parseCsv(csv)[1]![2]).toBe(`'=cmd|"/c calc"!A1`);
  });

  it('round-trips any label through a CSV parser in either language (guard aside)', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('da' as const, 'en' as const), (s, lang) => {
      const csv = tallyToCsv({ tally: tally([['a', 'note', 1]]), label: () => s, lang, words: W[lang] });
      const cell = parseCsv(csv, lang === 'da' ? ';' : ',')[1]![2]!;
      expect(cell).toBe(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    }));
  });
});

describe('Markdown export', () => {
  it('escapes pipes, backslashes, HTML and line breaks in cells', () => {
    expect(mdCell('a|b')).toBe('a\\|b');
    expect(mdCell('c:\\x|y')).toBe('c:\\\\x\\|y');
    expect(mdCell('<script>x</script>')).toBe('&lt;script&gt;x&lt;/script&gt;');
    expect(mdCell('one\r\ntwo')).toBe('one two');
  });

  it('shows ties as a shared rank, with question and respondents', () => {
    const md = tallyToMarkdown({
      tally: tally([['a', 'note', 3], ['b', 'note', 3], ['c', 'cluster', 1]]),
      label: (id) => ({ a: 'Tid | ro', b: 'Feedback', c: 'Ledelse' })[id], question: 'Hvad skal vi tale mere om?', lang: 'da', words: W.da,
    });
    const lines = md.trim().split('\n');
    expect(lines[0]).toBe('## Hvad skal vi tale mere om?');
    expect(md).toContain('Har stemt: 4 · Stemmer i alt: 7');
    const table = lines.filter((l) => l.startsWith('|'));
    expect(table[0]).toBe('| Placering | Emne | Type | Stemmer |');
    expect(table.slice(2)).toEqual([
      '| 1 (delt) | Tid \\| ro | Seddel | 3 |',
      '| 1 (delt) | Feedback | Seddel | 3 |',
      '| 3 | Ledelse | Tema | 1 |',
    ]);
    // every table row has the same number of unescaped pipes
    for (const l of table) expect(l.replace(/\\\|/g, '').split('|').length).toBe(6);
  });

  it('falls back to the id for an unlabelled target, in English', () => {
    const md = tallyToMarkdown({ tally: tally([['n1', 'note', 1]]), label: () => undefined, lang: 'en', words: W.en });
    expect(md).toContain('| 1 | n1 | Note | 1 |');
    expect(md).not.toContain('##');
  });
});
