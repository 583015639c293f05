/** The pulse's exports carry aggregates only: means and distributions per item and overall, never an answer. */
import { describe, expect, it } from 'vitest';
import { pulseToCsv, pulseToJson, pulseToMarkdown } from '../../../src/core/export/pulse-export.js';
import { aggregatePulse } from '../../../src/core/session/pulse-aggregate.js';
import { answerForms, pulsePeople } from '../../support/pulse-people.js';

const items = Array.from({ length: 7 }, (_, i) => `Statement ${i + 1}`);
const aggregate = aggregatePulse(pulsePeople.map((p) => p.answers), 5)!;
const before = aggregatePulse(pulsePeople.map((p) => p.answers.map((x) => 8 - x)), 5)!;
const words = {
  item: 'Item', text: 'Text', reverse: 'Reverse-scored', mean: 'Mean', before: 'Mean before', change: 'Change', overall: 'Overall', yes: 'yes', no: 'no',
  respondents: 'Respondents', scores: Array.from({ length: 7 }, (_, i) => `Count of ${i + 1}`), scale: 'Edmondson', unnamed: 'Pulse',
};
const input = { aggregate, k: 5, items, label: 'Før', lang: 'en' as const, words, before: { aggregate: before, label: 'Start' } };

describe('pulse export', () => {
  it('CSV: one row per statement and overall, mean, counts of each score, the change', () => {
    const rows = pulseToCsv(input).replace(/^\ufeff/, '').trim().split('\r\n').map((r) => r.split(','));
    expect(rows).toHaveLength(9);
    expect(rows[0]!.slice(0, 4)).toEqual(['Item', 'Text', 'Reverse-scored', 'Mean']);
    expect(rows[1]!.slice(0, 4)).toEqual(['1', 'Statement 1', 'yes', String(Math.round(aggregate.items[0]!.mean * 100) / 100)]);
    expect(rows[1]!.slice(4, 11).map(Number)).toEqual(aggregate.items[0]!.distribution);
    expect(Number(rows[8]![12])).toBeCloseTo(aggregate.overall.mean - before.overall.mean, 2);
  });

  it('Markdown and JSON say the same numbers; no export holds a single answer', () => {
    const md = pulseToMarkdown({ ...input, lang: 'da' });
    expect(md).toContain('Respondents: 5 (k = 5)');
    const json = JSON.parse(pulseToJson(input)) as { respondents: number; items: { mean: number; distribution: number[] }[] };
    expect(json.respondents).toBe(5);
    expect(json.items[6]!.distribution).toEqual(aggregate.items[6]!.distribution);
    for (const text of [pulseToCsv(input), md, pulseToJson(input)]) {
      for (const p of pulsePeople) for (const form of answerForms(p.answers).slice(0, 3)) expect(text).not.toContain(form);
    }
  });
});
