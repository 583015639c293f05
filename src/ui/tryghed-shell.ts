/**
 * The app shell: one tab set over the panel's sections (templates, group, vote, run rounds,
 * results, plan), with the title, the shared language switch and who is here on top. It is
 * handed the template actions (at once, over the Board port) and the workshop session (src/app/open-session.ts,
 * once it is connected) and passes them down; it knows nothing of Miro or of the transport.
 * Its session half (session-parts.ts) is imported dynamically: the first paint has no Yjs;
 * the session tabs' panels are drawn there (session-tabs.ts).
 *
 * Tabs follow the WAI-ARIA tabs pattern: one tab stop, arrow keys move and select, Home/End.
 * The tab list comes first, so from the title the keyboard goes to the language switch and
 * then straight into the section shown. "Run rounds" is the facilitator's, and shown to
 * everyone only while nobody has started the session (whoever starts it is the facilitator).
 */
import { LitElement, html, nothing } from 'lit';
import type { TemplateActions } from '../actions/template-actions.js';
import type { Lang } from '../core/lang.js';
import { TEMPLATE_INDEX } from '../core/template/template-index.js';
import type { TemplateId } from '../core/template/types.js';
import { t } from './i18n/t.js';
import { browserLanguages, loadLang, saveLang } from './i18n/lang-pref.js';
import { props, PROP, STATE } from './lit-kit.js';
import { safeStorage } from './safe-storage.js';
import { deepActive, focusInPanel, isTyping } from './typing.js';
import { markNoticeRead, noticeRead } from './notice-pref.js';
import { notice, primaryButton, tokens } from './shared-styles.js';
import { shellStyles } from './shell-styles.js';
import type { ShellSession } from './shell-session.js';
import type { SessionTabs } from './session-tabs.js';
import type { SyncChangeEvent } from './sync-settings.js';
import './lang-switch.js';
import './save-status.js';
import './tryghed-template-panel.js';

/** The session's half of the panel, loaded once there is a session to show (see session-parts.ts). */
type SessionParts = typeof import('./session-parts.js');

const wordsFailed = (e: unknown) => console.error('Tryghed: the session’s words did not load', e);

export const TABS = ['workshop', 'templates', 'group', 'vote', 'rounds', 'results', 'pulse', 'plan', 'plate'] as const;
export type TabId = (typeof TABS)[number];

export class TryghedShell extends LitElement {
  static override properties = props({
    templateActions: PROP,
    session: PROP,
    failedToConnect: { type: Boolean, attribute: 'failed-to-connect' },
    sessionFailed: { type: Boolean, attribute: 'session-failed' },
    lang: STATE,
    tab: STATE,
    templates: STATE,
    parts: STATE,
    panels: STATE,
    noticeOpen: STATE,
  });

  templateActions: TemplateActions | undefined = undefined;
  session: ShellSession | undefined = undefined;
  failedToConnect = false;
  sessionFailed = false;
  override lang: Lang = loadLang(safeStorage(), browserLanguages());
  tab: TabId = 'templates';
  /** The step this panel last followed (its key), so a step is followed once, when it starts. */
  private followed: string | null = null;
  /** The person picked a section themselves: the panel no longer picks one for them on opening. */
  private chosen = false;
  /** Templates on the board, for round scopes; read when "Run rounds" is opened. */
  templates: readonly TemplateId[] = [];
  /** The session panels and doc reads, once loaded; until then the session tabs say "connecting". */
  parts: SessionParts | undefined = undefined;
  /** Session tabs whose panels have loaded (or failed to): each loads when first shown (session-parts.ts). */
  panels: ReadonlyMap<TabId, 'ready' | 'failed'> = new Map();
  /** The data notice: open the first time on this device, and whenever asked for. */
  noticeOpen = !noticeRead(safeStorage());

  private partsLoading: Promise<void> | null = null;
  private sessionTabs: SessionTabs | undefined;
  private unsubscribe: (() => void) | null = null;
  private subscribed: ShellSession | undefined;

  static override styles = [
    tokens,
    primaryButton,
    notice,
    shellStyles,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.lang;
  }

