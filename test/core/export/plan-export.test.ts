import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../support/csv.js';
import * as Y from 'yjs';
import { isoDate, PLAN_LAYER_HEADINGS, planToCsv, planToMarkdown, type PlanRow } from '../../../src/core/export/plan-export.js';
import { addInitiative, listPlan } from '../../../src/core/session/plan.js';
import { planExportWords } from '../../../src/ui/i18n/export-words.js';

/** The words the panel hands over (src/ui/i18n). */
const W = { da: planExportWords('da').columns, en: planExportWords('en').columns };
import { startSession } from '../../../src/core/session/index.js';
import { PLAN_LAYERS, type PlanLayer } from '../../../src/core/session/schema.js';


const item = (layer: PlanLayer, text: string, over: Partial<PlanRow> = {}): PlanRow =>
  ({ layer, text, owner: '', when: '', preparedness: false, draft: false, ...over });

/** Out of layer order on purpose: I before P, G twice (kept in the given order). */
const PLAN: PlanRow[] = [
  item('I', 'Tjek ind hver mandag', { owner: 'Alle', when: 'Ugentligt', preparedness: true }),
  item('G', 'Fast punkt om trivsel', { owner: 'Fie', when: 'Q1' }),
  item('P', 'Aftale med direktionen om pressehenvendelser', { owner: 'Direktør', when: 'Marts', draft: true }),
  item('G', 'Makkerpar i ledergruppen', { preparedness: true }),
];

