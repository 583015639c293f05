/**
 * The VoteService of server mode: sealed rounds go to the server (ServerVoteService), named
 * and anonymous rounds keep their ballots in the doc (LocalVoteService), as in Miro mode.
 * Its mode is 'server', so the round form offers sealed rounds.
 */
import type * as Y from 'yjs';
import { getRound } from '../core/session/rounds.js';
import type { MyVotes, TallyResult, VoteResult, VoteService } from '../core/session/voting.js';

export class RoutingVoteService implements VoteService {
  readonly mode = 'server' as const;

  constructor(
    private readonly doc: Y.Doc,
    private readonly local: VoteService,
    private readonly sealed: VoteService,
  ) {}

  private pick(roundId: string): VoteService {
    return getRound(this.doc, roundId)?.anonymity === 'sealed' ? this.sealed : this.local;
  }

  cast(roundId: string, targetId: string): Promise<VoteResult> {
    return this.pick(roundId).cast(roundId, targetId);
  }

  withdraw(roundId: string, targetId: string): Promise<VoteResult> {
    return this.pick(roundId).withdraw(roundId, targetId);
  }

  myVotes(roundId: string): Promise<MyVotes | null> {
    return this.pick(roundId).myVotes(roundId);
  }

  tally(roundId: string, now?: number): TallyResult {
    return this.pick(roundId).tally(roundId, now);
  }

  onChange(cb: () => void): () => void {
    const offs = [this.local.onChange(cb), this.sealed.onChange(cb)];
    return () => offs.forEach((off) => off());
  }
}
