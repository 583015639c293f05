/**
 * The Workshop section: the agenda in the deck's order. The facilitator moves everyone to a
 * step (every panel follows) and sets its time box; a participant sees the step they are at,
 * what to do in it, and the agenda, and (Miro mode only) can take the lead without a
 * hand-over, on purpose and visibly.
 */
import { css, html, nothing } from 'lit';
import { AGENDA, stepOf, type Step } from '../../core/session/agenda.js';
import { readSession, readWorkshop, type WorkshopRead } from '../../core/session/read.js';
import { sessionType, workshopType } from '../../core/session/schema.js';
import { FocusKeeper } from '../controllers/focus-keeper.js';
import { YController } from '../controllers/y-controller.js';
// The words are in place before the session renders (session-words.ts, loaded by the shell).
import { t } from '../i18n/t.js';
import { SessionPanelBase } from './session-panel-base.js';
import type { Person } from './session-view.js';

export class WorkshopPanel extends SessionPanelBase {
  static override properties = {
    people: { attribute: false },
    /** 'miro' | 'server': who may free the seat */
    syncMode: { type: String, attribute: 'sync-mode' },
    now: { attribute: false },
    minutes: { state: true },
    error: { state: true },
    announcement: { state: true },
  };

  declare people: readonly Person[];
  declare syncMode: 'miro' | 'server';
  declare now: () => number;
  /** time boxes typed but not yet used, by step */
  declare minutes: Readonly<Record<string, string>>;
  declare error: string;
  declare announcement: string;

  private y = new YController(this, () => (this.doc ? [sessionType(this.doc), workshopType(this.doc)] : undefined));
  private keeper = new FocusKeeper(this);

  constructor() {
    super();
    this.people = [];
    this.syncMode = 'miro';
    this.now = Date.now;
    this.minutes = {};
    this.error = '';
    this.announcement = '';
  }

