/**
 * Theme suggestion, on the device. The panel loads this module lazily (only when someone
 * asks for suggestions); it imports core types and its two text packages, nothing else.
 */
export type { Category, CategoryGuess, SuggestedTheme, Suggestion, SuggestNote, SuggestOptions, SuggestResult, ThemeEngine } from './types.js';
export { SuggestInputError } from './types.js';
export { checkNotes } from './input.js';
export { categoriesOf } from './categories.js';
export { createLexicalEngine } from './engine.js';
