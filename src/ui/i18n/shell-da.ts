/** Danish strings of the app shell: the same keys as shell-en.ts. */
import type { shellEn } from './shell-en.js';

export const shellDa: Record<keyof typeof shellEn, string> = {
  'shell.tabs': 'Tryghed-afsnit',
  'shell.tab.templates': 'Skabeloner',
  'shell.tab.group': 'Grupper',
  'shell.tab.vote': 'Stem',
  'shell.tab.rounds': 'Styr runder',
  'shell.tab.results': 'Resultater',
  'shell.tab.plan': 'Plan',
  'shell.session.connecting': 'Forbinder til workshop-sessionen …',
  'shell.session.failed': 'Workshop-sessionen kunne ikke starte. Luk panelet, og åbn det igen.',
  'shell.notStarted': 'Ingen workshop-session er startet endnu. Den, der starter den, styrer afstemningsrunderne.',
  'shell.start': 'Start workshop-session',
  'shell.started': 'Workshop-sessionen er startet. Du styrer runderne.',

  'shell.sync.miro.synced': 'Deles gennem Miro',
  'shell.sync.server.synced': 'Deles gennem sync-serveren',
  'shell.sync.miro.connecting': 'Forbinder gennem Miro …',
  'shell.sync.server.connecting': 'Forbinder til sync-serveren …',
  'shell.sync.miro.offline': 'Ikke forbundet. Dine ændringer gemmes og deles, når forbindelsen er tilbage.',
  'shell.sync.server.offline': 'Sync-serveren kan ikke nås. Dine ændringer gemmes og deles, når den er tilbage.',

  'shell.scope.notes': 'Alle sticky notes skrevet på boardet',
  'shell.scope.clusters': 'Grupperne',
  'shell.scope.selection': 'De valgte sticky notes',
  'shell.scope.template': 'Sticky notes på “{title}”',

  'sync.title': 'Sådan deles sessionen',
  'sync.intro': 'Gælder alle på dette board. Hver måde har sin egen kopi af sessionen.',
  'sync.mode': 'Del gennem',
  'sync.mode.miro': 'Miro (ingen server)',
  'sync.mode.miro.hint': 'Alle på boardet har tillid til hinanden; intet forlader Miro.',
  'sync.mode.server': 'Vores egen sync-server',
  'sync.mode.server.hint': 'Serveren kontrollerer stemmerne; forseglede runder er mulige.',
  'sync.url': 'Serverens adresse',
  'sync.urlHint': 'For eksempel wss://tryghed.example.org',
  'sync.save': 'Gem',
  'sync.saved': 'Gemt. Alle paneler på boardet deler nu sessionen på denne måde.',
  'sync.error.empty': 'Skriv serverens adresse.',
  'sync.error.scheme': 'Adressen begynder med wss:// (eller ws:// på denne computer).',
  'sync.error.invalid': 'Det er ikke en gyldig adresse.',
  'sync.error.save': 'Indstillingen kunne ikke gemmes. Prøv igen.',

  'sandbox.sync': 'Sync',
  'sandbox.sync.miro': 'Miro',
  'sandbox.sync.server': 'Server',
};
