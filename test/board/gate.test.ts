import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, isRateLimitError, SdkGate } from '../../src/board/gate.js';
import { FakeClock } from './fake-clock.js';

const rateLimited = () => Object.assign(new Error('Request failed: rate limit exceeded (minute). Retry later.'), { code: 'RATE_LIMIT_EXCEEDED', status: 429 });

describe('isRateLimitError', () => {
  it("recognises Miro's and the stand-in's rate-limit refusals, and nothing else", () => {
    expect(isRateLimitError(rateLimited())).toBe(true);
    expect(isRateLimitError({ status: 429 })).toBe(true);
    expect(isRateLimitError(new Error('Too Many Requests'))).toBe(true);
    expect(isRateLimitError(new Error('Rate limit reached for app'))).toBe(true);
    expect(isRateLimitError(Object.assign(new Error('Invalid sticky colour'), { code: 'INVALID_STICKY_COLOR', status: 400 }))).toBe(false);
    expect(isRateLimitError(new Error('Item not found'))).toBe(false);
    expect(isRateLimitError('rate limit')).toBe(false);
    expect(isRateLimitError(null)).toBe(false);
  });
});

describe('SdkGate', () => {
  it('retries rate-limit refusals with growing backoff, then succeeds', async () => {
    const clock = new FakeClock(0);
    const gate = new SdkGate({ clock, retry: { baseMs: 100, maxMs: 10_000, attempts: 5, random: () => 0.5 } });
    const tries: number[] = [];
    const result = await clock.drive(
      gate.run(async () => {
        tries.push(clock.now());
        if (tries.length < 4) throw rateLimited();
        return 'ok';
      }),
    );
    expect(result).toBe('ok');
    // Equal jitter at random 0.5: 0.75 × 100, 200, 400.
    expect(tries).toEqual([0, 75, 75 + 150, 75 + 150 + 300]);
    expect(gate.stats).toMatchObject({ attempts: 4, retries: 3, failures: 0, inFlight: 0 });
  });

  it('gives up after the bounded number of attempts with the last rate-limit error', async () => {
    const clock = new FakeClock(0);
    const gate = new SdkGate({ clock, retry: { attempts: 3, baseMs: 10 } });
    let n = 0;
    await expect(
      clock.drive(
        gate.run(async () => {
          n++;
          throw rateLimited();
        }),
      ),
    ).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    expect(n).toBe(3);
  });

  it('fails for good at once on any other error', async () => {
    const gate = new SdkGate({ clock: new FakeClock(0) });
    let n = 0;
    const refused = Object.assign(new Error('Invalid sticky colour'), { code: 'INVALID_STICKY_COLOR', status: 400 });
    await expect(gate.run(async () => (n++, Promise.reject(refused)))).rejects.toBe(refused);
    expect(n).toBe(1);
    expect(gate.stats.failures).toBe(1);
  });

  it('backoff grows exponentially up to the cap and is never zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (n, r) => {
        const policy = { attempts: 10, baseMs: 250, maxMs: 8000, random: () => r };
        const d = Math.min(8000, 250 * 2 ** (n - 1));
        const b = backoffMs(policy, n);
        return b >= d / 2 && b < d + 1e-9 && b > 0;
      }),
    );
  });

  it('never has more calls in flight than its bound, whatever the call durations (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 12 }), fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 80 }), async (bound, durations) => {
        const clock = new FakeClock(0);
        const gate = new SdkGate({ clock, concurrency: bound });
        let inFlight = 0;
        let peak = 0;
        await clock.drive(
          Promise.all(
            durations.map((ms) =>
              gate.run(async () => {
                peak = Math.max(peak, ++inFlight);
                await clock.sleep(ms);
                inFlight--;
              }),
            ),
          ),
        );
        expect(peak).toBeLessThanOrEqual(bound);
        expect(peak).toBe(Math.min(bound, durations.length));
        expect(gate.stats.maxInFlight).toBe(peak);
      }),
      { numRuns: 50 },
    );
  });

  it('an abort turns queued calls away without running them', async () => {
    const clock = new FakeClock(0);
    const gate = new SdkGate({ clock, concurrency: 1 });
    const ctl = new AbortController();
    let ran = 0;
    const first = gate.run(() => clock.sleep(100).then(() => ran++));
    const queued = gate.run(async () => ran++, ctl.signal);
    await clock.settle();
    expect(gate.stats.inFlight).toBe(1);
    ctl.abort(new DOMException('stop', 'AbortError'));
    queued.catch(() => undefined);
    await clock.drive(first);
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(ran).toBe(1);
    expect(gate.stats.inFlight).toBe(0);
  });
});
