/**
 * The sandbox page: plays Miro's host for the app. It owns one StandInBoard (the model and
 * its refusals, sandbox/host/), serves it to the app's iframes over postMessage, draws the
 * board, and wires the toolbar's switches to the stand-in. A person works on the board as one
 * participant at a time ("acting as"): writes, selects, moves and deletes stickies (board-editing.ts).
 * `window.__sandbox` is a hook for the browser tests (sandbox-hook.ts).
 */
import { LitElement, css, html } from 'lit';
import type { Rect } from '../../src/core/geometry.js';
import { browserLanguages, loadLang } from '../../src/ui/i18n/lang-pref.js';
import { st } from './strings.js';
import { safeStorage } from '../../src/ui/safe-storage.js';
import { visuallyHidden } from '../../src/ui/shared-styles.js';
import { serveStandIn, type StandInBridge } from '../host/bridge.js';
import { StandInBoard, type BoardChange, type ItemView } from '../host/stand-in.js';
import type { StickyColour } from '../../src/core/miro-rules.js';
import { BoardEditing, type SelectMode } from './board-editing.js';
import { plainText } from './content.js';
import type { StickySave } from './sandbox-sticky-editor.js';
import type { SwitchState } from './sandbox-controls.js';
import { installHook } from './sandbox-hook.js';
import { appUrl, type Participant } from './sandbox-participants.js';
import './sandbox-board.js';
import './sandbox-board-tools.js';
import './sandbox-sticky-editor.js';
import './sandbox-controls.js';
import './sandbox-participants.js';

const FACILITATOR = 'u1';
/** Calls take a little time by default, so the panel's progress bar is visible. */
const DEFAULT_LATENCY_MS = 40;
const RATE_LIMIT_PROBABILITY = 0.25;

/** The sticky dialog: where it opens (board element pixels) and what it writes to. */
interface EditorState {
  mode: 'new' | 'edit';
  id: string | null;
  x: number;
  y: number;
  sx: number;
  sy: number;
  text: string;
  colour: StickyColour;
}

export class SandboxApp extends LitElement {
  static override properties = {
    items: { state: true },
    participants: { state: true },
    switches: { state: true },
    stats: { state: true },
    acting: { state: true },
    selection: { state: true },
    selectMode: { state: true },
    editor: { state: true },
    notice: { state: true },
  };

  declare items: ItemView[];
  declare participants: Participant[];
  declare switches: SwitchState;
  declare stats: string;
  declare acting: string;
  declare selection: string[];
  declare selectMode: boolean;
  declare editor: EditorState | null;
  /** The last editing outcome, for screen readers (deleted, refused). */
  declare notice: string;

