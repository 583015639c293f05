/**
 * The outcome of an insertion: a calm confirmation (role=status), or an alert that says
 * what went wrong, what is left on the board, and what to do, with "Try again".
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../core/lang.js';
import type { Failure } from '../core/session/commands.js';
import { insertFailureText } from './i18n/board-words.js';
import { t } from './i18n/t.js';
import { emit, props, PROP } from './lit-kit.js';
import { primaryButton, tokens } from './shared-styles.js';

export type StatusKind = 'done' | 'failed' | 'already';

export class InsertStatus extends LitElement {
  static override properties = props({ lang: String, kind: String, templateTitle: String, error: PROP });

  override lang: Lang = 'da';
  kind: StatusKind = 'done';
  templateTitle = '';
  /** Why it failed: an insertion's code says what happened and what to do; any other is unexpected. */
  error: Failure | undefined = undefined;

  static override styles = [
    tokens,
    primaryButton,
    css`
      :host {
        display: block;
      }
      .box {
        display: grid;
        gap: var(--ty-s1);
        padding: var(--ty-s2);
        border-radius: var(--ty-radius);
        border: 1px solid;
      }
      .done {
        background: var(--ty-accent-soft);
        border-color: #9fd3c3;
      }
      .failed {
        background: var(--ty-danger-soft);
        border-color: #f1b5b5;
      }
      h2 {
        margin: 0;
        font-size: 15px;
      }
      .failed h2 {
        color: var(--ty-danger);
      }
      p {
        margin: 0;
      }
      .row {
        display: flex;
        gap: var(--ty-s1);
        flex-wrap: wrap;
        margin-top: var(--ty-s1);
      }
      .inline {
        display: flex;
        align-items: center;
        gap: var(--ty-s1);
      }
      .inline p {
        flex: 1;
      }
      .dismiss {
        background: transparent;
        border: 0;
        padding: 0 var(--ty-s1);
        min-height: 40px;
        color: var(--ty-text);
        text-decoration: underline;
      }
    `,
  ];

  override render() {
    if (this.kind === 'already') return this.renderAlready();
    return this.kind === 'done' ? this.renderDone() : this.renderFailed();
  }

  /** The template is on the board already: go to it, or insert a second copy on purpose. */
  private renderAlready() {
    return html`<div class="box done" role="alert">
      <p>${t(this.lang, 'already.message', { title: this.templateTitle })}</p>
      <div class="row">
        <button class="primary" type="button" data-go @click=${() => emit(this, 'insert-go')}>${t(this.lang, 'already.go')}</button>
        <button type="button" data-again @click=${() => emit(this, 'insert-again')}>${t(this.lang, 'already.again')}</button>
        <button class="dismiss" type="button" @click=${this.dismiss}>${t(this.lang, 'already.dismiss')}</button>
      </div>
    </div>`;
  }

  private renderDone() {
    return html`<div class="box done" role="status">
      <div class="inline">
        <p>${t(this.lang, 'done.message', { title: this.templateTitle })}</p>
        <button class="dismiss" type="button" @click=${this.dismiss}>${t(this.lang, 'done.dismiss')}</button>
      </div>
    </div>`;
  }

  private renderFailed() {
    // The refusal's code and parameters, in words: what happened, what is left, and what to do.
    const said = this.error && insertFailureText(this.lang, this.error);
    const body =
      said !== undefined
        ? html`<p>${said}</p>`
        : html`<p>${t(this.lang, 'error.unknown.what')}</p>
            <p>${t(this.lang, 'error.unknown.todo')}</p>`;
    return html`<div class="box failed" role="alert">
      <h2>${t(this.lang, 'error.title', { title: this.templateTitle })}</h2>
      ${body}
      <div class="row">
        <button class="primary" type="button" data-retry @click=${this.retry}>${t(this.lang, 'error.retry')}</button>
        <button class="dismiss" type="button" @click=${this.dismiss}>${t(this.lang, 'error.dismiss')}</button>
      </div>
    </div>`;
  }

  private retry(): void {
    emit(this, 'insert-retry');
  }

  private dismiss(): void {
    emit(this, 'status-dismiss');
  }
}

customElements.define('insert-status', InsertStatus);

declare global {
  interface HTMLElementTagNameMap {
    'insert-status': InsertStatus;
  }
  interface HTMLElementEventMap {
    'insert-retry': CustomEvent<undefined>;
    'insert-go': CustomEvent<undefined>;
    'insert-again': CustomEvent<undefined>;
    'status-dismiss': CustomEvent<undefined>;
  }
}
