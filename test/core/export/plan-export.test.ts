/** The action plan as CSV (Danish Excel: semicolons), Markdown and JSON: a handlingsplan's columns, by layer. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../support/csv.js';
import * as Y from 'yjs';
import { isoDate, PLAN_LAYER_HEADINGS, planToCsv, planToJson, planToMarkdown, type PlanRow } from '../../../src/core/export/plan-export.js';
import { addInitiative, listPlan } from '../../../src/core/session/plan.js';
import { planExportWords } from '../../../src/ui/i18n/export-words.js';
import { startSession } from '../../../src/core/session/index.js';
import { PLAN_LAYERS, PLAN_STATUSES, type PlanLayer } from '../../../src/core/session/schema.js';

/** The words the panel hands over (src/ui/i18n). */
const W = { da: planExportWords('da').columns, en: planExportWords('en').columns };

const item = (layer: PlanLayer, text: string, over: Partial<PlanRow> = {}): PlanRow => ({
  layer, text, problem: '', owner: '', when: '', deadline: '', followUpDate: '', followUpMethod: '', successCriterion: '', status: 'not-started',
  preparedness: false, draft: false, sourceRank: null, ...over,
});

/** Out of layer order on purpose: I before P, G twice (kept in the given order). */
const PLAN: PlanRow[] = [
  item('I', 'Tjek ind hver mandag', { owner: 'Alle', deadline: '2027-01-04', preparedness: true, status: 'under-way' }),
  item('G', 'Fast punkt om trivsel', { problem: 'Vi undgår det svære', owner: 'Fie', when: 'Q1', source: 'Hvad skal vi tale mere om?', sourceRank: 1, followUpDate: '2027-04-01', followUpMethod: 'Pulsmåling', successCriterion: 'Alle har talt' }),
  item('P', '', { problem: 'Pressen', draft: true, source: 'Hvad fylder mest?', sourceRank: 2 }),
  item('G', 'Makkerpar i ledergruppen', { preparedness: true, status: 'done' }),
];

const HEAD_DA = ['Niveau', 'Problem', 'Indsats', 'Ansvarlig', 'Tidsfrist', 'Opfølgning (dato)', 'Opfølgning (hvordan)', 'Succeskriterie', 'Status', 'Beredskab', 'Kilde', 'Udkast'];

describe('plan CSV', () => {
  it('has a handlingsplan’s columns, by layer P, O, L, G, I, semicolon-separated in Danish', () => {
    const csv = planToCsv(PLAN, 'da', W.da);
    expect(csv.startsWith(`\ufeff${HEAD_DA.join(';')}\r\n`)).toBe(true);
    expect(parseCsv(csv, ';')).toEqual([
      HEAD_DA,
      ['P – Politisk niveau / omverden', 'Pressen', '', '', '', '', '', '', 'Ikke startet', 'nej', '»Hvad fylder mest?«, nr. 2', 'ja'],
      ['G – Gruppe (ledergruppen)', 'Vi undgår det svære', 'Fast punkt om trivsel', 'Fie', 'Q1', '2027-04-01', 'Pulsmåling', 'Alle har talt', 'Ikke startet', 'nej', '»Hvad skal vi tale mere om?«, nr. 1', 'nej'],
      ['G – Gruppe (ledergruppen)', '', 'Makkerpar i ledergruppen', '', '', '', '', '', 'Gennemført', 'ja', '', 'nej'],
      ['I – Individ', '', 'Tjek ind hver mandag', 'Alle', '2027-01-04', '', '', '', 'I gang', 'ja', '', 'nej'],
    ]);
  });

  it('speaks English with commas', () => {
    const rows = parseCsv(planToCsv(PLAN, 'en', W.en));
    expect(rows[0]).toEqual(['Level', 'Problem', 'Initiative', 'Responsible', 'Deadline', 'Follow-up (date)', 'Follow-up (how)', 'Success criterion', 'Status', 'Preparedness', 'Source', 'Draft']);
    expect(rows[1]![10]).toBe('“Hvad fylder mest?”, rank 2');
    expect(rows.slice(1).map((r) => r[8])).toEqual(['Not started', 'Not started', 'Done', 'Under way']);
  });

  it('guards every user field against formula injection', () => {
    const nasty = item('O', '=HYPERLINK("http://x","klik"), nu', { owner: '+45 1234', problem: '@SUM(A1)', followUpMethod: '-1', draft: true });
    const rows = parseCsv(planToCsv([nasty], 'da', W.da), ';');
    for (const row of rows) for (const f of row) expect(f).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[1]![2]).toBe(`'=HYPERLINK("http://x","klik"), nu`);
  });

  it('reads back exactly what was written, for any text; only a formula start gets the guard', () => {
    const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    fc.assert(fc.property(
      fc.array(fc.record({ layer: fc.constantFrom(...PLAN_LAYERS), text: fc.string(), problem: fc.string(), owner: fc.string(), status: fc.constantFrom(...PLAN_STATUSES) }), { maxLength: 8 }),
      fc.constantFrom('da' as const, 'en' as const),
      (plan, lang) => {
        const rows = parseCsv(planToCsv(plan.map((p) => item(p.layer, p.text, p)), lang, W[lang]), lang === 'da' ? ';' : ',').slice(1);
        const expected = [...plan].sort((a, b) => PLAN_LAYERS.indexOf(a.layer) - PLAN_LAYERS.indexOf(b.layer));
        expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[8]])).toEqual(expected.map((e) => [
          PLAN_LAYER_HEADINGS[e.layer][lang], guarded(e.problem), guarded(e.text), guarded(e.owner), W[lang].statuses[e.status],
        ]));
      },
    ));
  });
});

