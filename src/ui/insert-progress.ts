/**
 * Progress of one insertion: a <progress> bar with a visible count, and a polite live
 * region that speaks at the start and at each quarter, so a screen reader is
 * told how it goes without being flooded by 48 updates.
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../core/lang.js';
import { t } from './i18n/t.js';
import { emit, props } from './lit-kit.js';
import { primaryButton, tokens } from './shared-styles.js';

export type ProgressPhase = 'starting' | 'creating';

export class InsertProgress extends LitElement {
  static override properties = props({ lang: String, templateTitle: String, done: Number, total: Number, phase: String });

  override lang: Lang = 'da';
  templateTitle = '';
  done = 0;
  total = 0;
  phase: ProgressPhase = 'starting';

  private spoken = '';
  private spokenQuarter = -1;

  static override styles = [
    tokens,
    primaryButton,
    css`
      :host {
        display: block;
        padding: var(--ty-s2);
        border-radius: var(--ty-radius);
        background: var(--ty-accent-soft);
      }
      .label {
        margin: 0 0 var(--ty-s1);
        font-weight: 600;
      }
      progress {
        display: block;
        width: 100%;
        height: 8px;
        appearance: none;
        border: 0;
        border-radius: 4px;
        background: #c7e4da;
        overflow: hidden;
      }
      progress::-webkit-progress-bar {
        background: #c7e4da;
      }
      progress::-webkit-progress-value {
        background: var(--ty-accent);
        transition: width 150ms linear;
      }
      progress::-moz-progress-bar {
        background: var(--ty-accent);
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--ty-s1);
        margin-top: var(--ty-s1);
      }
      .count {
        margin: 0;
        font-size: 13px;
        color: var(--ty-muted);
      }
      .secondary {
        min-height: 32px;
        font-size: 13px;
      }
    `,
  ];

  private statusText(): string {
    if (this.phase === 'starting' || this.total === 0) return t(this.lang, 'progress.starting');
    return t(this.lang, 'progress.count', { done: this.done, total: this.total });
  }

  /** What the live region says: changes only on phase changes and at each quarter. */
  private announcement(text: string): string {
    const quarter = this.total > 0 ? Math.floor((4 * this.done) / this.total) : -1;
    if (this.phase !== 'creating' || quarter !== this.spokenQuarter || this.spoken === '') {
      this.spokenQuarter = this.phase === 'creating' ? quarter : -1;
      this.spoken = text;
    }
    return this.spoken;
  }

  private cancel(): void {
    emit(this, 'insert-cancel');
  }

  override render() {
    const text = this.statusText();
    const label = t(this.lang, 'progress.label', { title: this.templateTitle });
    const determinate = this.phase === 'creating' && this.total > 0;
    return html`<p class="label" id="label">${label}</p>
      ${determinate
        ? html`<progress aria-labelledby="label" max=${this.total} .value=${this.done}></progress>`
        : html`<progress aria-labelledby="label"></progress>`}
      <div class="row">
        <p class="count" aria-hidden="true">${text}</p>
        <button class="secondary" type="button" data-cancel @click=${this.cancel}>${t(this.lang, 'progress.cancel')}</button>
      </div>
      <p class="visually-hidden" aria-live="polite">${this.announcement(text)}</p>`;
  }
}

customElements.define('insert-progress', InsertProgress);

declare global {
  interface HTMLElementTagNameMap {
    'insert-progress': InsertProgress;
  }
  interface HTMLElementEventMap {
    'insert-cancel': CustomEvent<undefined>;
  }
}
