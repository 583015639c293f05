/**
 * The Miro transport's anti-entropy: laggers ask, one answers.
 * - A replica that sees it lacks something (a peer is ahead, an update waits on a missing
 *   dependency, equal vectors but other deletes) sends a request (sync step 1 plus its delete
 *   set) after a delay, and again with backoff until the gap is gone.
 * - Replicas holding more answer with sync step 2 in a ranked order, so usually only the first
 *   does; a request whose answer covers ours puts ours off. A joiner's request is always answered.
 */
import * as Y from 'yjs';
import { answerCovers } from './peers.js';
import { dsContains, deleteSetOf, deleteSetUpdate, svAhead, svMin, type DeleteSet, type StateVector } from './state.js';
import { step1Message, step2Message, updateMessage } from './messages.js';
import { FrameKind, type Frame } from './wire.js';
import type { FrameSender, Replica, Summary } from './frame-sender.js';

/** A join request's id starts with this: it is answered even when the joiner lacks nothing. */
export const JOIN = 'j';

export class Requests {
  /** Requests to answer: the requester's state vector, and ours when the request came. */
  private readonly pendingReplies = new Map<string, { theirs: StateVector; ours: StateVector }>();
  private readonly mine = new Set<string>();
  private pullBackoff = 0;

  constructor(
    private readonly d: Replica,
    private readonly sender: FrameSender,
    /** One of our requests was answered. */
    private readonly answered: () => void,
  ) {}

  /** Asks everyone for what we lack (`JOIN`: and who is here). */
  async request(prefix = ''): Promise<void> {
    const { doc } = this.d;
    const sender = this.sender;
    const reqId = `${prefix}${doc.clientID.toString(36)}.${sender.nextSeq()}`;
    this.mine.add(reqId);
    await sender.send(FrameKind.request, { reqId, extra: [step1Message(doc), updateMessage(deleteSetUpdate(doc))] });
  }

  /** A peer's request: answered (after our rank's delay) if we hold what it lacks, or it joins. */
  requested(frame: Frame, from: number, requesterSv: StateVector, deleteSets: DeleteSet[], ours: Summary): void {
    const { doc, timers, o } = this.d;
    const join = frame.reqId.startsWith(JOIN);
    if (join || svAhead(ours.svMap, requesterSv) || !dsContains(Y.mergeDeleteSets(deleteSets), deleteSetOf(doc))) {
      this.pendingReplies.set(frame.reqId, { theirs: requesterSv, ours: ours.svMap });
      if (!timers.has('reply')) {
        const delay = this.d.peers.replyRank(frame.reqId, from, requesterSv) * o.replyStepMs + this.d.random() * 150;
        timers.set('reply', delay, () => void this.sendReplies());
      }
    }
    // Its answer holds everything beyond its vector: if that is behind ours, it fills our gap too.
    if (timers.has('pull') && !svAhead(requesterSv, ours.svMap)) this.armPull();
  }

  /** A peer's reply: ours answered, and requests it covers need no answer of ours. */
  replied(frame: Frame, senderSv: StateVector): void {
    for (const id of frame.replyTo) {
      if (this.mine.delete(id)) this.answered();
      const pending = this.pendingReplies.get(id);
      if (pending && answerCovers(senderSv, pending, this.d.own)) this.pendingReplies.delete(id);
    }
    if (this.pendingReplies.size === 0) this.d.timers.cancel('reply');
  }

  /** After a frame: if we lack something and no pull is armed, one is. */
  checkGap(ours: Summary): void {
    if (!this.d.timers.has('pull') && this.d.peers.lagging(this.d.doc, ours)) this.armPull();
  }

  /** One answer for every request waiting: everything beyond the lowest of their vectors. */
  private async sendReplies(): Promise<void> {
    if (this.pendingReplies.size === 0) return;
    const replyTo = [...this.pendingReplies.keys()];
    const base = svMin([...this.pendingReplies.values()].map((r) => r.theirs));
    this.pendingReplies.clear();
    this.sender.dropUnsent(); // step 2 holds them: they are beyond anyone's vector
    await this.sender.send(FrameKind.reply, { replyTo, extra: [step2Message(this.d.doc, base)] });
  }

  private armPull(): void {
    const [lo, hi] = this.d.o.pullDelayMs;
    this.d.timers.set('pull', lo + this.d.random() * (hi - lo), () => void this.pull());
  }

  private async pull(): Promise<void> {
    const { peers, doc, o, timers } = this.d;
    if (!peers.lagging(doc, this.d.summary())) {
      this.pullBackoff = 0;
      return;
    }
    peers.markDsPulled();
    await this.request();
    // Answers may be lost too: look again later, backing off up to the heartbeat period.
    this.pullBackoff = Math.min(o.heartbeatMs, this.pullBackoff === 0 ? 3_000 : this.pullBackoff * 2);
    timers.set('pull', this.pullBackoff * (0.75 + 0.5 * this.d.random()), () => void this.pull());
  }
}
