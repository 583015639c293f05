/** The sandbox page's entry: one <sandbox-app> plays Miro's host (see sandbox-app.ts). */
import './sandbox-app.js';
import { attachSyncSwitch } from './sandbox-sync.js';

const app = document.querySelector('sandbox-app');
if (app) attachSyncSwitch(app);
