import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreditBudget, HOUR_MS, MINUTE_MS } from '../../src/board/credit-budget.js';
import { SdkGate } from '../../src/board/gate.js';
import { CREDITS_PER_CALL, CREDITS_PER_HOUR, CREDITS_PER_MINUTE } from '../../src/core/miro-rules.js';
import { peakInWindow } from './budget-check.js';
import { FakeClock } from './fake-clock.js';

describe('CreditBudget', () => {
  it('admits up to the minute limit at once, then waits for the oldest spend to leave the window', async () => {
    const clock = new FakeClock(0);
    const budget = new CreditBudget({ clock, perMinute: 200, perHour: 10_000 });
    const admitted: number[] = [];
    const spends = Array.from({ length: 6 }, (_, k) =>
      clock.sleep(k * 1000).then(() => budget.spend(50)).then(() => admitted.push(clock.now())),
    );
    await clock.drive(Promise.all(spends));
    // Four fit in the first minute (t = 0..3 s); the fifth waits until t=0 leaves (t = 60 s), the sixth until t=1 s does.
    expect(admitted).toEqual([0, 1000, 2000, 3000, MINUTE_MS, MINUTE_MS + 1000]);
    expect(budget.usage()).toEqual({ minute: 200, hour: 300, total: 300, peakMinute: 200, peakHour: 300 });
  });

  it('the hourly cap binds once the minute windows have added up to it', async () => {
    const clock = new FakeClock(0);
    const budget = new CreditBudget({ clock, perMinute: 100, perHour: 300 });
    const admitted: number[] = [];
    await clock.drive(Promise.all(Array.from({ length: 8 }, () => budget.spend(50).then(() => admitted.push(clock.now())))));
    expect(admitted).toEqual([0, 0, MINUTE_MS, MINUTE_MS, 2 * MINUTE_MS, 2 * MINUTE_MS, HOUR_MS, HOUR_MS]);
  });

  it('a waiter that aborts gives up without spending, and the next one is served', async () => {
    const clock = new FakeClock(0);
    const budget = new CreditBudget({ clock, perMinute: 50, perHour: 1000 });
    await budget.spend(50);
    const ctl = new AbortController();
    const gaveUp = budget.spend(50, ctl.signal);
    const next = budget.spend(50);
    ctl.abort(new Error('cancelled'));
    await expect(gaveUp).rejects.toThrow('cancelled');
    await clock.drive(next);
    expect(clock.now()).toBe(MINUTE_MS);
    expect(budget.usage().total).toBe(100);
  });

  it('refuses a spend that could never fit', async () => {
    await expect(new CreditBudget({ perMinute: 100 }).spend(101)).rejects.toThrow(RangeError);
  });

  it('never exceeds either window under random bursts and limits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 8 }).chain((perCallsMinute) =>
          fc.record({
            perMinute: fc.constant(perCallsMinute * 50),
            perHour: fc.integer({ min: perCallsMinute, max: perCallsMinute * 5 }).map((n) => n * 50),
            bursts: fc.array(fc.record({ gapMs: fc.integer({ min: 0, max: 3 * MINUTE_MS }), size: fc.integer({ min: 1, max: 12 }) }), {
              minLength: 1,
              maxLength: 15,
            }),
          }),
        ),
        async ({ perMinute, perHour, bursts }) => {
          const clock = new FakeClock(0);
          const budget = new CreditBudget({ clock, perMinute, perHour });
          const log: Array<{ at: number; credits: number }> = [];
          const all: Promise<void>[] = [];
          let start = 0;
          for (const b of bursts) {
            start += b.gapMs;
            for (let k = 0; k < b.size; k++) {
              all.push(clock.sleep(start).then(() => budget.spend(50)).then(() => void log.push({ at: clock.now(), credits: 50 })));
            }
          }
          await clock.drive(Promise.all(all));
          expect(log.length).toBe(all.length);
          expect(peakInWindow(log, MINUTE_MS)).toBeLessThanOrEqual(perMinute);
          expect(peakInWindow(log, HOUR_MS)).toBeLessThanOrEqual(perHour);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("holds Miro's real limits across 30,000 calls through the gate (1.5 M credits, fake clock)", async () => {
    const clock = new FakeClock(0);
    const gate = new SdkGate({ clock, concurrency: 10 });
    const log: Array<{ at: number; credits: number }> = [];
    let inFlight = 0;
    let maxInFlight = 0;
    // A call costs 40 ms on the clock; the log records when it was paid for (when it started).
    const call = async () => {
      log.push({ at: clock.now(), credits: CREDITS_PER_CALL });
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await clock.sleep(40);
      inFlight--;
    };
    const n = 30_000;
    await clock.drive(Promise.all(Array.from({ length: n }, () => gate.run(call))));
    expect(log.length).toBe(n);
    expect(maxInFlight).toBe(10);
    expect(peakInWindow(log, MINUTE_MS)).toBeLessThanOrEqual(CREDITS_PER_MINUTE);
    expect(peakInWindow(log, HOUR_MS)).toBeLessThanOrEqual(CREDITS_PER_HOUR);
    // The hour's 20,000 calls are all spent; the rest had to wait for the hour to roll over.
    const sorted = log.map((s) => s.at).sort((a, b) => a - b);
    expect(sorted[CREDITS_PER_HOUR / CREDITS_PER_CALL]! - sorted[0]!).toBeGreaterThanOrEqual(HOUR_MS);
    expect(gate.budget.usage()).toMatchObject({ total: n * CREDITS_PER_CALL, peakMinute: peakInWindow(log, MINUTE_MS), peakHour: CREDITS_PER_HOUR });
  }, 60_000);
});
