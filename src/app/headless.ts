/** Miro's headless entry: opens the panel when the app icon is clicked. */
import { loadSdk } from '../board/load-sdk.js';

const sdk = await loadSdk();
sdk.board.ui.on('icon:click', () => {
  // The sandbox's host adds its own query (sandbox=1, user) to the panel's URL, as Miro adds its own.
  void sdk.board.ui.openPanel({ url: 'panel.html' });
});
