/**
 * The facilitator's "End session and delete its data": one button, then a confirmation that
 * says what is deleted and what stays (in the board's sync mode's own terms), and a second,
 * clearly worded button. Keyboard: the confirmation takes the focus at its heading; Escape or
 * Cancel closes it and gives the focus back. What follows (this panel shows that the session
 * ended) is the shell's: every panel shows the same (session-ended.ts).
 */
import { css, html, LitElement, nothing } from 'lit';
import type { Actions } from '../../actions/actions.js';
import type { Lang } from '../../core/lang.js';
import { t } from '../i18n/session-strings.js';
import { props, PROP, STATE } from '../lit-kit.js';
import { primaryButton, tokens } from '../shared-styles.js';
import { failureText } from './failure-text.js';
import { sessionStyles } from './session-styles.js';

export class EndSession extends LitElement {
  static override properties = props({ actions: PROP, lang: String, mode: String, confirming: STATE, working: STATE, error: STATE });

  actions: Actions | undefined = undefined;
  override lang: Lang = 'da';
  /** How the board shares its session: what is deleted is said in its terms. */
  mode: 'miro' | 'server' = 'miro';
  confirming = false;
  working = false;
  error = '';

  static override styles = [
    tokens,
    primaryButton,
    sessionStyles,
    css`
      .danger {
        min-height: 40px;
        padding: 0 var(--ty-s2);
        border: 0;
        border-radius: var(--ty-radius);
        background: var(--ty-danger);
        color: #ffffff;
        font-weight: 600;
      }
      .confirm {
        margin-top: var(--ty-s1);
        padding: var(--ty-s2);
        border: 2px solid var(--ty-danger);
        border-radius: var(--ty-radius);
        background: var(--ty-danger-soft);
      }
      h4:focus-visible {
        outline: 3px solid var(--ty-focus);
      }
      ul {
        margin: 0 0 var(--ty-s1);
        padding-left: 1.2em;
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    return html`<section aria-labelledby="end-h" data-end-session>
      <h3 id="end-h">${t(lang, 'end.title')}</h3>
      ${this.confirming
        ? this.renderConfirm()
        : html`<button class="secondary" type="button" data-action="end-session" aria-haspopup="true" @click=${this.open}>${t(lang, 'end.open')}</button>`}
      <p class="error" data-error role="alert">${this.error}</p>
    </section>`;
  }

  private renderConfirm() {
    const lang = this.lang;
    return html`<div class="confirm" role="group" aria-labelledby="end-confirm-h" @keydown=${this.onKey}>
      <h4 id="end-confirm-h" tabindex="-1">${t(lang, 'end.confirmTitle')}</h4>
      <p>${t(lang, 'end.deleted')}</p>
      <ul data-deleted>
        <li>${t(lang, this.mode === 'server' ? 'end.deleted.server' : 'end.deleted.miro')}</li>
        <li>${t(lang, 'end.deleted.panels')}</li>
      </ul>
      <p>${t(lang, 'end.kept')}</p>
      <ul data-kept>
        <li>${t(lang, 'end.kept.board')}</li>
        <li>${t(lang, 'end.kept.devices')}</li>
        <li>${t(lang, this.mode === 'server' ? 'end.kept.mark.server' : 'end.kept.mark.miro')}</li>
      </ul>
      <p><strong>${t(lang, 'end.undo')}</strong></p>
      <div class="actions">
        <button class="danger" type="button" data-action="end-confirm" aria-disabled=${this.working ? 'true' : 'false'} @click=${this.confirm}>${t(lang, 'end.confirm')}</button>
        <button class="secondary" type="button" data-action="end-cancel" @click=${this.cancel}>${t(lang, 'end.cancel')}</button>
      </div>
      <p role="status" aria-live="polite">${this.working ? t(lang, 'end.working') : nothing}</p>
    </div>`;
  }

  private open = () => {
    this.error = '';
    this.confirming = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#end-confirm-h')?.focus());
  };

  private cancel = () => {
    if (this.working) return;
    this.confirming = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-action="end-session"]')?.focus());
  };

  private onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      this.cancel();
    }
  };

  private confirm = async () => {
    if (!this.actions || this.working) return;
    this.working = true;
    const r = await this.actions.endSession();
    this.working = false;
    if (r.ok) return; // every panel, this one too, now shows that the session ended
    this.error = t(this.lang, 'end.failed', { reason: failureText(this.lang, r.error) });
  };
}

customElements.define('end-session', EndSession);

declare global {
  interface HTMLElementTagNameMap {
    'end-session': EndSession;
  }
}
