/**
 * Inserting the largest template (by item count) into the sandbox stand-in with 40 ms per
 * SDK call: WebSdkBoard (bounded concurrency under the credit budget) against the pattern of
 * Miro's own examples, one call at a time (await each create, then each add, then each
 * setMetadata), in the same run. Then a sustained phase over a fake clock: back-to-back
 * insertions worth 2.5 minutes of Miro's credit budget, to show the budget holds at 100,000 a minute.
 */
import { StandInBoard } from '../sandbox/host/stand-in.js';
import { createCall, shiftRect } from '../src/board/convert.js';
import { CreditBudget } from '../src/board/credit-budget.js';
import { SdkGate } from '../src/board/gate.js';
import { createItem } from '../src/board/insert.js';
import { MARKER_KEY, MARKER_VERSION } from '../src/board/marker.js';
import type { MiroSdk, SdkFrame } from '../src/board/sdk.js';
import { WebSdkBoard } from '../src/board/web-sdk-board.js';
import { layoutTemplate } from '../src/core/layout/layout.js';
import type { Layout } from '../src/core/layout/types.js';
import { CREDITS_PER_CALL, CREDITS_PER_HOUR, CREDITS_PER_MINUTE } from '../src/core/miro-rules.js';
import { TEMPLATES } from '../src/core/template/catalogue.js';
import { FakeClock } from '../test/board/fake-clock.js';
import type { BenchResult } from './types.js';

const LATENCY_MS = 40;
const AT = { x: 0, y: 0 };

function standIn(options: ConstructorParameters<typeof StandInBoard>[0]) {
  const host = new StandInBoard(options);
  host.addUser({ id: 'bench', name: 'Bench' });
  return { host, sdk: host.sdkFor('bench') };
}

/** The baseline: every call awaited before the next, as in Miro's examples. */
async function insertOneAtATime(sdk: MiroSdk, layout: Layout): Promise<void> {
  const dx = AT.x - layout.frame.x;
  const dy = AT.y - layout.frame.y;
  const created = [];
  for (const item of layout.items) created.push(await createItem(sdk, createCall(item, shiftRect(item.rect, dx, dy))));
  const frame = created[0] as SdkFrame;
  for (const child of created.slice(1)) await frame.add(child);
  for (let k = 0; k < created.length; k++) {
    await created[k]!.setMetadata(MARKER_KEY, { t: layout.templateId, e: layout.items[k]!.elementId, i: 'baseline', v: MARKER_VERSION });
  }
}

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const layouts = TEMPLATES.map((t) => layoutTemplate(t, 'da', AT));
  const layout = layouts.reduce((a, b) => (b.items.length > a.items.length ? b : a));
  const n = layout.items.length;
  log(`largest template: ${layout.templateId} (${n} items, ${3 * n - 1} SDK calls), ${LATENCY_MS} ms per call`);

  const base = standIn({ latencyMs: LATENCY_MS });
  let t0 = performance.now();
  await insertOneAtATime(base.sdk, layout);
  const baselineMs = performance.now() - t0;
  if (base.host.items().length !== n) throw new Error('baseline did not insert every item');

  const ours = standIn({ latencyMs: LATENCY_MS });
  const board = new WebSdkBoard(ours.sdk);
  t0 = performance.now();
  await board.insertLayout(layout, { at: AT, zoom: false });
  const oursMs = performance.now() - t0;
  if (ours.host.items().length !== n) throw new Error('WebSdkBoard did not insert every item');
  const stats = ours.host.stats();
  const speedup = baselineMs / oursMs;
  log(`one call at a time: ${baselineMs.toFixed(0)} ms (${base.host.stats().maxInFlight} in flight at most)`);
  log(`WebSdkBoard:        ${oursMs.toFixed(0)} ms (${stats.maxInFlight} in flight at most, bound ${board.gate.concurrency}) — ${speedup.toFixed(1)}× faster`);
  log(`credits: ${stats.creditsSpent} spent (${stats.totalCalls} calls × ${CREDITS_PER_CALL}) of ${CREDITS_PER_MINUTE}/minute and ${CREDITS_PER_HOUR}/hour; rate-limited: ${stats.rateLimited}`);

  // Sustained: insertions back to back until 2.5 minutes of budget are spent, on a fake clock
  // shared by the budget and the stand-in's rate limiter (which would answer 429 if we went over).
  const clock = new FakeClock(0);
  const sustained = standIn({ now: () => clock.now() });
  const gate = new SdkGate({ budget: new CreditBudget({ clock }), clock, retry: { attempts: 1 } });
  const busy = new WebSdkBoard(sustained.sdk, { gate });
  const rounds = Math.ceil((2.5 * CREDITS_PER_MINUTE) / (CREDITS_PER_CALL * (3 * n - 1)));
  for (let k = 0; k < rounds; k++) {
    const r = await clock.drive(busy.insertLayout(layout, { at: AT, zoom: false }));
    sustained.host.hostRemove(r.frameId);
  }
  const usage = gate.budget.usage();
  const peak = Math.max(usage.peakMinute, board.gate.budget.usage().peakMinute);
  log(
    `sustained (fake clock): ${rounds} insertions, ${usage.total} credits in ${(clock.now() / 1000).toFixed(0)} s, ` +
      `peak ${usage.peakMinute} credits in any minute, ${sustained.host.stats().rateLimited} refused by the rate limiter`,
  );

  return [
    { name: 'insert.speedup', value: speedup, unit: 'x', target: 8, better: 'higher' },
    { name: 'insert.peak-credits-per-minute', value: peak, unit: 'credits', target: CREDITS_PER_MINUTE, better: 'lower' },
  ];
}