  /** Sticky content below the tab list (the insertion's progress and outcome) sits under it, not behind it. */
  private tabsHeight = new ResizeObserver(([entry]) => {
    if (entry) this.style.setProperty('--ty-sticky-top', `${Math.ceil(entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height)}px`);
  });

  private observedTabs: Element | null = null;

  override updated(): void {
    const tabs = this.renderRoot.querySelector('[role="tablist"]');
    if (tabs === this.observedTabs) return;
    this.tabsHeight.disconnect();
    if (tabs) this.tabsHeight.observe(tabs);
    this.observedTabs = tabs;
  }

  override disconnectedCallback(): void {
    this.tabsHeight.disconnect();
    this.observedTabs = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribed = undefined;
    super.disconnectedCallback();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // The board is there, so the session is on its way: fetch its half alongside it.
    if (this.templateActions || this.session) this.loadParts();
    if (changed.has('session') && this.subscribed !== this.session) {
      this.unsubscribe?.();
      this.subscribed = this.session;
      this.unsubscribe = this.session?.subscribe(() => this.requestUpdate()) ?? null;
      // A tab that lists the board's templates, opened before the session was there, reads them now.
      if (this.session) void this.readTemplates();
    }
    this.followStep();
    // A tab that is no longer mine (the role was handed over) gives way to the next one.
    if (!this.visibleTabs().includes(this.tab)) this.tab = 'workshop';
    if (this.parts && this.tab !== 'templates' && !this.panels.has(this.tab)) this.loadTab(this.parts, this.tab);
  }


  /**
   * Participants follow the facilitator: a new step brings their panel to the step's section,
   * and every panel (the facilitator's too) shows the step's template on the board. A
   * participant opening the panel while a session runs starts on the session, not Templates.
   */
  private followStep(): void {
    const s = this.session;
    const parts = this.parts;
    if (!s || !parts) return;
    const f = parts.facilitatorOf(s.doc);
    const w = parts.readWorkshop(s.doc);
    const step = w ? parts.stepOf(w.step) : undefined;
    const key = w ? parts.stepKey(w) : null;
    if (w) parts.loadStepBar();
    if (parts.readDiscussing(s.doc)) parts.loadDiscussNotice();
    if (w && step && key !== this.followed) {
      this.followed = key;
      // Not while typing (the step bar offers the way); focus in the panel goes to the new tab.
      if (f !== s.me.id && step.view !== this.tab && !isTyping(deepActive(document))) this.select(step.view, focusInPanel(document), false);
      void s.actions.showStep(step.id);
    }
    if (f !== null && f !== s.me.id && !this.chosen && this.tab === 'templates') this.tab = 'workshop';
  }


  private loadTab(parts: SessionParts, tab: Exclude<TabId, 'templates'>): void {
    const settle = (state: 'ready' | 'failed') => {
      if (this.panels.get(tab) !== 'ready') this.panels = new Map(this.panels).set(tab, state);
    };
    parts.loadTab(tab).then(
      () => settle('ready'),
      (e: unknown) => {
        console.error(`Tryghed: the ${tab} panels did not load`, e);
        settle('failed');
      },
    );
  }

  private loadParts(): void {
    this.partsLoading ??= import('./session-parts.js').then(
      async (parts) => {
        // The session shows its words in the panel's language from its first render (also
        // when the language was switched while they loaded).
        for (let lang: Lang | null = null; lang !== this.lang; ) await parts.loadSessionWords((lang = this.lang)).catch(wordsFailed);
        parts.watchSession(this, () => this.session);
        this.parts = parts;
      },
      (e: unknown) => {
        console.error('Tryghed: the session panels did not load', e);
        this.sessionFailed = true;
      },
    );
  }

  private facilitator(): string | null | undefined {
    return this.session && this.parts ? this.parts.facilitatorOf(this.session.doc) : undefined;
  }

  private visibleTabs(): TabId[] {
    const f = this.facilitator();
    const mayRun = this.session !== undefined && (f === null || f === this.session.me.id);
    return TABS.filter((id) => id !== 'rounds' || mayRun);
  }

