/** The vote rules, in one place; both storages call them inside their transaction. */
import { VoteError, type Ballot, type RoundRecord, type RoundSpec, type RoundStatus } from './types.js';

const ID = /^[A-Za-z0-9_:.=-]{1,100}$/;
export const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

/** Checks a vote change against the round; returns the new points on the target. */
export function applyVote(round: RoundRecord, ballot: Ballot, target: string, delta: number): number {
  if (round.status !== 'open') throw new VoteError('not-open', `round ${round.id} is ${round.status}`);
  if (!Number.isInteger(delta) || delta === 0 || Math.abs(delta) > round.budget) throw new VoteError('bad-request', 'bad points');
  if (round.targets.length > 0 && !round.targets.includes(target)) throw new VoteError('unknown-target', `no target ${target}`);
  const current = ballot[target] ?? 0;
  const next = current + delta;
  if (next < 0) throw new VoteError('no-vote', `no points on ${target} to withdraw`);
  if (next > round.cap) throw new VoteError('over-cap', `at most ${round.cap} on one target`);
  const used = Object.values(ballot).reduce((a, b) => a + b, 0) + delta;
  if (used > round.budget) throw new VoteError('over-budget', `budget is ${round.budget}`);
  return next;
}

export function checkTransition(round: RoundRecord, from: RoundStatus[], to: RoundStatus): void {
  if (!from.includes(round.status)) throw new VoteError('bad-transition', `cannot go from ${round.status} to ${to}`);
}

/** Validates an untrusted round spec (from an RPC); throws bad-request. */
export function parseRoundSpec(v: unknown): RoundSpec {
  const o = v as Record<string, unknown> | null;
  const bad = (what: string): never => {
    throw new VoteError('bad-request', `round: ${what}`);
  };
  if (!o || typeof o !== 'object') return bad('not an object');
  if (!isId(o.id)) bad('id');
  const question = o.question ?? '';
  if (typeof question !== 'string' || question.length > 2000) bad('question');
  const targets = o.targets ?? [];
  if (!Array.isArray(targets) || targets.length > 1000 || !targets.every(isId)) bad('targets');
  const int = (x: unknown, lo: number, hi: number) => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;
  if (!int(o.budget, 1, 100)) bad('budget');
  if (!int(o.cap, 1, 100)) bad('cap');
  const k = o.k ?? 1;
  if (!int(k, 1, 1000)) bad('k');
  const visibility = o.visibility ?? 'hidden';
  if (visibility !== 'live' && visibility !== 'hidden') bad('visibility');
  const anonymity = o.anonymity ?? 'sealed';
  if (anonymity !== 'named' && anonymity !== 'anonymous' && anonymity !== 'sealed') bad('anonymity');
  return {
    id: o.id as string,
    question: question as string,
    targets: targets as string[],
    budget: o.budget as number,
    cap: Math.min(o.cap as number, o.budget as number),
    k: k as number,
    visibility: visibility as RoundSpec['visibility'],
    anonymity: anonymity as RoundSpec['anonymity'],
  };
}

/** May the totals be shown now? Only from k respondents on, and for hidden rounds only once revealed. */
export function totalsVisible(round: RoundRecord, respondents: number): boolean {
  if (respondents < round.k) return false;
  return round.visibility === 'live' ? round.status !== 'draft' : round.status === 'revealed';
}