  static override styles = [
    SessionPanelBase.styles,
    css`
      ol.agenda {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.agenda > li {
        padding: var(--ty-s1) 0;
        border-top: 1px solid var(--ty-line);
      }
      li[aria-current='step'] {
        border-left: 4px solid var(--ty-accent);
        padding-left: var(--ty-s1);
      }
      h3,
      p {
        overflow-wrap: anywhere;
      }
      .time {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ty-s1);
        align-items: end;
      }
      .time input {
        width: 5em;
      }
      .current {
        margin-bottom: var(--ty-s2);
      }
      details {
        margin-top: var(--ty-s3);
      }
      summary {
        cursor: pointer;
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    if (!this.doc || !this.me) return nothing;
    const w = readWorkshop(this.doc);
    const mine = this.isFacilitator();
    const current = w ? stepOf(w.step) : undefined;
    return html`<section aria-labelledby="workshop-h">
      <h2 id="workshop-h">${current ? t(lang, `step.${current.id}`) : t(lang, 'step.agenda')}</h2>
      ${current
        ? html`<div class="current" data-current=${current.id}>
            <p>${t(lang, `step.do.${current.id}`)}</p>
            <p class="meta">${t(lang, 'step.activities', { what: current.activities.map((a) => t(lang, `activity.${a}`)).join(', ') })}</p>
          </div>`
        : html`<p class="empty">${t(lang, mine ? 'step.noneFacilitator' : 'step.none')}</p>`}
      ${mine ? this.renderNext(current) : nothing}
      <p class="error" role="alert">${this.error}</p>
      <h3 id="agenda-h">${t(lang, 'step.agenda')}</h3>
      <ol class="agenda" aria-labelledby="agenda-h">
        ${AGENDA.map((s, i) => this.renderStep(s, i, w, mine))}
      </ol>
      ${mine ? nothing : this.renderTake()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderNext(current: Step | undefined) {
    const i = current ? AGENDA.findIndex((s) => s.id === current.id) : -1;
    const next = AGENDA[i + 1];
    if (!next) return nothing;
    return html`<button class="primary" type="button" data-action="next-step" data-step=${next.id} @click=${() => this.go(next)}>
      ${t(this.lang, 'step.next', { title: t(this.lang, `step.${next.id}`) })}</button>`;
  }

  private renderStep(s: Step, i: number, w: WorkshopRead | null, mine: boolean) {
    const lang = this.lang;
    const title = t(lang, `step.${s.id}`);
    const isCurrent = w?.step === s.id;
    const minutes = this.minutes[s.id] ?? String(isCurrent && w.timeBoxMs > 0 ? Math.round(w.timeBoxMs / 60_000) : s.minutes);
    return html`<li data-step=${s.id} aria-current=${isCurrent ? 'step' : 'false'}>
      <h4>${i + 1}. ${title}${isCurrent ? html` <span class="tag">${t(lang, 'step.now')}</span>` : nothing}</h4>
      <p class="meta">${s.activities.map((a) => t(lang, `activity.${a}`)).join(' · ')} · ${minutes} min</p>
      ${mine
        ? html`<div class="time">
            <label>${t(lang, 'step.minutes')}
              <input type="number" min="1" max="240" inputmode="numeric" .value=${minutes} data-minutes=${s.id}
                aria-label=${t(lang, 'step.minutesLabel', { title })}
                @input=${(e: Event) => (this.minutes = { ...this.minutes, [s.id]: (e.target as HTMLInputElement).value })}></label>
            ${isCurrent
              ? html`<button class="secondary" type="button" data-action="set-time" @click=${() => this.setTime(s)}>${t(lang, 'step.setTime')}</button>`
              : html`<button class="secondary" type="button" data-action="go-to-step" data-step=${s.id}
                  aria-label=${`${t(lang, 'step.goTo')}: ${title}`} @click=${() => this.go(s)}>${t(lang, 'step.goTo')}</button>`}
          </div>`
        : nothing}
    </li>`;
  }

  private renderTake() {
    const lang = this.lang;
    const holder = readSession(this.doc!).facilitator;
    if (holder === null) return nothing;
    const name = this.people.find((p) => p.id === holder)?.name ?? t(lang, 'lead.someone');
    return html`<details data-take>
      <summary>${t(lang, 'take.title')}</summary>
      ${this.syncMode === 'server'
        ? html`<p class="hint">${t(lang, 'take.server')}</p>`
        : html`<p class="hint">${t(lang, 'take.explain', { name })}</p>
            <button class="secondary" type="button" data-action="take-seat" @click=${this.take}>${t(lang, 'take.do')}</button>`}
    </details>`;
  }

  /** The typed time box of a step in ms, or undefined (nothing typed, or not a number in range). */
  private typed(s: Step): number | undefined {
    const m = Number(this.minutes[s.id]);
    return this.minutes[s.id] !== undefined && Number.isInteger(m) && m >= 1 && m <= 240 ? m * 60_000 : undefined;
  }

  private async go(s: Step) {
    // "Go to this step" gives way to "Set time" under the keyboard: the focus stays in the step's row.
    this.keeper.arm(() => this.renderRoot.querySelector<HTMLElement>(`li[data-step="${s.id}"] button`), () => !!this.doc && readWorkshop(this.doc)?.step === s.id);
    const res = await this.actions?.goToStep(s.id, this.typed(s), this.now());
    if (!res?.ok) this.keeper.disarm();
    if (!res) return;
    this.error = res.ok ? '' : t(this.lang, 'step.error');
    if (res.ok) {
      const { [s.id]: _used, ...rest } = this.minutes;
      this.minutes = rest;
      this.announcement = t(this.lang, 'step.moved', { title: t(this.lang, `step.${s.id}`) });
    }
  }

  private async setTime(s: Step) {
    const ms = this.typed(s);
    if (ms === undefined) return void (this.error = t(this.lang, 'step.error'));
    const res = await this.actions?.setTimeBox(ms);
    if (res) this.error = res.ok ? '' : t(this.lang, 'step.error');
  }

  private take = async () => {
    const res = await this.actions?.takeSeat(this.now());
    if (res) this.error = res.ok ? '' : t(this.lang, 'lead.error');
  };
}

customElements.define('workshop-panel', WorkshopPanel);

declare global {
  interface HTMLElementTagNameMap {
    'workshop-panel': WorkshopPanel;
  }
}
