/**
 * All templates, loaded once through the schema check: the app, the build and the tests
 * get templates only from here. The JSON files are imported statically (Vite and Node
 * both read JSON modules), so a broken file fails at load, before anything is inserted;
 * in the panel's build it fails the build itself (vite.config.ts), before anything ships.
 */
import opening from '../../../templates/opening.json' with { type: 'json' };
import strainProtection from '../../../templates/strain-protection.json' with { type: 'json' };
import preparedness from '../../../templates/preparedness.json' with { type: 'json' };
import warningSigns from '../../../templates/warning-signs.json' with { type: 'json' };
import plate from '../../../templates/plate.json' with { type: 'json' };
import specialAboutTheJob from '../../../templates/special-about-the-job.json' with { type: 'json' };
import emotions from '../../../templates/emotions.json' with { type: 'json' };
import safeUnsafeTeam from '../../../templates/safe-unsafe-team.json' with { type: 'json' };
import notTalkedAbout from '../../../templates/not-talked-about.json' with { type: 'json' };
import pIglo from '../../../templates/p-iglo.json' with { type: 'json' };
import practice from '../../../templates/practice.json' with { type: 'json' };
import takeaways from '../../../templates/takeaways.json' with { type: 'json' };
// The build puts checked-catalogue.ts in this module's place (vite.config.ts), having checked
// every file with it first: the panel does not ship the schema check.
import { loadCatalogue } from './check-catalogue.js';
import { TEMPLATE_IDS } from './ids.js';
import type { Template, TemplateId } from './types.js';

const FILES: Record<TemplateId, unknown> = {
  opening,
  'strain-protection': strainProtection,
  preparedness,
  'warning-signs': warningSigns,
  plate,
  'special-about-the-job': specialAboutTheJob,
  emotions,
  'safe-unsafe-team': safeUnsafeTeam,
  'not-talked-about': notTalkedAbout,
  'p-iglo': pIglo,
  practice,
  takeaways,
};

/** The twelve templates in workshop order. */
export const TEMPLATES: readonly Template[] = Object.freeze(loadCatalogue(FILES));

const byId = new Map(TEMPLATES.map((t) => [t.id, t]));

export { loadCatalogue };

export function getTemplate(id: TemplateId): Template {
  const t = byId.get(id);
  if (t === undefined) throw new Error(`Unknown template "${id}" (known: ${TEMPLATE_IDS.join(', ')})`);
  return t;
}

export function isTemplateId(id: string): id is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(id);
}
