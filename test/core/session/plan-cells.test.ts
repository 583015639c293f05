/** A plan row's cells as the board shows them, and a cell edited on the board read back (issue 12). */
import { describe, expect, it } from 'vitest';
import { changedFields, planCellTexts, readPlanCell, readPlanDate } from '../../../src/core/session/plan-cells.js';
import { LIMITS } from '../../../src/core/session/schema.js';

const WORDS = { yes: ['Ja', 'Yes'], no: ['Nej', 'No'] };
const ROW = { text: 'Tjek-ind', owner: 'Fie', deadline: '', when: 'efter sommerferien', preparedness: false, followUpDate: '2026-06-01', followUpMethod: 'Pulsmåling' };

describe('plan cells', () => {
  it('shows a row: a free-text deadline where no date is set, yes or no, follow-up date and method', () => {
    expect(planCellTexts(ROW, { yes: 'Ja', no: 'Nej' })).toEqual({
      text: 'Tjek-ind', owner: 'Fie', deadline: 'efter sommerferien', preparedness: 'Nej', followUp: '2026-06-01 · Pulsmåling',
    });
    expect(planCellTexts({ ...ROW, deadline: '2026-03-01', preparedness: true, followUpDate: '' }, { yes: 'Yes', no: 'No' })).toMatchObject({ deadline: '2026-03-01', preparedness: 'Yes', followUp: 'Pulsmåling' });
  });

  it('reads dates as people write them, and only real days', () => {
    expect(['2026-03-01', '1.3.2026', '01-03-2026', '1/3/2026'].map(readPlanDate)).toEqual(Array(4).fill('2026-03-01'));
    expect(['2026-02-30', '31.4.2026', 'snart', '2026-3-1'].map(readPlanDate)).toEqual([null, null, null, null]);
  });

  it('reads each cell back into the fields it shows, keeping what is not a date as text', () => {
    expect(readPlanCell('text', '  Ny indsats ', WORDS)).toEqual({ text: 'Ny indsats' });
    expect(readPlanCell('owner', 'Anne', WORDS)).toEqual({ owner: 'Anne' });
    expect(readPlanCell('deadline', '1.3.2026', WORDS)).toEqual({ deadline: '2026-03-01' });
    expect(readPlanCell('deadline', 'inden jul', WORDS)).toEqual({ deadline: '', when: 'inden jul' });
    expect(readPlanCell('deadline', '', WORDS)).toEqual({ deadline: '', when: '' });
    expect(['ja', 'YES', 'x', '✓'].map((t) => readPlanCell('preparedness', t, WORDS))).toEqual(Array(4).fill({ preparedness: true }));
    expect(['nej', 'No', '', '–'].map((t) => readPlanCell('preparedness', t, WORDS))).toEqual(Array(4).fill({ preparedness: false }));
    expect(readPlanCell('preparedness', 'måske', WORDS)).toBeNull();
    expect(readPlanCell('followUp', '2026-06-01 · Pulsmåling', WORDS)).toEqual({ followUpDate: '2026-06-01', followUpMethod: 'Pulsmåling' });
    expect(readPlanCell('followUp', '1.6.2026 Pulsmåling i teamet', WORDS)).toEqual({ followUpDate: '2026-06-01', followUpMethod: 'Pulsmåling i teamet' });
    expect(readPlanCell('followUp', 'Spørg teamet', WORDS)).toEqual({ followUpDate: '', followUpMethod: 'Spørg teamet' });
    // Longer than the plan keeps: read as nothing (the plan would refuse it), never cut.
    expect(readPlanCell('owner', 'x'.repeat(LIMITS.planField + 1), WORDS)).toBeNull();
  });

  it('keeps only what changed', () => {
    expect(changedFields(ROW, { owner: 'Fie' })).toBeNull();
    expect(changedFields(ROW, { deadline: '', when: 'inden jul' })).toEqual({ when: 'inden jul' });
  });
});
