/** Danish strings of the app shell: the same keys as shell-en.ts. */
import type { shellEn } from './shell-en.js';

export const shellDa: Record<keyof typeof shellEn, string> = {
  'shell.tabs': 'Tryghed-afsnit',
  'shell.tab.workshop': 'Forløb',
  'shell.tab.templates': 'Skabeloner',
  'shell.tab.group': 'Temaer',
  'shell.tab.vote': 'Stem',
  'shell.tab.rounds': 'Styr afstemninger',
  'shell.tab.results': 'Resultater',
  'shell.tab.plan': 'Plan',
  'shell.notice': 'Om dine data',
  'shell.tab.plate': 'Min tallerken',
  'shell.tab.pulse': 'Puls',
  'shell.session.connecting': 'Forbinder til workshopsessionen …',
  'shell.session.failed': 'Workshopsessionen kunne ikke starte. Luk panelet, og åbn det igen.',
};
