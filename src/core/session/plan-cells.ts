/**
 * An initiative as the cells of its row on the P-IGLO board (layout/plan-rows.ts), and a
 * cell's text as edited on the board read back into the plan. Words (yes / no) come from the
 * caller; everything read back is checked as the plan's commands check it, and a cell that
 * does not read as anything (a preparedness of "maybe") changes nothing.
 */
import type { PlanCell } from '../layout/plan-cells.js';
import type { InitiativePatch } from './plan.js';
import { isPlanDate, LIMITS, type InitiativeFields } from './schema.js';

export interface PlanCellWords {
  /** What a preparedness cell says for yes and for no. */
  yes: string;
  no: string;
}

export type PlanCellSource = Pick<InitiativeFields, 'text' | 'owner' | 'deadline' | 'when' | 'preparedness' | 'followUpDate' | 'followUpMethod'>;

const FOLLOW_UP_SEP = ' · ';

export function planCellTexts(i: PlanCellSource, words: PlanCellWords): Record<PlanCell, string> {
  return {
    text: i.text,
    owner: i.owner,
    // A deadline from before they were dates is free text: shown where no date is set.
    deadline: i.deadline || i.when,
    preparedness: i.preparedness ? words.yes : words.no,
    followUp: [i.followUpDate, i.followUpMethod].filter((s) => s !== '').join(FOLLOW_UP_SEP),
  };
}

/** A date as people write it (2026-03-01, 1.3.2026, 1/3-2026, 01-03-2026) as the plan keeps it, or null. */
export function readPlanDate(text: string): string | null {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return isPlanDate(t) ? t : null;
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isPlanDate(iso) ? iso : null;
}

const DATE_HEAD = /^(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})(?:\s*[·:–—-]\s*|\s+|$)([\s\S]*)$/;
const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * What a cell's text, as edited on the board, sets in the plan (every field the cell shows),
 * or null when it reads as nothing (the row is then drawn again as the plan says). `yes` and
 * `no` are the words of every language the board may have been drawn in.
 */
export function readPlanCell(cell: PlanCell, text: string, words: { yes: readonly string[]; no: readonly string[] }): InitiativePatch | null {
  const t = text.trim();
  switch (cell) {
    case 'text':
      return t.length <= LIMITS.planText ? { text: t } : null;
    case 'owner':
      return t.length <= LIMITS.planField ? { owner: t } : null;
    case 'deadline': {
      if (t === '') return { deadline: '', when: '' };
      const date = readPlanDate(t);
      // Not a date: kept as the free text it is, so nothing written is lost.
      if (date) return { deadline: date };
      return t.length <= LIMITS.planField ? { deadline: '', when: t } : null;
    }
    case 'preparedness':
      if (words.yes.some((w) => same(w, t)) || ['x', '✓', '✔'].includes(t)) return { preparedness: true };
      if (t === '' || t === '-' || t === '–' || words.no.some((w) => same(w, t))) return { preparedness: false };
      return null;
    case 'followUp': {
      const m = DATE_HEAD.exec(t);
      const date = m ? readPlanDate(m[1]!) : null;
      const method = date ? m![2]!.trim() : t;
      if (method.length > LIMITS.planText) return null;
      return { followUpDate: date ?? '', followUpMethod: method };
    }
  }
}

/** The fields of `patch` whose values differ from `current`'s: null when nothing would change. */
export function changedFields(current: PlanCellSource, patch: InitiativePatch): InitiativePatch | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) if ((current as unknown as Record<string, unknown>)[k] !== v) out[k] = v;
  return Object.keys(out).length > 0 ? (out as InitiativePatch) : null;
}
