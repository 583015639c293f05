/**
 * Signals to a participant's panel: a round that opens, a round revealed. `roundSignals` is the
 * pure part (two reads of the rounds in, what changed out); RoundSignals follows a doc's rounds
 * and tells the shell, which moves the panel and says it (tryghed-shell.ts). The first read of
 * a doc tells nothing; a round that arrives later already open or revealed (the saved session
 * loading, a sync mode switched) is told only if that happened in the last RECENT_MS, so an
 * old reveal never pulls anyone to Results when the panel opens.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { listRounds, type RoundView } from '../../core/session/rounds.js';
import { roundsMap } from '../../core/session/schema.js';

export interface RoundSignal {
  kind: 'open' | 'revealed';
  roundId: string;
  question: string;
}

type Statuses = ReadonlyMap<string, RoundView['status']>;

export const RECENT_MS = 120_000;

/** What `rounds` tells that `before` did not: rounds now open, rounds now revealed. */
export function roundSignals(before: Statuses | null, rounds: readonly RoundView[], now: number): RoundSignal[] {
  if (!before) return [];
  const out: RoundSignal[] = [];
  for (const r of rounds) {
    const was = before.get(r.id);
    if (r.status === was || (r.status !== 'open' && r.status !== 'revealed')) continue;
    const at = r.status === 'open' ? r.openedAt : r.revealedAt;
    if (was === undefined && !(at != null && Math.abs(now - at) < RECENT_MS)) continue;
    out.push({ kind: r.status, roundId: r.id, question: r.question });
  }
  return out;
}

export class RoundSignals implements ReactiveController {
  private doc: Y.Doc | undefined;
  private before: Statuses | null = null;
  private observed: Y.Map<unknown> | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly docOf: () => Y.Doc | undefined,
    private readonly tell: (signals: RoundSignal[]) => void,
    private readonly now: () => number = Date.now,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.observed?.unobserveDeep(this.changed);
    this.observed = null;
    this.doc = undefined;
    this.before = null;
  }

  private follow(): void {
    const doc = this.docOf();
    if (doc === this.doc) return;
    this.observed?.unobserveDeep(this.changed);
    this.doc = doc;
    this.observed = doc ? (roundsMap(doc) as Y.Map<unknown>) : null;
    this.observed?.observeDeep(this.changed);
    this.before = doc ? this.read(doc) : null;
  }

  private read(doc: Y.Doc): Statuses {
    return new Map(listRounds(doc, this.now()).map((r) => [r.id, r.status]));
  }

  private changed = (): void => {
    const doc = this.doc;
    if (!doc) return;
    const now = this.now();
    const rounds = listRounds(doc, now);
    const signals = roundSignals(this.before, rounds, now);
    this.before = new Map(rounds.map((r) => [r.id, r.status]));
    if (signals.length > 0) this.tell(signals);
  };
}
