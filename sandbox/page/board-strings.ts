/**
 * Strings of the sandbox board's editing tools, in Danish and English. Kept beside the page
 * (the app's tables in src/ui/i18n are not the sandbox's to grow); `da` must have exactly the
 * keys of `en` (the compiler checks). `{name}` marks a parameter, as in src/ui/i18n/t.ts.
 */
import type { Lang } from '../../src/core/lang.js';

const en = {
  tools: 'Board tools',
  actingAs: 'Acting as',
  newSticky: 'New sticky',
  selectMode: 'Select area',
  deleteSelected: 'Delete selected',
  selected: '{n} selected',
  role: 'whiteboard',
  keys: 'Arrow keys: go from sticky to sticky. Space: select or unselect. Enter: edit text. N: new sticky. Alt+arrow keys: move the selected. Delete: delete the selected. Escape: clear the selection. Shift+arrow keys: pan. + and −: zoom.',
  focus: 'Sticky {n} of {total}: {text}',
  focusSelected: 'Sticky {n} of {total}: {text} (selected)',
  noStickies: 'No sticky notes on the board.',
  deleted: '{n} deleted',
  refused: 'The board refused: {message}',
  editorNew: 'New sticky note',
  editorEdit: 'Edit sticky note',
  editorText: 'Text on the sticky note',
  editorHint: 'Enter saves · Shift+Enter starts a new line · Escape cancels',
  editorColour: 'Colour',
  editorSave: 'Save',
  editorCancel: 'Cancel',
  editorEmpty: 'Write some text first.',
} as const;

export type BoardStringKey = keyof typeof en;

const da: Record<BoardStringKey, string> = {
  tools: 'Redskaber til boardet',
  actingAs: 'Handler som',
  newSticky: 'Ny seddel',
  selectMode: 'Markér område',
  deleteSelected: 'Slet markerede',
  selected: '{n} markeret',
  role: 'tavle',
  keys: 'Piletaster: gå fra seddel til seddel. Mellemrum: markér eller fjern markering. Enter: ret teksten. N: ny seddel. Alt+piletaster: flyt de markerede. Delete: slet de markerede. Escape: fjern markeringen. Shift+piletaster: panorér. + og −: zoom.',
  focus: 'Seddel {n} af {total}: {text}',
  focusSelected: 'Seddel {n} af {total}: {text} (markeret)',
  noStickies: 'Der er ingen sedler på boardet.',
  deleted: '{n} slettet',
  refused: 'Boardet afviste: {message}',
  editorNew: 'Ny seddel',
  editorEdit: 'Ret seddel',
  editorText: 'Tekst på sedlen',
  editorHint: 'Enter gemmer · Shift+Enter giver en ny linje · Escape annullerer',
  editorColour: 'Farve',
  editorSave: 'Gem',
  editorCancel: 'Annullér',
  editorEmpty: 'Skriv en tekst først.',
};

const TABLES: Record<Lang, Record<BoardStringKey, string>> = { da, en };

export function bt(lang: Lang, key: BoardStringKey, params?: Record<string, string | number>): string {
  const template = TABLES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : typeof v === 'number' ? v.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB') : v;
  });
}
