/**
 * The suggested themes as the person edits them before anything is written: rename a theme,
 * move a note between themes (or leave it alone), accept or ignore one. Plain data in, plain
 * data out; the panel (suggest-panel.ts) renders it and sends accepted themes to grouping.
 */
import type { Suggestion } from '../../suggest/types.js';

export interface PreviewTheme {
  /** Stable within one preview (a theme keeps it when renamed or when notes move). */
  key: string;
  name: string;
  ids: string[];
}

export interface Preview {
  themes: PreviewTheme[];
  alone: string[];
}

export const ALONE = 'alone';

export function previewOf(s: Suggestion): Preview {
  return { themes: s.themes.map((t, i) => ({ key: `t${i + 1}`, name: t.name, ids: [...t.ids] })), alone: [...s.alone] };
}

/** Move a note to a theme (by key) or to ALONE; an unknown target changes nothing. A theme
 *  that loses its last note goes. */
export function moveNote(p: Preview, noteId: string, to: string): Preview {
  if (to !== ALONE && !p.themes.some((t) => t.key === to)) return p;
  const themes = p.themes
    .map((t) => ({ ...t, ids: t.key === to ? (t.ids.includes(noteId) ? t.ids : [...t.ids, noteId]) : t.ids.filter((id) => id !== noteId) }))
    .filter((t) => t.ids.length > 0);
  const alone = to === ALONE ? (p.alone.includes(noteId) ? p.alone : [...p.alone, noteId]) : p.alone.filter((id) => id !== noteId);
  return { themes, alone };
}

export function renameTheme(p: Preview, key: string, name: string): Preview {
  return { ...p, themes: p.themes.map((t) => (t.key === key ? { ...t, name } : t)) };
}

/** Take themes out of the preview (accepted or ignored). */
export function withoutThemes(p: Preview, keys: readonly string[]): Preview {
  return { ...p, themes: p.themes.filter((t) => !keys.includes(t.key)) };
}

/** Put themes back (an accepted step undone), each where its key sorts, its notes taken
 *  from wherever they went meanwhile. */
export function restoreThemes(p: Preview, themes: readonly PreviewTheme[]): Preview {
  let out = p;
  for (const t of themes) for (const id of t.ids) out = { themes: out.themes.map((x) => ({ ...x, ids: x.ids.filter((i) => i !== id) })).filter((x) => x.ids.length > 0), alone: out.alone.filter((i) => i !== id) };
  const order = (k: string) => Number(k.slice(1));
  return { ...out, themes: [...out.themes, ...themes.map((t) => ({ ...t, ids: [...t.ids] }))].sort((a, b) => order(a.key) - order(b.key)) };
}

export function isEmpty(p: Preview): boolean {
  return p.themes.length === 0;
}
