/**
 * What this replica knows of the others: each peer's latest state summary (every frame
 * carries one) and when it was last heard. The anti-entropy decisions read it: are we
 * behind someone, whose turn is it to answer a request, what do peers still lack of ours.
 */
import * as Y from 'yjs';
import { hasPending, svAhead, svEqual, type StateVector } from './state.js';
import { hash53 } from './wire.js';

export interface PeerState {
  sv: StateVector;
  digest: string;
  at: number;
  /** When we last asked about a delete-set mismatch with this summary (-Infinity: never). */
  dsPulledAt: number;
}

export class PeerTable {
  private readonly peers = new Map<number, PeerState>();
  /** Peers known only from presence others passed on (a joiner learns everyone at once). */
  private readonly relayed = new Map<number, number>();
  /** Peers that said goodbye, and when: a late duplicate of their frames does not bring them back. */
  private readonly left = new Map<number, number>();

  /**
   * @param dsRetryMs a delete-set mismatch with an unchanged summary is asked about again
   *   only after this long (the answer may have been lost; a quiet board must still heal).
   */
  constructor(
    private readonly selfId: number,
    private readonly timeoutMs: number,
    private readonly dsRetryMs: number,
    private readonly now: () => number,
  ) {}

  record(id: number, sv: StateVector, digest: string): void {
    if (this.left.has(id)) return;
    this.relayed.delete(id);
    const prev = this.peers.get(id);
    const dsPulledAt = prev !== undefined && prev.digest === digest ? prev.dsPulledAt : -Infinity;
    this.peers.set(id, { sv, digest, at: this.now(), dsPulledAt });
  }

  get(id: number): PeerState | undefined {
    return this.peers.get(id);
  }

  /** Peers heard within the presence timeout. */
  *present(): Iterable<[number, PeerState]> {
    const cutoff = this.now() - this.timeoutMs;
    for (const entry of this.peers) if (entry[1].at >= cutoff) yield entry;
  }

  isPresent(id: number): boolean {
    const p = this.peers.get(id);
    const cutoff = this.now() - this.timeoutMs;
    return (p !== undefined && p.at >= cutoff) || (this.relayed.get(id) ?? -Infinity) >= cutoff;
  }

  /** Another peer told us `id` is present (its presence reached us through them). */
  touch(id: number): void {
    if (id !== this.selfId && !this.left.has(id) && !this.peers.has(id)) this.relayed.set(id, this.now());
  }

  /** `id` said goodbye: it is no longer present, nor in line to save. */
  leave(id: number): void {
    this.peers.delete(id);
    this.relayed.delete(id);
    this.left.set(id, this.now());
  }

  /** Forgets peers unheard for the timeout (and goodbyes older than that). */
  prune(): void {
    const cutoff = this.now() - this.timeoutMs;
    for (const [id, p] of this.peers) if (p.at < cutoff) this.peers.delete(id);
    for (const [id, at] of this.relayed) if (at < cutoff) this.relayed.delete(id);
    for (const [id, at] of this.left) if (at < cutoff) this.left.delete(id);
  }

  /**
   * We lack something: an update waits on a missing dependency, a present peer has inserts
   * we have not, or one with our state vector has other deletes (asked about once per
   * summary, again after `dsRetryMs`).
   */
  lagging(doc: Y.Doc, mine: { svMap: StateVector; digest: string }): boolean {
    if (hasPending(doc)) return true;
    const retryBefore = this.now() - this.dsRetryMs;
    for (const [, p] of this.present()) {
      if (svAhead(p.sv, mine.svMap)) return true;
      if (p.dsPulledAt <= retryBefore && p.digest !== mine.digest && svEqual(p.sv, mine.svMap)) return true;
    }
    return false;
  }

  markDsPulled(): void {
    const now = this.now();
    for (const p of this.peers.values()) p.dsPulledAt = now;
  }

  /**
   * Our turn to answer a request (0 = first): replicas that may hold what the requester
   * lacks, ordered by a hash of (request id, client id), the same order everywhere the
   * replicas agree on who is present. Capped at 4.
   */
  replyRank(reqId: string, requester: number, requesterSv: StateVector): number {
    const requesterDigest = this.peers.get(requester)?.digest;
    const candidates = [this.selfId];
    for (const [id, p] of this.present()) {
      if (id !== requester && (svAhead(p.sv, requesterSv) || p.digest !== requesterDigest)) candidates.push(id);
    }
    const key = new Map(candidates.map((id) => [id, hash53(new TextEncoder().encode(`${reqId}:${id}`))]));
    candidates.sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : key.get(a)! > key.get(b)! ? 1 : a - b));
    return Math.min(4, candidates.indexOf(this.selfId));
  }

  /**
   * The state vector to diff against so that a frame resends our own edits (clients in
   * `own`) that a present peer still lacks or that were sent after `floor`; null if none.
   */
  resendBase(mine: StateVector, own: ReadonlySet<number>, floor: StateVector | undefined): StateVector | null {
    const base = new Map(mine);
    let behind = false;
    for (const c of own) {
      const have = mine.get(c) ?? 0;
      let low = Math.min(have, floor?.get(c) ?? have);
      for (const [, p] of this.present()) low = Math.min(low, p.sv.get(c) ?? 0);
      if (low < have) {
        base.set(c, low);
        behind = true;
      }
    }
    return behind ? base : null;
  }

  /** Our place in line to save the snapshot: how many present peers have a lower client id. */
  writerRank(): number {
    const cutoff = this.now() - this.timeoutMs;
    let rank = 0;
    for (const [id, p] of this.peers) if (id < this.selfId && p.at >= cutoff) rank++;
    for (const [id, at] of this.relayed) if (id < this.selfId && at >= cutoff) rank++;
    return rank;
  }
}

/**
 * Another replica's answer covers ours if it held every insert the requester lacked that we
 * held when the request came — bar our own, which our next frames resend anyway. (A delete
 * only we have is found later by the digest comparison.)
 */
export function answerCovers(
  replier: StateVector,
  req: { theirs: StateVector; ours: StateVector },
  own: ReadonlySet<number>,
): boolean {
  for (const [c, clock] of req.ours) {
    if (!own.has(c) && clock > (req.theirs.get(c) ?? 0) && (replier.get(c) ?? 0) < clock) return false;
  }
  return true;
}
