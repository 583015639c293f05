/**
 * One column per person on the board: each has the app's hidden headless page (as in Miro)
 * and, once opened, its panel in an iframe. URLs carry `sandbox=1` and the user id, which is
 * how the iframe's SDK stand-in knows who it is.
 */
import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang } from '../../src/core/lang.js';
import { st } from './strings.js';

export interface Participant {
  id: string;
  name: string;
  /** The panel's URL (as the app asked for it, resolved against the app root); null if closed. */
  panelUrl: string | null;
}

export type ParticipantEvent = CustomEvent<{ userId: string }>;

export function appUrl(path: string, userId: string): string {
  const url = new URL(path, `${location.origin}/`);
  url.searchParams.set('sandbox', '1');
  url.searchParams.set('user', userId);
  return url.pathname + url.search;
}

export class SandboxParticipants extends LitElement {
  static override properties = {
    lang: { type: String },
    participants: { attribute: false },
  };

  declare lang: Lang;
  declare participants: readonly Participant[];

  constructor() {
    super();
    this.lang = 'en';
    this.participants = [];
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
      padding: 8px;
      overflow-y: auto;
      background: #e9ecef;
      font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      color: #1f2328;
    }
    section {
      display: flex;
      flex-direction: column;
      flex: 1 0 auto;
      min-height: 120px;
      border-radius: 8px;
      background: #ffffff;
      box-shadow: 0 1px 3px rgba(31, 35, 40, 0.15);
      overflow: hidden;
    }
    :host([many]) section.open {
      flex: 0 0 640px;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 8px 8px 16px;
      border-bottom: 1px solid #d0d7de;
    }
    h2 {
      margin: 0;
      flex: 1;
      font-size: 14px;
    }
    iframe {
      flex: 1;
      width: 100%;
      border: 0;
    }
    .headless {
      display: none;
    }
    button {
      min-height: 32px;
      padding: 0 12px;
      border: 1px solid #d0d7de;
      border-radius: 6px;
      background: #ffffff;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    button:hover {
      background: #f6f8fa;
    }
    :focus-visible {
      outline: 3px solid #1d4ed8;
      outline-offset: 2px;
    }
    .add {
      align-self: flex-start;
    }
  `;

  override updated(): void {
    this.toggleAttribute('many', this.participants.length > 1);
  }

  override render() {
    return html`${repeat(this.participants, (p) => p.id, (p) => this.renderOne(p))}
      <button class="add" type="button" data-action="add-participant" @click=${() => this.emit('participant-add', '')}>
        + ${st(this.lang, 'addParticipant')}
      </button>`;
  }

  private renderOne(p: Participant) {
    return html`<section class=${p.panelUrl ? 'open' : ''} data-user=${p.id} aria-label=${p.name}>
      <div class="head">
        <h2>${p.name}</h2>
        ${p.panelUrl
          ? html`<button type="button" data-action="close-panel" @click=${() => this.emit('participant-close', p.id)}>${st(this.lang, 'closePanel')}</button>`
          : html`<button type="button" data-action="open-panel" @click=${() => this.emit('participant-icon', p.id)}>${st(this.lang, 'appIcon')}</button>`}
      </div>
      <iframe class="headless" aria-hidden="true" tabindex="-1" title="Tryghed (headless) – ${p.name}" src=${appUrl('index.html', p.id)}></iframe>
      ${p.panelUrl ? html`<iframe class="panel" name="panel-${p.id}" title="Tryghed – ${p.name}" src=${p.panelUrl}></iframe>` : nothing}
    </section>`;
  }

  /** The window of a user's panel iframe, if open (the host unregisters it from the bridge on close). */
  panelWindow(userId: string): Window | null {
    return this.renderRoot.querySelector<HTMLIFrameElement>(`section[data-user="${userId}"] iframe.panel`)?.contentWindow ?? null;
  }

  private emit(name: 'participant-add' | 'participant-icon' | 'participant-close', userId: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail: { userId }, bubbles: true, composed: true }));
  }
}

customElements.define('sandbox-participants', SandboxParticipants);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-participants': SandboxParticipants;
  }
  interface HTMLElementEventMap {
    'participant-add': ParticipantEvent;
    'participant-icon': ParticipantEvent;
    'participant-close': ParticipantEvent;
  }
}
