/**
 * The tally is computed when read, never stored (except the totals the server publishes for
 * a sealed round). Nothing is shown while fewer than k participants have voted, nor before
 * reveal in a hidden round: not to the facilitator either.
 */
import type * as Y from 'yjs';
import { countEffective, readBallots, type RawCounts } from './ballots.js';
import { getRound, type RoundView } from './rounds.js';
import { readBallotMap, readPublished } from './read.js';
import { memoResolve } from './targets.js';
import { TIE_POLICY, type TallyResult, type TallyRow } from './voting.js';

/** Count a doc-held round (named or anonymous): effective ballots, cap applied per ballot. */
export function countBallots(doc: Y.Doc, round: RoundView, resolve = memoResolve(doc)): RawCounts {
  return countEffective(readBallots(doc, round).values(), round.cap, (t) => resolve(t)?.id ?? null);
}

export function tally(doc: Y.Doc, roundId: string, opts: { now?: number } = {}): TallyResult {
  const round = getRound(doc, roundId, opts.now ?? Date.now());
  if (!round) return { visible: false, roundId, reason: 'no-round', respondents: 0, k: 0 };
  const hidden = (reason: Extract<TallyResult, { visible: false }>['reason'], respondents: number): TallyResult =>
    ({ visible: false, roundId, reason, respondents, k: round.k });
  if (round.status === 'draft') return hidden('not-open', 0);

  const resolve = memoResolve(doc);
  let raw: RawCounts;
  // A sealed round's ballots are the server's; a doc-held round's whose ballots stayed in the
  // sync mode it was voted in (no ballot map here) shows the totals that came with it (carry.ts).
  const pub = round.anonymity === 'sealed' || readBallotMap(doc, roundId) === null ? readPublished(doc, roundId) : null;
  if (pub) {
    raw = { respondents: pub.respondents, counts: new Map(Object.entries(pub.counts)) };
  } else if (round.anonymity === 'sealed') {
    return hidden('not-published', 0);
  } else {
    raw = countBallots(doc, round, resolve);
  }
  if (round.visibility === 'hidden' && round.status !== 'revealed') return hidden('hidden-until-reveal', raw.respondents);
  if (raw.respondents < round.k) return hidden('below-k', raw.respondents);

  // Every live target appears, with 0 if nobody voted for it; votes follow notes into clusters.
  const rows = new Map<string, TallyRow>();
  const add = (targetId: string, votes: number) => {
    const e = resolve(targetId);
    if (!e) return;
    const row = rows.get(e.id) ?? { targetId: e.id, kind: e.kind, votes: 0, rank: 0, tied: false };
    row.votes += votes;
    rows.set(e.id, row);
  };
  for (const t of round.targets) add(t, 0);
  let totalVotes = 0;
  for (const [t, n] of raw.counts) {
    if (resolve(t)) totalVotes += n;
    add(t, n);
  }
  return { visible: true, roundId, respondents: raw.respondents, k: round.k, totalVotes, tiePolicy: TIE_POLICY, rows: rank([...rows.values()]) };
}

/** Competition ranking ("1, 1, 3"): a row's rank is 1 + the number of rows with more votes. */
export function rank(rows: TallyRow[]): TallyRow[] {
  rows.sort((a, b) => b.votes - a.votes || (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const prev = rows[i - 1];
    row.rank = prev && prev.votes === row.votes ? prev.rank : i + 1;
    row.tied = prev?.votes === row.votes || rows[i + 1]?.votes === row.votes;
  }
  return rows;
}
