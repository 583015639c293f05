/** Miro's headless entry: opens the panel when the app icon is clicked. */
import { loadSdk, withSandboxParams } from '../board/load-sdk.js';

const sdk = await loadSdk();
sdk.board.ui.on('icon:click', () => {
  void sdk.board.ui.openPanel({ url: withSandboxParams('panel.html') });
});
