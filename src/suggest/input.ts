/** Notes from untrusted input (a JSON file, a shared doc): checked, with the entry named. */
import { SuggestInputError, type SuggestNote } from './types.js';

/** A sticky holds under 6,000 characters; more is not a note. */
export const MAX_TEXT = 6000;

export function checkNotes(value: unknown): SuggestNote[] {
  if (!Array.isArray(value)) throw new SuggestInputError('$', 'expected an array of { "id": string, "text": string }');
  const seen = new Map<string, number>();
  return value.map((v: unknown, i) => {
    const at = `[${i}]`;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new SuggestInputError(at, `expected an object with "id" and "text", got ${JSON.stringify(v) ?? String(v)}`);
    const { id, text } = v as Record<string, unknown>;
    if (typeof id !== 'string' || id.length === 0) throw new SuggestInputError(`${at}.id`, `expected a non-empty string, got ${JSON.stringify(id) ?? 'nothing'}`);
    if (typeof text !== 'string') throw new SuggestInputError(`${at}.text`, `expected a string, got ${JSON.stringify(text) ?? 'nothing'} (note "${id}")`);
    if (text.length > MAX_TEXT) throw new SuggestInputError(`${at}.text`, `${text.length} characters; a note holds at most ${MAX_TEXT} (note "${id}")`);
    const first = seen.get(id);
    if (first !== undefined) throw new SuggestInputError(`${at}.id`, `"${id}" is also the id of [${first}]`);
    seen.set(id, i);
    return { id, text };
  });
}
