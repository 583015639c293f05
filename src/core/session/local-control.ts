/**
 * The facilitator's commands applied by this device to its own doc (Miro mode, where every
 * honest client enforces the rules; for now server mode too). The server's checked calls
 * implement the same ControlService. The commands' code loads with the first command (a
 * user's action: starting the session, a round, the plan, a sticky deleted on the board),
 * not with the session.
 */
import type * as Y from 'yjs';
import type { CommandResult, ControlService, FacilitatorCommand } from './commands.js';
import type { Actor } from './types.js';

export class LocalControlService implements ControlService {
  constructor(
    private readonly doc: Y.Doc,
    private readonly actor: Actor,
  ) {}

  async apply<C extends FacilitatorCommand>(cmd: C): Promise<CommandResult<C>> {
    return (await import('./apply-command.js')).applyCommand(this.doc, this.actor, cmd);
  }
}
