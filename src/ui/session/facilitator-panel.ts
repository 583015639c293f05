/**
 * The facilitator's controls: rounds (create, open, close, reveal, remove), who has voted,
 * and offering the role to someone (it moves when they accept). Everyone else sees who the facilitator is and each round's
 * status, and no controls at all; the model refuses their commands anyway.
 * Participation comes from the ballots: names with "has voted" in named rounds, only a count
 * in anonymous ones, nothing about which way.
 */
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Awareness } from 'y-protocols/awareness';
import { facilitatorOf } from '../../core/session/roles.js';
import { listRounds, type RoundView } from '../../core/session/rounds.js';
import { ballotsMap, roundsMap, sessionType } from '../../core/session/schema.js';
import type { VoteService } from '../../core/session/voting.js';
import { AwarenessController } from '../controllers/awareness-controller.js';
import { ClockController } from '../controllers/clock-controller.js';
import { FocusKeeper } from '../controllers/focus-keeper.js';
import { YController } from '../controllers/y-controller.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { ROUND_ERRORS } from './round-errors.js';
import { failureText } from './failure-text.js';
import { SessionPanelBase } from './session-panel-base.js';
import { formatDuration, participation, targetTypes, type Person, type ScopeOption } from './session-view.js';
import './round-form.js';
import './end-session.js';
import { props, PROP, STATE } from '../lit-kit.js';

export type RoundAction = 'open' | 'close' | 'reveal' | 'remove';

export class FacilitatorPanel extends SessionPanelBase {
  static override properties = props({
    voteService: PROP,
    awareness: PROP,
    scopes: PROP,
    people: PROP,
    now: PROP,
    error: STATE,
    announcement: STATE,
    handTo: STATE,
  });

  voteService: VoteService | undefined = undefined;
  awareness: Awareness | undefined = undefined;
  /** what a new round can vote on (zones, templates, selection), from the shell */
  scopes: readonly ScopeOption[] = [];
  /** people on the board (Miro's online users): for hand-over and names in named rounds */
  people: readonly Person[] = [];
  now: () => number = Date.now;
  error = '';
  announcement = '';
  handTo = '';

  private y = new YController(this, () => {
    const d = this.doc;
    return d && [sessionType(d), roundsMap(d), ballotsMap(d), ...targetTypes(d)];
  });
  private presence = new AwarenessController(this, () => this.awareness);
  private keeper = new FocusKeeper(this);
  private clock = new ClockController(this, () => (this.doc ? listRounds(this.doc, this.now()).find((r) => r.status === 'open' && r.endsAt !== null)?.endsAt ?? null : null), () => this.now());

  static override styles = [
    SessionPanelBase.styles,
    css`
      #rounds-h {
        margin-top: var(--ty-s3);
      }
      ol.rounds {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .status {
        font-weight: 600;
      }
      ul.voters {
        margin: 4px 0;
        padding-left: var(--ty-s2);
        font-size: 13px;
      }
      details {
        margin: var(--ty-s2) 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      .handover {
        display: flex;
        gap: var(--ty-s1);
        align-items: end;
        flex-wrap: wrap;
      }
    `,
  ];

  private nameOf(id: string): string | undefined {
    if (id === this.me?.id) return this.me.name;
    return this.people.find((p) => p.id === id)?.name;
  }

