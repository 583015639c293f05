/**
 * The psychological-safety pulse: the newest pulse's statements to answer while it is open
 * (anonymous or sealed, said in words that match what happens), how many have answered, and,
 * once revealed with at least k answers, the result as a chart (with the earlier pulse's
 * means beside it), on the board on request, and as CSV, Markdown or JSON. The facilitator's
 * controls sit on top (pulse-controls.ts).
 */
import { css, html, nothing } from 'lit';
import type { PulseAggregate } from '../../core/session/pulse-aggregate.js';
import { listPulses, previousShown, pulseResult, type PulseResult, type PulseView } from '../../core/session/pulse.js';
import { controlDoc, MAP, publishedPulsesMap, pulseAnswersMap, pulsesMap } from '../../core/session/schema.js';
import { YController } from '../controllers/y-controller.js';
import { LOCALES } from '../i18n/format.js';
import { pulseExportWords } from '../i18n/pulse-export-words.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { offerExport } from './export-download.js';
import { failureText } from './failure-text.js';
import { PULSE_ERRORS } from './pulse-controls.js';
import { formatMean, type PulseChartRow } from './pulse-chart.js';
import type { PulseAnswerEvent } from './pulse-form.js';
import { SessionPanelBase } from './session-panel-base.js';
import './pulse-chart.js';
import './pulse-controls.js';
import './pulse-form.js';

const HIDDEN: Record<Extract<PulseResult, { visible: false }>['reason'], MessageKey> = {
  'no-pulse': 'pulse.none',
  'not-revealed': 'pulse.notRevealed',
  'below-k': 'pulse.belowK',
  'not-published': 'pulse.notPublished',
};

export class PulsePanel extends SessionPanelBase {
  static override properties = {
    serverMode: { type: Boolean, attribute: 'server-mode' },
    mine: { state: true },
    busy: { state: true },
    message: { state: true },
    error: { state: true },
  };

  declare serverMode: boolean;
  /** my answers to the newest pulse, as sent (null: none yet) */
  declare mine: { pulseId: string; answers: number[] | null } | null;
  declare busy: boolean;
  declare message: string;
  declare error: string;

  private y = new YController(this, () => {
    const d = this.doc;
    // The seat lives in the control doc (server mode), like the pulses.
    return d && [controlDoc(d).getMap(MAP.session), pulsesMap(d), pulseAnswersMap(d), publishedPulsesMap(d)];
  });

  constructor() {
    super();
    this.serverMode = false;
    this.mine = null;
    this.busy = false;
    this.message = '';
    this.error = '';
  }

