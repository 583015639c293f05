/**
 * What the shell (tryghed-shell.ts) needs once a workshop session is open: the few reads and
 * writes of the doc it makes itself, presence, and a loader per session tab. The shell imports
 * this module dynamically, so the panel's first paint (templates, language) carries no Yjs.
 *
 * Each tab's panels load the first time the tab is shown (TAB_PANELS): a session opens on the
 * templates tab, so what it loads at once is the connection and presence, not six panels.
 * To add a panel: import it under its tab below (never statically here) and render its tag
 * in the shell's renderSession as usual; the shell renders tags before their module arrives
 * (Lit keeps properties set on an element before it is defined). A panel that must work while
 * its tab is closed belongs in the static imports, and so in `npm run bench size`'s session figure.
 */
import type { ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { pulsesMap, roundsMap, sessionType, workshopType } from '../core/session/schema.js';
import { YController } from './controllers/y-controller.js';
import type { ShellSession } from './shell-session.js';
// Shown the first time a person opens the panel, whatever the tab: loaded with the session.
import './session/data-notice.js';
import './session/presence-list.js';
// Who leads (or Start, before anyone does), above every tab: loaded with the session.
import './session/lead-notice.js';
// A session the facilitator ended shows on every tab: loaded with the session.
import './session/session-ended.js';

export { readDiscussing, readPresence, readWorkshop } from '../core/session/read.js';
// The words of the lead notice, the step bar and the data notice, in the panel's language.
export { loadSessionWords } from './i18n/session-words.js';
import { loadRoundScopes } from './session-tabs.js';
export { SessionTabs } from './session-tabs.js';
export { facilitatorOf } from '../core/session/roles.js';
export { stepKey, stepOf } from '../core/session/agenda.js';

/** The session tabs and what each one's panels need loaded. */
export const TAB_PANELS = {
  workshop: () => import('./session/workshop-panel.js'),
  group: () => Promise.all([import('./session/cluster-panel.js'), import('./session/suggest-panel.js'), loadRoundScopes()]),
  vote: () => import('./session/vote-panel.js'),
  rounds: () => Promise.all([import('./session/facilitator-panel.js'), import('./sync-settings.js'), loadRoundScopes()]),
  results: () => import('./session/results-panel.js'),
  plan: () => import('./session/plan-panel.js'),
  plate: () => import('./session/plate-panel.js'),
  pulse: () => import('./session/pulse-panel.js'),
} satisfies Record<string, () => Promise<unknown>>;

export type SessionTab = keyof typeof TAB_PANELS;

const loading = new Map<SessionTab, Promise<void>>();

/** Loads a tab's panels once; a failed load is tried again on the next call. */
export function loadTab(tab: SessionTab): Promise<void> {
  let p = loading.get(tab);
  if (!p) {
    p = TAB_PANELS[tab]().then(() => undefined);
    p.catch(() => loading.delete(tab));
    loading.set(tab, p);
  }
  return p;
}

/** A part above every tab that loads the first time it has something to show (`what` names it
 *  when the load fails; the next call tries again). */
function loadOnce(what: string, load: () => Promise<unknown>): () => void {
  let loading: Promise<unknown> | null = null;
  return () => {
    loading ??= load().catch((e: unknown) => {
      console.error(`Tryghed: the ${what} did not load`, e);
      loading = null;
    });
  };
}

/** Where the workshop is: shown once the facilitator has gone to a step, so the step bar loads
 *  then (at once when the session opens on a step). */
export const loadStepBar = loadOnce('step bar', () => import('./session/step-bar.js'));

/** "Now discussing": loads once the facilitator first picks an item to discuss. */
export const loadDiscussNotice = loadOnce('discussion notice', () => import('./session/discuss-notice.js'));

const loadSignals = loadOnce('signal notice', () => import('./session/signal-notice.js'));
/** Per doc: whether it had no round and no pulse when the shell first showed it. */
const emptyAtFirstSight = new WeakMap<Y.Doc, boolean>();

/**
 * Signals (a round or a pulse opens or is revealed) must reach a panel on any tab, but there is
 * none before the session's first round or pulse: the signal notice loads with it (at once when
 * the doc has one). Returns whether `doc` had neither when first seen: the notice then tells
 * each as it arrives (if recent), as the saved session loading does (round-signals.ts).
 */
export function watchSignalSources(doc: Y.Doc): boolean {
  let empty = emptyAtFirstSight.get(doc);
  if (empty === undefined) {
    const maps = [roundsMap(doc), pulsesMap(doc)] as Y.Map<unknown>[];
    emptyAtFirstSight.set(doc, (empty = maps.every((m) => m.size === 0)));
    const first = (): void => {
      if (maps.every((m) => m.size === 0)) return;
      for (const m of maps) m.unobserve(first);
      loadSignals();
    };
    for (const m of maps) m.observe(first);
    first();
  }
  return empty;
}

/** Updates `host` on every change of the session's shared state (facilitator, started, the step). */
export function watchSession(host: ReactiveControllerHost, session: () => ShellSession | undefined): YController {
  return new YController(host, () => {
    const s = session();
    return s ? [sessionType(s.doc), workshopType(s.doc)] : undefined;
  });
}