  override render() {
    const lang = this.lang;
    const tabs = this.visibleTabs();
    return html`<div role="tablist" aria-label=${t(lang, 'shell.tabs')} @keydown=${this.onTabKey}>
        ${tabs.map((id) => html`<button role="tab" type="button" id="tab-${id}" data-tab=${id} aria-controls="panel-${id}"
            aria-selected=${id === this.tab ? 'true' : 'false'} tabindex=${id === this.tab ? '0' : '-1'}
            @click=${() => this.select(id)}>${t(lang, `shell.tab.${id}`)}</button>`)}
      </div>
      <header>
        <h1>${t(lang, 'app.title')}</h1>
        <lang-switch .lang=${lang} @lang-change=${(e: CustomEvent<{ lang: Lang }>) => void this.setLang(e.detail.lang)}></lang-switch>
        <button type="button" class="link" data-action="data-notice" aria-expanded=${this.noticeOpen ? 'true' : 'false'} @click=${this.openNotice}>${t(lang, 'shell.notice')}</button>
      </header>
      ${this.noticeOpen && this.parts
        ? html`<div class="notice-slot"><data-notice .lang=${lang} .mode=${this.session?.sync.mode ?? 'miro'} @tryghed-notice-close=${this.closeNotice}></data-notice></div>`
        : nothing}
      <div class="who">
        ${this.session?.ended && this.parts
          ? html`<session-ended .at=${this.session.ended.at} .lang=${lang} @tryghed-restart=${() => void this.session?.restart?.()}></session-ended>`
          : this.session && this.parts
          ? html`<presence-list .awareness=${this.session.awareness} .me=${this.session.me} .people=${this.session.people} .lang=${lang}></presence-list>
              <p class="sync" data-sync=${this.session.sync.mode} data-status=${this.session.status}>
                ${this.session.signInFailed
                  ? t(lang, 'shell.sync.server.signInFailed')
                  : this.session.refused && this.session.status !== 'synced'
                    ? t(lang, `shell.sync.server.refused.${this.session.refused}`)
                    : t(lang, `shell.sync.${this.session.sync.mode}.${this.session.status}`)}</p>
              ${this.session.moveFailed
                ? html`<p class="error" role="alert" data-move-failed=${this.session.moveFailed}>${t(lang, this.session.moveFailed === 'not-facilitator' ? 'shell.sync.moveFailed.seat' : 'shell.sync.moveFailed')}</p>`
                : nothing}
              <save-status .status=${this.session.saved} .lang=${lang}></save-status>
              <signal-notice .doc=${this.session.doc} .me=${this.session.me} .actions=${this.session.actions} .lang=${lang}
                .sourcesArrive=${this.parts.watchSignalSources(this.session.doc)}
                @tryghed-signal-go=${(e: CustomEvent<{ tab: TabId; focus: boolean }>) => this.select(e.detail.tab, e.detail.focus)}></signal-notice>
              <lead-notice .doc=${this.session.doc} .me=${this.session.me} .actions=${this.session.actions} .people=${this.session.people}
                ?synced=${this.session.status === 'synced'} .lang=${lang}></lead-notice>
              <step-bar .doc=${this.session.doc} .me=${this.session.me} .awareness=${this.session.awareness} .tab=${this.tab} .lang=${lang}
                @tryghed-step-go=${(e: CustomEvent<{ tab: TabId }>) => this.select(e.detail.tab, true)}></step-bar>
              <discuss-notice .doc=${this.session.doc} .me=${this.session.me} .labels=${this.session.labels} .lang=${lang}></discuss-notice>`
          : nothing}
      </div>
      <main>${tabs.map((id) => this.renderPanel(id))}</main>`;
  }

  private renderPanel(id: TabId) {
    return html`<section role="tabpanel" id="panel-${id}" data-tab=${id} aria-labelledby="tab-${id}" ?hidden=${id !== this.tab}>
      ${id === 'templates' ? this.renderTemplates() : html`${this.loadingNotice(id)}${this.renderSession(id)}`}
    </section>`;
  }

  /** Until a tab's panels have loaded (session-parts.ts), their tags are there but show nothing. */
  private loadingNotice(id: Exclude<TabId, 'templates'>) {
    return !this.session || !this.parts || this.panels.has(id) ? nothing : html`<p class="notice" role="status">${t(this.lang, 'shell.session.connecting')}</p>`;
  }

