/**
 * The app's items on the board (template frames and the items they brought, by marker), kept
 * by each panel so a round over the whole board or a template costs no calls, whatever the
 * board holds.
 *
 * Built once: one `board.get` of the four item types we read, and one storage read per
 * template (`tryghed.items`/<templateId>: every insertion's frame and element → item ids,
 * written by whoever inserts). A frame no record names gets one metadata read; if it is ours
 * (an insertion from before records, or one still under way) its children's metadata tell
 * which are ours, and an old one's record is written so the next panel is spared that. After
 * the build, `items:create` / `items:delete` / `experimental:items:update` keep it current; a
 * frame that appears is checked on the next read. Items people make carry no marker of ours
 * and cost nothing to tell apart: they are in no record.
 */
import type { Json } from '@mirohq/websdk-types';
import type { Rect } from '../core/geometry.js';
import { TEMPLATE_IDS } from '../core/template/ids.js';
import type { TemplateId } from '../core/template/types.js';
import { absRect } from './item-rects.js';
import { decodeMarker, MARKER_KEY, MARKER_VERSION, type TryghedMarker } from './marker.js';
import type { BoardItemKind, BoardNote, MarkedItem, MarkerFilter } from './port.js';
import type { MiroSdk, SdkItem, SdkOtherItem } from './sdk.js';

export const ITEMS_COLLECTION = 'tryghed.items';
const TYPES = ['frame', 'sticky_note', 'shape', 'text'];
/** A frame whose marker was not there yet may be an insertion under way: look again for this long. */
const YOUNG_MS = 120_000;
const RECHECK_MS = 5_000;

/** One insertion as stored: its frame, and element id → item id. */
export interface InsertionRecord {
  f: string;
  ids: Record<string, string>;
}

interface FrameInfo {
  marker: TryghedMarker | null;
  seenAt: number;
  checkedAt: number;
  /** Whether we know which of its children are ours. */
  childrenKnown: boolean;
}

export interface ItemIndexOptions {
  /** Runs one SDK call (through the board's gate: bounded, paid, retried). */
  call<T>(fn: () => Promise<T>): Promise<T>;
  now?: () => number;
  warn?: (message: string, err?: unknown) => void;
}

type AnyItem = SdkItem | SdkOtherItem;
const isItem = (i: AnyItem): i is SdkItem => TYPES.includes(i.type) && 'x' in i;

export class ItemIndex {
  private readonly items = new Map<string, SdkItem>();
  private readonly markers = new Map<string, TryghedMarker>();
  private readonly frames = new Map<string, FrameInfo>();
  private built: Promise<void> | null = null;
  private readonly offs: Array<() => void> = [];
  private readonly now: () => number;

