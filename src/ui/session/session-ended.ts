/**
 * What every panel shows once the facilitator ended the session and its data was deleted:
 * when, what went from this panel and this device, that the board's notes stay, and a way to
 * start a new, empty session. Announced to screen readers (role=status) and focusable.
 */
import { html, LitElement } from 'lit';
import type { Lang } from '../../core/lang.js';
// Its words load with the session (session-words.ts), not with the panels' tables.
import { t } from '../i18n/t.js';
import { emit, props, PROP } from '../lit-kit.js';
import { notice, primaryButton, tokens } from '../shared-styles.js';
import { sessionStyles } from './session-styles.js';

export class SessionEnded extends LitElement {
  static override properties = props({ at: PROP, lang: String });

  /** When the session ended (ms since the epoch). */
  at = 0;
  override lang: Lang = 'da';

  static override styles = [tokens, primaryButton, notice, sessionStyles];

  override firstUpdated(): void {
    // The panel the person was in has gone: the focus goes to what replaced it.
    if (document.hasFocus()) this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const lang = this.lang;
    const time = new Date(this.at).toLocaleTimeString(lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
    return html`<section class="notice" aria-labelledby="ended-h" data-session-ended role="status">
      <h2 id="ended-h" tabindex="-1">${t(lang, 'end.ended.title')}</h2>
      <p>${t(lang, 'end.ended', { time })}</p>
      <button class="primary" type="button" data-action="restart" @click=${() => emit(this, 'tryghed-restart')}>${t(lang, 'end.restart')}</button>
    </section>`;
  }
}

customElements.define('session-ended', SessionEnded);

declare global {
  interface HTMLElementTagNameMap {
    'session-ended': SessionEnded;
  }
  interface HTMLElementEventMap {
    'tryghed-restart': CustomEvent<undefined>;
  }
}
