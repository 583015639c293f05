/**
 * What the shell (tryghed-shell.ts) needs once a workshop session is open: the session
 * panels and the few reads and writes of the doc it makes itself. The shell imports this
 * module dynamically, so the panel's first paint (templates, language) carries no Yjs.
 */
import type { ReactiveControllerHost } from 'lit';
import { sessionType } from '../core/session/schema.js';
import { YController } from './controllers/y-controller.js';
import type { ShellSession } from './shell-session.js';
import './session/cluster-panel.js';
import './session/facilitator-panel.js';
import './session/plan-panel.js';
import './session/plate-panel.js';
import './session/presence-list.js';
import './session/results-panel.js';
import './session/suggest-panel.js';
import './session/vote-panel.js';
import './sync-settings.js';

export { readPresence } from '../core/session/read.js';
export { PlateStore } from './plate-store.js';
export { facilitatorOf } from '../core/session/roles.js';

/** Updates `host` on every change of the session's shared state (facilitator, started). */
export function watchSession(host: ReactiveControllerHost, session: () => ShellSession | undefined): YController {
  return new YController(host, () => {
    const s = session();
    return s ? [sessionType(s.doc)] : undefined;
  });
}
