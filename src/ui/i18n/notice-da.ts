/** Danish words of the data notice: the same keys as notice-en.ts (checked by the compiler). */
import type { Message } from './format.js';
import type { NoticeKey } from './notice-en.js';

export const noticeDa: Record<NoticeKey, Message> = {
  'notice.title': 'Dine data i Tryghed',
  'notice.intro': 'Hvad appen gemmer, hvor, hvor længe, hvem der kan se det, og hvordan det slettes.',
  'notice.mode.miro': 'Dette board deler sin workshopsession gennem Miro.',
  'notice.mode.server': 'Dette board deler sin workshopsession gennem en sync-server.',
  'notice.session.title': 'Den delte session',
  'notice.session': 'Temaer, afstemninger, stemmerne i navngivne og anonyme afstemninger og planen gemmes med boardet. Uden sync-server gemmes de i boardets app-lager i Miro og sendes mellem panelerne hos dem, der er på boardet; med sync-server gemmes de på serveren. Alle på boardet, der åbner appen, kan læse dem.',
  'notice.session.kept': 'I Miro bliver de, til facilitatoren afslutter sessionen og sletter dens data (under »Styr afstemninger«), eller boardet slettes; kun et mærke uden indhold og navne bliver, så en gammel kopi ikke kan bringe sessionen tilbage. På en sync-server slettes de, når facilitatoren gør det, eller når ingen har åbnet boardet i 90 dage (den, der driver serveren, kan ændre antallet af dage), eller før, hvis vedkommende sletter dem.',
  'notice.votes.title': 'Stemmer',
  'notice.votes.named': 'Navngiven: gemmes under din Miro-bruger; alle på boardet kan se, hvem der har stemt på hvad.',
  'notice.votes.anonymous': 'Anonym: gemmes uden dit navn og din bruger. Uden sync-server bliver den tilfældige nøgle, der finder din egen stemmeseddel, på denne enhed; med sync-server udsteder serveren din nøgle, så den, der driver serveren, kan se, hvis stemmeseddel der er hvis.',
  'notice.votes.sealed': 'Forseglet (kun med sync-server): gemmes i serverens database under din Miro-bruger; kun summerne kommer på boardet, og den, der driver serveren, kan se stemmesedlerne.',
  'notice.pulse': 'Puls på psykologisk tryghed: en puls uden sync-server er anonym: dine svar gemmes i den delte session uden dit navn og din bruger, under en tilfældig nøgle, som bliver på denne enhed (bruger boardet senere en sync-server, under den nøgle, serveren giver dig til den puls, så den, der driver serveren, kan se, hvis svar der er hvis). En puls med sync-server er forseglet: dine svar gemmes kun i serverens database under din Miro-bruger, og den, der driver serveren, kan se dem. Kun gennemsnit og antal vises.',
  'notice.plate.title': 'Din tallerken',
  'notice.plate': 'Gemmes kun i denne browser på denne enhed. Slet et svar under »Min tallerken«, eller ryd browserens data for dette websted, så er det væk; når facilitatoren afslutter sessionen, sletter et panel, der er åbent i det øjeblik, det også. En kopi, du sætter på boardet, er en almindelig seddel.',
  'notice.board.title': 'Boardet',
  'notice.board': 'Sedler og alt andet på boardet er Miros: alle på boardet kan se dem, og de bliver, til nogen sletter dem på boardet.',
  'notice.device': 'Denne enhed husker også dit sprog, nøglerne til dine anonyme stemmesedler (de slettes sammen med tallerkenen, når sessionen afsluttes, mens dit panel er åbent), og at du har læst denne besked.',
  'notice.close': 'Forstået',
};
