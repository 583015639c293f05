/**
 * The workshop session, opened: the one boundary between the panel's first paint (panel.ts:
 * templates and language) and everything the session needs (Yjs, the transports, the board
 * link). panel.ts imports this module dynamically, so none of it is in the first paint.
 */
import { WebSdkSessionBoard } from '../board/session-board.js';
import type { Lang } from '../core/lang.js';
import { boardWords } from '../ui/i18n/board-words.js';
import { WorkshopSession, type WorkshopSessionOptions } from './session.js';

/** Connects this panel to its board's workshop session over the board's chosen transport. */
export async function openSession({ sdk, board }: Pick<WorkshopSessionOptions, 'sdk' | 'board'>, lang: Lang): Promise<WorkshopSession> {
  // One gate for everything: templates, the board link and the Miro transport share the budget.
  const sessionBoard = new WebSdkSessionBoard(sdk, { board, lang, words: boardWords });
  return WorkshopSession.open({ sdk, board, sessionBoard });
}
