/**
 * The transport through the real adapter (channelFromSdk) against the sandbox's stand-in for
 * Miro, which enforces Miro's rules (JSON payloads, value sizes, credits): real timers, short.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import { channelFromSdk } from '../../src/sync/miro-channel.js';
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
