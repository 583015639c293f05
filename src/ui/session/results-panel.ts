/**
 * Results of a round: the ranked chart once the tally may be shown, or why not yet
 * ("shown when at least 3 have voted"); export as CSV or Markdown; and, for the facilitator,
 * the result on the board (a results frame, through the show-results action) and the Discuss
 * step over a revealed round's items (discuss-controls.ts).
 */
import { css, html, nothing } from 'lit';
import type { VisibleTally } from '../../core/export/tally-export.js';
import { listRounds, type RoundView } from '../../core/session/rounds.js';
import { ballotsMap, publishedMap, roundsMap, sessionType } from '../../core/session/schema.js';
import type { HiddenReason, TallyResult, VoteService } from '../../core/session/voting.js';
import { ClockController } from '../controllers/clock-controller.js';
import { VoteServiceController } from '../controllers/vote-service-controller.js';
import { YController } from '../controllers/y-controller.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { offerExport, type ExportFormat } from './export-download.js';
import type { ChartRow } from './results-chart.js';
import { failureText } from './failure-text.js';
import { resultsExportWords } from '../i18n/export-words.js';
import { SessionPanelBase } from './session-panel-base.js';
import { targetLabel, targetTypes, type TargetLabels } from './session-view.js';
import './results-chart.js';
import './discuss-controls.js';
import { props, PROP, STATE } from '../lit-kit.js';

export type { ExportFormat } from './export-download.js';

const REASONS: Record<HiddenReason, MessageKey> = {
  'no-round': 'results.hidden.no-round',
  'not-open': 'results.hidden.not-open',
  'below-k': 'results.hidden.below-k',
  'hidden-until-reveal': 'results.hidden.hidden-until-reveal',
  'not-published': 'results.hidden.not-published',
};

export class ResultsPanel extends SessionPanelBase {
  static override properties = props({
    voteService: PROP,
    labels: PROP,
    eligible: Number,
    boardError: STATE,
    boardBusy: STATE,
    roundId: { type: String, attribute: 'round-id' },
    now: PROP,
    picked: STATE,
  });

  voteService: VoteService | undefined = undefined;
  labels: TargetLabels = {};
  /** how many could vote (the N of "n of N" on the results frame), if the shell knows */
  eligible: number | undefined = undefined;
  boardError = '';
  boardBusy = false;
  /** the round to show; by default the newest round that is not a draft (with a picker) */
  roundId: string | undefined = undefined;
  now: () => number = Date.now;
  picked: string | undefined = undefined;

  private y = new YController(this, () => {
    const d = this.doc;
    return d && [sessionType(d), roundsMap(d), ballotsMap(d), publishedMap(d), ...targetTypes(d)];
  });
  private clock = new ClockController(this, () => this.current()?.endsAt ?? null, () => this.now());

  constructor() {
    super();
    new VoteServiceController(this, () => this.voteService);
  }

  static override styles = [
    SessionPanelBase.styles,
    css`
      .picker {
        display: grid;
        gap: 4px;
        margin-bottom: var(--ty-s2);
      }
      .notice {
        padding: var(--ty-s2);
        border-radius: var(--ty-radius);
        background: var(--ty-soft);
      }
    `,
  ];

  private shownRounds(): RoundView[] {
    return this.doc ? listRounds(this.doc, this.clock?.now() ?? this.now()).filter((r) => r.status !== 'draft').reverse() : [];
  }

  private current(): RoundView | undefined {
    const rounds = this.shownRounds();
    const id = this.roundId ?? this.picked;
    return rounds.find((r) => r.id === id) ?? (this.roundId ? undefined : rounds[0]);
  }

  /** The visible tally as chart rows, labelled. */
  private chartRows(tally: VisibleTally): ChartRow[] {
    return tally.rows.map((r) => ({ ...r, label: targetLabel(this.doc!, r.targetId, this.labels, this.lang) }));
  }

  private tally(round: RoundView): TallyResult | undefined {
    return this.voteService?.tally(round.id, this.clock.now());
  }

