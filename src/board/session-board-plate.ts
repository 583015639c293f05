/**
 * A copy of one plate answer, put on the board at its owner's request: an ordinary sticky
 * note (no marker, nothing that ties it to the panel), in the "shared" zone of the plate on
 * the board so it stays with the plate and, like everything on it, is never voted on; with no
 * plate on the board, near the view. The answer itself stays on the device (src/ui/plate-store.ts).
 */
import { centreIn, overlaps, type Rect } from '../core/geometry.js';
import { STICKY_ASPECT } from '../core/miro-rules.js';
import { getTemplate } from '../core/template/catalogue.js';
import { escapeHtml } from '../core/template/markup.js';
import { BoardLinkError } from './link-items.js';
import type { SdkFrame, MiroSdk } from './sdk.js';
import type { WebSdkBoard } from './web-sdk-board.js';

const WIDTH = 200;
const HEIGHT = Math.ceil(WIDTH * STICKY_ASPECT.square);
const GAP = 24;

/** Plain text as sticky HTML: one paragraph per line, nothing of it read as markup. */
export function noteHtml(text: string): string {
  return text.split('\n').map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}

/** The shared zone of the plate frame at `frame` (absolute). */
function sharedZone(frame: Rect): Rect {
  const zone = getTemplate('plate').elements.find((e) => e.kind === 'zone' && e.id === 'shared');
  if (!zone || zone.kind !== 'zone') return frame;
  return { x: frame.x + zone.x, y: frame.y + zone.y, width: zone.width, height: zone.height };
}

/** The first free cell of a sticky grid inside `zone` (below its label band), else its last cell. */
export function freeCell(zone: Rect, taken: readonly Rect[], band = 120): Rect {
  const cols = Math.max(1, Math.floor((zone.width - GAP) / (WIDTH + GAP)));
  const rows = Math.max(1, Math.floor((zone.height - band - GAP) / (HEIGHT + GAP)));
  let cell: Rect = zone;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      cell = { x: zone.x + GAP + c * (WIDTH + GAP), y: zone.y + band + r * (HEIGHT + GAP), width: WIDTH, height: HEIGHT };
      if (!taken.some((t) => overlaps(t, cell))) return cell;
    }
  }
  return cell;
}

export async function shareNote(sdk: MiroSdk, board: WebSdkBoard, text: string, signal?: AbortSignal): Promise<string> {
  try {
    const plates = await board.findMarkedFrames({ templateId: 'plate' });
    const plate = plates.at(-1);
    let rect: Rect;
    if (plate) {
      const zone = sharedZone(plate.rect);
      const notes = (await board.getNotes()).filter((n) => centreIn(zone, n.rect)).map((n) => n.rect);
      rect = freeCell(zone, notes);
    } else {
      rect = await board.findFreeSpace({ width: WIDTH, height: HEIGHT });
    }
    const note = await board.gate.run(
      () => sdk.board.createStickyNote({
        content: noteHtml(text), x: rect.x + WIDTH / 2, y: rect.y + HEIGHT / 2, width: WIDTH, shape: 'square', style: { fillColor: 'light_yellow' },
      }),
      signal,
    );
    if (plate) {
      const [frame] = await board.gate.run(() => sdk.board.get({ id: [plate.id] }), signal);
      // Attached, it moves with the plate; if attaching fails the note still stands where it was put.
      if (frame?.type === 'frame') await board.gate.run(() => (frame as SdkFrame).add(note), signal).catch(() => undefined);
    }
    await board.zoomTo([note.id]).catch(() => undefined);
    return note.id;
  } catch (e) {
    throw BoardLinkError.from('share', e);
  }
}
