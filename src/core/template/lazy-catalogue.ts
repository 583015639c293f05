/**
 * Every template's content, loaded the first time something needs it (inserting a template,
 * the tabs that offer a template's zones, results and plans on the board): in the panel's
 * build, catalogue.ts and the template files are a chunk of their own, outside the first
 * paint and the session's opening. What the list shows before that is template-index.ts.
 */
import type { Template, TemplateId } from './types.js';

let loading: Promise<typeof import('./catalogue.js')> | null = null;
const catalogue = () => (loading ??= import('./catalogue.js').catch((e: unknown) => {
  loading = null; // a failed load is tried again next time
  throw e;
}));

/** The twelve templates in workshop order. */
export async function loadTemplates(): Promise<readonly Template[]> {
  return (await catalogue()).TEMPLATES;
}

export async function loadTemplate(id: TemplateId): Promise<Template> {
  return (await catalogue()).getTemplate(id);
}
