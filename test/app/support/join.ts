/** A person's WorkshopSession over the sandbox's stand-in for Miro, synced before use. */
import { StandInBoard } from '../../../sandbox/host/stand-in.js';
import { WorkshopSession } from '../../../src/app/session.js';
import { WebSdkHost } from '../../../src/board/host.js';
import { WebSdkSessionBoard } from '../../../src/board/session-board.js';
import { WebSdkBoard } from '../../../src/board/web-sdk-board.js';
import { boardWords } from '../../../src/ui/i18n/board-words.js';

/** Opens `userId`'s panel on `board` (added to `open`, for the test to destroy). */
export async function joinSession(
  open: WorkshopSession[],
  board: StandInBoard,
  userId: string,
  sdkPatch?: (sdk: ReturnType<StandInBoard['sdkFor']>) => void,
): Promise<WorkshopSession> {
  const sdk = board.sdkFor(userId);
  sdkPatch?.(sdk);
  board.setPanelOpen(userId, true);
  const port = new WebSdkBoard(sdk);
  const s = await WorkshopSession.open({ host: new WebSdkHost(sdk, port), board: new WebSdkSessionBoard(sdk, { board: port, words: boardWords }) });
  open.push(s);
  await s.transport.whenSynced();
  return s;
}
