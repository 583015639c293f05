/**
 * Sealed pulses on the server: answers go into the database only (one per signed-in person,
 * replaced while the pulse is open); the control doc gets what may leave the database. Until
 * the pulse is revealed with at least k answers that is the respondent count alone (written
 * only when it changes); then the scored counts per item (pulse-aggregate.ts), never an answer.
 * The pulse itself (status, k) is read from the control doc, which only the server writes.
 */
import { isPulseAnswers, scoredCounts } from '../core/session/pulse-aggregate.js';
import { getPulse } from '../core/session/pulse.js';
import { readPublishedPulse } from '../core/session/read-pulse.js';
import { publishedPulsesMap, pulsesMap, transactBoth, type PublishedPulse } from '../core/session/schema.js';
import type { AuthContext } from './auth.js';
import { SERVER_ORIGIN } from './control.js';
import type { BoardDocs } from './rooms.js';
import { isId } from './votes/rules.js';
import { VoteError, type Storage } from './votes/types.js';

export class SealedPulses {
  /** Per room+pulse: one publication at a time. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: Storage,
    private readonly boards: BoardDocs,
    private readonly now: () => number = Date.now,
  ) {}

  private open(ctx: AuthContext, a: Record<string, unknown>) {
    if (!isId(a.pulseId)) throw new VoteError('bad-request', 'pulseId');
    const doc = this.boards.linked(ctx.room);
    const pulse = doc && getPulse(doc, a.pulseId);
    if (!pulse) throw new VoteError('no-pulse', `no pulse ${a.pulseId}`);
    if (pulse.anonymity !== 'sealed') throw new VoteError('wrong-mode', 'only sealed pulses keep answers on the server');
    return pulse;
  }

  async answer(ctx: AuthContext, a: Record<string, unknown>): Promise<{ answered: true }> {
    const pulse = this.open(ctx, a);
    if (!isPulseAnswers(a.answers)) throw new VoteError('bad-request', 'answers: seven whole numbers from 1 to 7');
    if (pulse.status !== 'open') throw new VoteError('not-open', `the pulse is ${pulse.status}`);
    await this.storage.answerPulse(ctx.room, pulse.id, ctx.user, a.answers);
    void this.publish(ctx.room, pulse.id);
    return { answered: true };
  }

  async mine(ctx: AuthContext, a: Record<string, unknown>): Promise<{ answers: number[] | null }> {
    const pulse = this.open(ctx, a);
    return { answers: await this.storage.pulseAnswer(ctx.room, pulse.id, ctx.user) };
  }

  /** Every sealed pulse of a loaded board, published again (on load, and after a reveal). */
  publishAll(room: string): void {
    const doc = this.boards.linked(room);
    if (doc) for (const id of pulsesMap(doc).keys()) void this.publish(room, id);
  }

  /** Brings the pulse's published data in line with the database; one run at a time per pulse. */
  publish(room: string, pulseId: string): Promise<void> {
    const key = `${room}\n${pulseId}`;
    const next = (this.queues.get(key) ?? Promise.resolve())
      .then(() => this.publishNow(room, pulseId))
      .catch((e: Error) => console.error('[tryghed] publishing a pulse failed:', e.message));
    this.queues.set(key, next);
    void next.then(() => this.queues.get(key) === next && this.queues.delete(key));
    return next;
  }

  private async publishNow(room: string, pulseId: string): Promise<void> {
    const before = this.boards.linked(room);
    if (!before || getPulse(before, pulseId)?.anonymity !== 'sealed') return;
    const answers = await this.storage.pulseAnswers(room, pulseId);
    const doc = this.boards.linked(room);
    const pulse = doc && getPulse(doc, pulseId);
    if (!doc || !pulse) return;
    const shown = pulse.status === 'revealed' && answers.length >= pulse.k;
    const next: PublishedPulse = shown
      ? { respondents: answers.length, counts: scoredCounts(answers), publishedAt: this.now() }
      : { respondents: answers.length, counts: [], publishedAt: 0 };
    const old = readPublishedPulse(doc, pulseId);
    if (old && old.respondents === next.respondents && JSON.stringify(old.counts) === JSON.stringify(next.counts)) return;
    transactBoth(doc, () => publishedPulsesMap(doc).set(pulseId, next), SERVER_ORIGIN);
  }
}
