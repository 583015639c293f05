/**
 * The seven statements to answer, each a group of seven radio buttons (1 = strongly disagree
 * … 7 = strongly agree): a fieldset with the statement as its legend, so a screen reader reads
 * the statement with each choice, and arrow keys move within a statement as radios do.
 * Sends `pulse-answer` with the seven answers once all are given.
 */
import { css, html, LitElement } from 'lit';
import type { Lang } from '../../core/lang.js';
import { PULSE_ITEMS, PULSE_SCALE } from '../../core/session/pulse-aggregate.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { emit } from '../lit-kit.js';
import { primaryButton, tokens } from '../shared-styles.js';

export type PulseAnswerEvent = CustomEvent<{ answers: number[] }>;

const ITEMS = Array.from({ length: PULSE_ITEMS }, (_, i) => i + 1);
const SCALE = Array.from({ length: PULSE_SCALE }, (_, i) => i + 1);

export class PulseForm extends LitElement {
  static override properties = {
    pulseId: { type: String, attribute: 'pulse-id' },
    given: { attribute: false },
    busy: { type: Boolean },
    lang: { type: String },
    answers: { state: true },
    incomplete: { state: true },
  };

  declare pulseId: string;
  /** the answers already sent (to change them), or null */
  declare given: readonly number[] | null;
  declare busy: boolean;
  declare lang: Lang;
  declare answers: (number | undefined)[];
  declare incomplete: boolean;

  constructor() {
    super();
    this.pulseId = '';
    this.given = null;
    this.busy = false;
    this.lang = 'da';
    this.answers = [];
    this.incomplete = false;
  }

  static override styles = [
    tokens,
    primaryButton,
    css`
      fieldset {
        border: 1px solid var(--ty-border, #ccd);
        border-radius: 6px;
        margin: 0 0 var(--ty-s2, 8px);
        padding: 6px 8px;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(7, 1fr);
        gap: 2px;
        text-align: center;
        font-size: 12px;
      }
      .choices label {
        display: grid;
        justify-items: center;
        gap: 2px;
      }
      .ends {
        display: flex;
        justify-content: space-between;
        font-size: 11px;
        color: var(--ty-muted);
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('given') || changed.has('pulseId')) && this.given) this.answers = [...this.given];
    else if (changed.has('pulseId')) this.answers = [];
  }

  private pick(item: number, value: number) {
    const next = [...this.answers];
    next[item - 1] = value;
    this.answers = next;
    this.incomplete = false;
  }

  private submit(e: Event) {
    e.preventDefault();
    const answers = ITEMS.map((i) => this.answers[i - 1]);
    if (answers.some((a) => a === undefined)) {
      this.incomplete = true;
      // The first unanswered statement gets the focus.
      const first = ITEMS.find((i) => this.answers[i - 1] === undefined)!;
      this.renderRoot.querySelector<HTMLInputElement>(`input[name="item-${first}"]`)?.focus();
      return;
    }
    emit(this, 'pulse-answer', { answers: answers as number[] });
  }

  override render() {
    const lang = this.lang;
    return html`<form @submit=${this.submit} data-pulse-form>
      ${ITEMS.map((item) => html`<fieldset data-item=${item}>
        <legend>${item}. ${t(lang, `pulse.item.${item}` as MessageKey)}</legend>
        <div class="choices">
          ${SCALE.map((v) => html`<label>
            <input type="radio" name="item-${item}" value=${v} .checked=${this.answers[item - 1] === v}
              aria-label="${v}: ${t(lang, `pulse.scale.${v}` as MessageKey)}" @change=${() => this.pick(item, v)} />
            <span aria-hidden="true">${v}</span>
          </label>`)}
        </div>
        <div class="ends" aria-hidden="true"><span>${t(lang, 'pulse.scale.1')}</span><span>${t(lang, 'pulse.scale.7')}</span></div>
      </fieldset>`)}
      ${this.incomplete ? html`<p role="alert" data-incomplete>${t(lang, 'pulse.incomplete')}</p>` : null}
      <button class="primary" type="submit" ?disabled=${this.busy} data-action="pulse-submit">${t(lang, this.given ? 'pulse.resubmit' : 'pulse.submit')}</button>
    </form>`;
  }
}

customElements.define('pulse-form', PulseForm);

declare global {
  interface HTMLElementTagNameMap {
    'pulse-form': PulseForm;
  }
  interface HTMLElementEventMap {
    'pulse-answer': PulseAnswerEvent;
  }
}
