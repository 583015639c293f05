/**
 * What the host tells the session: who is online, the selection, and the texts of the notes
 * (and the deck's areas, shapes) the session refers to (the doc knows ids, the board knows words): from the selection
 * as it changes, and, a moment after the doc changes, one board read for the clustered notes
 * and round targets not yet known.
 */
import type * as Y from 'yjs';
import type { HostPort, Person } from '../board/host-port.js';
import type { BoardPort, ItemText } from '../board/port.js';
import { contentText } from '../board/content-text.js';
import { listClusters } from '../core/session/clusters.js';
import { listRounds } from '../core/session/rounds.js';
import { deletedMap, membershipMap } from '../core/session/schema.js';

/** Board reads wait this long after a change, so a burst of changes is one read. */
const SETTLE_MS = 300;

export class HostView {
  people: Person[] = [];
  /** Selected sticky notes (grouping takes these). */
  selection: string[] = [];
  /** Every selected item with text: notes and the deck's areas (a vote for the selection takes these). */
  selected: string[] = [];
  labels: Readonly<Record<string, string>> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly board: Pick<BoardPort, 'getTexts'>,
    private readonly changed: () => void,
  ) {}

  /** Follows online users and the selection (read once now); returns the unsubscribe. */
  async watch(host: HostPort): Promise<() => void> {
    const onPeople = (people: Person[]) => ((this.people = people), this.changed());
    const onSelection = (notes: ItemText[], others: readonly ItemText[] = []) => {
      this.remember([...notes, ...others]);
      this.selection = notes.map((n) => n.id);
      this.selected = [...this.selection, ...others.map((o) => o.id)];
      this.changed();
    };
    const offs = [host.onOnlineUsers(onPeople), host.onSelection(onSelection)];
    const [people, selected] = await Promise.all([host.onlineUsers().catch(() => []), host.selection().catch(() => [])]);
    onPeople(people);
    onSelection(selected);
    return () => offs.forEach((off) => off());
  }

  remember(notes: readonly ItemText[]): void {
    for (const n of notes) {
      const text = contentText(n.content);
      if (this.labels[n.id] !== text) this.labels = { ...this.labels, [n.id]: text };
    }
  }

  /** Reads what `doc` refers to a moment after each change to it; returns the unsubscribe. */
  follow(doc: Y.Doc): () => void {
    const onUpdate = () => this.schedule(doc);
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }

  /** After a change to `doc`: read what is missing once things settle. */
  private schedule(doc: Y.Doc): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.read(doc);
    }, SETTLE_MS);
  }

  clear(): void {
    this.labels = {};
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async read(doc: Y.Doc): Promise<void> {
    const wanted = new Set<string>([...membershipMap(doc).keys()]);
    for (const r of listRounds(doc)) for (const t of r.targets) wanted.add(t);
    const clusters = new Set(listClusters(doc).map((c) => c.id));
    const missing = [...wanted].filter((id) => !(id in this.labels) && !deletedMap(doc).has(id) && !clusters.has(id));
    if (missing.length === 0) return;
    try {
      const notes = await this.board.getTexts(missing);
      this.remember(notes);
      if (notes.length > 0) this.changed();
    } catch (e) {
      console.warn('Tryghed: could not read sticky texts', e);
    }
  }
}
