/**
 * What a person does on the sandbox board, as one participant ("acting as"): select, write
 * a sticky, move, edit, delete. Plain logic over the StandInBoard (no DOM), so the page's
 * pointer and keyboard handlers and the test hook share one path to the stand-in.
 */
import type { StickyColour } from '../../src/core/miro-rules.js';
import type { ItemView, StandInBoard } from '../host/stand-in.js';

/** replace: just these; add: these too; toggle: flip each (shift/ctrl-click). */
export type SelectMode = 'replace' | 'add' | 'toggle';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Typed text to sticky content: one <p> per line, escaped (Miro's content is HTML). */
export function textToContent(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => `<p>${line.replace(/[&<>"]/g, (c) => ESCAPES[c]!)}</p>`)
    .join('');
}

export function pointIn(r: { x: number; y: number; width: number; height: number }, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

export class BoardEditing {
  constructor(
    private readonly board: StandInBoard,
    public actingUser: string,
  ) {}

  /** The acting user's selection (live items only). */
  selection(): string[] {
    return this.board.selectionOf(this.actingUser).filter((id) => this.board.item(id) !== undefined);
  }

  select(ids: readonly string[], mode: SelectMode = 'replace'): string[] {
    const current = this.selection();
    let next: string[];
    if (mode === 'replace') next = [...new Set(ids)];
    else if (mode === 'add') next = [...new Set([...current, ...ids])];
    else {
      const flip = new Set(ids);
      next = [...current.filter((id) => !flip.has(id)), ...[...flip].filter((id) => !current.includes(id))];
    }
    this.board.setSelection(this.actingUser, next);
    return next;
  }

  clearSelection(): void {
    if (this.board.selectionOf(this.actingUser).length > 0) this.board.setSelection(this.actingUser, []);
  }

  /** The topmost (last created) frame under a board point, if any. */
  frameAt(x: number, y: number): string | null {
    const frames = this.board.items().filter((i) => i.type === 'frame' && pointIn(i.absolute, x, y));
    return frames.at(-1)?.id ?? null;
  }

  /**
   * Write a sticky centred at (x, y), as the acting user. Inside a frame it becomes the frame's
   * child (frameId undefined: whichever frame is under the point; null: none). Like on Miro,
   * the new sticky is then the selection.
   */
  createSticky(text: string, x: number, y: number, options: { frameId?: string | null; colour?: StickyColour } = {}): ItemView {
    const frameId = options.frameId === undefined ? this.frameAt(x, y) : options.frameId;
    const props = { content: textToContent(text), x, y, style: { fillColor: options.colour ?? 'light_yellow' } };
    const item = this.board.hostCreate(this.actingUser, 'sticky_note', props, frameId ? { parentId: frameId } : {});
    this.select([item.id]);
    return item;
  }

  edit(id: string, text: string, colour?: StickyColour): ItemView {
    return this.board.hostUpdate(id, { content: textToContent(text), ...(colour ? { style: { fillColor: colour } } : {}) });
  }

  /** Drag items by (dx, dy) board units (a frame carries its children; items re-parent by where they land). */
  move(ids: readonly string[], dx: number, dy: number): ItemView[] {
    if (ids.length === 0 || (dx === 0 && dy === 0)) return [];
    return this.board.hostMove(ids, dx, dy);
  }

  /** Delete the selection (a frame takes its children); returns what was removed. */
  deleteSelection(): string[] {
    const removed: string[] = [];
    for (const id of this.selection()) {
      if (!this.board.item(id)) continue; // went with a frame deleted just before
      removed.push(id);
      this.board.hostRemove(id);
    }
    if (removed.length > 0) this.board.setSelection(this.actingUser, this.selection());
    return removed;
  }
}
