/**
 * A set of template files checked as one catalogue: each file through the schema check, its
 * id against its file name, no two in one position. Node (tests, scripts) runs it as the
 * catalogue loads; the panel's build runs it on the files as it builds (vite.config.ts).
 */
import { parseTemplate, TemplateError } from './schema.js';
import type { Template } from './types.js';

/** Validate a set of template files (id → parsed JSON) as one catalogue, in workshop order. */
export function loadCatalogue(files: Record<string, unknown>): Template[] {
  const templates = Object.entries(files).map(([id, json]) => {
    const file = `templates/${id}.json`;
    const t = parseTemplate(json, file);
    if (t.id !== id) throw new TemplateError(file, [{ path: '$.id', problem: `"${t.id}" does not match the file name` }]);
    return t;
  });
  const orders = new Set(templates.map((t) => t.order));
  if (orders.size !== templates.length) {
    throw new TemplateError('templates/', [{ path: '$.order', problem: 'two templates share a position' }]);
  }
  return templates.sort((a, b) => a.order - b.order);
}
