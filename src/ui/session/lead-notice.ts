/**
 * Who leads, for everyone to see: the facilitator's name (or "you"), a seat taken without a
 * hand-over, an offer waiting for its receiver (accept) or for its giver (withdraw). Before
 * anyone leads, starting the session is two clicks: Start, then a confirmation that says what
 * the facilitator alone does.
 */
import { css, html, nothing } from 'lit';
import { readSession } from '../../core/session/read.js';
import { sessionType } from '../../core/session/schema.js';
import { FocusKeeper } from '../controllers/focus-keeper.js';
import { YController } from '../controllers/y-controller.js';
// The words are in place before the session renders (session-words.ts, loaded by the shell).
import { t } from '../i18n/t.js';
import { notice } from '../shared-styles.js';
import { SessionPanelBase } from './session-panel-base.js';
import type { Person } from './session-view.js';

export class LeadNotice extends SessionPanelBase {
  static override properties = {
    people: { attribute: false },
    /** the doc is loaded: a session someone started must not look unstarted */
    synced: { type: Boolean },
    confirming: { state: true },
    error: { state: true },
  };

  declare people: readonly Person[];
  declare synced: boolean;
  declare confirming: boolean;
  declare error: string;

  private y = new YController(this, () => (this.doc ? [sessionType(this.doc)] : undefined));
  private keeper = new FocusKeeper(this);

  constructor() {
    super();
    this.people = [];
    this.synced = false;
    this.confirming = false;
    this.error = '';
  }

  static override styles = [
    SessionPanelBase.styles,
    notice,
    css`
      p {
        margin: 4px 0;
      }
      .lead {
        font-size: 13px;
      }
    `,
  ];

  private nameOf(id: string): string {
    if (id === this.me?.id) return this.me.name;
    return this.people.find((p) => p.id === id)?.name ?? t(this.lang, 'lead.someone');
  }

  override render() {
    const lang = this.lang;
    if (!this.doc || !this.me) return nothing;
    const s = readSession(this.doc);
    if (s.facilitator === null) return this.synced ? this.renderStart() : nothing;
    const mine = s.facilitator === this.me.id;
    return html`<div role="status">
        <p class="lead" tabindex="-1" data-lead=${mine ? 'me' : 'other'}>${mine ? t(lang, 'lead.you') : t(lang, 'lead.other', { name: this.nameOf(s.facilitator) })}</p>
        ${s.takenFrom !== null ? html`<p class="lead" data-taken>${t(lang, 'lead.taken', { name: this.nameOf(s.facilitator), owner: this.nameOf(s.takenFrom) })}</p>` : nothing}
      </div>
      ${s.offeredTo !== null && s.offeredTo === this.me.id
        ? html`<div class="notice" data-offer>
            <p>${t(lang, 'lead.offered', { name: this.nameOf(s.facilitator) })}</p>
            <button class="primary" type="button" data-action="accept-seat" @click=${this.accept}>${t(lang, 'lead.accept')}</button>
          </div>`
        : nothing}
      ${s.offeredTo !== null && mine
        ? html`<div class="notice" data-offer-pending>
            <p>${t(lang, 'lead.offerPending', { name: this.nameOf(s.offeredTo) })}</p>
            <button class="secondary" type="button" data-action="withdraw-offer" @click=${this.withdraw}>${t(lang, 'lead.withdraw')}</button>
          </div>`
        : nothing}
      <p class="error" role="alert">${this.error}</p>`;
  }

  private renderStart() {
    const lang = this.lang;
    return html`<div class="notice" data-start>
      ${this.confirming
        ? html`<p id="confirm-text">${t(lang, 'lead.confirm')}</p>
            <div class="actions" role="group" aria-labelledby="confirm-text">
              <button class="primary" type="button" data-action="confirm-start" @click=${this.start}>${t(lang, 'lead.confirmYes')}</button>
              <button class="secondary" type="button" data-action="cancel-start" @click=${() => (this.confirming = false)}>${t(lang, 'lead.cancel')}</button>
            </div>`
        : html`<p>${t(lang, 'shell.notStarted')}</p>
            <button class="primary" type="button" data-action="start-session" @click=${this.ask}>${t(lang, 'shell.start')}</button>`}
      <p class="error" role="alert">${this.error}</p>
    </div>`;
  }

  private ask = async () => {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-action="confirm-start"]')?.focus();
  };

  private start = () => {
    // The confirmation is gone once the session starts: the focus goes on to who leads, not to the page.
    this.keeper.arm(() => this.renderRoot.querySelector<HTMLElement>('[data-lead]'), () => !!this.doc && readSession(this.doc).facilitator !== null);
    void this.run(() => this.actions?.startSession());
  };
  private accept = () => void this.run(() => this.actions?.acceptSeat());
  private withdraw = () => void this.run(() => this.actions?.offerSeat(null));

  private async run(fn: () => Promise<{ ok: boolean }> | undefined): Promise<void> {
    const res = await fn();
    if (!res?.ok) this.keeper.disarm();
    this.confirming = false;
    this.error = res && !res.ok ? t(this.lang, 'lead.error') : '';
  }
}

customElements.define('lead-notice', LeadNotice);

declare global {
  interface HTMLElementTagNameMap {
    'lead-notice': LeadNotice;
  }
}
