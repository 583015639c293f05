/**
 * Signals to a participant's panel: a round that opens, a round revealed. `roundSignals` is the
 * pure part (two reads of the rounds in, what changed out); RoundSignals follows a doc's rounds
 * and tells the shell, which moves the panel and says it (tryghed-shell.ts). The first read of
 * a doc tells nothing (unless its rounds all arrived after the session first showed it: the
 * notice loads with the first round, session-parts.ts); a round that arrives later already open or revealed (the saved session
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
/** A live region new on the page gets this long before its first words, so they are read out. */
const LIVE_REGION_MS = 100;

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
    private readonly host: ReactiveControllerHost,
    private readonly docOf: () => Y.Doc | undefined,
    private readonly tell: (signals: RoundSignal[]) => void,
    private readonly now: () => number = Date.now,
    /** The doc's rounds all arrive after it was first seen (they were none): the first read
     *  tells those that are recent, like any round arriving later. */
    private readonly roundsArrive: () => boolean = () => false,
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
    if (doc && this.roundsArrive()) {
      this.before = new Map();
      // After the host has rendered (its live region is there before anything enters it).
      void this.host.updateComplete.then(() => setTimeout(() => this.doc === doc && this.changed(), LIVE_REGION_MS));
    } else {
      this.before = doc ? this.read(doc) : null;
    }
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
