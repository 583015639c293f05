/**
 * Suggest themes for your own notes, with the panel's engine:
 *   npm run suggest -- notes.json [--lang da|en] [--template strain-protection]
 * notes.json is a JSON array of { "id": string, "text": string }. Prints
 * { "themes": [{ "name", "ids" }], "alone": [ids] } (and "categories" with --template).
 * A malformed file exits 1 with the entry at fault named.
 */
import { readFileSync } from 'node:fs';
import { getTemplate, isTemplateId } from '../src/core/template/catalogue.js';
import { categoriesOf, checkNotes, createLexicalEngine, SuggestInputError, type SuggestOptions } from '../src/suggest/index.js';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const v = args[at + 1];
  if (v === undefined || v.startsWith('--')) fail(`${name} needs a value`);
  args.splice(at, 2);
  return v;
};
const lang = flag('--lang') ?? 'da';
const template = flag('--template');
if (lang !== 'da' && lang !== 'en') fail(`--lang is da or en, not "${lang}"`);
if (args.length !== 1) fail('usage: npm run suggest -- notes.json [--lang da|en] [--template <template id>]');
const file = args[0]!;

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (err) {
  fail(`${file}: cannot be read (${(err as Error).message})`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (err) {
  fail(`${file}: not JSON (${(err as Error).message})`);
}

const options: SuggestOptions = { lang };
if (template !== undefined) {
  if (!isTemplateId(template)) fail(`--template: no template "${template}"`);
  options.categories = categoriesOf(getTemplate(template));
}
try {
  const notes = checkNotes(json);
  const { themes, alone, categories } = createLexicalEngine().suggest(notes, options);
  console.log(JSON.stringify(template === undefined ? { themes, alone } : { themes, alone, categories }, null, 2));
} catch (err) {
  if (err instanceof SuggestInputError) fail(`${file}: entry ${err.path}: ${err.problem}`);
  throw err;
}