  static override styles = [
    SessionPanelBase.styles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin-top: var(--ty-s2, 8px);
      }
    `,
  ];

  private current(): PulseView | null {
    return this.doc ? (listPulses(this.doc).at(-1) ?? null) : null;
  }

  private name(p: PulseView): string {
    return p.label || t(this.lang, 'pulse.unnamed', { date: new Date(p.createdAt).toLocaleDateString(LOCALES[this.lang]) });
  }

  override updated(): void {
    const p = this.current();
    // Once per pulse: what I sent (the device's own, or the server's copy of mine).
    if (p && this.actions && this.mine?.pulseId !== p.id) {
      this.mine = { pulseId: p.id, answers: null };
      void this.actions.myPulse(p.id).then((answers) => {
        if (this.mine?.pulseId === p.id) this.mine = { pulseId: p.id, answers };
      });
    }
  }

  private async answer(p: PulseView, e: PulseAnswerEvent) {
    this.busy = true;
    this.error = '';
    this.message = '';
    const r = await this.actions!.answerPulse(p.id, e.detail.answers);
    this.busy = false;
    if (!r.ok) this.error = failureText(this.lang, r.error, PULSE_ERRORS, 'pulse.error.other');
    else {
      this.mine = { pulseId: p.id, answers: e.detail.answers };
      this.message = t(this.lang, 'pulse.answered');
    }
  }

  private items(): string[] {
    return Array.from({ length: 7 }, (_, i) => t(this.lang, `pulse.item.${i + 1}` as MessageKey));
  }

  private rows(a: PulseAggregate, before: PulseAggregate | undefined): PulseChartRow[] {
    const items = this.items();
    return [
      ...a.items.map((it, i) => ({ item: it.item, label: items[i]!, mean: it.mean, distribution: it.distribution, ...(before ? { before: before.items[i]!.mean } : {}) })),
      { item: 0, label: t(this.lang, 'pulse.overall'), mean: a.overall.mean, distribution: a.overall.distribution, ...(before ? { before: before.overall.mean } : {}) },
    ];
  }

  private async toBoard(p: PulseView, a: PulseAggregate, prev: ReturnType<typeof previousShown>) {
    const lang = this.lang;
    this.error = '';
    this.message = '';
    const rows = this.rows(a, prev?.aggregate).map((r) => ({
      label: r.item === 0 ? r.label : `${r.item}. ${r.label}`,
      after: r.mean, afterText: formatMean(lang, r.mean),
      ...(r.before !== undefined ? { before: r.before, beforeText: formatMean(lang, r.before) } : {}),
    }));
    const legend = prev ? t(lang, 'pulse.frameLegendChange', { before: this.name(prev.pulse), after: this.name(p) }) : '';
    const r = await this.actions!.showPulse(p.id, {
      title: t(lang, 'pulse.frameTitle', { name: this.name(p) }),
      heading: t(lang, 'pulse.title'),
      legend: t(lang, 'pulse.frameLegend', { legend }),
      rows,
      footer: t(lang, 'pulse.frameFooter', { n: a.respondents, date: new Date().toLocaleDateString(LOCALES[lang]) }),
    });
    if (r.ok) this.message = t(lang, 'pulse.shown');
    else this.error = failureText(lang, r.error, PULSE_ERRORS, 'pulse.error.other');
  }

  private async export(p: PulseView, format: 'csv' | 'markdown' | 'json') {
    const r = await this.actions!.exportPulse({ pulseId: p.id, format, lang: this.lang, items: this.items(), words: pulseExportWords(this.lang) });
    if (r.ok) offerExport(this, { format, ...r.value });
    else this.error = failureText(this.lang, r.error, PULSE_ERRORS, 'pulse.error.other');
  }

  private renderResult(p: PulseView) {
    const lang = this.lang;
    const r = pulseResult(this.doc!, p.id);
    if (!r.visible) {
      return html`<p role="status" data-pulse-hidden=${r.reason}>
        ${r.respondents !== null && p.status !== 'draft' ? html`${t(lang, 'pulse.respondents', { n: r.respondents })} ` : nothing}${t(lang, HIDDEN[r.reason], { k: r.k })}</p>`;
    }
    const prev = previousShown(this.doc!, p.id);
    const caption = t(lang, 'pulse.results', { name: this.name(p) });
    return html`<section aria-labelledby="pulse-result" data-pulse-result>
      <h3 id="pulse-result">${caption}</h3>
      <p>${t(lang, 'pulse.respondents', { n: r.aggregate.respondents })}${prev ? html` ${t(lang, 'pulse.changeSince', { name: this.name(prev.pulse) })}` : nothing}</p>
      <pulse-chart .rows=${this.rows(r.aggregate, prev?.aggregate)} .lang=${lang} caption=${caption}></pulse-chart>
      <p class="hint">${t(lang, 'pulse.reverseNote')}</p>
      <div class="actions">
        ${this.isFacilitator() ? html`<button type="button" class="primary" data-action="pulse-board" @click=${() => this.toBoard(p, r.aggregate, prev)}>${t(lang, 'pulse.showOnBoard')}</button>` : nothing}
        ${(['csv', 'markdown', 'json'] as const).map((f) => html`<button type="button" data-action="pulse-export-${f}" @click=${() => this.export(p, f)}
          aria-label="${t(lang, 'pulse.export')} ${f.toUpperCase()}">${t(lang, f === 'csv' ? 'pulse.exportCsv' : f === 'json' ? 'pulse.exportJson' : 'pulse.exportMarkdown')}</button>`)}
      </div>
    </section>`;
  }

  override render() {
    const lang = this.lang;
    if (!this.doc) return nothing;
    const p = this.current();
    return html`<h2>${t(lang, 'pulse.title')}</h2>
      ${this.isFacilitator() ? html`<pulse-controls .doc=${this.doc} .me=${this.me} .actions=${this.actions} .lang=${lang} .pulse=${p} ?server-mode=${this.serverMode}></pulse-controls>` : nothing}
      ${!p ? html`<p role="status">${t(lang, 'pulse.none')}</p>` : html`
        <p>${t(lang, 'pulse.intro')} <span data-wording>${t(lang, 'pulse.wording')}</span></p>
        <p class="hint" data-privacy=${p.anonymity}>${t(lang, p.anonymity === 'sealed' ? 'pulse.privacy.sealed' : 'pulse.privacy.anonymous', { k: p.k })}</p>
        <p data-status=${p.status}>${this.name(p)}: ${t(lang, `pulse.status.${p.status}`)}</p>
        ${p.status === 'open' ? html`<pulse-form pulse-id=${p.id} .given=${this.mine?.pulseId === p.id ? this.mine.answers : null} ?busy=${this.busy} .lang=${lang}
            @pulse-answer=${(e: PulseAnswerEvent) => this.answer(p, e)}></pulse-form>` : nothing}
        <p role="status" data-pulse-message>${this.message}</p>
        <p class="error" role="alert">${this.error}</p>
        ${this.renderResult(p)}`}`;
  }
}

customElements.define('pulse-panel', PulsePanel);

declare global {
  interface HTMLElementTagNameMap {
    'pulse-panel': PulsePanel;
  }
}
