/**
 * The P-IGLO action plan: initiatives on the layers P, O, L, G and I, each with the problem it
 * answers, who is responsible, a deadline, follow-up date and method, a success criterion, a
 * status and a preparedness flag. The facilitator drafts initiatives from a round's top
 * priorities (the voted item is the problem; the team writes the initiative), adds, edits and
 * removes them, and downloads the plan as CSV, Markdown or JSON; everyone else reads the plan.
 * The model refuses others anyway.
 */
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PlanEdit } from '../../actions/edit-plan.js';
import type { ActionResult } from '../../core/session/commands.js';
import { listPlan, type InitiativePatch, type InitiativeView, type PlanError } from '../../core/session/plan.js';
import { listRounds } from '../../core/session/rounds.js';
import { LIMITS, PLAN_LAYERS, PLAN_STATUSES, ballotsMap, planMap, publishedMap, roundsMap, sessionType, type PlanLayer } from '../../core/session/schema.js';
import type { VoteService } from '../../core/session/voting.js';
import { YController } from '../controllers/y-controller.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { offerExport, type ExportFormat } from './export-download.js';
import { failureText } from './failure-text.js';
import { planExportWords } from '../i18n/export-words.js';
import { SessionPanelBase } from './session-panel-base.js';
import { targetLabel, targetTypes, type TargetLabels } from './session-view.js';
import { props, PROP, STATE } from '../lit-kit.js';

const ERRORS: Record<PlanError, MessageKey> = {
  'not-facilitator': 'facil.error.not-facilitator',
  invalid: 'plan.error.invalid',
  'no-initiative': 'plan.error.no-initiative',
  'no-tally': 'plan.error.no-tally',
  'too-long': 'plan.error.too-long',
};

export class PlanPanel extends SessionPanelBase {
  static override properties = props({
    voteService: PROP,
    labels: PROP,
    draftRound: STATE,
    draftCount: STATE,
    draftLayer: STATE,
    newLayer: STATE,
    newText: STATE,
    error: STATE,
    announcement: STATE,
    now: PROP,
  });

  voteService: VoteService | undefined = undefined;
  labels: TargetLabels = {};
  draftRound = '';
  draftCount = 3;
  draftLayer: PlanLayer = 'G';
  newLayer: PlanLayer = 'G';
  newText = '';
  error = '';
  announcement = '';
  /** the clock for the export's date and file name */
  now: () => number = Date.now;

  private y = new YController(this, () => {
    const d = this.doc;
    return d && [sessionType(d), planMap(d), roundsMap(d), ballotsMap(d), publishedMap(d), ...targetTypes(d)];
  });

