/**
 * The theme-suggestion panel's port: the engine in a chunk of its own (a dynamic import, so
 * the panel's first paint does not carry it), the notes' texts from the board, and grouping
 * through the grouping use case the manual Group button uses.
 */
import type { Actions } from '../actions/actions.js';
import type { BoardPort } from '../board/port.js';
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

/** The port over the session's actions: grouping and undo are the Group button's use cases. */
export function suggestFromActions(actions: () => Actions, board: Pick<BoardPort, 'getNotes'>): SuggestPort {
  return suggestPort({
    notes: (ids) => board.getNotes(ids),
    group: async (noteIds, label) => {
      const r = await actions().group({ noteIds, label });
      return r.ok ? { ok: true, value: { clusterId: r.value.clusterId } } : r;
    },
    ungroup: (clusterId) => actions().ungroup(clusterId),
  });
}
