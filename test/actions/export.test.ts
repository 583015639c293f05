/**
 * Exporting, as the results and plan panels do (words from the language tables): a shown
 * round's result and the plan as files named by what and when, with the reader's words;
 * nothing while the tally may not be shown.
 */
import { describe, expect, it } from 'vitest';
import { perform as createRound } from '../../src/actions/create-round.js';
import { perform as editPlan } from '../../src/actions/edit-plan.js';
import { perform as exportPlan } from '../../src/actions/export-plan.js';
import { perform as exportResults } from '../../src/actions/export-results.js';
import { perform as openRound } from '../../src/actions/open-round.js';
import { perform as startSession } from '../../src/actions/start-session.js';
import { createCluster } from '../../src/core/session/index.js';
import { planExportWords, resultsExportWords } from '../../src/ui/i18n/export-words.js';
import { parseCsv } from '../support/csv.js';
import { FAC, stickies, workshop } from './harness.js';

const NOW = new Date(2026, 10, 27, 14, 0).getTime();

describe('export', () => {
  it('a shown round as CSV in Danish (semicolons, tema) and Markdown in English (theme), named by its question and the day', async () => {
    const { standIn, fac, anne } = workshop();
    const [a, b] = stickies(standIn, ['Travlhed', 'Konflikter']);
    createCluster(fac.doc, { userId: FAC }, { clusterId: 'c1', noteIds: [b!], label: 'Konflikter' });
    await startSession(fac.ctx);
    const made = await createRound(fac.ctx, { round: { question: 'Hvad fylder mest?', scope: { kind: 'selection' }, visibility: 'hidden', k: 1 }, targets: [a!, 'c1'] });
    if (!made.ok) throw new Error(made.error.code);
    const roundId = made.value.roundId;
    const label = (id: string) => ({ [a!]: 'Travlhed', c1: 'Konflikter' })[id] ?? id;
    const ask = (lang: 'da' | 'en', format: 'csv' | 'markdown') => exportResults(fac.ctx, { roundId, format, lang, words: resultsExportWords(lang), label, now: NOW });

    // Hidden until revealed: nothing leaves.
    expect(await ask('da', 'csv')).toEqual({ ok: false, error: { code: 'not-visible', params: { reason: 'not-open' } } });
    await openRound(fac.ctx, { roundId });
    for (const t of [a, 'c1', 'c1']) await anne.ctx.votes.cast(roundId, t!);
    await fac.ctx.control.apply({ type: 'reveal-round', roundId });

    const da = await ask('da', 'csv');
    if (!da.ok) throw new Error(da.error.code);
    expect(da.value.filename).toBe('tryghed-resultater-hvad-fylder-mest-2026-11-27.csv');
    expect(parseCsv(da.value.text, ';')).toEqual([
      ['Placering', 'Delt placering', 'Emne', 'Type', 'Stemmer'],
      ['1', 'nej', 'Konflikter', 'Tema', '2'],
      ['2', 'nej', 'Travlhed', 'Seddel', '1'],
    ]);
    const en = await ask('en', 'markdown');
    if (!en.ok) throw new Error(en.error.code);
    expect(en.value.filename).toBe('tryghed-results-hvad-fylder-mest-2026-11-27.md');
    expect(en.value.text).toContain('| 1 | Konflikter | Theme | 2 |');
    expect(en.value.text).toContain('Respondents: 1 · Total votes: 3');
  });

  it('the plan, in the template’s layers, with the reader’s words', async () => {
    const { fac } = workshop();
    await startSession(fac.ctx);
    expect((await editPlan(fac.ctx, { op: 'add', layer: 'L', text: 'Pauser' })).ok).toBe(true);
    const da = await exportPlan(fac.ctx, { format: 'markdown', lang: 'da', words: planExportWords('da'), now: NOW });
    if (!da.ok) throw new Error(da.error.code);
    expect(da.value.filename).toBe('tryghed-handlingsplan-p-iglo-2026-11-27.md');
    expect(da.value.text).toContain('Dato: 2026-11-27');
    expect(da.value.text).toContain('Ingen indsatser endnu.');
    const en = await exportPlan(fac.ctx, { format: 'csv', lang: 'en', words: planExportWords('en'), now: NOW });
    if (!en.ok) throw new Error(en.error.code);
    expect(en.value.filename).toBe('tryghed-action-plan-p-iglo-2026-11-27.csv');
    expect(parseCsv(en.value.text)[0]).toEqual(['Level', 'Problem', 'Initiative', 'Responsible', 'Deadline', 'Follow-up (date)', 'Follow-up (how)', 'Success criterion', 'Status', 'Preparedness', 'Source', 'Draft']);
    const json = await exportPlan(fac.ctx, { format: 'json', lang: 'da', words: planExportWords('da'), now: NOW });
    if (!json.ok) throw new Error(json.error.code);
    expect(json.value.filename).toBe('tryghed-handlingsplan-p-iglo-2026-11-27.json');
    expect(JSON.parse(json.value.text)).toMatchObject({ initiatives: [{ layer: 'L', initiative: 'Pauser', status: 'not-started' }] });
  });
});
