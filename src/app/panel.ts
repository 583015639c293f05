/** The panel page: the template panel, given a Board port over the SDK. */
import { WebSdkBoard } from '../board/web-sdk-board.js';
import '../ui/tryghed-app.js';
import { loadSdk } from './load-sdk.js';

const app = document.querySelector('tryghed-app') ?? document.body.appendChild(document.createElement('tryghed-app'));
try {
  app.board = new WebSdkBoard(await loadSdk());
} catch (e) {
  console.error('Tryghed: could not reach the board', e);
  app.failedToConnect = true;
}
