/**
 * Signals to a participant's panel: a round or a pulse that opens, one revealed. `sessionSignals`
 * is the pure part (two reads of the rounds and pulses in, what changed out); SessionSignals
 * follows a doc's rounds and pulses and tells the shell, which moves the panel and says it
 * (tryghed-shell.ts). The first read of a doc tells nothing (unless its rounds and pulses all
 * arrived after the session first showed it: the notice loads with the first, session-parts.ts);
 * one that arrives later already open or revealed (the saved session loading, a sync mode
 * switched) is told only if that happened in the last RECENT_MS, so an old reveal never pulls
 * anyone to Results when the panel opens.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { listPulses } from '../../core/session/pulse.js';
import { listRounds } from '../../core/session/rounds.js';
import { pulsesMap, roundsMap, type RoundStatus } from '../../core/session/schema.js';

/** What a signal may be about: a vote round or a pulse. */
export type Signalled = 'round' | 'pulse';

export interface SessionSignal {
  kind: 'open' | 'revealed';
  of: Signalled;
  id: string;
  /** The round's question, or the pulse's name ('' when it has none). */
  question: string;
}

/** A round or a pulse as the signals read it (through the doc's readers: listRounds, listPulses). */
export interface SignalSource {
  of: Signalled;
  id: string;
  question: string;
  status: RoundStatus;
  openedAt: number | null;
  revealedAt: number | null;
}

type Statuses = ReadonlyMap<string, RoundStatus>;

export const RECENT_MS = 120_000;
/** A live region new on the page gets this long before its first words, so they are read out. */
const LIVE_REGION_MS = 100;

const keyOf = (s: Pick<SignalSource, 'of' | 'id'>): string => `${s.of}:${s.id}`;

/** Every round and pulse in `doc`, as the signals read them. */
export function readSignalSources(doc: Y.Doc, now: number): SignalSource[] {
  return [
    ...listRounds(doc, now).map((r) => ({ of: 'round' as const, id: r.id, question: r.question, status: r.status, openedAt: r.openedAt, revealedAt: r.revealedAt })),
    ...listPulses(doc).map((p) => ({ of: 'pulse' as const, id: p.id, question: p.label, status: p.status, openedAt: p.openedAt, revealedAt: p.revealedAt })),
  ];
}

/** Each source's status, by round or pulse. */
export const statusesOf = (sources: readonly SignalSource[]): Statuses => new Map(sources.map((s) => [keyOf(s), s.status]));

/** What `sources` tells that `before` did not: rounds and pulses now open, now revealed. */
export function sessionSignals(before: Statuses | null, sources: readonly SignalSource[], now: number): SessionSignal[] {
  if (!before) return [];
  const out: SessionSignal[] = [];
  for (const s of sources) {
    const was = before.get(keyOf(s));
    if (s.status === was || (s.status !== 'open' && s.status !== 'revealed')) continue;
    const at = s.status === 'open' ? s.openedAt : s.revealedAt;
    if (was === undefined && !(at != null && Math.abs(now - at) < RECENT_MS)) continue;
    out.push({ kind: s.status, of: s.of, id: s.id, question: s.question });
  }
  return out;
}

export class SessionSignals implements ReactiveController {
  private doc: Y.Doc | undefined;
  private before: Statuses | null = null;
  private observed: Y.Map<unknown>[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly docOf: () => Y.Doc | undefined,
    private readonly tell: (signals: SessionSignal[]) => void,
    private readonly now: () => number = Date.now,
    /** The doc's rounds and pulses all arrive after it was first seen (there were none): the
     *  first read tells those that are recent, like any arriving later. */
    private readonly sourcesArrive: () => boolean = () => false,
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
    this.unobserve();
    this.doc = undefined;
    this.before = null;
  }

  private unobserve(): void {
    for (const m of this.observed) m.unobserveDeep(this.changed);
    this.observed = [];
  }

  private follow(): void {
    const doc = this.docOf();
    if (doc === this.doc) return;
    this.unobserve();
    this.doc = doc;
    this.observed = doc ? [roundsMap(doc) as Y.Map<unknown>, pulsesMap(doc) as Y.Map<unknown>] : [];
    for (const m of this.observed) m.observeDeep(this.changed);
    if (doc && this.sourcesArrive()) {
      this.before = new Map();
      // After the host has rendered (its live region is there before anything enters it).
      void this.host.updateComplete.then(() => setTimeout(() => this.doc === doc && this.changed(), LIVE_REGION_MS));
    } else {
      this.before = doc ? statusesOf(readSignalSources(doc, this.now())) : null;
    }
  }

  private changed = (): void => {
    const doc = this.doc;
    if (!doc) return;
    const now = this.now();
    const sources = readSignalSources(doc, now);
    const signals = sessionSignals(this.before, sources, now);
    this.before = statusesOf(sources);
    if (signals.length > 0) this.tell(signals);
  };
}
