/**
 * Vote rounds as read: the facilitator creates a round, then opens, closes and reveals it
 * (round-commands.ts). Status is derived from set-once timestamps, never stored, so concurrent
 * transitions from two facilitator devices cannot move a round backwards (see schema.ts).
 */
import type * as Y from 'yjs';
import { readRound, roundIds, type RoundRead } from './read.js';
import type { Anonymity, RoundFields, RoundScope, RoundStatus, Visibility } from './schema.js';

export type { RoundError } from '../failures.js';

export interface RoundView extends RoundRead {
  id: string;
  status: RoundStatus;
  /** the round's targets, in the order slot indexes refer to */
  targets: string[];
}

export interface CreateRoundInput {
  question: string;
  scope: RoundScope;
  /** the notes and clusters of the zone, template or selection, resolved by the board layer */
  targets: string[];
  budget?: number;
  cap?: number;
  anonymity?: Anonymity;
  visibility?: Visibility;
  k?: number;
  timeLimitMs?: number | null;
  now?: number;
}

export function roundStatus(r: Pick<RoundFields, 'openedAt' | 'endsAt' | 'closedAt' | 'revealedAt'>, now: number): RoundStatus {
  if (r.revealedAt != null) return 'revealed';
  if (r.closedAt != null) return 'closed';
  if (r.openedAt == null) return 'draft';
  return r.endsAt != null && now >= r.endsAt ? 'closed' : 'open';
}

/** A round, or null if there is none (or its entry is bad: read.ts). */
export function getRound(doc: Y.Doc, roundId: string, now = Date.now()): RoundView | null {
  const f = readRound(doc, roundId);
  return f && { ...f, id: roundId, status: roundStatus(f, now) };
}

/** Rounds, oldest first; bad entries left out. */
export function listRounds(doc: Y.Doc, now = Date.now()): RoundView[] {
  return roundIds(doc)
    .map((id) => getRound(doc, id, now)!)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}