  constructor(private readonly sdk: MiroSdk, private readonly o: ItemIndexOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Sticky notes on the board, with absolute rects (no call once built). */
  async notes(): Promise<BoardNote[]> {
    await this.ready();
    const out: BoardNote[] = [];
    for (const i of this.items.values()) {
      if (i.type !== 'sticky_note') continue;
      out.push({ id: i.id, content: i.content, colour: i.style.fillColor, rect: this.rectOf(i), parentId: i.parentId });
    }
    return out;
  }

  /** Our template frames matching `filter`, and with `children` their items of the same insertion. */
  async marked(filter: MarkerFilter = {}, children = true): Promise<MarkedItem[]> {
    await this.ready();
    await this.resolve();
    const out: MarkedItem[] = [];
    for (const [id, info] of this.frames) {
      const m = info.marker;
      const frame = this.items.get(id);
      if (!m || !frame || (filter.templateId && m.t !== filter.templateId) || (filter.insertionId && m.i !== filter.insertionId)) continue;
      if (!filter.elementId || m.e === filter.elementId) out.push(this.markedItem(frame, m));
      if (!children) continue;
      for (const child of this.items.values()) {
        const cm = this.markers.get(child.id);
        if (child.parentId !== id || !cm || cm.i !== m.i || (filter.elementId && cm.e !== filter.elementId)) continue;
        out.push(this.markedItem(child, cm));
      }
    }
    return out;
  }

  /** Our own insertion: remembered here, and stored for every other panel (2 calls). */
  async recordInsertion(templateId: TemplateId, insertionId: string, ids: Record<string, string>): Promise<void> {
    const frameId = ids.frame;
    if (!frameId) return;
    for (const [e, id] of Object.entries(ids)) this.markers.set(id, { t: templateId, e, i: insertionId, v: MARKER_VERSION });
    this.frames.set(frameId, { marker: this.markers.get(frameId)!, seenAt: this.now(), checkedAt: this.now(), childrenKnown: true });
    await this.store(templateId, insertionId, { f: frameId, ids });
  }

  /**
   * Items added to an insertion after it, or taken from it (the plan's rows in the P-IGLO
   * frame): marked as its own here, so reads count them as ours and never as people's notes,
   * and stored for every other panel (2 calls).
   */
  async amendInsertion(templateId: TemplateId, insertionId: string, frameId: string, add: Readonly<Record<string, string>>, drop: readonly string[]): Promise<void> {
    await this.ready();
    for (const [e, id] of Object.entries(add)) this.markers.set(id, { t: templateId, e, i: insertionId, v: MARKER_VERSION });
    for (const id of drop) this.markers.delete(id);
    const ids: Record<string, string> = {};
    for (const [id, m] of this.markers) if (m.t === templateId && m.i === insertionId) ids[m.e] = id;
    await this.store(templateId, insertionId, { f: frameId, ids });
  }

  /** What we know an item is (no call): its marker, if it is one of ours. */
  markerOf(id: string): TryghedMarker | undefined {
    return this.markers.get(id);
  }

  /** Forgets everything; the next read builds again. */
  refresh(): void {
    this.dispose();
    this.items.clear();
    this.markers.clear();
    this.frames.clear();
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.built = null;
  }

  // ---- building and keeping -----------------------------------------------------------------

  private ready(): Promise<void> {
    if (!this.built) {
      this.built = this.build();
      this.built.catch(() => (this.built = null)); // a failed build is tried again on the next read
    }
    return this.built;
  }

  private async build(): Promise<void> {
    this.listen();
    const [all, records] = await Promise.all([
      this.o.call(() => this.sdk.board.get({ type: TYPES })),
      Promise.all(TEMPLATE_IDS.map(async (t) => [t, await this.records(t)] as const)),
    ]);
    for (const i of all) if (isItem(i)) this.items.set(i.id, i);
    const now = this.now();
    for (const [t, byInsertion] of records) {
      for (const [i, rec] of Object.entries(byInsertion)) {
        if (!this.items.has(rec.f)) continue; // that insertion's frame is gone
        for (const [e, id] of Object.entries(rec.ids)) if (this.items.has(id)) this.markers.set(id, { t, e, i, v: MARKER_VERSION });
        this.frames.set(rec.f, { marker: this.markers.get(rec.f)!, seenAt: now, checkedAt: now, childrenKnown: true });
      }
    }
    // Frames no record names: seen long ago (they were there when we came), checked on the next read.
    for (const i of this.items.values()) if (i.type === 'frame' && !this.frames.has(i.id)) this.frames.set(i.id, unchecked(now - YOUNG_MS));
  }

  private listen(): void {
    const ui = this.sdk.board.ui;
    const on = (name: string, fn: (e: { items?: AnyItem[] }) => void) => {
      ui.on(name, fn);
      this.offs.push(() => ui.off(name, fn));
    };
    const put = (e: { items?: AnyItem[] }) => {
      for (const i of e.items ?? []) {
        if (!isItem(i)) continue;
        this.items.set(i.id, i);
        if (i.type === 'frame' && !this.frames.has(i.id)) this.frames.set(i.id, unchecked(this.now()));
      }
    };
    on('items:create', put);
    on('experimental:items:update', put);
    on('items:delete', (e) => {
      for (const i of e.items ?? []) {
        this.items.delete(i.id);
        this.markers.delete(i.id);
        this.frames.delete(i.id);
      }
    });
  }

  /** Reads what reads need: markers of frames not yet known, and which of an unrecorded frame's children are ours. */
  private async resolve(): Promise<void> {
    const now = this.now();
    const check = [...this.frames].filter(([id, f]) => this.items.has(id) && (f.checkedAt < 0 || (f.marker === null && now - f.seenAt < YOUNG_MS && now - f.checkedAt > RECHECK_MS)));
    await Promise.all(check.map(async ([id, f]) => {
      const frame = this.items.get(id);
      if (!frame) return;
      f.marker = decodeMarker(await this.o.call(() => frame.getMetadata(MARKER_KEY)));
      f.checkedAt = this.now();
      if (f.marker) this.markers.set(id, f.marker);
    }));
    const open = [...this.frames].filter(([id, f]) => f.marker && !f.childrenKnown && this.items.has(id));
    await Promise.all(open.map(([id, f]) => this.learnChildren(id, f)));
  }

  /** An insertion no record named when we built: its record now, or its children's metadata. */
  private async learnChildren(frameId: string, f: FrameInfo): Promise<void> {
    const m = f.marker!;
    const rec = (await this.records(m.t))[m.i];
    if (rec && rec.f === frameId) {
      for (const [e, id] of Object.entries(rec.ids)) if (this.items.has(id)) this.markers.set(id, { t: m.t, e, i: m.i, v: MARKER_VERSION });
      f.childrenKnown = true;
      return;
    }
    const children = [...this.items.values()].filter((i) => i.parentId === frameId);
    const marks = await Promise.all(children.map((c) => this.o.call(() => c.getMetadata(MARKER_KEY))));
    const ids: Record<string, string> = { frame: frameId };
    children.forEach((c, k) => {
      const cm = decodeMarker(marks[k]);
      if (cm && cm.i === m.i) {
        this.markers.set(c.id, cm);
        ids[cm.e] = c.id;
      }
    });
    // An insertion under way may still add children and writes its own record: ask again next
    // time. An old one's record is written here, once.
    if (this.now() - f.seenAt < YOUNG_MS) return;
    f.childrenKnown = true;
    await this.store(m.t, m.i, { f: frameId, ids }).catch((e: unknown) => this.o.warn?.('Tryghed: could not store an insertion record', e));
  }

  // ---- the stored records -------------------------------------------------------------------

  private collection() {
    return this.sdk.board.storage.collection(ITEMS_COLLECTION);
  }

  private async records(t: TemplateId): Promise<Record<string, InsertionRecord>> {
    return parseRecords(await this.o.call(() => this.collection().get(t)));
  }

  /** Adds one insertion to its template's record (read, then write: a racing insert may need the fallback). */
  private async store(t: TemplateId, insertionId: string, rec: InsertionRecord): Promise<void> {
    const all = await this.records(t);
    // Insertions whose frame is gone are dropped, so the value stays small.
    const live = Object.fromEntries(Object.entries(all).filter(([, r]) => !this.built || this.items.has(r.f)));
    live[insertionId] = rec;
    await this.o.call(() => this.collection().set(t, { v: 1, ins: live } as unknown as Json));
  }

  // ---- shapes ---------------------------------------------------------------------------------

  private markedItem(item: SdkItem, marker: TryghedMarker): MarkedItem {
    return { id: item.id, kind: kindOf(item.type), rect: this.rectOf(item), parentId: item.parentId, marker };
  }

  /** Absolute top-left rect; a child's centre is relative to its frame's top-left. */
  private rectOf(item: SdkItem): Rect {
    return absRect(item, this.items);
  }
}

function unchecked(seenAt: number): FrameInfo {
  return { marker: null, seenAt, checkedAt: -1, childrenKnown: false };
}

function kindOf(type: string): BoardItemKind {
  return type === 'frame' || type === 'sticky_note' || type === 'shape' || type === 'text' ? type : 'other';
}

/** A stored record value; anything malformed counts as no record (the metadata fallback applies). */
export function parseRecords(value: unknown): Record<string, InsertionRecord> {
  const out: Record<string, InsertionRecord> = {};
  const ins = (value as { v?: unknown; ins?: unknown } | null)?.ins;
  if (typeof ins !== 'object' || ins === null || (value as { v?: unknown }).v !== 1) return out;
  for (const [i, r] of Object.entries(ins as Record<string, unknown>)) {
    const rec = r as { f?: unknown; ids?: unknown } | null;
    if (typeof rec?.f !== 'string' || typeof rec.ids !== 'object' || rec.ids === null) continue;
    const ids = Object.fromEntries(Object.entries(rec.ids as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
    out[i] = { f: rec.f, ids };
  }
  return out;
}
