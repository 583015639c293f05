/**
 * The sandbox toolbar: the app icon (fires `icon:click` for the facilitator), and the
 * stand-in's switches: latency, rate-limit errors, and a permanent refusal of item creation
 * after N creates. It only emits events; sandbox-app applies them to the StandInBoard.
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../src/core/lang.js';
import { st } from './strings.js';

export interface SwitchState {
  latencyMs: number;
  rateLimitErrors: boolean;
  refuseCreates: boolean;
  refuseAfter: number;
}

export type SwitchesChangeEvent = CustomEvent<SwitchState>;
/** The board's sync setting, as the toolbar switches it (sandbox-sync.ts applies it). */
export type SandboxSyncMode = 'miro' | 'server';
export type SyncModeEvent = CustomEvent<{ mode: SandboxSyncMode }>;

export class SandboxControls extends LitElement {
  static override properties = {
    lang: { type: String },
    switches: { attribute: false },
    stats: { type: String },
    sync: { type: String },
  };

  declare lang: Lang;
  declare switches: SwitchState;
  /** One line of counters (calls, credits, rate-limited). */
  declare stats: string;
  /** The board's sync mode now (set by sandbox-sync.ts from the board's storage). */
  declare sync: SandboxSyncMode;

  constructor() {
    super();
    this.lang = 'en';
    this.switches = { latencyMs: 0, rateLimitErrors: false, refuseCreates: false, refuseAfter: 5 };
    this.stats = '';
    this.sync = 'miro';
  }

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding: 8px 16px;
      border-bottom: 1px solid #d0d7de;
      background: #ffffff;
      font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      color: #1f2328;
    }
    h1 {
      margin: 0 8px 0 0;
      font-size: 16px;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 8px;
    }
    input[type='number'] {
      width: 72px;
      min-height: 32px;
      padding: 0 8px;
      border: 1px solid #8c959f;
      border-radius: 6px;
      font: inherit;
    }
    input[type='checkbox'] {
      width: 18px;
      height: 18px;
      accent-color: #0b6b57;
    }
    button {
      min-height: 36px;
      padding: 0 16px;
      border: 1px solid #d0d7de;
      border-radius: 8px;
      background: #ffffff;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    button.icon {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      border-color: #0b6b57;
      color: #0b6b57;
      font-weight: 600;
    }
    button:hover {
      background: #f6f8fa;
    }
    :focus-visible {
      outline: 3px solid #1d4ed8;
      outline-offset: 2px;
    }
    .sync {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    button[aria-pressed='true'] {
      border-color: #0b6b57;
      background: #e6f4f0;
      font-weight: 600;
    }
    .stats {
      margin-left: auto;
      color: #4f5862;
      font-size: 13px;
    }
  `;

  override render() {
    const s = this.switches;
    const lang = this.lang;
    return html`<h1>${st(lang, 'title')}</h1>
      <button class="icon" type="button" data-action="app-icon" @click=${() => this.emit('sandbox-app-icon')}>
        <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><rect width="20" height="20" rx="5" fill="#0b6b57"></rect><text x="10" y="14.5" text-anchor="middle" font-size="13" font-weight="700" fill="#fff" font-family="system-ui, sans-serif">T</text></svg>
        ${st(lang, 'appIcon')}
      </button>
      <label>
        ${st(lang, 'latency')}
        <input type="number" name="latency" min="0" max="5000" step="50" .value=${String(s.latencyMs)}
          @change=${(e: Event) => this.update1({ latencyMs: clampInt((e.target as HTMLInputElement).value, 0, 5000) })} />
      </label>
      <label>
        <input type="checkbox" name="rate-limit" .checked=${s.rateLimitErrors}
          @change=${(e: Event) => this.update1({ rateLimitErrors: (e.target as HTMLInputElement).checked })} />
        ${st(lang, 'rateLimit')}
      </label>
      <label>
        <input type="checkbox" name="refuse" .checked=${s.refuseCreates}
          @change=${(e: Event) => this.update1({ refuseCreates: (e.target as HTMLInputElement).checked })} />
        ${st(lang, 'failAfter')}
        <input type="number" name="refuse-after" min="0" max="1000" .value=${String(s.refuseAfter)}
          aria-label=${st(lang, 'failAfter')}
          @change=${(e: Event) => this.update1({ refuseAfter: clampInt((e.target as HTMLInputElement).value, 0, 1000) })} />
      </label>
      <span class="sync" role="group" aria-label=${st(lang, 'sync')}>
        ${st(lang, 'sync')}:
        ${(['miro', 'server'] as const).map((mode) => html`<button type="button" data-sync=${mode} aria-pressed=${this.sync === mode ? 'true' : 'false'}
          @click=${() => this.dispatchEvent(new CustomEvent('sandbox-sync-change', { detail: { mode }, bubbles: true, composed: true }))}>${st(lang, `sync.${mode}`)}</button>`)}
      </span>
      <button type="button" data-action="clear" @click=${() => this.emit('sandbox-clear')}>${st(lang, 'clear')}</button>
      <span class="stats" aria-live="off">${this.stats}</span>`;
  }

  private update1(change: Partial<SwitchState>): void {
    this.dispatchEvent(new CustomEvent('switches-change', { detail: { ...this.switches, ...change }, bubbles: true, composed: true }));
  }

  private emit(name: 'sandbox-app-icon' | 'sandbox-clear'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}

function clampInt(value: string, lo: number, hi: number): number {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

customElements.define('sandbox-controls', SandboxControls);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-controls': SandboxControls;
  }
  interface HTMLElementEventMap {
    'switches-change': SwitchesChangeEvent;
    'sandbox-app-icon': CustomEvent<undefined>;
    'sandbox-clear': CustomEvent<undefined>;
    'sandbox-sync-change': SyncModeEvent;
  }
}