  override render() {
    const lang = this.lang;
    const rounds = this.shownRounds();
    const round = this.current();
    return html`<section aria-labelledby="results-h">
      <h2 id="results-h">${t(lang, 'results.title')}</h2>
      ${!this.roundId && rounds.length > 1
        ? html`<div class="picker">
            <label for="round-pick">${t(lang, 'results.pick')}</label>
            <select id="round-pick" @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}>
              ${rounds.map((r) => html`<option value=${r.id} ?selected=${r.id === round?.id}>${r.question}</option>`)}
            </select>
          </div>`
        : nothing}
      ${round ? this.renderRound(round) : html`<p class="empty">${t(lang, 'results.none')}</p>`}
    </section>`;
  }

  private renderRound(round: RoundView) {
    const lang = this.lang;
    const tally = this.tally(round);
    if (!tally) return html`<p class="empty">${t(lang, 'facil.connecting')}</p>`;
    const head = html`<h3 class="question" data-round=${round.id}>${round.question}</h3>
      <p class="meta">${t(lang, `facil.status.${round.status}`)}</p>
      <p class="meta" data-mode=${round.anonymity}>${t(lang, `vote.${round.anonymity}Note`)}</p>`;
    if (!tally.visible) {
      return html`${head}<p class="notice" role="status" data-hidden-reason=${tally.reason}>
        ${t(lang, REASONS[tally.reason], { k: tally.k, n: tally.respondents })}
      </p>`;
    }
    const rows = this.chartRows(tally);
    return html`${head}
      <p class="meta" data-respondents>${t(lang, 'results.respondents', { voted: t(lang, 'results.voted', { n: tally.respondents }), inAll: t(lang, 'results.inAll', { votes: tally.totalVotes }) })}</p>
      ${rows.some((r) => r.tied) ? html`<p class="hint">${t(lang, 'results.tieNote')}</p>` : nothing}
      <results-chart .rows=${rows} .lang=${lang} caption=${t(lang, 'results.caption', { question: round.question })}></results-chart>
      <div class="actions">
        <button class="secondary" type="button" data-export="csv" @click=${() => void this.export(round, 'csv')}>${t(lang, 'results.exportCsv')}</button>
        <button class="secondary" type="button" data-export="markdown" @click=${() => void this.export(round, 'markdown')}>${t(lang, 'results.exportMd')}</button>
        ${this.isFacilitator()
          ? html`<button class="primary" type="button" data-action="show-on-board" aria-disabled=${this.boardBusy ? 'true' : 'false'}
              @click=${() => void this.showOnBoard(round, rows)}>${t(lang, 'results.showOnBoard')}</button>`
          : nothing}
      </div>
      <p class="error" data-board-error>${this.boardError}</p>
      ${round.status === 'revealed'
        ? html`<discuss-controls .doc=${this.doc} .me=${this.me} .actions=${this.actions} .roundId=${round.id} .rows=${rows} .lang=${lang}></discuss-controls>`
        : nothing}`;
  }

  /** Download the file (the event lets a shell whose frame forbids downloads offer it otherwise). */
  private async export(round: RoundView, format: 'csv' | 'markdown') {
    const label = (id: string) => targetLabel(this.doc!, id, this.labels, this.lang);
    const out = await this.actions?.exportResults({ roundId: round.id, format, lang: this.lang, words: resultsExportWords(this.lang), label, now: this.clock.now() });
    if (out?.ok) offerExport(this, { format, ...out.value });
  }

  private async showOnBoard(round: RoundView, rows: ChartRow[]) {
    if (this.boardBusy || !this.actions) return;
    this.boardBusy = true;
    try {
      const labels = Object.fromEntries(rows.map((r) => [r.targetId, r.label]));
      const r = await this.actions.showResults({ roundId: round.id, labels, lang: this.lang, ...(this.eligible ? { eligible: this.eligible } : {}) });
      this.boardError = r.ok ? '' : failureText(this.lang, r.error, {}, 'results.error.board');
    } finally {
      this.boardBusy = false;
    }
  }
}

customElements.define('results-panel', ResultsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'results-panel': ResultsPanel;
  }
}
