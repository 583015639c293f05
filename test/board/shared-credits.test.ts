import { afterEach, describe, expect, it } from 'vitest';
import { CreditBudget } from '../../src/board/credit-budget.js';
import { shareCredits } from '../../src/board/shared-credits.js';
import { FakeClock } from './fake-clock.js';

const delivered = () => new Promise((r) => setTimeout(r, 20)); // BroadcastChannel delivers on a later turn
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

describe('one credit budget per user across their panels', () => {
  it('a spend in one panel counts in the others, and a panel that opens is told the last hour', async () => {
    const clock = new FakeClock();
    const a = new CreditBudget({ perMinute: 500, clock });
    stops.push(shareCredits(a, 'user-1'));
    await delivered();
    for (let i = 0; i < 6; i++) await a.spend(50);
    const b = new CreditBudget({ perMinute: 500, clock });
    stops.push(shareCredits(b, 'user-1'));
    await delivered();
    expect(b.usage().minute).toBe(300); // told on opening
    await b.spend(200);
    await delivered();
    expect(a.usage().minute).toBe(500); // told of b's spends
    // The budget is full for both: a's next call waits until the first spends leave the minute.
    const t0 = clock.now();
    await clock.drive(a.spend(50));
    expect(clock.now() - t0).toBeGreaterThanOrEqual(59_000);
  });

  it('another user\'s panels keep their own budget; bad messages are ignored', async () => {
    const clock = new FakeClock();
    const a = new CreditBudget({ clock });
    const other = new CreditBudget({ clock });
    stops.push(shareCredits(a, 'user-1'), shareCredits(other, 'user-2'));
    const raw = new BroadcastChannel('tryghed-credits:user-1');
    raw.postMessage({ t: 'spend', c: 'lots', at: 0 });
    raw.postMessage(null);
    raw.postMessage({ t: 'recent', s: [['x', 1], [clock.now(), 'y']] });
    await a.spend(50);
    await delivered();
    raw.close();
    expect(a.usage().minute).toBe(50);
    expect(other.usage().minute).toBe(0);
  });
});
