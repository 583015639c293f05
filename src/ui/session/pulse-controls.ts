/**
 * The facilitator's pulse controls: create a pulse (its name, and k with why it matters), then
 * open, close and reveal it. Sealed with a server, anonymous without; each step is an action
 * through the control port, so the server checks it in server mode.
 */
import { css, html } from 'lit';
import type { PulseStep } from '../../actions/pulse-step.js';
import type { Failure } from '../../core/session/commands.js';
import { PULSE_DEFAULT_K, PULSE_MIN_K } from '../../core/session/pulse-aggregate.js';
import type { PulseView } from '../../core/session/pulse.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { failureText } from './failure-text.js';
import { SessionPanelBase } from './session-panel-base.js';

export const PULSE_ERRORS: Readonly<Record<string, MessageKey>> = {
  'not-open': 'pulse.error.not-open',
  'no-pulse': 'pulse.error.no-pulse',
  invalid: 'pulse.error.invalid',
  'wrong-mode': 'pulse.error.wrong-mode',
  unavailable: 'pulse.error.unavailable',
  'not-facilitator': 'pulse.error.not-facilitator',
  'wrong-status': 'pulse.error.wrong-status',
  'not-visible': 'pulse.error.not-visible',
};

const NEXT: Record<PulseView['status'], PulseStep[]> = { draft: ['open'], open: ['close', 'reveal'], closed: ['reveal'], revealed: [] };

export class PulseControls extends SessionPanelBase {
  static override properties = {
    pulse: { attribute: false },
    serverMode: { type: Boolean, attribute: 'server-mode' },
    error: { state: true },
    busy: { state: true },
  };

  /** the newest pulse, if any */
  declare pulse: PulseView | null;
  declare serverMode: boolean;
  declare error: string;
  declare busy: boolean;

  constructor() {
    super();
    this.pulse = null;
    this.serverMode = false;
    this.error = '';
    this.busy = false;
  }

  static override styles = [
    SessionPanelBase.styles,
    css`
      form {
        display: grid;
        gap: 6px;
      }
      .steps {
        display: flex;
        gap: 6px;
        flex-wrap: wrap;
      }
    `,
  ];

  private async run(fn: () => Promise<{ ok: true } | { ok: false; error: Failure }>) {
    this.busy = true;
    this.error = '';
    try {
      const r = await fn();
      if (!r.ok) this.error = failureText(this.lang, r.error, PULSE_ERRORS, 'pulse.error.other');
    } finally {
      this.busy = false;
    }
  }

  private create(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const label = (form.elements.namedItem('label') as HTMLInputElement).value.trim();
    const k = Number((form.elements.namedItem('k') as HTMLInputElement).value);
    void this.run(async () => {
      const r = await this.actions!.createPulse({ label, k });
      if (r.ok) form.reset();
      return r;
    });
  }

  override render() {
    const lang = this.lang;
    const p = this.pulse;
    const steps = p ? NEXT[p.status] : [];
    return html`<section aria-labelledby="pulse-run" data-pulse-controls>
      <h3 id="pulse-run">${t(lang, 'pulse.run')}</h3>
      ${steps.length > 0
        ? html`<div class="steps">${steps.map((s) => html`<button type="button" class=${s === 'reveal' ? 'primary' : ''} ?disabled=${this.busy}
            data-action="pulse-${s}" @click=${() => this.run(() => this.actions!.pulseStep(p!.id, s))}>${t(lang, `pulse.${s}`)}</button>`)}</div>`
        : html`<form @submit=${this.create} data-pulse-create>
            <label for="pulse-label">${t(lang, 'pulse.name')}</label>
            <input id="pulse-label" name="label" maxlength="200" />
            <label for="pulse-k">${t(lang, 'pulse.k')}</label>
            <input id="pulse-k" name="k" type="number" min=${PULSE_MIN_K} max="1000" step="1" value=${PULSE_DEFAULT_K} aria-describedby="pulse-k-why" required />
            <p id="pulse-k-why" class="hint">${t(lang, 'pulse.kWhy')}</p>
            <p class="hint">${t(lang, this.serverMode ? 'pulse.privacy.sealed' : 'pulse.privacy.anonymous', { k: PULSE_DEFAULT_K })}</p>
            <button class="primary" type="submit" ?disabled=${this.busy} data-action="pulse-create">${t(lang, 'pulse.create')}</button>
          </form>`}
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : null}
    </section>`;
  }
}

customElements.define('pulse-controls', PulseControls);

declare global {
  interface HTMLElementTagNameMap {
    'pulse-controls': PulseControls;
  }
}
