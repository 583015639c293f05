/**
 * The cells of a P-IGLO plan row and their element ids (`plan:<initiative>:<cell>`), apart from
 * the rows' geometry (plan-rows.ts) so the session can tell a row's sticky without the layout.
 */
export const PLAN_TEMPLATE_ID = 'p-iglo';
/** The cells of a row, left to right. */
export const PLAN_CELLS = ['text', 'owner', 'deadline', 'preparedness', 'followUp'] as const;
export type PlanCell = (typeof PLAN_CELLS)[number];

export const planCellElementId = (initiativeId: string, cell: PlanCell): string => `plan:${initiativeId}:${cell}`;

const CELL_ID = new RegExp(`^plan:(.+):(${PLAN_CELLS.join('|')})$`);

/** A row cell's initiative and cell, from its element id; null for anything else. */
export function planCellOf(elementId: string): { initiativeId: string; cell: PlanCell } | null {
  const m = CELL_ID.exec(elementId);
  return m ? { initiativeId: m[1]!, cell: m[2] as PlanCell } : null;
}