describe('plan CSV', () => {
  it('lists initiatives by layer P, O, L, G, I with Danish headers and the template’s layer names', () => {
    const csv = planToCsv(PLAN, 'da', W.da);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(parseCsv(csv, ';')).toEqual([
      ['Niveau', 'Indsats', 'Hvem', 'Hvornår', 'Beredskab', 'Udkast'],
      ['P – Politisk niveau / omverden', 'Aftale med direktionen om pressehenvendelser', 'Direktør', 'Marts', 'nej', 'ja'],
      ['G – Gruppe (ledergruppen)', 'Fast punkt om trivsel', 'Fie', 'Q1', 'nej', 'nej'],
      ['G – Gruppe (ledergruppen)', 'Makkerpar i ledergruppen', '', '', 'ja', 'nej'],
      ['I – Individ', 'Tjek ind hver mandag', 'Alle', 'Ugentligt', 'ja', 'nej'],
    ]);
  });

  it('speaks English', () => {
    expect(parseCsv(planToCsv(PLAN, 'en', W.en)).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Level', 'Preparedness', 'Draft'],
      ['P – Political level / surrounding world', 'no', 'yes'],
      ['G – Group (the leadership team)', 'no', 'no'],
      ['G – Group (the leadership team)', 'yes', 'no'],
      ['I – Individual', 'yes', 'no'],
    ]);
    expect(parseCsv(planToCsv([], 'en', W.en))[0]).toEqual(['Level', 'Initiative', 'Who', 'When', 'Preparedness', 'Draft']);
  });

  it('quotes per RFC 4180 and guards every user field against formula injection', () => {
    const nasty = item('O', '=HYPERLINK("http://x","klik"), nu', { owner: '+45 1234', when: '@SUM(A1)\nog så', draft: true });
    const rows = parseCsv(planToCsv([nasty], 'da', W.da), ';');
    expect(rows[1]).toEqual(['O – Organisation', `'=HYPERLINK("http://x","klik"), nu`, "'+45 1234", "'@SUM(A1)\nog så", 'nej', 'ja']);
    // No field of any row starts a formula.
    for (const row of rows) for (const f of row) expect(f).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('reads back exactly what was written, for any text; only a formula start gets the guard', () => {
    const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    fc.assert(fc.property(
      fc.array(fc.record({
        layer: fc.constantFrom(...PLAN_LAYERS), text: fc.string(), owner: fc.string(), when: fc.string(), preparedness: fc.boolean(), draft: fc.boolean(),
      }), { maxLength: 8 }),
      (plan) => {
        const rows = parseCsv(planToCsv(plan, 'en', W.en)).slice(1);
        const expected = [...plan].sort((a, b) => PLAN_LAYERS.indexOf(a.layer) - PLAN_LAYERS.indexOf(b.layer));
        expect(rows).toEqual(expected.map((e) => [
          PLAN_LAYER_HEADINGS[e.layer].en, guarded(e.text), guarded(e.owner), guarded(e.when), e.preparedness ? 'yes' : 'no', e.draft ? 'yes' : 'no',
        ]));
      },
    ));
  });
});

describe('plan Markdown', () => {
  it('has a title, the date, and one section per layer in order; empty layers say so', () => {
    const md = planToMarkdown(PLAN, 'da', W.da, { date: new Date(2026, 10, 27, 23, 30) });
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# P-IGLO-indsatsplan',
      '## P – Politisk niveau / omverden',
      '## O – Organisation',
      '## L – Ledelse (niveauet over os)',
      '## G – Gruppe (ledergruppen)',
      '## I – Individ',
    ]);
    expect(md).toContain('\nDato: 2026-11-27\n');
    const section = (heading: string) => md.split('## ').find((s) => s.startsWith(heading))!.trim().split('\n').slice(1).filter(Boolean);
    expect(section('O –')).toEqual(['Ingen indsatser endnu.']);
    expect(section('L –')).toEqual(['Ingen indsatser endnu.']);
    expect(section('P –')).toEqual([
      '| Indsats | Hvem | Hvornår | Beredskab |',
      '| --- | --- | --- | --- |',
      '| Aftale med direktionen om pressehenvendelser _(udkast)_ | Direktør | Marts | nej |',
    ]);
    expect(section('G –').slice(2)).toEqual(['| Fast punkt om trivsel | Fie | Q1 | nej |', '| Makkerpar i ledergruppen | – | – | ja |']);
    expect(section('I –').slice(2)).toEqual(['| Tjek ind hver mandag | Alle | Ugentligt | ja |']);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('speaks English, takes a title and a date as given, and an empty plan has five empty layers', () => {
    const md = planToMarkdown([], 'en', W.en, { title: 'Leader team | autumn', date: '27 November 2026' });
    expect(md.startsWith('# Leader team \\| autumn\n\nDate: 27 November 2026\n')).toBe(true);
    expect(md.match(/^No initiatives yet\.$/gm)).toHaveLength(5);
    expect(md).toContain('## P – Political level / surrounding world');
    expect(planToMarkdown(PLAN, 'en', W.en)).toContain('| Initiative | Who | When | Preparedness |');
    expect(planToMarkdown(PLAN, 'en', W.en)).toContain('_(draft)_');
    expect(planToMarkdown(PLAN, 'en', W.en)).not.toMatch(/^Date:/m);
    expect(planToMarkdown([], 'en', W.en).startsWith('# P-IGLO plan\n')).toBe(true);
  });

  it('escapes what would break the table or inject markup', () => {
    const md = planToMarkdown([item('L', 'Ja | nej\n<script>alert(1)</script>', { owner: 'C:\\drev', when: 'uge 2\r\nuge 3' })], 'da', W.da);
    expect(md).toContain('| Ja \\| nej &lt;script&gt;alert(1)&lt;/script&gt; | C:\\\\drev | uge 2 uge 3 | nej |');
    // Every table line still has exactly four cells.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.split(/(?<!\\)\|/).length - 2).toBe(4);
  });
});

describe('plan export from the doc', () => {
  it('takes listPlan as it is', () => {
    const doc = new Y.Doc();
    const fie = { userId: 'fie' };
    startSession(doc, fie);
    addInitiative(doc, fie, { layer: 'I', text: 'Sig til', now: 1 });
    addInitiative(doc, fie, { layer: 'O', text: 'Ressourcer', owner: 'HR', now: 2 });
    expect(parseCsv(planToCsv(listPlan(doc), 'da', W.da), ';').slice(1).map((r) => r[1])).toEqual(['Ressourcer', 'Sig til']);
    expect(isoDate(new Date(2027, 0, 5))).toBe('2027-01-05');
  });
});
