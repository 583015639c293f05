/**
 * VoteService without a server: ballots are slots in the doc (ballots.ts).
 *
 * named rounds: the ballot key is the user id, so all of a person's devices share one ballot.
 * anonymous rounds: the ballot key is random, made on first cast and kept by this device
 * (BallotKeyStore: the UI keeps it in localStorage). Nothing in the doc ties it to the user:
 * the slots are written under a throwaway Yjs client id per round, not the doc's own client id
 * (which awareness shows next to a name). Limit: without a server there is no secret a person's
 * devices share, so each device of one person has its own ballot in an anonymous round. With a
 * server the key store asks it for the person's one key (BallotKeyStore.issue): the server
 * lets nobody write slots under any other key.
 * sealed rounds: refused ('wrong-mode'); they need the ServerVoteService.
 */
import type * as Y from 'yjs';
import { throwawayClientId } from './anon-write.js';
import { newId } from './ids.js';
import { castVote, myVotesIn, withdrawVote } from './ballots.js';
import { getRound } from './rounds.js';
import { tally } from './tally.js';
import { closedReason, refuse } from './vote-rules.js';
import type { Actor } from './types.js';
import type { MyVotes, TallyResult, VoteResult, VoteService } from './voting.js';

/** Where a device keeps its anonymous ballot keys, per round. */
export interface BallotKeyStore {
  get(roundId: string): string | null;
  set(roundId: string, key: string): void;
  /** With a server: the one key the server lets this person write in the round (the same on
   *  every device), or null if it cannot be had now. Without: absent, and a device makes one. */
  issue?(roundId: string): Promise<string | null>;
}

export class MemoryBallotKeyStore implements BallotKeyStore {
  private keys = new Map<string, string>();
  get(roundId: string) {
    return this.keys.get(roundId) ?? null;
  }
  set(roundId: string, key: string) {
    this.keys.set(roundId, key);
  }
}

export interface LocalVoteOptions {
  actor: Actor;
  ballotKeys: BallotKeyStore;
  now?: () => number;
}

export class LocalVoteService implements VoteService {
  readonly mode = 'local' as const;
  private anonClients = new Map<string, number>();

  constructor(
    private doc: Y.Doc,
    private opts: LocalVoteOptions,
  ) {}

  private now() {
    return this.opts.now?.() ?? Date.now();
  }

  /** The ballot key for a round, or null if this device has none yet (anonymous, no vote). */
  private async ballotKey(roundId: string, create: boolean): Promise<string | null> {
    const round = getRound(this.doc, roundId, this.now());
    if (!round || round.anonymity === 'sealed') return null;
    if (round.anonymity === 'named') return this.opts.actor.userId;
    if (this.opts.ballotKeys.issue) return this.opts.ballotKeys.issue(roundId);
    let key = this.opts.ballotKeys.get(roundId);
    if (key === null && create) {
      key = newId();
      this.opts.ballotKeys.set(roundId, key);
    }
    return key;
  }

  private anonClient(roundId: string): number | undefined {
    if (getRound(this.doc, roundId)?.anonymity !== 'anonymous') return undefined;
    let id = this.anonClients.get(roundId);
    if (id === undefined) this.anonClients.set(roundId, (id = throwawayClientId()));
    return id;
  }

  async cast(roundId: string, targetId: string): Promise<VoteResult> {
    const round = getRound(this.doc, roundId, this.now());
    if (!round) return refuse('no-round');
    if (round.anonymity === 'sealed') return refuse('wrong-mode');
    // A key is made only for a vote that can be cast, so closed rounds leave no trace.
    const ballotKey = await this.ballotKey(roundId, closedReason(round) === null);
    if (ballotKey === null) return refuse(closedReason(round) ?? 'not-open');
    return castVote(this.doc, { roundId, ballotKey, targetId, now: this.now(), asClientId: this.anonClient(roundId) });
  }

  async withdraw(roundId: string, targetId: string): Promise<VoteResult> {
    const round = getRound(this.doc, roundId, this.now());
    if (!round) return refuse('no-round');
    const ballotKey = await this.ballotKey(roundId, false);
    if (ballotKey === null) return refuse(round.anonymity === 'sealed' ? 'wrong-mode' : 'no-vote');
    return withdrawVote(this.doc, { roundId, ballotKey, targetId, now: this.now() });
  }

  async myVotes(roundId: string): Promise<MyVotes | null> {
    const round = getRound(this.doc, roundId, this.now());
    if (!round) return null;
    return myVotesIn(this.doc, round, await this.ballotKey(roundId, false));
  }

  tally(roundId: string, now = this.now()): TallyResult {
    return tally(this.doc, roundId, { now });
  }

  onChange(cb: () => void): () => void {
    const handler = () => cb();
    this.doc.on('update', handler);
    return () => this.doc.off('update', handler);
  }
}
