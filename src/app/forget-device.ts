/**
 * What this device kept of a session on one board, forgotten when the session ends (here or
 * anywhere): the anonymous ballot and pulse keys, the plate's answers.
 */
import { plateKey } from '../ui/plate-store.js';
import { safeStorage } from '../ui/safe-storage.js';
import type { ConnectionDeps } from './connection.js';

export function forgetOnThisDevice(deps: Pick<ConnectionDeps, 'ballotKeys' | 'boardId' | 'me'>): void {
  deps.ballotKeys.clear();
  try {
    safeStorage()?.removeItem(plateKey(deps.boardId, deps.me.id));
  } catch {
    /* storage refused: nothing was kept */
  }
}
