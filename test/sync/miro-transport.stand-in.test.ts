/**
 * The transport through the real adapter (channelFromSdk) against the sandbox's stand-in for
 * Miro, which enforces Miro's rules (JSON payloads, value sizes, credits): real timers, short.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import { channelFromSdk, type MiroChannel } from '../../src/sync/miro-channel.js';
import { MiroTransport } from '../../src/sync/miro-transport.js';
import { converged, randomEdit } from './harness.js';
import { mulberry32 } from '../support/sim-bus.js';

const fast = { flushMs: 250, joinTimeoutMs: 200, heartbeatMs: 1_000, presenceTimeoutMs: 4_000, pullDelayMs: [100, 300] as [number, number], replyStepMs: 100, saveDelayMs: 500, settleMs: 30 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const live: MiroTransport[] = [];
afterEach(async () => {
  await Promise.all(live.splice(0).map((t) => t.leave()));
});

describe('MiroTransport on the sandbox stand-in', () => {
  it('three users converge, a late one loads the snapshot, every call is metered at 50 credits', async () => {
    const board = new StandInBoard({ latencyMs: 3, jitterMs: 3, seed: 5 });
    const names = ['ann', 'bo', 'cy', 'dee'];
    for (const id of names) board.addUser({ id, name: id });
    const join = (id: string) => {
      const t = new MiroTransport({ channel: channelFromSdk(board.sdkFor(id), 'session'), ...fast, log: { warn: () => undefined } });
      live.push(t);
      return t;
    };
    const ts = names.slice(0, 3).map(join);
    await Promise.all(ts.map((t) => t.whenSynced()));
    const rng = mulberry32(3);
    for (let i = 0; i < 60; i++) randomEdit(ts[i % 3]!.doc, rng, `e${i}`);
    ts[0]!.doc.getText('t').insert(0, 'y'.repeat(100_000)); // over one storage value: chunked snapshot
    await sleep(2_000);
    const late = join('dee');
    await late.whenSynced();
    expect(late.doc.getText('t').length).toBe(100_000);
    expect(late.stats.storageGets).toBeGreaterThanOrEqual(4); // manifest + 3 chunks of the snapshot
    await sleep(1_500);
    expect(converged([...ts, late].map((t) => t.doc))).toBe(true);
    const stats = board.stats();
    const ours = [...ts, late].reduce((a, t) => a + t.stats.broadcasts + t.stats.storageGets + t.stats.storageSets + t.stats.storageRemoves, 0);
    expect(stats.creditsSpent).toBe(50 * ours);
    expect(stats.rateLimited).toBe(0);
  }, 20_000);
});

/** The channel with a fifth of deliveries lost and a tenth duplicated, as the lossy bus does. */
function lossy(channel: MiroChannel, rng: () => number): MiroChannel {
  const wrapped = new Map<(p: unknown) => void, (p: unknown) => void>();
  return {
    ...channel,
    on: (event, handler) => {
      const w = (p: unknown) => {
        if (rng() < 0.2) return;
        handler(p);
        if (rng() < 0.1) setTimeout(() => handler(p), rng() * 50);
      };
      wrapped.set(handler, w);
      return channel.on(event, w);
    },
    off: (event, handler) => channel.off(event, wrapped.get(handler) ?? handler),
  };
}

describe('MiroTransport on the sandbox stand-in: nothing lost when every panel closes (issue 8)', () => {
  const tuning = { ...fast, saveDelayMs: 300, saveGapMs: 600, leaseMs: 3_000, joinRetryMs: 150, relayMs: 1_000 };
  it('20 seeds: a change, then every panel closes within a second: the next panel to open has it', async () => {
    const outcomes = await Promise.all(Array.from({ length: 20 }, async (_, k) => {
      const seed = k + 1;
      const rng = mulberry32(seed);
      const board = new StandInBoard({ latencyMs: 3, jitterMs: 5, seed });
      const names = ['ann', 'bo', 'cy', 'next'];
      for (const id of names) board.addUser({ id, name: id });
      const open = (id: string) => {
        const sdk = board.sdkFor(id);
        const t = new MiroTransport({ channel: lossy(channelFromSdk(sdk, 'session'), rng), ...tuning, random: mulberry32(seed * 31 + id.length), log: { warn: () => undefined } });
        live.push(t);
        return { sdk, t };
      };
      const panels = names.slice(0, 3).map(open);
      await Promise.all(panels.map((p) => p.t.whenSynced()));
      panels[0]!.t.doc.getMap('m').set('first', seed);
      await sleep(1_500);
      const author = panels[Math.floor(rng() * 3)]!;
      author.t.doc.getMap('m').set('last', author.sdk.userId);
      // Each page closes at a random moment within the second: its pagehide runs, then it is gone.
      await Promise.all(panels.map(async (p) => {
        await sleep(rng() * 1_000);
        void p.t.leave();
        await new Promise((r) => setImmediate(r));
        p.sdk.dispose();
      }));
      await sleep(500);
      const next = open('next').t;
      await next.whenSynced();
      return { last: next.doc.getMap('m').get('last'), want: author.sdk.userId, first: next.doc.getMap('m').get('first'), seed };
    }));
    for (const o of outcomes) expect(o).toEqual({ last: o.want, want: o.want, first: o.seed, seed: o.seed });
  }, 30_000);
});
