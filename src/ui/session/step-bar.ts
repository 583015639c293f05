/**
 * Where the workshop is, above every section: the step, the time left in its time box (the
 * panel's own countdown from the facilitator's start), and "I'm done" (a participant's own
 * presence entry) or, for the facilitator, how many of those present are done. A participant
 * whose panel is elsewhere (they were typing when the step came, or went on their own) is
 * offered the way to the step's section.
 */
import { css, html, nothing } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import { AGENDA, stepKey, stepOf, type StepView } from '../../core/session/agenda.js';
import { emit } from '../lit-kit.js';
import { readWorkshop } from '../../core/session/read.js';
import { workshopType } from '../../core/session/schema.js';
import { facilitatorOf } from '../../core/session/roles.js';
import { AwarenessController, doneOf, isDone, setDone } from '../controllers/awareness-controller.js';
import { ClockController } from '../controllers/clock-controller.js';
import { YController } from '../controllers/y-controller.js';
// The words are in place before the session renders (session-words.ts, loaded by the shell).
import { t } from '../i18n/t.js';
import { SessionPanelBase } from './session-panel-base.js';
import { formatDuration } from './duration.js';

/** The countdown keeps ticking this long after the time box, to show the overtime. */
const OVERTIME_TICKS_MS = 60 * 60_000;

export class StepBar extends SessionPanelBase {
  static override properties = { awareness: { attribute: false }, now: { attribute: false }, tab: { attribute: false } };

  declare awareness: Awareness | undefined;
  declare now: () => number;
  /** The section the panel shows now. */
  declare tab: string | undefined;

  private y = new YController(this, () => (this.doc ? [workshopType(this.doc)] : undefined));
  private presence = new AwarenessController(this, () => this.awareness);
  private clock = new ClockController(this, () => {
    const w = this.doc ? readWorkshop(this.doc) : null;
    return w && w.timeBoxMs > 0 ? w.startedAt + w.timeBoxMs + OVERTIME_TICKS_MS : null;
  }, () => this.now());

  constructor() {
    super();
    this.awareness = undefined;
    this.now = Date.now;
    this.tab = undefined;
  }

  static override styles = [
    SessionPanelBase.styles,
    css`
      /* No step yet: no empty box either. */
      :host([data-idle]) {
        display: none;
      }
      :host {
        border: 1px solid var(--ty-line);
        border-radius: var(--ty-radius);
        padding: var(--ty-s1) var(--ty-s2);
        background: var(--ty-soft);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--ty-s1);
      }
      p {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .title {
        font-weight: 600;
      }
      [data-time][data-over] {
        color: var(--ty-danger);
      }
    `,
  ];

  override updated(): void {
    this.toggleAttribute('data-idle', !(this.doc && readWorkshop(this.doc)));
  }

  override render() {
    const lang = this.lang;
    const w = this.doc ? readWorkshop(this.doc) : null;
    const step = w ? stepOf(w.step) : undefined;
    if (!w || !step || !this.me || !this.awareness) return nothing;
    const n = AGENDA.findIndex((s) => s.id === step.id) + 1;
    const left = w.startedAt + w.timeBoxMs - this.clock.now();
    const key = stepKey(w);
    const facilitator = facilitatorOf(this.doc!);
    const mine = facilitator === this.me.id;
    void this.presence.people;
    return html`<div class="row" data-step=${step.id}>
      <div>
        <p class="meta">${t(lang, 'step.n', { n, total: AGENDA.length })}</p>
        <p class="title">${t(lang, `step.${step.id}`)}</p>
      </div>
      ${w.timeBoxMs > 0
        ? html`<p data-time ?data-over=${left < 0} role="timer" aria-live="off">${left >= 0
            ? t(lang, 'step.timeLeft', { time: formatDuration(left) })
            : t(lang, 'step.overtime', { time: formatDuration(-left) })}</p>`
        : nothing}
      ${mine ? this.renderCount(key, facilitator) : html`${this.renderDone(key)}${this.renderShow(step.view)}`}
    </div>`;
  }

  private renderCount(key: string, facilitator: string | null) {
    const { done, total } = doneOf(this.awareness!, key, facilitator);
    return html`<p data-done-count=${done} data-present=${total}>${t(this.lang, 'step.doneCount', { n: done, total })}</p>`;
  }

  private renderShow(view: StepView) {
    if (this.tab === undefined || this.tab === view) return nothing;
    return html`<button class="secondary" type="button" data-action="show-step" @click=${() => emit(this, 'tryghed-step-go', { tab: view })}>${t(this.lang, 'step.show')}</button>`;
  }

  private renderDone(key: string) {
    const done = isDone(this.awareness!, key);
    return html`<button class=${done ? 'primary' : 'secondary'} type="button" data-action="done" aria-pressed=${done ? 'true' : 'false'}
      title=${done ? t(this.lang, 'step.doneSaid') : ''} @click=${() => setDone(this.awareness!, done ? null : key)}>${t(this.lang, 'step.done')}</button>`;
  }
}

customElements.define('step-bar', StepBar);

declare global {
  interface HTMLElementTagNameMap {
    'step-bar': StepBar;
  }
  interface HTMLElementEventMap {
    'tryghed-step-go': CustomEvent<{ tab: StepView }>;
  }
}
