/**
 * The data notice: what Tryghed keeps, where, for how long, who can see it and how it goes,
 * in the panel's language. The shell shows it the first time a person opens the panel and
 * whenever they ask ("About your data"); "Understood" sends `tryghed-notice-close` up, and the
 * shell remembers on this device that it was read (notice-pref.ts).
 */
import { LitElement, css, html } from 'lit';
import type { Lang } from '../../core/lang.js';
// The words are in place before the session renders (session-words.ts, loaded by the shell).
import { t } from '../i18n/t.js';
import { emit, props } from '../lit-kit.js';
import { primaryButton, tokens } from '../shared-styles.js';
import { sessionStyles } from './session-styles.js';

export class DataNotice extends LitElement {
  static override properties = props({ lang: String, mode: String });

  override lang: Lang = 'da';
  /** How this board shares its session now. */
  mode: 'miro' | 'server' = 'miro';

  static override styles = [
    tokens,
    primaryButton,
    sessionStyles,
    css`
      section {
        padding: var(--ty-s2);
        border: 2px solid var(--ty-accent);
        border-radius: var(--ty-radius);
        background: var(--ty-surface);
      }
      h2:focus-visible {
        outline: 3px solid var(--ty-focus);
      }
      dl {
        margin: var(--ty-s1) 0;
      }
      dt {
        font-weight: 600;
        margin-top: var(--ty-s1);
      }
      dd {
        margin: 0;
      }
      ul {
        margin: 0;
        padding-left: 1.2em;
      }
    `,
  ];

  /** Moves the focus to the notice's heading (when opened on request). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const lang = this.lang;
    return html`<section aria-labelledby="notice-title" data-notice>
      <h2 id="notice-title" tabindex="-1">${t(lang, 'notice.title')}</h2>
      <p>${t(lang, 'notice.intro')} ${t(lang, `notice.mode.${this.mode}`)}</p>
      <dl>
        <dt>${t(lang, 'notice.session.title')}</dt>
        <dd><p>${t(lang, 'notice.session')}</p><p>${t(lang, 'notice.session.kept')}</p></dd>
        <dt>${t(lang, 'notice.votes.title')}</dt>
        <dd><ul>
          <li data-mode="named">${t(lang, 'notice.votes.named')}</li>
          <li data-mode="anonymous">${t(lang, 'notice.votes.anonymous')}</li>
          <li data-mode="sealed">${t(lang, 'notice.votes.sealed')}</li>
          <li data-pulse>${t(lang, 'notice.pulse')}</li>
        </ul></dd>
        <dt>${t(lang, 'notice.plate.title')}</dt>
        <dd>${t(lang, 'notice.plate')}</dd>
        <dt>${t(lang, 'notice.board.title')}</dt>
        <dd>${t(lang, 'notice.board')}</dd>
      </dl>
      <p class="hint">${t(lang, 'notice.device')}</p>
      <div class="actions"><button class="primary" type="button" data-action="notice-close" @click=${() => emit(this, 'tryghed-notice-close')}>${t(lang, 'notice.close')}</button></div>
    </section>`;
  }
}

customElements.define('data-notice', DataNotice);

declare global {
  interface HTMLElementTagNameMap {
    'data-notice': DataNotice;
  }
  interface HTMLElementEventMap {
    'tryghed-notice-close': CustomEvent<undefined>;
  }
}
