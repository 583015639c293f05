/** Danish words of ending a session and deleting its data: the same keys as end-en.ts. */
import type { EndKey } from './end-en.js';
import type { Message } from './format.js';

export const endDa: Record<EndKey, Message> = {
  'end.title': 'Afslut sessionen og slet dens data',
  'end.open': 'Afslut sessionen og slet dens data …',
  'end.confirmTitle': 'Afslut sessionen og slet dens data?',
  'end.deleted': 'Det slettes for alle på boardet:',
  'end.deleted.miro': 'den delte session, som boardets app-lager i Miro gemmer den: temaer, afstemninger, alle stemmer, pulssvarene, planen og workshoppens trin;',
  'end.deleted.server': 'alt, hvad sync-serveren gemmer af boardets session: dens dokumenter (temaer, afstemninger, stemmerne i navngivne og anonyme afstemninger, planen, workshoppens trin), facilitatorpladsen, de forseglede stemmesedler og pulssvarene;',
  'end.deleted.panels': 'kopien i alle paneler, der er åbne nu, med de tallerkensvar og nøgler til anonyme stemmesedler, som de paneler gemmer på deres enheder for dette board.',
  'end.kept': 'Det bliver:',
  'end.kept.board': 'sedler, rammer, resultat- og pulsrammer og alt andet på boardet: de hører til boardet, og du kan slette dem i Miro;',
  'end.kept.devices': 'tallerkensvar og stemmenøgler på enhederne hos dem, hvis panel er lukket nu (hver kan slette sin tallerken under »Min tallerken«), og filer, som nogen har eksporteret;',
  'end.kept.mark.miro': 'et mærke i boardets app-lager om, at sessionen er afsluttet, uden indhold og navne (kun de sync-id’er, der skrev den), så en gammel kopi ikke kan bringe den tilbage.',
  'end.kept.mark.server': 'en post på sync-serveren om, at sessionen er afsluttet, uden indhold og navne (kun de sync-id’er, der skrev den), så en gammel kopi ikke kan bringe den tilbage.',
  'end.undo': 'Det kan ikke fortrydes. Eksportér resultaterne, pulsen og planen først, hvis I får brug for dem.',
  'end.confirm': 'Ja, afslut og slet',
  'end.cancel': 'Annullér',
  'end.working': 'Afslutter sessionen og sletter dens data …',
  'end.failed': 'Ikke alt blev slettet: {reason}',
  'end.ended.title': 'Sessionen er afsluttet',
  'end.ended': 'Facilitatoren afsluttede sessionen kl. {time} og slettede dens data: den delte session og det, denne enhed gemte til den på dette board (dine tallerkensvar og nøgler til anonyme stemmesedler). Sedler og rammer på boardet bliver.',
  'end.restart': 'Start en ny session',
};
