/**
 * The facilitator's Discuss step, under a revealed round's results: pick an item (every panel
 * then shows "Now discussing"), write what the team decides, and put it in the plan as a draft
 * initiative whose problem is the item; then the next item, or stop. Keyboard first: each
 * item's button names it, the decision field takes the focus when an item is picked, and
 * what happened is announced without moving the focus further.
 */
import { css, html, nothing } from 'lit';
import { readDiscussing } from '../../core/session/read.js';
import { readInitiative } from '../../core/session/read-plan.js';
import { PLAN_LAYERS, planMap, workshopType, type PlanLayer } from '../../core/session/schema.js';
import { YController } from '../controllers/y-controller.js';
import { t } from '../i18n/session-strings.js';
import { props, PROP, STATE } from '../lit-kit.js';
import type { ChartRow } from './results-chart.js';
import { SessionPanelBase } from './session-panel-base.js';

export class DiscussControls extends SessionPanelBase {
  static override properties = props({
    roundId: PROP,
    rows: PROP,
    decision: STATE,
    layer: STATE,
    error: STATE,
    announcement: STATE,
    busy: STATE,
  });

  roundId = '';
  /** the round's visible tally, labelled, most votes first */
  rows: readonly ChartRow[] = [];
  decision = '';
  layer: PlanLayer = 'G';
  error = '';
  announcement = '';
  busy = false;

  private y = new YController(this, () => (this.doc ? [workshopType(this.doc), planMap(this.doc)] : undefined));

  static override styles = [
    SessionPanelBase.styles,
    css`
      ol {
        list-style: none;
        margin: var(--ty-s1) 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--ty-s1);
        padding: 4px 0;
        border-top: 1px solid var(--ty-line);
      }
      li[aria-current='true'] {
        border-left: 4px solid var(--ty-accent);
        padding-left: var(--ty-s1);
      }
      li > span {
        flex: 1 1 10em;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 4em;
        font: inherit;
      }
      .decide {
        display: grid;
        gap: var(--ty-s1);
        margin-top: var(--ty-s2);
      }
    `,
  ];

  /** The item discussed now, if it is one of this round's. */
  private current(): ChartRow | undefined {
    const d = this.doc ? readDiscussing(this.doc) : null;
    return d && d.roundId === this.roundId ? this.rows.find((r) => r.targetId === d.targetId) : undefined;
  }

  override render() {
    const lang = this.lang;
    if (!this.isFacilitator() || this.rows.length === 0) return nothing;
    const current = this.current();
    return html`<section aria-labelledby="discuss-h">
      <h3 id="discuss-h" tabindex="-1">${t(lang, 'discuss.title')}</h3>
      <p class="meta">${t(lang, 'discuss.intro')}</p>
      <ol aria-label=${t(lang, 'discuss.items')}>
        ${this.rows.map((r) => {
          const now = r.targetId === current?.targetId;
          const planned = !!this.doc && readInitiative(this.doc, `${this.roundId}:${r.targetId}`)?.text;
          return html`<li data-item=${r.targetId} aria-current=${now ? 'true' : 'false'}>
            <span>${t(lang, 'discuss.row', { rank: r.rank, item: r.label })}
              ${planned ? html` <span class="tag" data-in-plan>${t(lang, 'discuss.inPlan')}</span>` : nothing}</span>
            ${now
              ? html`<span class="tag">${t(lang, 'discuss.current')}</span>`
              : html`<button class="secondary" type="button" data-action="discuss" data-target=${r.targetId}
                  aria-label=${t(lang, 'discuss.doLabel', { item: r.label })} @click=${() => void this.pick(r)}>${t(lang, 'discuss.do')}</button>`}
          </li>`;
        })}
      </ol>
      ${current ? this.renderDecide(current) : nothing}
      <p class="error" data-error>${this.error}</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private renderDecide(item: ChartRow) {
    const lang = this.lang;
    const i = this.rows.indexOf(item);
    const next = this.rows[i + 1];
    return html`<form class="decide" @submit=${(e: Event) => (e.preventDefault(), void this.decide(item))}>
      <label for="decision">${t(lang, 'discuss.decision', { item: item.label })}</label>
      <textarea id="decision" maxlength="2000" .value=${this.decision} @input=${(e: Event) => (this.decision = (e.target as HTMLTextAreaElement).value)}></textarea>
      <label for="decision-layer">${t(lang, 'plan.layer')}</label>
      <select id="decision-layer" @change=${(e: Event) => (this.layer = (e.target as HTMLSelectElement).value as PlanLayer)}>
        ${PLAN_LAYERS.map((l) => html`<option value=${l} ?selected=${l === this.layer}>${l} · ${t(lang, `plan.layer.${l}`)}</option>`)}
      </select>
      <div class="actions">
        <button class="primary" type="submit" data-action="decide" aria-disabled=${this.busy ? 'true' : 'false'}>${t(lang, 'discuss.record')}</button>
        ${next ? html`<button class="secondary" type="button" data-action="discuss-next" @click=${() => void this.pick(next)}>${t(lang, 'discuss.next')}</button>` : nothing}
        <button class="secondary" type="button" data-action="discuss-stop" @click=${() => void this.stop()}>${t(lang, 'discuss.stop')}</button>
      </div>
    </form>`;
  }

  private async pick(r: ChartRow) {
    const res = await this.actions?.discuss(this.roundId, r.targetId);
    if (!res) return;
    if (!res.ok) return void (this.error = t(this.lang, 'discuss.error'));
    this.error = '';
    this.decision = '';
    this.announcement = t(this.lang, 'discuss.started', { item: r.label });
    // The item's buttons change under the pointer: the focus goes on to the decision.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#decision')?.focus();
  }

  private async stop() {
    const res = await this.actions?.discuss(this.roundId, null);
    if (!res) return;
    this.error = res.ok ? '' : t(this.lang, 'discuss.error');
    if (!res.ok) return;
    this.announcement = t(this.lang, 'discuss.stopped');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#discuss-h')?.focus();
  }

  private async decide(item: ChartRow) {
    if (this.busy || !this.actions) return;
    if (!this.decision.trim()) {
      this.error = t(this.lang, 'discuss.error.decision');
      this.announcement = this.error;
      this.renderRoot.querySelector<HTMLElement>('#decision')?.focus();
      return;
    }
    this.busy = true;
    try {
      const res = await this.actions.decide({ roundId: this.roundId, targetId: item.targetId, decision: this.decision.trim(), problem: item.label, layer: this.layer });
      if (!res.ok) return void (this.error = this.announcement = t(this.lang, 'discuss.error'));
      this.error = '';
      this.decision = '';
      this.announcement = t(this.lang, res.value.created ? 'discuss.recorded' : 'discuss.updated', { item: item.label });
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('discuss-controls', DiscussControls);

declare global {
  interface HTMLElementTagNameMap {
    'discuss-controls': DiscussControls;
  }
}