  override render() {
    const lang = this.lang;
    if (!this.doc || !this.me) return html`<p class="empty">${t(lang, 'facil.connecting')}</p>`;
    const facilitator = facilitatorOf(this.doc);
    const mine = this.isFacilitator();
    const rounds = listRounds(this.doc, this.clock.now()).reverse();
    return html`<section aria-labelledby="facil-h">
      <h2 id="facil-h">${t(lang, 'facil.title')}</h2>
      ${facilitator === null
        ? html`<p>${t(lang, 'facil.notStarted')}</p>`
        : html`<p data-role=${mine ? 'facilitator' : 'participant'}>
            ${mine ? t(lang, 'facil.youAre') : t(lang, 'facil.someoneElse', { name: this.nameOf(facilitator) ?? t(lang, 'facil.anotherPerson') })}
          </p>`}
      <p class="error" data-error>${this.error}</p>
      ${mine ? html`<round-form .doc=${this.doc} .me=${this.me} .actions=${this.actions} .scopes=${this.scopes} .lang=${lang} .present=${this.presence.people.length || this.people.length}
            service-mode=${this.voteService?.mode ?? 'local'} @tryghed-round-created=${this.created}></round-form>` : nothing}
      <h3 id="rounds-h" tabindex="-1">${t(lang, 'facil.rounds')}</h3>
      ${rounds.length === 0
        ? html`<p class="empty">${t(lang, 'facil.noRounds')}</p>`
        : html`<ol class="rounds">${repeat(rounds, (r) => r.id, (r) => this.renderRound(r, mine))}</ol>`}
      ${mine ? this.renderHandOver() : nothing}
      ${mine ? html`<end-session .actions=${this.actions} .lang=${lang} mode=${this.voteService?.mode === 'server' ? 'server' : 'miro'}></end-session>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderRound(r: RoundView, mine: boolean) {
    const lang = this.lang;
    const button = (action: RoundAction, key: MessageKey, primary = false) =>
      html`<button class=${primary ? 'primary' : 'secondary'} type="button" data-action=${action}
        aria-label=${`${t(lang, key)}: ${r.question}`} @click=${() => this.act(r, action)}>${t(lang, key)}</button>`;
    const settings = t(lang, 'facil.settings', {
      each: t(lang, 'facil.settings.each', { budget: r.budget }), cap: r.cap, shown: t(lang, 'facil.settings.shown', { k: r.k }),
      anonymity: t(lang, `facil.anonymity.${r.anonymity}`), visibility: t(lang, `facil.visibility.${r.visibility}`),
    });
    return html`<li class="round" data-round=${r.id} data-status=${r.status}>
      <h4 class="question">${r.question}</h4>
      <p class="meta"><span class="status">${t(lang, `facil.status.${r.status}`)}</span>${r.status === 'open' && r.endsAt !== null
        ? html` · <span data-time-left>${t(lang, 'vote.timeLeft', { time: formatDuration(r.endsAt - this.clock.now()) })}</span>`
        : nothing} · ${settings}</p>
      ${r.status !== 'draft' ? this.renderParticipation(r) : nothing}
      ${mine
        ? html`<div class="actions">
            ${r.status === 'draft' ? [button('open', 'facil.open', true), button('remove', 'facil.remove')] : nothing}
            ${r.status === 'open' ? [button('close', 'facil.close'), button('reveal', 'facil.reveal', true)] : nothing}
            ${r.status === 'closed' ? button('reveal', 'facil.reveal', true) : nothing}
          </div>`
        : nothing}
    </li>`;
  }

  private renderParticipation(r: RoundView) {
    const lang = this.lang;
    const p = participation(this.doc!, r);
    if (p.respondents === null) return html`<p class="meta" data-participation>${t(lang, 'facil.sealedParticipation')}</p>`;
    const present = this.presence.people.length || this.people.length;
    const total = Math.max(present, p.respondents);
    const count = html`<p class="meta" data-participation>${t(lang, 'facil.participation', { n: p.respondents, total })}</p>`;
    if (r.anonymity !== 'named') return count;
    // Named rounds: who has voted (never which way); everyone known, voters first.
    const ids = [...new Set([...p.voters, ...(this.me ? [this.me.id] : []), ...this.people.map((x) => x.id)])];
    const rows = ids
      .map((id) => ({ id, name: this.nameOf(id) ?? t(lang, 'facil.unknownPerson'), voted: p.voters.has(id) }))
      .sort((a, b) => Number(b.voted) - Number(a.voted) || a.name.localeCompare(b.name));
    return html`${count}
      <ul class="voters" aria-label=${t(lang, 'facil.whoVoted')}>
        ${rows.map((x) => html`<li data-voter=${x.id}>${x.name}: ${x.voted ? t(lang, 'facil.hasVoted') : t(lang, 'facil.notYet')}</li>`)}
      </ul>`;
  }

  private renderHandOver() {
    const lang = this.lang;
    const others = this.people.filter((p) => p.id !== this.me?.id);
    if (others.length === 0) return nothing;
    return html`<details>
      <summary>${t(lang, 'facil.handOver')}</summary>
      <div class="handover">
        <label for="hand-to">${t(lang, 'facil.handOverTo')}</label>
        <select id="hand-to" @change=${(e: Event) => (this.handTo = (e.target as HTMLSelectElement).value)}>
          <option value="">${t(lang, 'facil.choosePerson')}</option>
          ${others.map((p) => html`<option value=${p.id} ?selected=${p.id === this.handTo}>${p.name}</option>`)}
        </select>
        <button class="secondary" type="button" data-action="hand-over" @click=${this.handOver}>${t(lang, 'facil.handOverDo')}</button>
      </div>
    </details>`;
  }

  private created = () => {
    this.error = '';
    this.announcement = t(this.lang, 'facil.createdDone');
  };

  private async act(r: RoundView, action: RoundAction) {
    const actions = this.actions;
    if (!actions) return;
    const now = this.now();
    // The round's buttons change under the pointer (maybe only once the server has it): keep focus in the round, not on <body>.
    this.keeper.arm(() => this.renderRoot.querySelector<HTMLElement>(`li[data-round="${r.id}"] button`) ?? this.renderRoot.querySelector<HTMLElement>('#rounds-h'),
      () => !!this.doc && listRounds(this.doc, this.clock.now()).find((x) => x.id === r.id)?.status !== r.status);
    const res = action === 'open' ? await actions.openRound(r.id, now) : await actions.roundStep(r.id, action, now);
    if (!res.ok) {
      this.keeper.disarm();
      this.error = failureText(this.lang, res.error, ROUND_ERRORS, 'round.error.invalid');
      return;
    }
    this.error = '';
    this.announcement = t(this.lang, `facil.${action}Done`, { question: r.question });
  }

  private handOver = async () => {
    const to = this.handTo;
    if (!this.actions || !to) return;
    const res = await this.actions.offerSeat(to);
    if (!res.ok) {
      this.error = t(this.lang, res.error.code === 'not-facilitator' ? 'facil.error.not-facilitator' : 'facil.error.handOver');
      return;
    }
    this.announcement = t(this.lang, 'facil.handedOver', { name: this.nameOf(to) ?? '' });
    this.handTo = '';
  };
}

customElements.define('facilitator-panel', FacilitatorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'facilitator-panel': FacilitatorPanel;
  }
}
