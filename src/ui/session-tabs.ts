/**
 * The session tabs' panels as the shell (tryghed-shell.ts) shows them: each tab's tags with
 * what they are handed from the session, and what the shell works out for them (the round
 * scopes, this person's plate store, the N of "n of N"). Part of the session's half
 * (session-parts.ts): the first paint has none of it, the session's opening not the scopes.
 */
import { html, nothing } from 'lit';
import type { Lang } from '../core/lang.js';
import { readPresence } from '../core/session/read.js';
import type { TemplateId } from '../core/template/types.js';
import { t } from './i18n/t.js';
import { PlateStore } from './plate-store.js';
import type { ScopeOption } from './session/session-view.js';
import type { ShellSession } from './shell-session.js';
import type { SyncChangeEvent } from './sync-settings.js';

/** The round scopes read the templates' zones, so they load with the catalogue when a tab that
 *  offers them is first shown (session-parts.ts TAB_PANELS), not as the session opens. */
let roundScopes: typeof import('./round-scopes.js').roundScopes | undefined;
export const loadRoundScopes = (): Promise<void> => import('./round-scopes.js').then((m) => void (roundScopes = m.roundScopes));

export type SessionTabId = 'workshop' | 'group' | 'vote' | 'rounds' | 'results' | 'pulse' | 'plan' | 'plate';

/** What the shell hands each render: the panel's language and templates on the board, and where a sync change goes. */
export interface SessionTabsView {
  lang: Lang;
  templates: readonly TemplateId[];
  syncChange: (e: SyncChangeEvent) => void;
}

/** One per shell: it keeps the plate store and the scopes between renders. */
export class SessionTabs {
  private plate: { key: string; store: PlateStore } | null = null;
  private scopeCache: { session: ShellSession; lang: Lang; scopes: ScopeOption[]; templates: readonly TemplateId[] } | null = null;

  render(id: SessionTabId, s: ShellSession, v: SessionTabsView) {
    const { lang } = v;
    // Ended: the notice above says so; no panel shows the old session.
    if (s.ended) return nothing;
    const { doc, me, voteService, labels, actions } = s;
    switch (id) {
      case 'workshop':
        return html`<workshop-panel .doc=${doc} .me=${me} .actions=${actions} .people=${s.people} sync-mode=${s.sync.mode}
          .lang=${lang}></workshop-panel>`;
      case 'group':
        return html`<cluster-panel .doc=${doc} .me=${me} .actions=${actions} .labels=${labels} .selection=${s.selection}
          .lang=${lang}></cluster-panel>
          <suggest-panel .doc=${doc} .me=${me} .actions=${actions} .scopes=${this.noteScopes(s, v)} .port=${s.suggest} .lang=${lang}></suggest-panel>`;
      case 'vote':
        return html`<vote-panel .doc=${doc} .me=${me} .actions=${actions} .voteService=${voteService} .labels=${labels}
          .selection=${s.selected} .lang=${lang}></vote-panel>`;
      case 'rounds':
        return html`<facilitator-panel .doc=${doc} .me=${me} .actions=${actions} .voteService=${voteService} .awareness=${s.awareness}
            .scopes=${this.scopes(s, v)} .people=${s.people} .lang=${lang}></facilitator-panel>
          <sync-settings .setting=${s.sync} .lang=${lang} @tryghed-sync-change=${v.syncChange}></sync-settings>`;
      case 'results':
        return html`<results-panel .doc=${doc} .me=${me} .actions=${actions} .voteService=${voteService} .labels=${labels}
          .eligible=${this.eligible(s)} .lang=${lang}></results-panel>`;
      case 'plate':
        return html`<plate-panel .store=${this.plateStore(s)} .actions=${actions} .lang=${lang}></plate-panel>`;
      case 'pulse':
        return html`<pulse-panel .doc=${doc} .me=${me} .actions=${actions} .serverMode=${voteService.mode === 'server'} .lang=${lang}></pulse-panel>`;
      case 'plan':
        return html`<plan-panel .doc=${doc} .me=${me} .actions=${actions} .voteService=${voteService} .labels=${labels} .lang=${lang}></plan-panel>`;
    }
  }

  /** This person's plate on this board, kept on this device (one store per board and user). */
  private plateStore(s: ShellSession): PlateStore {
    const key = `${s.boardId}\n${s.me.id}`;
    if (this.plate?.key !== key) this.plate = { key, store: new PlateStore(s.boardId, s.me.id) };
    return this.plate.store;
  }

  /** The N of "n of N":  everyone with the app open now (never fewer than Miro's online users). */
  private eligible(s: ShellSession): number {
    let present = 0;
    for (const state of s.awareness.getStates().values()) if (readPresence(state, s.awareness)) present++;
    return Math.max(present, s.people.length);
  }

  /** Where notes for theme suggestions come from: every scope but the clusters (themes group notes) and the deck's cards. */
  private noteScopes(s: ShellSession, v: SessionTabsView): ScopeOption[] {
    const clusters = t(v.lang, 'shell.scope.clusters');
    return this.scopes(s, v).filter((o) => (o.group !== undefined || o.label !== clusters) && o.scope.kind !== 'cards');
  }

  private scopes(s: ShellSession, v: SessionTabsView): ScopeOption[] {
    const c = this.scopeCache;
    if (c?.session === s && c.lang === v.lang && c.templates === v.templates) return c.scopes;
    if (!roundScopes) return []; // its tab's panels, and these with them, are still loading
    const scopes = roundScopes(v.lang, v.templates);
    this.scopeCache = { session: s, lang: v.lang, scopes, templates: v.templates };
    return scopes;
  }
}
