/**
 * Ballots of named and anonymous rounds are slots in the shared doc (core/session/ballots.ts),
 * which every participant writes. On the server, an update reaches the doc only if each slot
 * it writes or clears is the sender's own:
 * - named rounds: the slot's ballot key is the signed-in user's id;
 * - anonymous rounds: it is the key the server issues that user for the round (an HMAC of the
 *   room, round and user under the server's secret: the same on every device and instance, and
 *   nobody without the secret can tell whose it is), so nobody writes or clears another
 *   person's slots, nor makes up ballots of their own beyond the one;
 * - slot numbers run from 0 to the round's budget − 1, and a slot holds a value, not a type;
 * - sealed rounds have no slots (their ballots are the server's), and a round's ballot map
 *   itself is made and removed only by the server's commands.
 * Answers to an anonymous pulse are keys of its answer map in the shared doc (core/session/pulse.ts),
 * held the same way: one answer per person, under the key the server issues that person for
 * the pulse (derived as ballot keys are, under another label), written or cleared only while
 * the pulse is open; the pulse's answer map itself is made by the server's command.
 * A refused update closes that connection only, with the reason, and is never applied.
 */
import { createHmac } from 'node:crypto';
import type { afterUnloadDocumentPayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import { getPulse } from '../core/session/pulse.js';
import { getRound } from '../core/session/rounds.js';
import { MAP } from '../core/session/schema.js';
import type { AuthContext } from './auth.js';
import { placesOf, RecentPlaces, type Place } from './ballot-writes.js';
import { CloseCodes, decodedUpdate } from './limits.js';
import type { BoardDocs } from './rooms.js';

class Refused {
  readonly code = CloseCodes.forbidden;
  constructor(readonly reason: string) {}
}

/** The anonymous ballot key of `user` in a round: derived, never stored. */
export function anonymousBallotKey(secret: string, room: string, roundId: string, user: string): string {
  return createHmac('sha256', secret).update(`tryghed ballot\n${room}\n${roundId}\n${user}`).digest('base64url').slice(0, 22);
}

/** The respondent key of `user` in an anonymous pulse: derived, never stored. */
export function pulseRespondentKey(secret: string, room: string, pulseId: string, user: string): string {
  return createHmac('sha256', secret).update(`tryghed pulse\n${room}\n${pulseId}\n${user}`).digest('base64url').slice(0, 22);
}

export class BallotGuard implements Extension {
  extensionName = 'tryghed-ballots';
  private readonly recent = new Map<string, RecentPlaces>();

  constructor(
    private readonly secret: string,
    private readonly boards: BoardDocs,
  ) {}

  async beforeHandleMessage({ update, document, documentName, context }: beforeHandleMessagePayload): Promise<void> {
    const ctx = context as AuthContext | undefined;
    if (!ctx?.user || ctx.control) return; // the control doc is read-only anyway
    const decoded = decodedUpdate(update);
    if (!decoded) return;
    let recent = this.recent.get(documentName);
    if (!recent) this.recent.set(documentName, (recent = new RecentPlaces()));
    const { writes, deletes } = placesOf(document, decoded, recent);
    // A write that cannot be placed yet waits in Yjs behind an item that is checked when it comes.
    const guarded = (p: Place) => p.root === MAP.ballots || p.root === MAP.pulseAnswers;
    const touched = [...writes.filter((p): p is Place => p !== null && guarded(p))];
    for (const p of deletes) {
      if (p === null) throw new Refused('deletes what the server does not have');
      if (guarded(p)) touched.push(p);
    }
    if (touched.length === 0) return;
    // The rounds are the control doc's: wait for it if the board has only just loaded.
    const doc = this.boards.linked(ctx.room) ?? (await this.boards.pair(ctx.room));
    if (!doc) throw new Refused('the board is not loaded');
    for (const p of touched) {
      const why = p.root === MAP.ballots ? this.check(doc, ctx, p) : this.checkAnswer(doc, ctx, p);
      if (why) throw new Refused(why);
    }
  }

  private check(doc: Parameters<typeof getRound>[0], ctx: AuthContext, p: Place): string | null {
    const [roundId, key, ...deeper] = p.keys;
    if (p.keys.length < 2 || !roundId) return 'a round’s ballot map is the server’s';
    if (key == null || deeper.length > 0 || p.holdsType) return 'a ballot slot holds a target';
    const round = getRound(doc, roundId);
    if (!round) return 'no such round';
    if (round.anonymity === 'sealed') return 'sealed ballots are cast through the server';
    const dot = key.lastIndexOf('.');
    const slot = Number(key.slice(dot + 1));
    if (dot <= 0 || !Number.isInteger(slot) || slot < 0 || slot >= round.budget || key.slice(dot + 1) !== String(slot)) return 'not a ballot slot';
    const mine = round.anonymity === 'named' ? ctx.user : anonymousBallotKey(this.secret, ctx.room, roundId, ctx.user);
    return key.slice(0, dot) === mine ? null : 'another person’s ballot';
  }

  private checkAnswer(doc: Parameters<typeof getPulse>[0], ctx: AuthContext, p: Place): string | null {
    const [pulseId, key, ...deeper] = p.keys;
    if (p.keys.length < 2 || !pulseId) return 'a pulse’s answer map is the server’s';
    if (key == null || deeper.length > 0 || p.holdsType) return 'a pulse answer is seven numbers';
    const pulse = getPulse(doc, pulseId);
    if (!pulse) return 'no such pulse';
    if (pulse.anonymity !== 'anonymous') return 'sealed answers go through the server';
    if (pulse.status !== 'open') return 'the pulse is not open';
    return key === pulseRespondentKey(this.secret, ctx.room, pulseId, ctx.user) ? null : 'another person’s answer';
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.recent.delete(documentName);
  }
}
