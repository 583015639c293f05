/** Dansk | English: two toggle buttons; emits `lang-change` and leaves remembering to the app. */
import { LitElement, css, html } from 'lit';
import { LANGS, type Lang } from '../core/lang.js';
import { t } from './i18n/t.js';
import { emit, props } from './lit-kit.js';
import { tokens } from './shared-styles.js';

export type LangChangeEvent = CustomEvent<{ lang: Lang }>;

export class LangSwitch extends LitElement {
  static override properties = props({ lang: String });
  override lang: Lang = 'da';

  static override styles = [
    tokens,
    css`
      :host {
        display: inline-flex;
      }
      div {
        display: inline-flex;
        border: 1px solid var(--ty-line);
        border-radius: var(--ty-radius);
        padding: 2px;
        background: var(--ty-soft);
      }
      button {
        min-height: 32px;
        padding: 0 12px;
        border: 0;
        border-radius: 6px;
        background: transparent;
        color: var(--ty-muted);
        font-size: 13px;
      }
      button[aria-pressed='true'] {
        background: var(--ty-surface);
        color: var(--ty-text);
        font-weight: 600;
        box-shadow: 0 1px 2px rgba(31, 35, 40, 0.15);
      }
    `,
  ];

  override render() {
    return html`<div role="group" aria-label=${t(this.lang, 'lang.label')}>
      ${LANGS.map(
        (lang) => html`<button
          type="button"
          lang=${lang}
          aria-pressed=${lang === this.lang ? 'true' : 'false'}
          @click=${() => this.choose(lang)}
        >
          ${t(lang, `lang.${lang}`)}
        </button>`,
      )}
    </div>`;
  }

  private choose(lang: Lang): void {
    if (lang === this.lang) return;
    emit(this, 'lang-change', { lang });
  }
}

customElements.define('lang-switch', LangSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'lang-switch': LangSwitch;
  }
  interface HTMLElementEventMap {
    'lang-change': LangChangeEvent;
  }
}
