/**
 * Where an update writes in the shared doc, read from its structs (before it is applied), so
 * the server can refuse a participant's write to a ballot that is not theirs.
 *
 * An item names its parent (a root map's name, or the id of the item holding a nested type)
 * and its key, or, when it has a left or right neighbour, inherits both from that neighbour
 * (a new value for a map key has the key's previous item as its left neighbour). So an item's
 * place is found through the doc's own items, the update's items, or the items of updates
 * checked moments ago that are not applied yet (a burst of frames is checked before the first
 * is applied). An item whose neighbour is nowhere yet cannot be placed: Yjs holds it back until
 * that neighbour arrives, and the neighbour, when it comes, is checked itself, so the item can
 * only ever land where a checked item is.
 */
import * as Y from 'yjs';

/** A place in the doc: the root map's name and the keys from it down (null: not a map key). */
export interface Place {
  root: string;
  keys: (string | null)[];
  /** a write whose value is a Y type (a map, an array, a text) */
  holdsType?: boolean;
}

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

interface Span {
  clock: number;
  end: number;
  place: Place;
}

/** Places of items checked recently, per client: found until the doc has them itself. */
export class RecentPlaces {
  private readonly byClient = new Map<number, Span[]>();
  private size = 0;

  add(client: number, clock: number, length: number, place: Place): void {
    let spans = this.byClient.get(client);
    if (!spans) this.byClient.set(client, (spans = []));
    spans.push({ clock, end: clock + length, place });
    // Bounded: what is this old has long been applied (or refused).
    if (++this.size > 4096) {
      this.byClient.clear();
      this.size = 0;
    }
  }

  find(client: number, clock: number): Place | null {
    const spans = this.byClient.get(client);
    if (!spans) return null;
    for (let i = spans.length - 1; i >= 0; i--) {
      const s = spans[i]!;
      if (clock >= s.clock && clock < s.end) return s.place;
    }
    return null;
  }
}

/** The place of an item already in the doc. */
function placeInDoc(doc: Y.Doc, item: Y.Item): Place | null {
  const keys: (string | null)[] = [];
  let it: Y.Item = item;
  for (;;) {
    keys.unshift(it.parentSub);
    const parent = it.parent as Y.AbstractType<unknown> | null;
    if (!parent) return null;
    if (parent._item === null) {
      const root = Y.findRootTypeKey(parent);
      return root === undefined ? null : { root, keys };
    }
    it = parent._item;
  }
}

function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const structs = doc.store.clients.get(id.client);
  if (!structs || id.clock >= Y.getState(doc.store, id.client)) return null;
  const s = structs[Y.findIndexSS(structs, id.clock)];
  return s instanceof Y.Item ? s : null;
}

/**
 * Every place an update writes or deletes in, or null for each item that cannot be placed yet.
 * `recent` learns the places of this update's items.
 */
export function placesOf(doc: Y.Doc, update: DecodedUpdate, recent: RecentPlaces): { writes: (Place | null)[]; deletes: (Place | null)[] } {
  const own = new Map<number, Y.Item[]>();
  for (const s of update.structs) {
    if (!(s instanceof Y.Item)) continue;
    let list = own.get(s.id.client);
    if (!list) own.set(s.id.client, (list = []));
    list.push(s);
  }
  const placed = new Map<Y.Item, Place | null>();
  const inUpdate = (id: Y.ID): Y.Item | null =>
    own.get(id.client)?.find((s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length) ?? null;
  /** The place of the item with this id: in the doc, this update or a recent one. */
  const placeOfId = (id: Y.ID, depth: number): Place | null => {
    const d = docItem(doc, id);
    if (d) return placeInDoc(doc, d);
    const u = inUpdate(id);
    if (u) return placeOfItem(u, depth + 1);
    return recent.find(id.client, id.clock);
  };
  const placeOfItem = (item: Y.Item, depth: number): Place | null => {
    if (placed.has(item)) return placed.get(item)!;
    let p: Place | null = null;
    if (depth < 64) {
      const parent = item.parent as string | Y.ID | null;
      if (typeof parent === 'string') p = { root: parent, keys: [item.parentSub] };
      else if (parent !== null) {
        const up = placeOfId(parent as Y.ID, depth);
        p = up && { root: up.root, keys: [...up.keys, item.parentSub] };
      } else {
        // No parent written: the neighbour's parent and key.
        const n = item.origin ?? item.rightOrigin;
        p = n ? placeOfId(n, depth) : null;
      }
    }
    placed.set(item, p);
    return p;
  };
  const writes: (Place | null)[] = [];
  for (const list of own.values()) {
    for (const item of list) {
      const p = placeOfItem(item, 0);
      writes.push(p && (item.content instanceof Y.ContentType ? { ...p, holdsType: true } : p));
      if (p) recent.add(item.id.client, item.id.clock, item.length, p);
    }
  }
  // A deletion of what the doc does not have yet would wait in Yjs and strike whatever comes
  // with those ids later: placed through this update or a recent one, or null (unknown).
  const deletes: (Place | null)[] = [];
  for (const [client, ranges] of update.ds.clients) {
    const structs = doc.store.clients.get(client);
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      if (clock + len > state) {
        const from = Math.max(clock, state);
        const mine = own.get(client)?.some((item) => item.id.clock <= from && item.id.clock + item.length > from);
        if (!mine) deletes.push(recent.find(client, from));
      }
      if (structs) {
        const end = Math.min(clock + len, state);
        if (clock < end) {
          for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < end; i++) {
            const s = structs[i]!;
            if (!(s instanceof Y.Item) || s.deleted) continue;
            const p = placeInDoc(doc, s);
            if (p) deletes.push(p);
          }
        }
      }
      // Deleting items of this very update (or not yet applied) deletes where they were written.
      for (const item of own.get(client) ?? []) {
        if (item.id.clock < clock + len && item.id.clock + item.length > clock) {
          const p = placed.get(item);
          if (p) deletes.push(p);
        }
      }
    }
  }
  return { writes, deletes };
}
