/** Danish UI strings: the same keys as en.ts (the compiler checks both ways). */
import { boardDa } from './board-da.js';
import { shellDa } from './shell-da.js';
import type { FirstPaintKey } from './en.js';
import type { Message } from './format.js';

export const da: Record<FirstPaintKey, Message> = {
  'app.title': 'Tryghed',
  'app.intro': 'Vælg en skabelon til dagens workshop. Den placeres på boardet på en ledig plads tæt på det, du ser nu.',
  'app.connecting': 'Forbinder til boardet …',
  'app.noBoard': 'Appen kunne ikke få forbindelse til boardet. Luk panelet, og åbn det igen fra app-ikonet.',

  'lang.label': 'Sprog',
  'lang.da': 'Dansk',
  'lang.en': 'English',

  'list.label': 'Workshopskabeloner',
  'list.step': 'Trin {n}',
  'list.private': 'Personlig · tælles aldrig',
  'list.insert': 'Indsæt',
  'list.insertLabel': 'Indsæt {title} på boardet',
  'list.busy': 'Vent, til den igangværende skabelon er på boardet.',

  'preview.label': 'Forhåndsvisning af {title}',

  'progress.label': 'Indsætter {title}',
  'progress.starting': 'Finder ledig plads på boardet …',
  'progress.count': 'Indsætter {done} af {total} …',
  'progress.cancel': 'Stop og fjern',

  'done.message': '{title} er på boardet. Visningen er flyttet hen til den.',
  'done.dismiss': 'Luk beskeden',

  'already.message': '{title} står allerede på boardet.',
  'already.go': 'Gå til den',
  'already.again': 'Indsæt en kopi mere',
  'already.dismiss': 'Annullér',
  'error.title': '{title} blev ikke indsat',
  'error.retry': 'Prøv igen',
  'error.dismiss': 'Luk beskeden',

  'error.unknown.what': 'Noget uventet gik galt.',
  'error.unknown.todo': 'Prøv igen. Sker det igen, så genindlæs boardet.',

  ...boardDa,
  ...shellDa,
};
