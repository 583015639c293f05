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
import type { ActionResult, ControlService, Failure } from '../core/session/commands.js';
import type { Actor } from '../core/session/types.js';
import type { VoteService } from '../core/session/voting.js';

export type { ActionResult, Failure } from '../core/session/commands.js';

export interface ActionContext {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly board: SessionBoard;
  readonly host: HostPort;
  readonly votes: VoteService;
  readonly control: ControlService;
}

export const done = <T>(value: T): ActionResult<T> => ({ ok: true, value });
export const refused = (code: string, params?: Failure['params']): { ok: false; error: Failure } => ({
  ok: false,
  error: params ? { code, params } : { code },
});

/** A port's rejection as a refusal: its own code (a BoardLinkError's, say) when it has one. */
export function failureOf(e: unknown, fallback: string): { ok: false; error: Failure } {
  const f = e as { code?: unknown; params?: unknown } | null;
  if (f && typeof f.code === 'string') {
    return refused(f.code, f.params && typeof f.params === 'object' ? (f.params as Failure['params']) : undefined);
  }
  return refused(fallback);
}
