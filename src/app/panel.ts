/**
 * The panel page, in two steps. First paint: the app shell with the templates, given a Board
 * port over the SDK at once (the template actions bound to it). Then the workshop session (open-session.ts, imported
 * dynamically: Yjs and the transports load only now) once it is connected.
 */
import { bindTemplateActions } from '../actions/template-actions.js';
import { WebSdkBoard } from '../board/web-sdk-board.js';
import { browserLanguages, loadLang } from '../ui/i18n/lang-pref.js';
import { safeStorage } from '../ui/safe-storage.js';
import '../ui/tryghed-shell.js';
import { loadSdk } from '../board/load-sdk.js';
import { shareCredits } from '../board/shared-credits.js';

const shell = document.querySelector('tryghed-shell') ?? document.body.appendChild(document.createElement('tryghed-shell'));
let sdk;
try {
  sdk = await loadSdk();
} catch (e) {
  console.error('Tryghed: could not reach the board', e);
  shell.failedToConnect = true;
}
if (sdk) {
  const board = new WebSdkBoard(sdk);
  shell.templateActions = bindTemplateActions({ board });
  try {
    const { openSession } = await import('./open-session.js');
    const session = await openSession({ sdk, board }, loadLang(safeStorage(), browserLanguages()));
    shell.session = session;
    shareCredits(board.gate.budget, session.me.id); // one budget for all of this user's panels
    // Leaving saves at once (no replies awaited); a hidden page may be discarded without a pagehide.
    addEventListener('pagehide', () => session.destroy());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && session.saveNow());
  } catch (e) {
    console.error('Tryghed: the workshop session did not start', e);
    shell.sessionFailed = true;
  }
}
