/**
 * What the theme-suggestion panel needs from outside the UI: the engine (a chunk of its own,
 * loaded only when someone asks for suggestions), the texts of the notes, and grouping
 * through the same use case as a manual group. src/app builds it; the panel sees types only.
 */
import type * as SuggestApi from '../../suggest/index.js';

export type SuggestModule = typeof SuggestApi;

export type PortResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface SuggestPort {
  /** The engine's module; the first call loads it. */
  load(): Promise<SuggestModule>;
  /** Sticky note contents (HTML as the board keeps it) by id; a note gone is left out. */
  texts(ids: readonly string[]): Promise<Record<string, string>>;
  /** Group notes into a new cluster, as a manual group does. */
  group(noteIds: readonly string[], label: string): Promise<PortResult<{ clusterId: string }>>;
  /** Undo a grouping: the cluster is dissolved, its label leaves the board. */
  ungroup(clusterId: string): Promise<PortResult<unknown>>;
}
