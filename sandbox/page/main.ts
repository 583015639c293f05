/** The sandbox page's entry: one <sandbox-app> plays Miro's host (see sandbox-app.ts). */
import './sandbox-app.js';
