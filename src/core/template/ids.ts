/** The templates' ids, in workshop order: what the schema check accepts and the board's index looks for. */
import type { TemplateId } from './types.js';

export const TEMPLATE_IDS: readonly TemplateId[] = [
  'opening', 'strain-protection', 'preparedness', 'warning-signs', 'plate', 'special-about-the-job',
  'emotions', 'safe-unsafe-team', 'not-talked-about', 'p-iglo', 'practice', 'takeaways',
];

/** Frozen all the way down: a template handed out cannot be changed by whoever holds it. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null) {
    Object.values(v).forEach(deepFreeze);
    Object.freeze(v);
  }
  return v;
}
