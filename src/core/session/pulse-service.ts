/**
 * Answering a pulse, whatever holds the answers: anonymous pulses in the doc (a respondent
 * key per pulse kept on the device: random without a server, issued by the server with one
 * (the same on each of a person's devices, and the only one it takes: one answer per person);
 * written under a throwaway Yjs client id used for that pulse only), sealed pulses on the
 * sync server through `sealed` (server mode).
 * Results come from the doc alike (pulse.ts: pulseResult). The pulse's rules (pulse.ts) load
 * with the first answer or look-up: every session has this service, few use it.
 */
import type * as Y from 'yjs';
import { throwawayClientId } from './anon-write.js';
import { newId } from './ids.js';
import type { BallotKeyStore } from './local-vote-service.js';
import type { PulseAnswerError } from './pulse.js';
import { fail, ok, type Result } from './types.js';

/** The server's side of sealed pulses (src/sync/server-pulses.ts). */
export interface SealedPulses {
  answer(pulseId: string, answers: readonly number[]): Promise<Result<null, PulseAnswerError>>;
  /** The caller's own answer, or null. */
  mine(pulseId: string): Promise<number[] | null>;
}

export class PulseService {
  private readonly clients = new Map<string, number>();

  constructor(
    private readonly doc: Y.Doc,
    /** respondent keys per pulse (the ballot-key store: pulse ids never clash with round ids) */
    private readonly keys: BallotKeyStore,
    private readonly sealed: SealedPulses | null = null,
  ) {}

  /** 'server' when sealed pulses can be answered: the form offers them then. */
  get mode(): 'local' | 'server' {
    return this.sealed ? 'server' : 'local';
  }

  async answer(pulseId: string, answers: readonly number[]): Promise<Result<null, PulseAnswerError>> {
    const { answerPulse, getPulse } = await import('./pulse.js');
    const p = getPulse(this.doc, pulseId);
    if (!p) return fail('no-pulse', 'No such pulse.');
    if (p.anonymity === 'sealed') return this.sealed ? this.sealed.answer(pulseId, answers) : fail('wrong-mode', 'Sealed pulses need the sync server.');
    if (p.status !== 'open') return fail('not-open', `The pulse is ${p.status}.`);
    // With a server, the one key it lets this person answer under (one answer per person).
    let key = this.keys.issue ? await this.keys.issue(pulseId) : this.keys.get(pulseId);
    if (key === null && this.keys.issue) return fail('unavailable', 'The server did not give a respondent key.');
    if (key === null) this.keys.set(pulseId, (key = newId()));
    let client = this.clients.get(pulseId);
    if (client === undefined) this.clients.set(pulseId, (client = throwawayClientId()));
    const r = answerPulse(this.doc, { pulseId, respondentKey: key, answers, asClientId: client });
    return r.ok ? ok(null) : r;
  }

  async mine(pulseId: string): Promise<number[] | null> {
    const { getPulse, pulseAnswerOf } = await import('./pulse.js');
    const p = getPulse(this.doc, pulseId);
    if (!p) return null;
    if (p.anonymity === 'sealed') return this.sealed ? this.sealed.mine(pulseId).catch(() => null) : null;
    return pulseAnswerOf(this.doc, pulseId, this.keys.issue ? await this.keys.issue(pulseId) : this.keys.get(pulseId));
  }
}
