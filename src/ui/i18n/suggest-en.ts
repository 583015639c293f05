/**
 * English strings of the theme suggestions (suggest-panel). Spread into en.ts; suggest-da.ts
 * has exactly the same keys. `{name}` is a parameter; plural() picks the form by its count.
 */
import { plural, type Message } from './format.js';

export const suggestEn = {
  'suggest.title': 'Suggest themes',
  'suggest.intro': 'Themes are suggested on this device, from the words of the notes: nothing leaves the board. Nothing is grouped until you accept.',
  'suggest.scope': 'Notes from',
  'suggest.run': 'Suggest themes',
  'suggest.loading': 'Reading the notes …',
  'suggest.found': plural('n', '{n} theme suggested.', '{n} themes suggested.'),
  'suggest.none': 'No themes: no two notes here are alike enough.',
  'suggest.noNotes': 'There are no notes here to sort.',
  'suggest.privateLeftOut': plural('n', '{n} note on the plate is left out: the plate is never grouped.', '{n} notes on the plate are left out: the plate is never grouped.'),
  'suggest.list': 'Suggested themes',
  'suggest.themeName': 'Name of the theme',
  'suggest.noteCount': plural('n', '{n} note', '{n} notes'),
  'suggest.notesOf': 'Notes in {name}',
  'suggest.moveLabel': 'Move “{note}” to',
  'suggest.moveAlone': 'No theme',
  'suggest.category': 'Fits “{item}” ({pct} %)',
  'suggest.accept': 'Accept',
  'suggest.acceptLabel': 'Accept the theme {name}',
  'suggest.ignore': 'Ignore',
  'suggest.ignoreLabel': 'Ignore the theme {name}',
  'suggest.acceptAll': 'Accept all',
  'suggest.ignoreAll': 'Ignore all',
  'suggest.alone': 'Left alone',
  'suggest.aloneHint': 'Notes like no other stay out of the themes.',
  'suggest.accepted': plural('n', '{n} theme is grouped.', '{n} themes are grouped.'),
  'suggest.undo': 'Undo',
  'suggest.undoLabel': 'Undo the grouping of {name}',
  'suggest.undone': 'The grouping is undone.',
  'suggest.ignored': 'The suggestion is ignored.',
  'suggest.cleared': 'The suggestions are ignored.',
  'suggest.error.load': 'The suggestions could not be loaded. Try again.',
  'suggest.error.read': 'The notes could not be read from the board. Try again.',
  'suggest.error.group': 'The theme “{name}” could not be grouped. It stays in the list.',
  'suggest.error.undo': 'The grouping could not be undone. Try again.',
} satisfies Record<string, Message>;

export type SuggestKey = keyof typeof suggestEn;