  readonly board = new StandInBoard({ latencyMs: DEFAULT_LATENCY_MS, jitterMs: 20 });
  readonly editing = new BoardEditing(this.board, FACILITATOR);
  private readonly uiLang = loadLang(safeStorage(), browserLanguages());
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
    this.acting = FACILITATOR;
    this.selection = [];
    this.selectMode = false;
    this.editor = null;
    this.notice = '';
  }

  static override styles = [visuallyHidden, css`
    :host {
      display: grid;
      grid-template-rows: auto 1fr;
      grid-template-columns: 1fr 400px;
      height: 100vh;
    }
    header {
      grid-column: 1 / -1;
    }
    main {
      position: relative;
    }
    sandbox-board-tools {
      position: absolute;
      z-index: 1;
      top: 12px;
      left: 12px;
      max-width: calc(100% - 24px);
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
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.uiLang;
    document.title = st(this.uiLang, 'title');
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
      <main><sandbox-board-tools
        .lang=${this.uiLang}
        .users=${this.participants}
        acting=${this.acting}
        selected-count=${this.selection.length}
        ?select-mode=${this.selectMode}
        aria-label=${st(this.uiLang, 'tools')}
        role="toolbar"
        @acting-change=${(e: CustomEvent<{ userId: string }>) => this.actAs(e.detail.userId)}
        @tools-new-sticky=${() => this.writeAtCentre()}
        @tools-select-mode=${(e: CustomEvent<{ on: boolean }>) => { this.selectMode = e.detail.on; }}
        @tools-delete=${() => this.deleteSelection()}
      ></sandbox-board-tools>
      <sandbox-board
        .lang=${this.uiLang}
        .items=${this.items}
        .selected=${this.selection}
        ?select-mode=${this.selectMode}
        aria-label=${st(this.uiLang, 'board')}
        @viewport-change=${(e: CustomEvent<{ rect: Rect }>) => this.shareViewport(e.detail.rect)}
        @board-select=${(e: CustomEvent<{ ids: string[]; mode: SelectMode }>) => this.act(() => this.editing.select(e.detail.ids, e.detail.mode))}
        @board-move=${(e: CustomEvent<{ ids: string[]; dx: number; dy: number }>) => this.act(() => this.editing.move(e.detail.ids, e.detail.dx, e.detail.dy))}
        @board-write=${(e: CustomEvent<{ x: number; y: number; sx: number; sy: number }>) => { this.editor = { mode: 'new', id: null, text: '', colour: 'light_yellow', ...e.detail }; }}
        @board-edit=${(e: CustomEvent<{ id: string; sx: number; sy: number }>) => this.editSticky(e.detail.id, e.detail.sx, e.detail.sy)}
        @board-delete=${() => this.deleteSelection()}
      ></sandbox-board>
      ${this.editor ? this.renderEditor(this.editor) : ''}
      <div class="visually-hidden" role="status" data-notice>${this.notice}</div></main>
      <aside aria-label=${st(this.uiLang, 'participants')}><sandbox-participants
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
      case 'selection':
        if (change.userId === this.acting) this.selection = this.editing.selection();
        break;
      case 'notification':
        // Miro shows it on the board; here the page's live region says it.
        this.notice = st(this.uiLang, 'notification', { name: this.board.users().find((u) => u.id === change.userId)?.name ?? change.userId, message: change.message });
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
      this.refreshNow();
      const s = this.board.stats();
      this.stats = [st(this.uiLang, 'stats.calls', { n: s.totalCalls }), st(this.uiLang, 'stats.credits', { n: s.creditsSpent }), st(this.uiLang, 'stats.limited', { n: s.rateLimited })].join(' · ');
    });
  }

  /** Redraw now: after a person's move, so the drag preview hands over to the moved items without a jump back. */
  private refreshNow(): void {
    this.items = this.board.items();
    // Removing items prunes selections on the stand-in without an event.
    this.selection = this.editing.selection();
  }

  /** Apply a person's action to the stand-in; a refusal is said, not thrown. */
  private act(fn: () => unknown): boolean {
    try {
      fn();
      this.refreshNow();
      return true;
    } catch (err) {
      this.notice = st(this.uiLang, 'refused', { message: err instanceof Error ? err.message : String(err) });
      console.warn('sandbox:', err);
      return false;
    }
  }

  private actAs(userId: string): void {
    if (!this.board.users().some((u) => u.id === userId)) throw new Error(`Unknown user ${userId}`);
    this.acting = userId;
    this.editing.actingUser = userId;
    this.selection = this.editing.selection();
  }

  private deleteSelection(): void {
    let removed: string[] = [];
    if (this.act(() => { removed = this.editing.deleteSelection(); })) this.notice = st(this.uiLang, 'deleted', { n: removed.length });
  }

  private writeAtCentre(): void {
    const board = this.boardEl();
    if (!board) return;
    const v = board.visibleRect();
    const { width, height } = board.getBoundingClientRect();
    this.editor = { mode: 'new', id: null, text: '', colour: 'light_yellow', x: v.x + v.width / 2, y: v.y + v.height / 2, sx: width / 2, sy: height / 2 };
  }

  private editSticky(id: string, sx: number, sy: number): void {
    const item = this.board.item(id);
    if (!item || item.type !== 'sticky_note') return;
    const colour = (typeof item.style.fillColor === 'string' ? item.style.fillColor : 'light_yellow') as StickyColour;
    this.editor = { mode: 'edit', id, text: plainText(item.content), colour, x: 0, y: 0, sx, sy };
  }

  private closeEditor(): void {
    this.editor = null;
    this.boardEl()?.focusBoard();
  }

  private renderEditor(ed: EditorState) {
    const { width, height } = this.boardEl()?.getBoundingClientRect() ?? { width: 800, height: 600 };
    const left = Math.max(8, Math.min(ed.sx - 150, width - 308));
    const top = Math.max(8, Math.min(ed.sy - 40, height - 320));
    const save = (e: CustomEvent<StickySave>) => {
      const { text, colour } = e.detail;
      const ok = this.act(() => (ed.mode === 'new' ? this.editing.createSticky(text, ed.x, ed.y, { colour }) : this.editing.edit(ed.id!, text, colour)));
      if (ok) this.closeEditor();
    };
    return html`<sandbox-sticky-editor style="left:${left}px;top:${top}px" .lang=${this.uiLang} mode=${ed.mode}
      .text=${ed.text} .colour=${ed.colour} @sticky-save=${save} @sticky-cancel=${() => this.closeEditor()}></sandbox-sticky-editor>`;
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
    const name = n === 1 ? st(this.uiLang, 'facilitator') : st(this.uiLang, 'participant', { n });
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
    installHook({
      board: this.board,
      editing: this.editing,
      facilitator: FACILITATOR,
      switches: () => this.switches,
      acting: () => this.acting,
      actAs: (userId) => this.actAs(userId),
      refresh: () => this.refreshNow(),
    });
  }
}

customElements.define('sandbox-app', SandboxApp);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-app': SandboxApp;
  }
}
