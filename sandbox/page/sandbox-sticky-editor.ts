/**
 * The small dialog in which a person writes (or edits) a sticky on the sandbox board: a
 * labelled text field (Enter saves, Shift+Enter is a new line, Escape cancels) and a colour.
 * It emits `sticky-save` / `sticky-cancel`; the page creates or updates the sticky.
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../src/core/lang.js';
import { STICKY_COLOURS, type StickyColour } from '../../src/core/miro-rules.js';
import { st } from './strings.js';

export interface StickySave {
  text: string;
  colour: StickyColour;
}

export class SandboxStickyEditor extends LitElement {
  static override properties = {
    lang: { type: String },
    mode: { type: String },
    text: { type: String },
    colour: { type: String },
    empty: { state: true },
  };

  declare lang: Lang;
  declare mode: 'new' | 'edit';
  declare text: string;
  declare colour: StickyColour;
  declare empty: boolean;

  constructor() {
    super();
    this.lang = 'en';
    this.mode = 'new';
    this.text = '';
    this.colour = 'light_yellow';
    this.empty = false;
  }

  static override styles = css`
    :host {
      position: absolute;
      z-index: 2;
      width: 300px;
      font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      color: #1f2328;
    }
    [role='dialog'] {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 12px;
      border-radius: 8px;
      background: #ffffff;
      box-shadow: 0 4px 16px rgba(31, 35, 40, 0.25);
    }
    h2 {
      margin: 0;
      font-size: 15px;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 4px;
      font-weight: 600;
    }
    textarea,
    select {
      font: inherit;
      font-weight: 400;
      border: 1px solid #8c959f;
      border-radius: 6px;
    }
    textarea {
      min-height: 80px;
      padding: 6px 8px;
      resize: vertical;
    }
    select {
      min-height: 32px;
    }
    .hint {
      margin: 0;
      color: #4f5862;
      font-size: 12px;
    }
    .error {
      margin: 0;
      color: #b42318;
    }
    .buttons {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    button {
      min-height: 32px;
      padding: 0 14px;
      border: 1px solid #d0d7de;
      border-radius: 6px;
      background: #ffffff;
      font: inherit;
      cursor: pointer;
    }
    button.save {
      border-color: #0b6b57;
      background: #0b6b57;
      color: #ffffff;
      font-weight: 600;
    }
    :focus-visible {
      outline: 3px solid #1d4ed8;
      outline-offset: 2px;
    }
  `;

  override firstUpdated(): void {
    const area = this.renderRoot.querySelector('textarea');
    area?.focus();
    area?.select();
  }

  override render() {
    const lang = this.lang;
    const title = st(lang, this.mode === 'new' ? 'editorNew' : 'editorEdit');
    return html`<div role="dialog" aria-labelledby="title" @keydown=${this.onKey}>
      <h2 id="title">${title}</h2>
      <label>
        ${st(lang, 'editorText')}
        <textarea name="sticky-text" aria-describedby="hint" .value=${this.text}
          @input=${(e: Event) => { this.text = (e.target as HTMLTextAreaElement).value; this.empty = false; }}></textarea>
      </label>
      <p id="hint" class="hint">${st(lang, 'editorHint')}</p>
      <label>
        ${st(lang, 'editorColour')}
        <select name="sticky-colour" @change=${(e: Event) => { this.colour = (e.target as HTMLSelectElement).value as StickyColour; }}>
          ${STICKY_COLOURS.map((c) => html`<option value=${c} ?selected=${c === this.colour}>${st(lang, `colour.${c}`)}</option>`)}
        </select>
      </label>
      ${this.empty ? html`<p class="error" role="alert">${st(lang, 'editorEmpty')}</p>` : ''}
      <div class="buttons">
        <button type="button" data-action="cancel" @click=${() => this.cancel()}>${st(lang, 'editorCancel')}</button>
        <button type="button" class="save" data-action="save" @click=${() => this.save()}>${st(lang, 'editorSave')}</button>
      </div>
    </div>`;
  }

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.cancel();
    } else if (e.key === 'Enter' && !e.shiftKey && (e.target as Element).localName === 'textarea') {
      e.preventDefault();
      this.save();
    }
    // Keys typed here are not board shortcuts.
    e.stopPropagation();
  };

  private save(): void {
    if (this.text.trim() === '') {
      this.empty = true;
      return;
    }
    this.dispatchEvent(new CustomEvent<StickySave>('sticky-save', { detail: { text: this.text, colour: this.colour }, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('sticky-cancel', { bubbles: true, composed: true }));
  }
}

customElements.define('sandbox-sticky-editor', SandboxStickyEditor);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-sticky-editor': SandboxStickyEditor;
  }
  interface HTMLElementEventMap {
    'sticky-save': CustomEvent<StickySave>;
    'sticky-cancel': CustomEvent<undefined>;
  }
}
