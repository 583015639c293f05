/**
 * The panel page: the app shell, given a Board port over the SDK at once (templates), then
 * the workshop session once it is connected (session.ts).
 */
import { WebSdkBoard } from '../board/web-sdk-board.js';
import { WebSdkSessionBoard } from '../board/session-board.js';
import { browserLanguages, loadLang } from '../ui/i18n/lang-pref.js';
import { boardWords } from '../ui/i18n/board-words.js';
import '../ui/tryghed-shell.js';
import { loadSdk } from '../board/load-sdk.js';
import { shareCredits } from '../board/shared-credits.js';
import { WorkshopSession } from './session.js';

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
  shell.board = board;
  let lang;
  try {
    lang = loadLang(globalThis.localStorage, browserLanguages());
  } catch {
    lang = loadLang(undefined, browserLanguages());
  }
  // One gate for everything: templates, the board link and the Miro transport share the budget.
  const sessionBoard = new WebSdkSessionBoard(sdk, { board, lang, words: boardWords });
  try {
    const session = await WorkshopSession.open({ sdk, board, sessionBoard });
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
