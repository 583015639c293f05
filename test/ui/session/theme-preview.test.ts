import { describe, expect, it } from 'vitest';
import { ALONE, isEmpty, moveNote, previewOf, renameTheme, restoreThemes, withoutThemes } from '../../../src/ui/session/theme-preview.js';

const p = previewOf({ themes: [{ name: 'tid', ids: ['a', 'b'] }, { name: 'ensom', ids: ['c', 'd'] }], alone: ['e'] });

describe('the preview of suggested themes', () => {
  it('keys each theme and copies the suggestion', () => {
    expect(p).toEqual({ themes: [{ key: 't1', name: 'tid', ids: ['a', 'b'] }, { key: 't2', name: 'ensom', ids: ['c', 'd'] }], alone: ['e'] });
  });
  it('moves a note between themes, to and from alone; a theme emptied goes', () => {
    const q = moveNote(p, 'a', 't2');
    expect(q.themes).toEqual([{ key: 't1', name: 'tid', ids: ['b'] }, { key: 't2', name: 'ensom', ids: ['c', 'd', 'a'] }]);
    const r = moveNote(moveNote(q, 'b', ALONE), 'e', 't2');
    expect(r).toEqual({ themes: [{ key: 't2', name: 'ensom', ids: ['c', 'd', 'a', 'e'] }], alone: ['b'] });
    expect(moveNote(p, 'a', 'nowhere')).toBe(p);
  });
  it('renames, takes out and puts back themes in their order', () => {
    const q = renameTheme(p, 't1', 'Tidspres');
    expect(q.themes[0]!.name).toBe('Tidspres');
    const without = withoutThemes(q, ['t1']);
    expect(without.themes.map((t) => t.key)).toEqual(['t2']);
    // Meanwhile 'a' was moved to alone; putting t1 back takes it from there.
    expect(restoreThemes(moveNote(without, 'a', ALONE), [q.themes[0]!])).toEqual({ themes: q.themes, alone: ['e'] });
    expect(isEmpty(withoutThemes(p, ['t1', 't2']))).toBe(true);
  });
});