describe('plan Markdown', () => {
  it('has a title, the date, and one section per layer in order; empty layers say so', () => {
    const md = planToMarkdown(PLAN, 'da', W.da, { date: new Date(2026, 10, 27, 23, 30) });
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# P-IGLO-indsatsplan', '## P – Politisk niveau / omverden', '## O – Organisation', '## L – Ledelse (niveauet over os)', '## G – Gruppe (ledergruppen)', '## I – Individ',
    ]);
    expect(md).toContain('\nDato: 2026-11-27\n');
    const section = (heading: string) => md.split('## ').find((s) => s.startsWith(heading))!.trim().split('\n').slice(1).filter(Boolean);
    expect(section('O –')).toEqual(['Ingen indsatser endnu.']);
    expect(section('P –')).toEqual([
      '| Problem | Indsats | Ansvarlig | Tidsfrist | Opfølgning (dato) | Opfølgning (hvordan) | Succeskriterie | Status | Beredskab | Kilde |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| Pressen | _(udkast)_ | – | – | – | – | – | Ikke startet | nej | »Hvad fylder mest?«, nr. 2 |',
    ]);
    expect(section('G –').slice(2)).toEqual([
      '| Vi undgår det svære | Fast punkt om trivsel | Fie | Q1 | 2027-04-01 | Pulsmåling | Alle har talt | Ikke startet | nej | »Hvad skal vi tale mere om?«, nr. 1 |',
      '| – | Makkerpar i ledergruppen | – | – | – | – | – | Gennemført | ja | – |',
    ]);
    expect(md.endsWith('\n')).toBe(true);
  });

  it('speaks English and escapes what would break the table', () => {
    expect(planToMarkdown(PLAN, 'en', W.en)).toContain('| Problem | Initiative | Responsible | Deadline |');
    const md = planToMarkdown([item('L', 'Ja | nej\n<script>alert(1)</script>', { owner: 'C:\\drev' })], 'da', W.da);
    expect(md).toContain('| – | Ja \\| nej &lt;script&gt;alert(1)&lt;/script&gt; | C:\\\\drev |');
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) expect(line.split(/(?<!\\)\|/).length - 2).toBe(10);
  });
});

describe('plan JSON', () => {
  it('keeps every field under an English name, layers in order, with the source round and rank', () => {
    const json = JSON.parse(planToJson(PLAN, { date: new Date(2026, 10, 27) })) as { date: string; initiatives: Array<Record<string, unknown>> };
    expect(json.date).toBe('2026-11-27');
    expect(json.initiatives.map((i) => i.layer)).toEqual(['P', 'G', 'G', 'I']);
    expect(json.initiatives[1]).toEqual({
      layer: 'G', problem: 'Vi undgår det svære', initiative: 'Fast punkt om trivsel', responsible: 'Fie', deadline: 'Q1',
      followUp: { date: '2027-04-01', method: 'Pulsmåling' }, successCriterion: 'Alle har talt', status: 'not-started', preparedness: false, draft: false,
      source: { round: 'Hvad skal vi tale mere om?', rank: 1 },
    });
    expect(json.initiatives[2]!.source).toBeNull();
  });
});

describe('plan export from the doc', () => {
  it('takes listPlan as it is', () => {
    const doc = new Y.Doc();
    const fie = { userId: 'fie' };
    startSession(doc, fie);
    addInitiative(doc, fie, { layer: 'I', text: 'Sig til', now: 1 });
    addInitiative(doc, fie, { layer: 'O', text: 'Ressourcer', owner: 'HR', deadline: '2027-02-01', now: 2 });
    expect(parseCsv(planToCsv(listPlan(doc), 'da', W.da), ';').slice(1).map((r) => [r[2], r[4]])).toEqual([['Ressourcer', '2027-02-01'], ['Sig til', '']]);
    expect(isoDate(new Date(2027, 0, 5))).toBe('2027-01-05');
  });
});
