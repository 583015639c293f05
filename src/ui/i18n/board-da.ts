/** Danish words of what the board reports and draws: the same keys as board-en.ts. */
import { plural, type Message } from './format.js';
import type { boardEn } from './board-en.js';

export const boardDa: Record<keyof typeof boardEn, Message> = {
  'insert.error.refused': 'Miro afviste en del af skabelonen. {outcome} Tjek at du kan redigere boardet, og prøv igen.',
  'insert.error.rate-limited': 'Miro beder appen vente: for mange kald lige nu. {outcome} Vent et minut, og prøv igen.',
  'insert.error.aborted': 'Indsættelsen blev annulleret. {outcome}',
  'insert.error.no-space': 'Der var ikke plads på boardet til skabelonen. {outcome} Flyt visningen til et tomt område, og prøv igen.',
  'insert.error.invalid-layout': 'Skabelonen kunne ikke lægges ud (elementet »{element}«). {outcome} Meld venligst fejlen.',
  'insert.outcome.nothing': 'Intet er indsat.',
  'insert.outcome.leftBehind': plural(
    'n',
    '{n} element kunne ikke fjernes igen; det ligger i skabelonens ramme og kan slettes med hånden.',
    '{n} elementer kunne ikke fjernes igen; de ligger i skabelonens ramme og kan slettes med hånden.',
  ),

  'board.error.no-selection': 'Vælg mindst én seddel på boardet, og prøv igen.',
  'board.error.private': 'Sedler på tallerkenen samles aldrig i temaer, og der stemmes aldrig om dem (de kan stadig ses på boardet). Vælg kun sedler uden for tallerkenen, og prøv igen.',
  'board.error.not-visible': 'Resultatet kan ikke vises endnu.',
  'board.error.no-room': 'Temaets sedler kan ikke stå samlet i deres felt. Intet er flyttet; de står, hvor de blev skrevet.',
  'board.error.invalid': 'Det kunne ikke lade sig gøre.',
  'board.error.refused': 'Miro afviste ændringen. Boardet er som før. Tjek at du kan redigere boardet, og prøv igen.',
  'board.error.rate-limited': 'Miro beder appen vente: for mange kald lige nu. Boardet er som før. Vent et minut, og prøv igen.',
  'board.error.aborted': 'Annulleret. Boardet er som før.',
  'board.error.leftBehind': plural(
    'n',
    '({n} element kunne ikke fjernes igen og kan slettes med hånden.)',
    '({n} elementer kunne ikke fjernes igen og kan slettes med hånden.)',
  ),

  'board.results.title': 'Resultat: {question}',
  'board.results.rank.one': '{n}.',
  'board.results.rank.two': '{n}.',
  'board.results.rank.few': '{n}.',
  'board.results.rank.other': '{n}.',
  'board.results.tied': '{rank} (delt)',
  'board.results.more': '… og {n} mere',
  'board.results.voted': '{n} har stemt',
  'board.results.votedOf': '{n} af {total} har stemt',
  'board.cluster.label': 'Tema',
  /** A P-IGLO plan row's preparedness cell (Beredskab): part of our preparedness, or not. */
  'board.plan.yes': 'Ja',
  'board.plan.no': 'Nej',
};
