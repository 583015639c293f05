/** The pulse's chart frame (core/layout/pulse-frame.ts) on the board, replacing its earlier one. */
import { layoutPulse } from '../core/layout/pulse-frame.js';
import { BoardLinkError } from './link-items.js';
import type { PulseFrame, PulseOutcome } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import { placeFrame } from './session-board-results.js';
import type { SdkFrame } from './sdk.js';

export async function showPulse(items: SessionBoardItems, pulseId: string, chart: PulseFrame): Promise<PulseOutcome> {
  let out: PulseOutcome;
  try {
    const earlier = (await items.ours((m) => m.k === 'results' && m.r === pulseId, chart.signal)).map((m) => m.item as SdkFrame);
    const { layout: _l, ...placed } = await placeFrame(items, pulseId, earlier, (pos) => layoutPulse({ ...chart, ...pos }), chart);
    out = placed;
  } catch (e) {
    throw BoardLinkError.from('results', e);
  }
  if (chart.zoom !== false) await items.board.zoomTo([out.frameId]).catch(() => undefined);
  return out;
}
