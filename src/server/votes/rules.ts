/** The session model's vote rules (core/session/vote-rules.ts) over the server's records;
 *  both storages call them inside their transaction. */
import { roundStatus } from '../../core/session/rounds.js';
import { checkRound } from '../../core/session/read.js';
import { checkChange, type ItemOf } from '../../core/session/vote-rules.js';
import type { VoteError as VoteCode } from '../../core/session/voting.js';
import { VoteError, type Ballot, type RoundRecord } from './types.js';

export { isId } from '../../core/session/ids.js';

/** What the session doc says about a target when a vote is changed: what it counts for now
 *  (a note and the cluster holding it are one item) and whether it may take a vote. */
export interface VoteBoard {
  itemOf: ItemOf;
  targetError: VoteCode | null;
}

/** Checks a vote change against the round with the session model's rules (vote-rules.ts);
 *  returns the new points on the target. Without the board, only listed targets are taken
 *  and each target is its own item. */
export function applyVote(round: RoundRecord, ballot: Ballot, target: string, delta: number, now: number, board?: VoteBoard): number {
  if (round.anonymity !== 'sealed') throw new VoteError('wrong-mode', 'only sealed rounds keep ballots on the server');
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > round.budget) throw new VoteError('bad-request', 'bad points');
  const itemOf: ItemOf = board?.itemOf ?? ((t) => t);
  const held = new Map(Object.entries(ballot));
  // Points on a target gone from the board count for nothing but keep their budget (they
  // were paid when cast) until withdrawn.
  const counted = new Map([...held].filter(([t]) => itemOf(t) !== null));
  const used = [...held.values()].reduce((a, b) => a + b, 0);
  const targetError = board ? board.targetError : round.targets.includes(target) ? null : 'not-a-target';
  const status = roundStatus(round, now);
  const bad = checkChange({ ...round, status }, { counted, held, used }, { target, delta }, itemOf, targetError);
  if (bad) throw new VoteError(bad, `${bad}: ${target} in round ${round.id} (${status}, budget ${round.budget}, cap ${round.cap})`);
  return (ballot[target] ?? 0) + delta;
}

/** Ballot rows (user, target, points) grouped into one ballot per user. */
export function byUser(rows: readonly { user: string; target: string; points: number }[]): Map<string, Ballot> {
  const out = new Map<string, Ballot>();
  for (const r of rows) {
    let b = out.get(r.user);
    if (!b) out.set(r.user, (b = {}));
    b[r.target] = Number(r.points);
  }
  return out;
}

/** The snapshot taken when a round opens: the doc's definition, checked as every reader
 *  checks it (core/session/read.ts), since it is client data. */
export function snapshotRound(id: string, raw: unknown, now: number): RoundRecord {
  if (raw === undefined || raw === null) throw new VoteError('no-round', `no round ${id}`);
  const f = checkRound(raw);
  if (typeof f === 'string') throw new VoteError('bad-request', `round: ${f}`);
  return {
    ...f,
    id,
    openedAt: now,
    endsAt: f.timeLimitMs === null ? null : now + f.timeLimitMs,
    closedAt: null,
    revealedAt: null,
    version: 1,
  };
}

/** A record as a client may see it: never a carried round's totals. */
export function forClients({ imported: _totals, ...r }: RoundRecord): RoundRecord {
  return r;
}

/** May the totals be shown now? Only from k respondents on, and for hidden rounds once revealed. */
export function totalsVisible(round: RoundRecord, respondents: number, now: number): boolean {
  if (respondents < round.k) return false;
  const status = roundStatus(round, now);
  return round.visibility === 'live' ? status !== 'draft' : status === 'revealed';
}