  static override styles = [
    SessionPanelBase.styles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
        gap: var(--ty-s1);
        align-items: end;
      }
      fieldset {
        margin: var(--ty-s2) 0;
        padding: var(--ty-s1) var(--ty-s2) var(--ty-s2);
      }
      ul.plan {
        list-style: none;
        margin: 4px 0 var(--ty-s2);
        padding: 0;
        display: grid;
        gap: var(--ty-s1);
      }
      ul.plan > li {
        border: 1px solid var(--ty-line);
        border-radius: var(--ty-radius);
        padding: var(--ty-s1);
      }
      ul.plan > li.draft {
        border-style: dashed;
      }
      .check {
        display: flex;
        gap: 6px;
        align-items: center;
        font-weight: normal;
      }
    `,
  ];

  private layerName(l: PlanLayer) {
    return t(this.lang, `plan.layer.${l}`);
  }

  /** An action's answer: `done(value)` is announced, a refusal shown and announced. */
  private async run<T>(act: Promise<ActionResult<T>> | undefined, done: (value: T) => string): Promise<boolean> {
    const res = await act;
    if (!res) return false;
    if (!res.ok) {
      const params = { text: LIMITS.planText, field: LIMITS.planField, ...res.error.params };
      this.error = failureText(this.lang, { ...res.error, params }, ERRORS, 'plan.error.invalid');
      this.announcement = this.error;
      return false;
    }
    this.error = '';
    this.announcement = done(res.value);
    return true;
  }

  private edit(input: PlanEdit, done: MessageKey) {
    return this.run(this.actions?.editPlan(input), () => t(this.lang, done));
  }

  override render() {
    const lang = this.lang;
    if (!this.doc) return html`<p class="empty">${t(lang, 'facil.connecting')}</p>`;
    const mine = this.isFacilitator();
    const plan = listPlan(this.doc);
    return html`<section aria-labelledby="plan-h">
      <h2 id="plan-h">${t(lang, 'plan.title')}</h2>
      <p class="meta">${t(lang, 'plan.intro')}</p>
      <p class="meta" data-on-board>${t(lang, 'plan.onBoard')}</p>
      ${mine ? [this.renderDraft(), this.renderAdd()] : nothing}
      <p class="error" data-error>${this.error}</p>
      ${PLAN_LAYERS.map((layer) => {
        const items = plan.filter((i) => i.layer === layer);
        return html`<h3 id="layer-${layer}">${layer} · ${this.layerName(layer)}</h3>
          ${items.length === 0
            ? html`<p class="empty">${t(lang, 'plan.emptyLayer')}</p>`
            : html`<ul class="plan" aria-labelledby="layer-${layer}" data-layer=${layer}>
                ${repeat(items, (i) => i.id, (i) => (mine ? this.renderEdit(i) : this.renderRead(i)))}
              </ul>`}`;
      })}
      ${mine && plan.length > 0
        ? html`<div class="actions">
            <button class="secondary" type="button" data-export="csv" @click=${() => void this.export('csv')}>${t(lang, 'plan.exportCsv')}</button>
            <button class="secondary" type="button" data-export="markdown" @click=${() => void this.export('markdown')}>${t(lang, 'plan.exportMd')}</button>
            <button class="secondary" type="button" data-export="json" @click=${() => void this.export('json')}>${t(lang, 'plan.exportJson')}</button>
          </div>`
        : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderDraft() {
    const lang = this.lang;
    const rounds = listRounds(this.doc!).filter((r) => this.voteService?.tally(r.id).visible);
    if (rounds.length === 0) return html`<p class="hint">${t(lang, 'plan.noResults')}</p>`;
    const picked = rounds.find((r) => r.id === this.draftRound) ?? rounds[rounds.length - 1]!;
    return html`<fieldset>
      <legend>${t(lang, 'plan.fromPriorities')}</legend>
      <div class="grid">
        <div class="field">
          <label for="draft-round">${t(lang, 'results.pick')}</label>
          <select id="draft-round" @change=${(e: Event) => (this.draftRound = (e.target as HTMLSelectElement).value)}>
            ${rounds.map((r) => html`<option value=${r.id} ?selected=${r.id === picked.id}>${r.question}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="draft-count">${t(lang, 'plan.topCount')}</label>
          <input id="draft-count" type="number" min="1" max="20" .value=${String(this.draftCount)}
            @input=${(e: Event) => (this.draftCount = Number((e.target as HTMLInputElement).value))} />
        </div>
        ${this.layerSelect('draft-layer', this.draftLayer, (l) => (this.draftLayer = l))}
        <button class="primary" type="button" data-action="draft" @click=${() => this.draft(picked.id)}>${t(lang, 'plan.draft')}</button>
      </div>
    </fieldset>`;
  }

  private renderAdd() {
    const lang = this.lang;
    return html`<fieldset>
      <legend>${t(lang, 'plan.add')}</legend>
      <form class="grid" @submit=${this.add}>
        ${this.layerSelect('new-layer', this.newLayer, (l) => (this.newLayer = l))}
        <div class="field">
          <label for="new-text">${t(lang, 'plan.text')}</label>
          <input id="new-text" type="text" maxlength=${LIMITS.planText} .value=${this.newText} @input=${(e: Event) => (this.newText = (e.target as HTMLInputElement).value)} />
        </div>
        <button class="primary" type="submit" data-action="add">${t(lang, 'plan.addDo')}</button>
      </form>
    </fieldset>`;
  }

  private layerSelect(id: string, value: PlanLayer, pick: (l: PlanLayer) => void, label = t(this.lang, 'plan.layer')) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => pick((e.target as HTMLSelectElement).value as PlanLayer)}>
        ${PLAN_LAYERS.map((l) => html`<option value=${l} ?selected=${l === value}>${l} · ${this.layerName(l)}</option>`)}
      </select>
    </div>`;
  }

  /** The round and rank an initiative came from, in words; '' for one added by hand. */
  private sourceOf(i: InitiativeView): string {
    const question = i.sourceRound ? listRounds(this.doc!).find((r) => r.id === i.sourceRound)?.question : undefined;
    return question && i.sourceRank ? t(this.lang, 'plan.sourceRank', { question, rank: i.sourceRank }) : '';
  }

  private renderRead(i: InitiativeView) {
    const lang = this.lang;
    const source = this.sourceOf(i);
    return html`<li class=${i.draft ? 'draft' : ''} data-initiative=${i.id}>
      <strong>${i.text || t(lang, 'plan.noText')}</strong>${i.draft ? html` <span class="tag">${t(lang, 'plan.draftTag')}</span>` : nothing}
      ${i.problem ? html`<p class="meta" data-problem>${t(lang, 'plan.problem')}: ${i.problem}</p>` : nothing}
      <p class="meta">
        ${t(lang, 'plan.owner')}: ${i.owner || '–'} · ${t(lang, 'plan.deadline')}: ${i.deadline || i.when || '–'} · ${t(lang, 'plan.status')}: ${t(lang, `plan.status.${i.status}`)}${i.preparedness ? html` · ${t(lang, 'plan.preparednessYes')}` : nothing}
      </p>
      ${i.followUpDate || i.followUpMethod ? html`<p class="meta">${t(lang, 'plan.followUpDate')}: ${i.followUpDate || '–'} · ${t(lang, 'plan.followUpMethod')}: ${i.followUpMethod || '–'}</p>` : nothing}
      ${i.successCriterion ? html`<p class="meta">${t(lang, 'plan.success')}: ${i.successCriterion}</p>` : nothing}
      ${source ? html`<p class="meta">${t(lang, 'plan.source')}: ${source}</p>` : nothing}
    </li>`;
  }

  private renderEdit(i: InitiativeView) {
    const lang = this.lang;
    const name = i.text || i.problem || t(lang, 'plan.noText');
    const patch = (p: InitiativePatch) => void this.edit({ op: 'edit', id: i.id, patch: p }, 'plan.saved');
    type Field = 'text' | 'problem' | 'owner' | 'deadline' | 'followUpDate' | 'followUpMethod' | 'successCriterion';
    const text = (field: Field, key: MessageKey, type: 'text' | 'date' | 'long' = 'text') => html`<div class="field">
      <label for="${field}-${i.id}">${t(lang, key)}</label>
      ${type === 'long'
        ? html`<textarea id="${field}-${i.id}" rows="1" maxlength=${LIMITS.planText} .value=${i[field]} @change=${(e: Event) => patch({ [field]: (e.target as HTMLTextAreaElement).value })}
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), patch({ [field]: (e.target as HTMLTextAreaElement).value }))}></textarea>`
        : html`<input id="${field}-${i.id}" type=${type} maxlength=${field === 'owner' ? LIMITS.planField : LIMITS.planText} .value=${i[field]} @change=${(e: Event) => patch({ [field]: (e.target as HTMLInputElement).value })} />`}
    </div>`;
    const source = this.sourceOf(i);
    return html`<li class=${i.draft ? 'draft' : ''} data-initiative=${i.id} aria-label=${name}>
      ${i.draft ? html`<span class="tag">${t(lang, 'plan.draftTag')}</span>` : nothing}
      ${source ? html`<p class="meta">${t(lang, 'plan.source')}: ${source}</p>` : nothing}
      <div class="grid">
        ${text('problem', 'plan.problem', 'long')} ${text('text', 'plan.text', 'long')} ${text('owner', 'plan.owner')} ${text('deadline', 'plan.deadline', 'date')}
        ${text('followUpDate', 'plan.followUpDate', 'date')} ${text('followUpMethod', 'plan.followUpMethod', 'long')} ${text('successCriterion', 'plan.success', 'long')}
        <div class="field">
          <label for="status-${i.id}">${t(lang, 'plan.status')}</label>
          <select id="status-${i.id}" @change=${(e: Event) => patch({ status: (e.target as HTMLSelectElement).value as InitiativeView['status'] })}>
            ${PLAN_STATUSES.map((st) => html`<option value=${st} ?selected=${st === i.status}>${t(lang, `plan.status.${st}`)}</option>`)}
          </select>
        </div>
        ${this.layerSelect(`layer-${i.id}`, i.layer, (layer) => patch({ layer }))}
      </div>
      <label class="check"><input type="checkbox" .checked=${i.preparedness} @change=${(e: Event) => patch({ preparedness: (e.target as HTMLInputElement).checked })} />
        ${t(lang, 'plan.preparedness')}</label>
      <div class="actions">
        ${i.draft ? html`<button class="secondary" type="button" data-action="accept" @click=${() => void this.edit({ op: 'accept', id: i.id }, 'plan.saved')}>${t(lang, 'plan.accept')}</button>` : nothing}
        <button class="secondary" type="button" data-action="remove" aria-label=${t(lang, 'plan.removeLabel', { name })}
          @click=${() => void this.edit({ op: 'remove', id: i.id }, 'plan.removed')}>${t(lang, 'facil.remove')}</button>
      </div>
    </li>`;
  }

  private draft(roundId: string) {
    const texts: Record<string, string> = {};
    const tally = this.voteService?.tally(roundId);
    if (tally?.visible) for (const r of tally.rows) texts[r.targetId] = targetLabel(this.doc!, r.targetId, this.labels, this.lang);
    void this.run(this.actions?.draftPlan({ roundId, count: this.draftCount, layer: this.draftLayer, texts }), (v) => {
      const done = t(this.lang, 'plan.drafted', { n: v.created.length });
      return v.existing.length > 0 ? `${done} ${t(this.lang, 'plan.draftedExisting', { existing: v.existing.length })}` : done;
    });
  }

  private async export(format: ExportFormat) {
    const out = await this.actions?.exportPlan({ format, lang: this.lang, words: planExportWords(this.lang), now: this.now() });
    if (out?.ok) offerExport(this, { format, ...out.value });
  }

  private add = async (e: Event) => {
    e.preventDefault();
    if (!this.newText.trim()) {
      this.error = t(this.lang, 'plan.error.text');
      this.announcement = this.error;
      this.renderRoot.querySelector<HTMLElement>('#new-text')?.focus();
      return;
    }
    const ok = await this.edit({ op: 'add', layer: this.newLayer, text: this.newText.trim() }, 'plan.added');
    if (ok) this.newText = '';
  };
}

customElements.define('plan-panel', PlanPanel);

declare global {
  interface HTMLElementTagNameMap {
    'plan-panel': PlanPanel;
  }
}
