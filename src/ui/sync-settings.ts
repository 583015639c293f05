/**
 * The facilitator's setting for how the board's session is shared: Miro's own channel (the
 * default) or a sync server at an address. Emits `tryghed-sync-change` with the checked
 * setting; the shell stores it for the whole board. Errors are said next to the field.
 */
import { LitElement, html, nothing } from 'lit';
import type { Lang } from '../core/lang.js';
// Its words are the session panels' (it shows with the facilitator's panel, under 'Run rounds').
import { t } from './i18n/session-strings.js';
import { emit, props, PROP, STATE } from './lit-kit.js';
import { primaryButton, tokens } from './shared-styles.js';
import { choiceFormStyles, sessionStyles } from './session/session-styles.js';
import type { SyncSetting } from './shell-session.js';

export type SyncChangeEvent = CustomEvent<{ setting: SyncSetting; done: (ok: boolean) => void }>;

/** Why an address cannot be used (the same rule as src/app/sync-config.ts). */
function urlError(url: string): 'empty' | 'scheme' | 'invalid' | null {
  const u = url.trim();
  if (!u) return 'empty';
  try {
    const parsed = new URL(u);
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return 'scheme';
    return parsed.host ? null : 'invalid';
  } catch {
    return 'invalid';
  }
}

export class SyncSettings extends LitElement {
  static override properties = props({ setting: PROP, lang: String, mode: STATE, url: STATE, error: STATE, announcement: STATE, busy: STATE });

  setting: SyncSetting = { mode: 'miro' };
  override lang: Lang = 'da';
  mode: SyncSetting['mode'] = 'miro';
  url = '';
  error = '';
  announcement = '';
  busy = false;

  static override styles = [
    tokens,
    primaryButton,
    sessionStyles,
    choiceFormStyles,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('setting')) {
      this.mode = this.setting.mode;
      this.url = this.setting.mode === 'server' ? this.setting.url : this.url;
    }
  }

  override render() {
    const lang = this.lang;
    const radio = (mode: SyncSetting['mode']) => html`<label>
      <input type="radio" name="sync-mode" value=${mode} .checked=${this.mode === mode} @change=${() => (this.mode = mode)} />
      <span>${t(lang, `sync.mode.${mode}`)}<br /><span class="hint">${t(lang, `sync.mode.${mode}.hint`)}</span></span>
    </label>`;
    return html`<section aria-labelledby="sync-h">
      <h2 id="sync-h">${t(lang, 'sync.title')}</h2>
      <p class="hint">${t(lang, 'sync.intro')}</p>
      <form novalidate @submit=${this.save}>
        <fieldset>
          <legend>${t(lang, 'sync.mode')}</legend>
          ${radio('miro')} ${radio('server')}
        </fieldset>
        ${this.mode === 'server'
          ? html`<div class="field">
              <label for="sync-url">${t(lang, 'sync.url')}</label>
              <input id="sync-url" name="sync-url" type="url" .value=${this.url} placeholder="wss://"
                aria-describedby="sync-url-hint sync-err" aria-invalid=${this.error ? 'true' : 'false'}
                @input=${(e: Event) => (this.url = (e.target as HTMLInputElement).value)} />
              <span class="hint" id="sync-url-hint">${t(lang, 'sync.urlHint')}</span>
            </div>`
          : nothing}
        <p class="error" id="sync-err" data-sync-error>${this.error}</p>
        <div class="actions">
          <button class="primary" type="submit" data-action="save-sync" aria-disabled=${this.busy ? 'true' : 'false'}>${t(lang, 'sync.save')}</button>
        </div>
      </form>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private save = (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    let setting: SyncSetting = { mode: 'miro' };
    if (this.mode === 'server') {
      const why = urlError(this.url);
      if (why) {
        this.error = t(this.lang, `sync.error.${why}`);
        this.announcement = this.error;
        this.renderRoot.querySelector<HTMLElement>('#sync-url')?.focus();
        return;
      }
      setting = { mode: 'server', url: this.url.trim() };
    }
    this.busy = true;
    this.error = '';
    const done = (ok: boolean) => {
      this.busy = false;
      this.error = ok ? '' : t(this.lang, 'sync.error.save');
      this.announcement = ok ? t(this.lang, 'sync.saved') : this.error;
    };
    emit(this, 'tryghed-sync-change', { setting, done });
  };
}

customElements.define('sync-settings', SyncSettings);

declare global {
  interface HTMLElementTagNameMap {
    'sync-settings': SyncSettings;
  }
  interface HTMLElementEventMap {
    'tryghed-sync-change': SyncChangeEvent;
  }
}
