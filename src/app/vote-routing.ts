/**
 * The VoteService of server mode: sealed rounds go to the server (ServerVoteService), named
 * and anonymous rounds keep their ballots in the doc (LocalVoteService), as in Miro mode.
 * Its mode is 'server', so the round form offers sealed rounds.
 */
import type * as Y from 'yjs';
import { getRound } from '../core/session/rounds.js';

/** A sealed round opened a moment ago may not have reached the server's database yet: the
 *  facilitator's client writes "open" into the doc and the server takes it from there. */
const RETRY_MS = 250;
const RETRIES = 12;
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

  async cast(roundId: string, targetId: string): Promise<VoteResult> {
    const service = this.pick(roundId);
    let result = await service.cast(roundId, targetId);
    // Retried only while the doc says the round is open and the server has not heard of it.
    for (let i = 0; i < RETRIES && service === this.sealed && !result.ok && result.error === 'no-round' && this.isOpen(roundId); i++) {
      await new Promise((r) => setTimeout(r, RETRY_MS));
      result = await service.cast(roundId, targetId);
    }
    return result;
  }

  private isOpen(roundId: string): boolean {
    return getRound(this.doc, roundId)?.status === 'open';
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
