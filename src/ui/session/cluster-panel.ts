/**
 * Clusters: group the selected stickies, then name, recolour, merge, dissolve, or take notes
 * out. Anyone may cluster. Every change is an action (src/actions: the board tidies the notes
 * and keeps the labels; the doc holds the cluster); the panel says how it went.
 */
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { STICKY_COLOURS, type StickyColour } from '../../core/miro-rules.js';
import type { ActionResult } from '../../core/session/commands.js';
import { listClusters, type ClusterError, type ClusterView } from '../../core/session/clusters.js';
import { readCluster } from '../../core/session/read.js';
import { aliasesMap, clustersMap, LIMITS, membershipMap } from '../../core/session/schema.js';
import { YController } from '../controllers/y-controller.js';
import type { Actions } from '../../actions/actions.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { failureText } from './failure-text.js';
import { SessionPanelBase } from './session-panel-base.js';
import { targetLabel, type TargetLabels } from './session-view.js';
import { props, PROP, STATE } from '../lit-kit.js';

const ERRORS: Record<ClusterError, MessageKey> = {
  'no-notes': 'cluster.error.no-notes',
  'no-cluster': 'cluster.error.no-cluster',
  'bad-colour': 'cluster.error.bad-colour',
  'too-long': 'cluster.error.too-long',
};

export class ClusterPanel extends SessionPanelBase {
  static override properties = props({
    labels: PROP,
    selection: PROP,
    busy: STATE,
    newLabel: STATE,
    newColour: STATE,
    error: STATE,
    announcement: STATE,
  });

  labels: TargetLabels = {};
  /** ids of the sticky notes selected on the board now (the shell follows the selection) */
  selection: readonly string[] = [];
  busy = false;
  newLabel = '';
  newColour: StickyColour = 'yellow';
  error = '';
  announcement = '';

  private y = new YController(this, () => this.doc && [clustersMap(this.doc), aliasesMap(this.doc), membershipMap(this.doc)]);