  private renderTemplates() {
    return html`<tryghed-template-panel .actions=${this.templateActions} .lang=${this.lang} ?failed-to-connect=${this.failedToConnect}
      locked=${this.templatesLocked()} .onBoard=${this.onBoard()}></tryghed-template-panel>`;
  }

  /** While a session runs, only its facilitator inserts templates: everyone else is told why, and what is theirs to do. */
  private templatesLocked(): string {
    const s = this.session;
    const f = this.facilitator();
    if (!s || f === null || f === undefined || f === s.me.id) return '';
    const name = f === s.me.id ? s.me.name : (s.people.find((p) => p.id === f)?.name ?? t(this.lang, 'lead.someone'));
    return `${t(this.lang, 'lead.templatesLocked', { name })} ${t(this.lang, 'lead.templatesDo')}`;
  }

  private onBoardCache: { ids: readonly TemplateId[]; label: string } = { ids: [], label: '' };
  private onBoard(): { ids: readonly TemplateId[]; label: string } {
    const label = this.parts ? t(this.lang, 'lead.onBoard') : '';
    const c = this.onBoardCache;
    if (c.ids !== this.templates || c.label !== label) this.onBoardCache = { ids: this.templates, label };
    return this.onBoardCache;
  }

  private renderSession(id: Exclude<TabId, 'templates'>) {
    const lang = this.lang;
    const s = this.session;
    if (!s || !this.parts || this.panels.get(id) === 'failed') {
      const key = this.failedToConnect || this.sessionFailed || this.panels.has(id) ? 'shell.session.failed' : 'shell.session.connecting';
      return html`<p class="notice" role="status">${t(lang, key)}</p>`;
    }
    this.sessionTabs ??= new this.parts.SessionTabs();
    return this.sessionTabs.render(id, s, { lang, templates: this.templates, syncChange: this.syncChange });
  }

  private select(id: TabId, focus = false, chosen = true): void {
    this.tab = id;
    this.chosen ||= chosen;
    if (id !== 'vote' && id !== 'results' && id !== 'plan') void this.readTemplates();
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${id}`)?.focus());
  }

  private async readTemplates(): Promise<void> {
    const found = await this.session?.actions.templatesOnBoard();
    if (!found?.ok) return;
    const ordered = TEMPLATE_INDEX.map((card) => card.id).filter((id) => found.value.includes(id));
    if (ordered.join() !== this.templates.join()) this.templates = ordered;
  }

  private onTabKey = (e: KeyboardEvent) => {
    const tabs = this.visibleTabs();
    const i = tabs.indexOf(this.tab);
    const to =
      e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
      : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length]
      : e.key === 'Home' ? tabs[0]
      : e.key === 'End' ? tabs[tabs.length - 1]
      : undefined;
    if (!to) return;
    e.preventDefault();
    this.select(to, true);
  };

  private async setLang(lang: Lang): Promise<void> {
    saveLang(safeStorage(), lang);
    // The session's words in the new language first, so nothing shows a key meanwhile.
    await this.parts?.loadSessionWords(lang).catch(wordsFailed);
    this.lang = lang;
    document.documentElement.lang = lang;
  }

  private openNotice = () => {
    if (this.noticeOpen) return void this.renderRoot.querySelector('data-notice')?.focusHeading();
    this.noticeOpen = true;
    // Asked for: the focus goes to it once it is there (the session's half may still be loading).
    void this.updateComplete.then(() => this.renderRoot.querySelector('data-notice')?.updateComplete).then(() => this.renderRoot.querySelector('data-notice')?.focusHeading());
  };

  private closeNotice = () => {
    markNoticeRead(safeStorage());
    this.noticeOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="data-notice"]')?.focus());
  };

  private syncChange = (e: SyncChangeEvent) => {
    const { setting, done } = e.detail;
    if (!this.session) return done(false);
    this.session.setSync(setting).then(
      () => done(true),
      (err: unknown) => {
        console.error('Tryghed: the sync setting was not saved', err);
        done(false);
      },
    );
  };
}

customElements.define('tryghed-shell', TryghedShell);

declare global {
  interface HTMLElementTagNameMap {
    'tryghed-shell': TryghedShell;
  }
}
