/**
 * "Now discussing: <item>", above every section in every panel, while the facilitator walks
 * a revealed round's items (the Discuss step). What is discussed is in the run sheet (the
 * control doc on the server), so it shows the same in both sync modes. The live region is
 * always there, so a screen reader hears each new item without the focus moving.
 */
import { css, html, nothing } from 'lit';
import { readCluster, readDiscussing } from '../../core/session/read.js';
import { clustersMap, workshopType } from '../../core/session/schema.js';
import { YController } from '../controllers/y-controller.js';
import { t } from '../i18n/t.js';
import { props, PROP } from '../lit-kit.js';
import { SessionPanelBase } from './session-panel-base.js';
import type { TargetLabels } from './session-view.js';

/** An item's name as the panels show it: its theme's label, the note's text, or a stand-in. */
export function itemName(doc: SessionPanelBase['doc'], id: string, labels: TargetLabels, unknown: string): string {
  const cluster = doc ? readCluster(doc, id) : null;
  return (cluster ? cluster.label.trim() : labels[id]?.trim()) || unknown;
}

export class DiscussNotice extends SessionPanelBase {
  static override properties = props({ labels: PROP });

  labels: TargetLabels = {};

  private y = new YController(this, () => (this.doc ? [workshopType(this.doc), clustersMap(this.doc)] : undefined));

  static override styles = [
    SessionPanelBase.styles,
    css`
      p {
        margin: var(--ty-s1) 0 0;
        padding: var(--ty-s1) var(--ty-s2);
        border-left: 4px solid var(--ty-accent);
        background: var(--ty-soft);
        border-radius: var(--ty-radius);
        overflow-wrap: anywhere;
      }
    `,
  ];

  override render() {
    const d = this.doc ? readDiscussing(this.doc) : null;
    return html`<div role="status" aria-live="polite">
      ${d
        ? html`<p data-discussing=${d.targetId}>${t(this.lang, 'discuss.now')} <strong>${itemName(this.doc, d.targetId, this.labels, t(this.lang, 'discuss.unknown'))}</strong></p>`
        : nothing}
    </div>`;
  }
}

customElements.define('discuss-notice', DiscussNotice);

declare global {
  interface HTMLElementTagNameMap {
    'discuss-notice': DiscussNotice;
  }
}
