/**
 * One credit budget per user across that user's panels: Miro counts a user's calls, whichever
 * of their panels (two tabs, a second board view) makes them. Each panel's CreditBudget tells
 * the others of every spend over a BroadcastChannel named after the user, and counts theirs
 * (`observe`); a panel that opens asks, and is told the last hour's spends by the first to
 * answer. Same browser only: that is where one user's panels run.
 */
import type { CreditBudget } from './credit-budget.js';

/** The slice of BroadcastChannel used (injectable in tests). */
export interface CreditChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

type Message = { t: 'spend'; c: number; at: number } | { t: 'hello' } | { t: 'recent'; s: Array<[number, number]> };

/**
 * Shares `budget` with the user's other panels; returns the function that stops sharing.
 * Without BroadcastChannel (an old browser) each panel keeps its own budget, as before.
 */
export function shareCredits(budget: CreditBudget, userId: string, open?: (name: string) => CreditChannel): () => void {
  const make = open ?? (typeof BroadcastChannel === 'function' ? (name: string) => new BroadcastChannel(name) as unknown as CreditChannel : null);
  if (!make) return () => undefined;
  const channel = make(`tryghed-credits:${userId}`);
  let told = false;
  budget.onSpend = (c, at) => channel.postMessage({ t: 'spend', c, at } satisfies Message);
  channel.onmessage = (event) => {
    const m = event.data as Partial<Message> | null;
    if (!m || typeof m !== 'object') return;
    if (m.t === 'spend' && typeof m.c === 'number' && typeof m.at === 'number') budget.observe(m.c, m.at);
    else if (m.t === 'hello') channel.postMessage({ t: 'recent', s: budget.recent() } satisfies Message);
    else if (m.t === 'recent' && !told && Array.isArray(m.s)) {
      told = true;
      for (const e of m.s) if (Array.isArray(e) && typeof e[0] === 'number' && typeof e[1] === 'number') budget.observe(e[1], e[0]);
    }
  };
  channel.postMessage({ t: 'hello' } satisfies Message);
  return () => {
    budget.onSpend = null;
    channel.onmessage = null;
    channel.close();
  };
}
