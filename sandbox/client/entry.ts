/**
 * The sandbox's entry into the app's pages (panel.html, index.html pick it with `?sandbox=1`
 * before they load the app): the stand-in becomes the global `miro` and has its host's
 * welcome, so the app finds an SDK as it would in Miro and never loads Miro's script.
 */
import { installSandboxMiro } from './install.js';

await installSandboxMiro().ready();
