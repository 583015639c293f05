/** The vote rules, in one place; both storages call them inside their transaction. */
import { roundStatus } from '../../core/session/rounds.js';
import { checkRound } from '../../core/session/read.js';
import { VoteError, type Ballot, type RoundRecord } from './types.js';

export { isId } from '../../core/session/ids.js';

/** Checks a vote change against the round; returns the new points on the target. */
export function applyVote(round: RoundRecord, ballot: Ballot, target: string, delta: number, now: number, targetChecked = false): number {
  if (round.anonymity !== 'sealed') throw new VoteError('wrong-mode', 'only sealed rounds keep ballots on the server');
  const status = roundStatus(round, now);
  if (status !== 'open') {
    const timeUp = round.closedAt == null && round.endsAt != null && now >= round.endsAt;
    throw new VoteError(timeUp ? 'time-up' : 'not-open', `round ${round.id} is ${status}`);
  }
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > round.budget) throw new VoteError('bad-request', 'bad points');
  // The service checks targets against the doc (a cluster holding a listed note counts too);
  // without the doc only listed targets are taken.
  if (delta > 0 && !targetChecked && !round.targets.includes(target)) throw new VoteError('not-a-target', `${target} is not a target of this round`);
  const current = ballot[target] ?? 0;
  const next = current + delta;
  if (next < 0) throw new VoteError('no-vote', `no vote on ${target} to withdraw`);
  if (next > round.cap) throw new VoteError('cap-reached', `at most ${round.cap} on one target`);
  const used = Object.values(ballot).reduce((a, b) => a + b, 0) + delta;
  if (used > round.budget) throw new VoteError('budget-exhausted', `the budget is ${round.budget}`);
  return next;
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

/** May the totals be shown now? Only from k respondents on, and for hidden rounds once revealed. */
export function totalsVisible(round: RoundRecord, respondents: number, now: number): boolean {
  if (respondents < round.k) return false;
  const status = roundStatus(round, now);
  return round.visibility === 'live' ? status !== 'draft' : status === 'revealed';
}