  static override styles = [
    SessionPanelBase.styles,
    css`
      form,
      .edit {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--ty-s1);
        align-items: end;
      }
      ul.notes {
        margin: 4px 0;
        padding-left: var(--ty-s2);
      }
      ul.notes li {
        display: flex;
        justify-content: space-between;
        gap: var(--ty-s1);
        align-items: center;
      }
      .link {
        border: 0;
        background: none;
        color: var(--ty-focus);
        text-decoration: underline;
        padding: 4px;
        font-size: 13px;
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    const clusters = this.doc ? listClusters(this.doc) : [];
    const n = this.selection.length;
    return html`<section aria-labelledby="cluster-h">
      <h2 id="cluster-h">${t(lang, 'cluster.title')}</h2>
      <form @submit=${this.group} aria-label=${t(lang, 'cluster.groupForm')}>
        <div class="field">
          <label for="new-label">${t(lang, 'cluster.label')}</label>
          <input id="new-label" type="text" maxlength=${LIMITS.label} .value=${this.newLabel} placeholder=${t(lang, 'cluster.labelPlaceholder')}
            @input=${(e: Event) => (this.newLabel = (e.target as HTMLInputElement).value)} />
        </div>
        ${this.colourSelect('new-colour', this.newColour, (c) => (this.newColour = c))}
        <p class="hint" id="sel-hint" data-selection=${n}>${n === 0 ? t(lang, 'cluster.selectFirst') : t(lang, 'cluster.selected', { n })}</p>
        <button class="primary" type="submit" data-action="group" aria-describedby="sel-hint" aria-disabled=${n === 0 || this.busy ? 'true' : 'false'}>
          ${t(lang, 'cluster.group')}
        </button>
      </form>
      <p class="error" data-error>${this.error}</p>
      ${clusters.length === 0
        ? html`<p class="empty">${t(lang, 'cluster.none')}</p>`
        : html`<ul class="clusters theme-cards" aria-label=${t(lang, 'cluster.list')}>${repeat(clusters, (c) => c.id, (c) => this.renderCluster(c, clusters))}</ul>`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </section>`;
  }

  private colourSelect(id: string, value: StickyColour, pick: (c: StickyColour) => void, label = t(this.lang, 'cluster.colour')) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => pick((e.target as HTMLSelectElement).value as StickyColour)}>
        ${STICKY_COLOURS.map((c) => html`<option value=${c} ?selected=${c === value}>${t(this.lang, `cluster.colour.${c}`)}</option>`)}
      </select>
    </div>`;
  }

  private renderCluster(c: ClusterView, all: ClusterView[]) {
    const lang = this.lang;
    const name = targetLabel(this.doc!, c.id, this.labels, lang);
    const others = all.filter((o) => o.id !== c.id);
    return html`<li data-cluster=${c.id}>
      <h3>${name} <span class="tag">${t(lang, 'cluster.count', { n: c.notes.length })}</span></h3>
      <div class="edit">
        <div class="field">
          <label for="name-${c.id}">${t(lang, 'cluster.rename')}</label>
          <textarea id="name-${c.id}" rows="1" maxlength=${LIMITS.label} .value=${c.label} data-name
            @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), this.rename(c.id, (e.target as HTMLTextAreaElement).value))}
            @change=${(e: Event) => this.rename(c.id, (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        ${this.colourSelect(`colour-${c.id}`, c.colour, (colour) => void this.run((a) => a.recolour(c.id, colour), 'cluster.recoloured'), t(lang, 'cluster.colour'))}
      </div>
      <ul class="notes" aria-label=${t(lang, 'cluster.notesOf', { name })}>
        ${c.notes.map((n) => {
          const note = targetLabel(this.doc!, n, this.labels, lang);
          return html`<li><span>${note}</span>
            <button class="link" type="button" data-action="take-out" data-note=${n} aria-label=${t(lang, 'cluster.takeOutLabel', { note, name })}
              @click=${() => void this.run((a) => a.takeOut([n]), 'cluster.takenOut')}>${t(lang, 'cluster.takeOut')}</button></li>`;
        })}
      </ul>
      <div class="actions">
        ${others.length > 0
          ? html`<label class="visually-hidden" for="merge-${c.id}">${t(lang, 'cluster.mergeInto', { name })}</label>
              <select id="merge-${c.id}" data-merge=${c.id} @change=${(e: Event) => this.merge(c.id, (e.target as HTMLSelectElement))}>
                <option value="">${t(lang, 'cluster.mergeChoose')}</option>
                ${others.map((o) => html`<option value=${o.id}>${targetLabel(this.doc!, o.id, this.labels, lang)}</option>`)}
              </select>`
          : nothing}
        <button class="secondary" type="button" data-action="tidy" aria-label=${t(lang, 'cluster.tidyLabel', { name })}
          @click=${() => void this.run((a) => a.tidyCluster(c.id), 'cluster.tidied')}>${t(lang, 'cluster.tidy')}</button>
        <button class="secondary" type="button" data-action="dissolve" aria-label=${t(lang, 'cluster.dissolveLabel', { name })}
          @click=${() => this.dissolve(c.id)}>${t(lang, 'cluster.dissolve')}</button>
      </div>
    </li>`;
  }

  /** An action: busy meanwhile; done is announced, a refusal shown and announced. */
  private async run(act: (a: Actions) => Promise<ActionResult<unknown>>, done: MessageKey): Promise<boolean> {
    const actions = this.actions;
    if (!actions) return false;
    this.busy = true;
    try {
      const r = await act(actions);
      const text = r.ok ? t(this.lang, done) : failureText(this.lang, { ...r.error, params: { max: LIMITS.label, ...r.error.params } }, ERRORS, 'cluster.error.board');
      this.error = r.ok ? '' : text;
      this.announcement = text;
      return r.ok;
    } finally {
      this.busy = false;
    }
  }

  private merge(from: string, select: HTMLSelectElement) {
    const into = select.value;
    if (!into) return;
    select.value = '';
    void this.run((a) => a.merge([from], into), 'cluster.merged');
    // The merged cluster's row is gone: keep focus on the one it went into.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#name-${CSS.escape(into)}`)?.focus());
  }

  private rename(clusterId: string, label: string) {
    // Enter saved it already; leaving the field then changes nothing.
    if (this.doc && readCluster(this.doc, clusterId)?.label === label.trim()) return;
    void this.run((a) => a.relabel(clusterId, label), 'cluster.renamed');
  }

  private dissolve(clusterId: string) {
    void this.run((a) => a.ungroup(clusterId), 'cluster.dissolved');
  }

  private group = async (e: Event) => {
    e.preventDefault();
    if (this.busy) return;
    // The board reads its own selection; it says so if there is none.
    if (await this.run((a) => a.group({ label: this.newLabel.trim(), colour: this.newColour }), 'cluster.grouped')) this.newLabel = '';
  };
}

customElements.define('cluster-panel', ClusterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'cluster-panel': ClusterPanel;
  }
}
