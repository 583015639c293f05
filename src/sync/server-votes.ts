/**
 * VoteService in server mode (sealed rounds): ballots live on the sync server, which checks
 * the round, the budget and the cap in one transaction; the answer comes after the commit.
 * The tally is the session model's read-time tally over the totals the server publishes.
 */
import type * as Y from 'yjs';
import { getRound, itemResolver, publishedMap, roundsMap, tally } from '../core/session/index.js';
import { countHeld, refuse } from '../core/session/vote-rules.js';
import { isVoteError, type MyVotes, type TallyResult, type VoteError, type VoteResult, type VoteService } from '../core/session/voting.js';
import type { CommandResult, ControlService, FacilitatorCommand } from '../core/session/commands.js';
import type { BallotResult, RpcOp, RpcOps } from '../protocol/votes.js';
import type { BallotKeyStore } from '../core/session/local-vote-service.js';

/** What the service needs of the transport: the RPC (ServerTransport provides it). */
export interface VoteRpc {
  rpc<K extends RpcOp>(op: K, args: RpcOps[K]['args']): Promise<RpcOps[K]['result']>;
}

/**
 * Anonymous ballot keys in server mode: the server issues each person one key per round (the
 * same on every device) and refuses slots under any other; likewise one respondent key per
 * anonymous pulse (`pulseKey`). Kept where the device keeps its keys, asked for once per
 * round (or pulse) and session: a key this device made itself (an older app) is never used.
 */
export class ServerBallotKeys implements BallotKeyStore {
  private readonly asked = new Map<string, Promise<string | null>>();

  constructor(
    private readonly kept: BallotKeyStore,
    private readonly transport: VoteRpc,
    private readonly op: 'ballotKey' | 'pulseKey' = 'ballotKey',
  ) {}

  get(roundId: string): string | null {
    return this.kept.get(roundId);
  }

  set(roundId: string, key: string): void {
    this.kept.set(roundId, key);
  }

  issue(roundId: string): Promise<string | null> {
    let p = this.asked.get(roundId);
    if (!p) {
      const asked = this.op === 'ballotKey' ? this.transport.rpc('ballotKey', { roundId }) : this.transport.rpc('pulseKey', { pulseId: roundId });
      p = asked.then(
        ({ key }) => (this.kept.set(roundId, key), key),
        () => (this.asked.delete(roundId), null),
      );
      this.asked.set(roundId, p);
    }
    return p;
  }
}

/** Maps the server's (or the transport's) error code to the session model's VoteError. */
export function toVoteError(code: string): VoteError {
  // The server answers in the session model's codes; the rest are the call's own failures.
  if (isVoteError(code) && code !== 'not-signed-in' && code !== 'unavailable') return code;
  if (code === 'not-facilitator') return 'not-signed-in';
  return 'unavailable';
}

export class ServerVoteService implements VoteService {
  readonly mode = 'server' as const;

  constructor(
    private readonly doc: Y.Doc,
    private readonly transport: VoteRpc,
    private readonly now: () => number = Date.now,
  ) {}

  private summarise(roundId: string, r: BallotResult): MyVotes {
    // Counted as the server counts it (vote-rules.ts): points on targets gone from the board,
    // or over the cap on one item after a regrouping, stay on the server's ballot (they held
    // budget when cast) but count for nothing: shown as ignored, as the local service does.
    const counted = countHeld([r.ballot], r.cap, itemResolver(this.doc)).counts;
    const perTarget = Object.fromEntries(counted);
    const ignored = r.used - [...counted.values()].reduce((a, b) => a + b, 0);
    return { roundId, budget: r.budget, cap: r.cap, used: r.used - ignored, remaining: r.budget - r.used, perTarget, ignored };
  }

  private async call(roundId: string, op: 'cast' | 'withdraw', targetId: string): Promise<VoteResult> {
    const round = getRound(this.doc, roundId, this.now());
    if (!round) return refuse('no-round');
    if (round.anonymity !== 'sealed') return refuse('wrong-mode');
    try {
      return { ok: true, votes: this.summarise(roundId, await this.transport.rpc(op, { roundId, target: targetId })) };
    } catch (e) {
      return refuse(toVoteError((e as { code?: string }).code ?? 'unavailable'));
    } finally {
      this.changed();
    }
  }

  cast(roundId: string, targetId: string): Promise<VoteResult> {
    return this.call(roundId, 'cast', targetId);
  }

  withdraw(roundId: string, targetId: string): Promise<VoteResult> {
    return this.call(roundId, 'withdraw', targetId);
  }

  async myVotes(roundId: string): Promise<MyVotes | null> {
    const round = getRound(this.doc, roundId, this.now());
    if (!round) return null;
    try {
      return this.summarise(roundId, await this.transport.rpc('myBallot', { roundId }));
    } catch (e) {
      // Not opened on the server yet: an empty ballot.
      if ((e as { code?: string }).code === 'no-round') {
        return { roundId, budget: round.budget, cap: round.cap, used: 0, remaining: round.budget, perTarget: {}, ignored: 0 };
      }
      throw e;
    }
  }

  tally(roundId: string, now = this.now()): TallyResult {
    return tally(this.doc, roundId, { now });
  }

  private readonly listeners = new Set<() => void>();
  private changed(): void {
    for (const cb of [...this.listeners]) cb();
  }

  onChange(cb: () => void): () => void {
    this.listeners.add(cb);
    const handler = () => cb();
    publishedMap(this.doc).observe(handler);
    roundsMap(this.doc).observeDeep(handler);
    return () => {
      this.listeners.delete(cb);
      publishedMap(this.doc).unobserve(handler);
      roundsMap(this.doc).unobserveDeep(handler);
    };
  }
}

/**
 * ControlService in server mode: each facilitator command is a server call. The server checks
 * the seat and the session model's rules and writes the control doc; its update arrives on
 * the same socket before the answer, so the doc shows the change when `apply` resolves.
 */
/** Characters of a carried session one message takes (the server takes up to 60 KiB a part). */
const IMPORT_PART_CHARS = 48 * 1024;

export class ServerControl implements ControlService {
  constructor(private readonly transport: VoteRpc) {}

  async apply<C extends FacilitatorCommand>(cmd: C): Promise<CommandResult<C>> {
    try {
      if (cmd.type === 'import-session' && cmd.state.length > IMPORT_PART_CHARS) return (await this.inParts(cmd.state)) as CommandResult<C>;
      return (await this.transport.rpc('control', { cmd })) as CommandResult<C>;
    } catch (e) {
      const code = (e as { code?: string }).code;
      return { ok: false, error: { code: code === 'bad-request' ? 'bad-request' : 'unavailable' } };
    }
  }

  /** A carried session bigger than one message: sent in parts, in order; the last one answers. */
  private async inParts(state: string): Promise<unknown> {
    const upload = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const count = Math.ceil(state.length / IMPORT_PART_CHARS);
    let answer: unknown = null;
    for (let index = 0; index < count; index++) {
      const data = state.slice(index * IMPORT_PART_CHARS, (index + 1) * IMPORT_PART_CHARS);
      answer = await this.transport.rpc('importPart', { upload, index, count, data });
    }
    return answer;
  }
}
