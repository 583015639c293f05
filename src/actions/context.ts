/**
 * What every action is handed: the doc, who acts, and the ports. An action is one use case
 * that touches more than one of doc, board, host and vote service:
 * `perform(ctx, input) → Promise<ActionResult>`, refusals as codes with parameters. The
 * facilitator's commands go through `control` (applied locally, or checked by the server);
 * everything else anyone may do is a pure core command on `doc`.
 */
import type * as Y from 'yjs';
import type { HostPort } from '../board/host-port.js';
import type { SessionBoard } from '../board/session-board-port.js';
import type { ActionResult, Failure, FailureCode } from '../core/failures.js';
import type { ControlService } from '../core/session/commands.js';
import type { Actor } from '../core/session/types.js';
import type { VoteService } from '../core/session/voting.js';
import type { PulseService } from '../core/session/pulse-service.js';

export type { ActionResult, Failure, FailureCode } from '../core/failures.js';
/** Who is on the board, as the Host port tells it: what panels show of people. */
export type { Person } from '../board/host-port.js';

/**
 * What ending the session deletes beyond the facilitator's command: in Miro mode the session's
 * snapshot, chunks and lease in the board's storage (through the host's gate), leaving the
 * `ended` mark; with a sync server nothing (the server's own call deleted everything there).
 */
export interface SessionEnding {
  erase(endedAt: number): Promise<void>;
}

export interface ActionContext {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly board: SessionBoard;
  readonly host: HostPort;
  readonly votes: VoteService;
  readonly control: ControlService;
  /** Answering the psychological-safety pulse (anonymous in the doc, or sealed on the server). */
  readonly pulses: PulseService;
  readonly ending: SessionEnding;
}

export const done = <T>(value: T): ActionResult<T> => ({ ok: true, value });
export const refused = (code: FailureCode, params?: Failure['params']): { ok: false; error: Failure } => ({
  ok: false,
  error: params ? { code, params } : { code },
});

/** The ports' own errors, whose codes are the vocabulary's (board/insertion-error.ts, board/link-items.ts). */
const CODED = new Set(['InsertionError', 'BoardLinkError']);

/**
 * A port's rejection as a refusal: its own code when it is one of the ports' coded errors (an
 * InsertionError's, a BoardLinkError's), with what the words need (items left behind on the
 * board); anything else (an SDK error with a code of its own, a bug) is `fallback`.
 */
export function failureOf(e: unknown, fallback: FailureCode): { ok: false; error: Failure } {
  const f = e as { name?: unknown; code?: FailureCode; params?: unknown; leftBehind?: unknown } | null;
  if (!f || !CODED.has(f.name as string) || typeof f.code !== 'string') return refused(fallback);
  const given = f.params && typeof f.params === 'object' ? (f.params as Record<string, unknown>) : {};
  const params: Record<string, string | number> = {};
  // Only what has something to say: no items left behind is no parameter.
  for (const [k, v] of Object.entries(given)) if ((typeof v === 'string' && v) || (typeof v === 'number' && v !== 0)) params[k] = v;
  if (Array.isArray(f.leftBehind) && f.leftBehind.length > 0) params.leftBehind = f.leftBehind.length;
  return refused(f.code, Object.keys(params).length > 0 ? params : undefined);
}
