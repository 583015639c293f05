/**
 * What a round over "every sticky on the board" costs in SDK calls (issue 8), on the sandbox's
 * stand-in for Miro: a board holding 22 inserted templates (all eleven, in Danish and English)
 * and 200 stickies people wrote (half of them on the templates, half beside them).
 *
 * - miro.round-create-calls: the calls a panel that has just opened makes to read the round's
 *   targets (the targets action, src/actions/round-targets.ts), its item index built from
 *   nothing in the same count. Before the index this was one metadata read per item of ours:
 *   463–483 calls. A second round on the same panel is logged (the index is then built).
 * Counts of calls, independent of the machine.
 */
import * as Y from 'yjs';
import { StandInBoard } from '../sandbox/host/stand-in.js';
import { perform as readTargets } from '../src/actions/round-targets.js';
import type { ActionContext } from '../src/actions/context.js';
import { CreditBudget } from '../src/board/credit-budget.js';
import { WebSdkSessionBoard } from '../src/board/session-board.js';
import { WebSdkBoard } from '../src/board/web-sdk-board.js';
import { boardWords } from '../src/ui/i18n/board-words.js';
import { layoutTemplate } from '../src/core/layout/layout.js';
import { CREDITS_PER_CALL } from '../src/core/miro-rules.js';
import { mulberry32 } from '../src/core/random.js';
import { TEMPLATES } from '../src/core/template/catalogue.js';
import type { BenchResult } from './types.js';

const STICKIES = 200;

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const host = new StandInBoard({ creditsPerMinute: 1e12, creditsPerHour: 1e12 });
  for (const id of ['fac', 'panel']) host.addUser({ id, name: id });
  const unlimited = new CreditBudget({ perMinute: 1e12, perHour: 1e12 });
  const fac = new WebSdkBoard(host.sdkFor('fac'), { budget: unlimited });
  const frames = [];
  let x = 0;
  for (const lang of ['da', 'en'] as const) {
    for (const t of TEMPLATES) {
      const layout = layoutTemplate(t, lang, { x, y: 0 });
      frames.push((await fac.insertLayout(layout, { at: { x, y: lang === 'da' ? 0 : 10_000 }, zoom: false })).frame);
      x += layout.frame.width + 200;
    }
  }
  const rng = mulberry32(8);
  for (let i = 0; i < STICKIES; i++) {
    const onTemplate = i % 2 === 0;
    const f = frames[i % frames.length]!;
    const at = onTemplate ? { x: f.x + 100 + rng() * (f.width - 200), y: f.y + 100 + rng() * (f.height - 200) } : { x: -5_000 - rng() * 3_000, y: rng() * 3_000 };
    const parent = onTemplate ? host.items().find((it) => it.type === 'frame' && it.absolute.x === f.x && it.absolute.y === f.y)?.id : undefined;
    host.hostCreate('fac', 'sticky_note', { content: `<p>note ${i}</p>`, ...at }, parent ? { parentId: parent } : {});
  }
  const items = host.items().length;

  host.latencyMs = 40;
  const sdk = host.sdkFor('panel');
  const board = new WebSdkSessionBoard(sdk, { board: new WebSdkBoard(sdk), words: boardWords });
  const ctx = { doc: new Y.Doc(), actor: { userId: 'panel' }, board } as unknown as ActionContext;
  const calls = () => (host.stats().creditsByUser.panel ?? 0) / CREDITS_PER_CALL;
  const first = await readTargets(ctx, { set: 'notes' });
  const cold = calls();
  const second = await readTargets(ctx, { set: 'notes' });
  const warm = calls() - cold;
  if (!first.ok || !second.ok) throw new Error('the targets could not be read');
  // Stickies on the plate (a private template) are never targets, and are counted as left out.
  const found = first.value.ids.length + first.value.privateLeftOut;
  if (found !== STICKIES) throw new Error(`a round over every sticky found ${found} of ${STICKIES}`);
  log(
    `${frames.length} templates, ${STICKIES} people's stickies, ${items} items on the board: a fresh panel's first round read ` +
      `${cold} calls (index built), its next round ${warm}; ${first.value.ids.length} targets, ${first.value.privateLeftOut} on the plate left out`,
  );
  return [{ name: 'miro.round-create-calls', value: cold, unit: 'calls', target: 20, better: 'lower' }];
}
