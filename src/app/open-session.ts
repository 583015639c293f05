/**
 * The workshop session, opened: the one boundary between the panel's first paint (panel.ts:
 * templates and language) and everything the session needs (Yjs, the transports, the board
 * link, the actions). panel.ts imports this module dynamically, so none of it is in the first paint.
 */
import { WebSdkHost } from '../board/host.js';
import { WebSdkSessionBoard } from '../board/session-board.js';
import type { WebSdkBoard } from '../board/web-sdk-board.js';
import type { Lang } from '../core/lang.js';
import { boardWords } from '../ui/i18n/board-words.js';
import { WorkshopSession } from './session.js';

/** Connects this panel to its board's workshop session over the board's chosen transport. */
export async function openSession({ sdk, board }: { sdk: ConstructorParameters<typeof WebSdkHost>[0]; board: WebSdkBoard }, lang: Lang): Promise<WorkshopSession> {
  // One gate for everything: templates, the board link and the Miro transport share the budget.
  const sessionBoard = new WebSdkSessionBoard(sdk, { board, lang, words: boardWords });
  return WorkshopSession.open({ host: new WebSdkHost(sdk, board), board: sessionBoard });
}
