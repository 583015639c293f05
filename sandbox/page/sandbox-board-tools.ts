/**
 * The board's own toolbar (top left, as on Miro): who is acting on the board, a new sticky
 * (the keyboard's way to write one), the select-area mode, and deleting the selection.
 * It only emits events; sandbox-app applies them.
 */
import { LitElement, css, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang } from '../../src/core/lang.js';
import { st } from './strings.js';

export interface ToolsUser {
  id: string;
  name: string;
}

export class SandboxBoardTools extends LitElement {
  static override properties = {
    lang: { type: String },
    users: { attribute: false },
    acting: { type: String },
    selectedCount: { type: Number, attribute: 'selected-count' },
    selectMode: { type: Boolean, attribute: 'select-mode' },
  };

  declare lang: Lang;
  declare users: readonly ToolsUser[];
  declare acting: string;
  declare selectedCount: number;
  declare selectMode: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.users = [];
    this.acting = '';
    this.selectedCount = 0;
    this.selectMode = false;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 6px 8px;
      border-radius: 8px;
      background: #ffffff;
      box-shadow: 0 1px 4px rgba(31, 35, 40, 0.2);
      font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      color: #1f2328;
    }
    label {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    select,
    button {
      min-height: 32px;
      border: 1px solid #d0d7de;
      border-radius: 6px;
      background: #ffffff;
      font: inherit;
      color: inherit;
    }
    select {
      padding: 0 6px;
    }
    button {
      padding: 0 12px;
      cursor: pointer;
    }
    button:hover {
      background: #f6f8fa;
    }
    button[aria-pressed='true'] {
      border-color: #1d4ed8;
      background: #e8efff;
      color: #1d3f9e;
    }
    button[aria-disabled='true'] {
      color: #6e7781;
      cursor: default;
    }
    :focus-visible {
      outline: 3px solid #1d4ed8;
      outline-offset: 2px;
    }
    .count {
      min-width: 6ch;
      color: #4f5862;
      font-size: 13px;
    }
  `;

  override render() {
    const lang = this.lang;
    const none = this.selectedCount === 0;
    return html`<label>
        ${st(lang, 'actingAs')}
        <select name="acting-as" @change=${(e: Event) => this.emit('acting-change', { userId: (e.target as HTMLSelectElement).value })}>
          ${repeat(this.users, (u) => u.id, (u) => html`<option value=${u.id} ?selected=${u.id === this.acting}>${u.name}</option>`)}
        </select>
      </label>
      <button type="button" data-action="new-sticky" @click=${() => this.emit('tools-new-sticky', {})}>${st(lang, 'newSticky')}</button>
      <button type="button" data-action="select-mode" aria-pressed=${String(this.selectMode)}
        @click=${() => this.emit('tools-select-mode', { on: !this.selectMode })}>${st(lang, 'selectMode')}</button>
      <button type="button" data-action="delete-selected" aria-disabled=${String(none)}
        @click=${() => { if (!none) this.emit('tools-delete', {}); }}>${st(lang, 'deleteSelected')}</button>
      <span class="count" role="status">${none ? '' : st(lang, 'selected', { n: this.selectedCount })}</span>`;
  }

  private emit<K extends keyof ToolsEvents>(name: K, detail: ToolsEvents[K]): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

export interface ToolsEvents {
  'acting-change': { userId: string };
  'tools-new-sticky': Record<string, never>;
  'tools-select-mode': { on: boolean };
  'tools-delete': Record<string, never>;
}

customElements.define('sandbox-board-tools', SandboxBoardTools);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-board-tools': SandboxBoardTools;
  }
  interface HTMLElementEventMap {
    'acting-change': CustomEvent<ToolsEvents['acting-change']>;
    'tools-new-sticky': CustomEvent<ToolsEvents['tools-new-sticky']>;
    'tools-select-mode': CustomEvent<ToolsEvents['tools-select-mode']>;
    'tools-delete': CustomEvent<ToolsEvents['tools-delete']>;
  }
}
