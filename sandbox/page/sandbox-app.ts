/**
 * The sandbox page: plays Miro's host for the app. It owns one StandInBoard (the model and
 * its refusals, sandbox/host/), serves it to the app's iframes over postMessage, draws the
 * board, and wires the toolbar's switches to the stand-in. `window.__sandbox` is a read-only
 * hook for the browser tests.
 */
import { LitElement, css, html } from 'lit';
import type { Rect } from '../../src/core/geometry.js';
import { browserLanguages, loadLang } from '../../src/ui/i18n/lang-pref.js';
import { t } from '../../src/ui/i18n/t.js';
import { serveStandIn, type StandInBridge } from '../host/bridge.js';
import { StandInBoard, type BoardChange, type ItemView } from '../host/stand-in.js';
import type { SwitchState } from './sandbox-controls.js';
import { appUrl, type Participant } from './sandbox-participants.js';
import './sandbox-board.js';
import './sandbox-controls.js';
import './sandbox-participants.js';

const FACILITATOR = 'u1';
/** Calls take a little time by default, so the panel's progress bar is visible. */
const DEFAULT_LATENCY_MS = 40;
const RATE_LIMIT_PROBABILITY = 0.25;

export interface SandboxHook {
  board: {
    items(): ItemView[];
    stats(): ReturnType<StandInBoard['stats']>;
    viewport(userId?: string): Rect;
  };
  switches(): SwitchState;
  panelOpen(userId: string): boolean;
}

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

export class SandboxApp extends LitElement {
  static override properties = {
    items: { state: true },
    participants: { state: true },
    switches: { state: true },
    stats: { state: true },
  };

  declare items: ItemView[];
  declare participants: Participant[];
  declare switches: SwitchState;
  declare stats: string;

  readonly board = new StandInBoard({ latencyMs: DEFAULT_LATENCY_MS, jitterMs: 20 });
  private readonly uiLang = loadLang(storage(), browserLanguages());
  private bridge: StandInBridge | null = null;
  private unsubscribe: (() => void) | null = null;
  private cancelRefusal: (() => void) | null = null;
  private settingViewport = false;
  private refreshQueued = false;

