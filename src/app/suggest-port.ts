/**
 * The theme-suggestion panel's port: the engine in a chunk of its own (a dynamic import, so
 * the panel's first paint does not carry it), the notes' texts from the board, and grouping
 * through the grouping use case the manual Group button uses.
 */
import type { PortResult, SuggestPort } from '../ui/session/suggest-port.js';

export interface SuggestDeps {
  /** Sticky notes by id, with their HTML content. */
  notes(ids: readonly string[]): Promise<ReadonlyArray<{ id: string; content: string }>>;
  group(noteIds: readonly string[], label: string): Promise<PortResult<{ clusterId: string }>>;
  ungroup(clusterId: string): Promise<PortResult<unknown>>;
}

export function suggestPort(deps: SuggestDeps): SuggestPort {
  return {
    load: () => import('../suggest/index.js'),
    texts: async (ids) => Object.fromEntries((await deps.notes(ids)).map((n) => [n.id, n.content])),
    group: (noteIds, label) => deps.group(noteIds, label),
    ungroup: (clusterId) => deps.ungroup(clusterId),
  };
}
