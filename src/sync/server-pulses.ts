/**
 * Sealed pulses in server mode: the answer is a server call, kept only in the server's
 * database; what the panel shows comes from the aggregates the server publishes in the doc.
 */
import type { PulseAnswerError } from '../core/session/pulse.js';
import type { SealedPulses } from '../core/session/pulse-service.js';
import type { Result } from '../core/session/types.js';
import type { VoteRpc } from './server-votes.js';

const CODES: readonly PulseAnswerError[] = ['no-pulse', 'not-open', 'wrong-mode'];

export class ServerPulses implements SealedPulses {
  constructor(private readonly transport: VoteRpc) {}

  async answer(pulseId: string, answers: readonly number[]): Promise<Result<null, PulseAnswerError>> {
    try {
      await this.transport.rpc('pulseAnswer', { pulseId, answers: [...answers] });
      return { ok: true, value: null };
    } catch (e) {
      const code = (e as { code?: string }).code;
      const error: PulseAnswerError = (CODES as readonly (string | undefined)[]).includes(code) ? (code as PulseAnswerError) : code === 'bad-request' ? 'invalid' : 'unavailable';
      return { ok: false, error, message: (e as Error).message ?? error };
    }
  }

  async mine(pulseId: string): Promise<number[] | null> {
    return (await this.transport.rpc('myPulse', { pulseId })).answers;
  }
}
