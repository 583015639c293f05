/**
 * Which marked items (template id, element id) are zones: the vote list's places and the badges
 * ask. Reads the full catalogue, so it is for the session's later reads, never the first paint
 * (zones.ts stays free of it).
 */
import { TEMPLATES } from './catalogue.js';

const ZONE_IDS = new Set(TEMPLATES.flatMap((t) => t.elements.filter((e) => e.kind === 'zone').map((e) => `${t.id}/${e.id}`)));

/** Whether a marked item (template id, element id) is one of a template's zones. */
export function isZoneElement(templateId: string, elementId: string): boolean {
  return ZONE_IDS.has(`${templateId}/${elementId}`);
}