  constructor() {
    super();
    this.items = [];
    this.participants = [];
    this.switches = { latencyMs: DEFAULT_LATENCY_MS, rateLimitErrors: false, refuseCreates: false, refuseAfter: 5 };
    this.stats = '';
  }

  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto 1fr;
      grid-template-columns: 1fr 400px;
      height: 100vh;
    }
    header {
      grid-column: 1 / -1;
    }
    main,
    aside {
      display: flex;
      min-width: 0;
      min-height: 0;
    }
    aside {
      border-left: 1px solid #d0d7de;
    }
    sandbox-board,
    sandbox-participants {
      flex: 1;
      min-width: 0;
    }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.uiLang;
    document.title = t(this.uiLang, 'sandbox.title');
    this.bridge = serveStandIn(this.board, {
      window,
      targetOrigin: location.origin,
      allowedOrigins: [location.origin],
      onRefused: (reason) => console.warn('sandbox: refused message:', reason),
    });
    this.unsubscribe = this.board.onChange((c) => this.onBoardChange(c));
    this.addParticipant();
    this.exposeHook();
    this.queueRefresh();
  }

  override disconnectedCallback(): void {
    this.unsubscribe?.();
    this.bridge?.close();
    super.disconnectedCallback();
  }

  override firstUpdated(): void {
    this.boardEl()?.show(this.board.viewportOf(FACILITATOR));
    this.openPanelByIcon(FACILITATOR);
  }

  override render() {
    return html`<header><sandbox-controls
        .lang=${this.uiLang}
        .switches=${this.switches}
        stats=${this.stats}
        @switches-change=${(e: CustomEvent<SwitchState>) => this.applySwitches(e.detail)}
        @sandbox-app-icon=${() => this.board.clickIcon(FACILITATOR)}
        @sandbox-clear=${() => this.clearBoard()}
      ></sandbox-controls></header>
      <main><sandbox-board
        .lang=${this.uiLang}
        .items=${this.items}
        aria-label=${t(this.uiLang, 'sandbox.board')}
        @viewport-change=${(e: CustomEvent<{ rect: Rect }>) => this.shareViewport(e.detail.rect)}
      ></sandbox-board></main>
      <aside aria-label=${t(this.uiLang, 'sandbox.participants')}><sandbox-participants
        .lang=${this.uiLang}
        .participants=${this.participants}
        @participant-add=${() => this.addParticipant()}
        @participant-icon=${(e: CustomEvent<{ userId: string }>) => this.board.clickIcon(e.detail.userId)}
        @participant-close=${(e: CustomEvent<{ userId: string }>) => this.closePanel(e.detail.userId)}
      ></sandbox-participants></aside>`;
  }

  private boardEl() {
    return this.renderRoot.querySelector('sandbox-board');
  }

  private onBoardChange(change: BoardChange): void {
    switch (change.kind) {
      case 'create':
      case 'update':
      case 'remove':
        this.queueRefresh();
        break;
      case 'panel':
      case 'users':
        this.refreshParticipants();
        break;
      case 'viewport':
        // The app moved the view (zoomTo): follow it. Our own pans are not echoed back.
        if (!this.settingViewport) this.boardEl()?.show(this.board.viewportOf(change.userId));
        break;
      default:
        break;
    }
  }

  /** Many changes arrive per frame during an insertion: redraw once per animation frame. */
  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    requestAnimationFrame(() => {
      this.refreshQueued = false;
      this.items = this.board.items();
      const s = this.board.stats();
      this.stats = t(this.uiLang, 'sandbox.stats', { calls: s.totalCalls, credits: s.creditsSpent, limited: s.rateLimited });
    });
  }

  /** One screen, one view: every user's viewport is what the board shows. */
  private shareViewport(rect: Rect): void {
    this.settingViewport = true;
    try {
      for (const u of this.board.users()) this.board.setViewport(u.id, rect);
    } finally {
      this.settingViewport = false;
    }
  }

  private addParticipant(): void {
    const n = this.board.users().length + 1;
    const id = `u${n}`;
    const name = n === 1 ? t(this.uiLang, 'sandbox.facilitator') : t(this.uiLang, 'sandbox.participant', { n });
    this.board.addUser({ id, name });
    const view = this.boardEl()?.visibleRect();
    if (view) this.board.setViewport(id, view);
    if (n > 1) this.openPanelByIcon(id);
  }

  private refreshParticipants(): void {
    this.participants = this.board.users().map((u) => {
      const panel = this.board.panelOf(u.id);
      return { id: u.id, name: u.name, panelUrl: panel ? appUrl(panel.url, u.id) : null };
    });
  }

  /**
   * Open a user's panel the way Miro does: click the app icon, and the app's headless page
   * calls openPanel. The headless iframe may still be loading, so click until it answers.
   */
  private openPanelByIcon(userId: string, attempts = 40): void {
    if (this.board.panelOf(userId) || attempts === 0) return;
    this.board.clickIcon(userId);
    setTimeout(() => this.openPanelByIcon(userId, attempts - 1), 250);
  }

  /** Close a user's panel as Miro would; its app instance stops getting events. */
  private closePanel(userId: string): void {
    const win = this.renderRoot.querySelector('sandbox-participants')?.panelWindow(userId);
    if (win) this.bridge?.unregister(win);
    this.board.setPanelOpen(userId, false);
  }

  private applySwitches(next: SwitchState): void {
    const board = this.board;
    board.latencyMs = next.latencyMs;
    board.jitterMs = next.latencyMs > 0 ? Math.round(next.latencyMs / 2) : 0;
    board.injectRateLimitErrors(next.rateLimitErrors ? { probability: RATE_LIMIT_PROBABILITY } : null);
    this.cancelRefusal?.();
    this.cancelRefusal = null;
    if (next.refuseCreates) {
      // A permanent refusal: every create after the first N (counted from now) fails, and is not a rate limit.
      let creates = 0;
      this.cancelRefusal = board.failWhen((call) => call.method.startsWith('board.create') && ++creates > next.refuseAfter);
    }
    this.switches = next;
  }

  private clearBoard(): void {
    for (const item of this.board.items()) {
      if (item.parentId === null && this.board.item(item.id)) this.board.hostRemove(item.id);
    }
  }

  private exposeHook(): void {
    const board = this.board;
    const hook: SandboxHook = {
      board: {
        items: () => structuredClone(board.items()),
        stats: () => structuredClone(board.stats()),
        viewport: (userId = FACILITATOR) => board.viewportOf(userId),
      },
      switches: () => ({ ...this.switches }),
      panelOpen: (userId) => board.panelOf(userId) !== undefined,
    };
    Object.defineProperty(window, '__sandbox', { value: Object.freeze(hook), configurable: false, writable: false });
  }
}

customElements.define('sandbox-app', SandboxApp);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-app': SandboxApp;
  }
  interface Window {
    __sandbox?: SandboxHook;
  }
}
