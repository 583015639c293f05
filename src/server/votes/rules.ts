/** The vote rules, in one place; both storages call them inside their transaction. */
import { roundStatus } from '../../core/session/rounds.js';
import { unpackIds } from '../../core/session/ids.js';
import type { RoundFields } from '../../core/session/schema.js';
import { VoteError, type Ballot, type RoundRecord } from './types.js';

const ID = /^[A-Za-z0-9_:.=-]{1,100}$/;
export const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

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

/** The snapshot taken when a round opens: the doc's definition, checked (it is client data). */
export function snapshotRound(id: string, f: RoundFields | null, now: number): RoundRecord {
  const bad = (what: string): never => {
    throw new VoteError('bad-request', `round: ${what}`);
  };
  if (!f) throw new VoteError('no-round', `no round ${id}`);
  const int = (x: unknown, lo: number, hi: number) => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (typeof f.question !== 'string' || f.question.length > 2000) bad('question');
  let targets: string[] = [];
  try {
    targets = unpackIds(f.targets);
  } catch {
    bad('targets');
  }
  if (targets.length === 0 || targets.length > 2000 || !targets.every(isId)) bad('targets');
  if (!int(f.budget, 1, 100)) bad('budget');
  if (!int(f.cap, 1, f.budget)) bad('cap');
  if (!int(f.k, 1, 1000)) bad('k');
  if (f.visibility !== 'live' && f.visibility !== 'hidden') bad('visibility');
  if (!['named', 'anonymous', 'sealed'].includes(f.anonymity)) bad('anonymity');
  const limit = f.timeLimitMs ?? null;
  if (limit !== null && !(Number.isFinite(limit) && limit > 0)) bad('timeLimitMs');
  return {
    ...f,
    id,
    targets,
    timeLimitMs: limit,
    openedAt: now,
    endsAt: limit === null ? null : now + limit,
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
