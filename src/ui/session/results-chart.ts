/**
 * The ranked result as a horizontal bar chart. The SVG is one image (role=img) whose label
 * sums it up; the same numbers sit in a visually hidden table for screen readers. Tied rows
 * share a rank and say so, in the picture and in the table.
 */
import { LitElement, css, html, svg } from 'lit';
import type { Lang } from '../../core/lang.js';
import { t } from '../i18n/session-strings.js';
import { tokens } from '../shared-styles.js';
import { props, PROP } from '../lit-kit.js';
import { bar, chartStyles } from './chart-bars.js';

export interface ChartRow {
  targetId: string;
  label: string;
  kind: 'note' | 'cluster';
  votes: number;
  rank: number;
  tied: boolean;
}

const W = 320;
const ROW = 46;
const MAX_LABEL = 44;
/** Where labels and bars start, right of the ranks. */
const LABEL_X = 56;

export class ResultsChart extends LitElement {
  static override properties = props({ rows: PROP, lang: String, caption: String });

  rows: readonly ChartRow[] = [];
  override lang: Lang = 'da';
  caption = '';
  /** Characters of a label that fit its row, by target (measured after drawing: fonts differ). */
  private fit = new Map<string, number>();

  static override styles = [
    tokens,
    ...chartStyles,
    css`
      svg {
        max-width: 420px;
      }
      .label {
        font-size: 13px;
        fill: var(--ty-text);
      }
      .rank {
        font-size: 13px;
        font-weight: 600;
        fill: var(--ty-muted);
      }
      .votes {
        font-size: 13px;
        font-weight: 600;
        fill: var(--ty-text);
      }
      .bar {
        fill: var(--ty-accent);
      }
      .bar.tied {
        fill: #2f7f9f;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('rows') || changed.has('lang')) this.fit.clear();
  }

  override updated(): void {
    this.refit();
  }

  /** Drawn in a hidden tab, nothing has a width yet: measured again once the chart is shown. */
  private shown = new ResizeObserver(() => this.refit());

  override connectedCallback(): void {
    super.connectedCallback();
    this.shown.observe(this);
  }

  override disconnectedCallback(): void {
    this.shown.disconnect();
    super.disconnectedCallback();
  }

  private refit(): void {
    if (fitLabels(this, this.fit, W - LABEL_X)) this.requestUpdate();
  }

  rankText(r: Pick<ChartRow, 'rank' | 'tied'>): string {
    return t(this.lang, r.tied ? 'results.rankTied' : 'results.rank', { rank: r.rank });
  }

  /** What the image says: every row, rank and votes, in order. */
  summary(): string {
    const lang = this.lang;
    if (this.rows.length === 0) return t(lang, 'results.chartEmpty');
    const parts = this.rows.map((r) => t(lang, 'results.summaryRow', { rank: this.rankText(r), label: r.label, n: r.votes }));
    return `${t(lang, 'results.chartLabel', { n: this.rows.length })} ${parts.join('; ')}.`;
  }

  override render() {
    const lang = this.lang;
    const max = Math.max(1, ...this.rows.map((r) => r.votes));
    const height = Math.max(ROW, this.rows.length * ROW);
    const barX = LABEL_X;
    const barW = W - barX - 34;
    return html`<svg viewBox="0 0 ${W} ${height}" role="img" aria-label=${this.summary()} data-chart>
        ${this.rows.map((r, i) => {
          const y = i * ROW;
          const keep = Math.min(MAX_LABEL, this.fit.get(r.targetId) ?? MAX_LABEL);
          const label = r.label.length > keep ? `${r.label.slice(0, keep - 1)}…` : r.label;
          return svg`<g data-row=${r.targetId} data-rank=${r.rank} data-tied=${r.tied ? 'true' : 'false'}>
            <text class="rank" x="0" y=${y + 34}>${this.rankText(r)}</text>
            <text class="label" x=${barX} y=${y + 16} data-label=${r.targetId}>${label}</text>
            ${bar({ x: barX, y: y + 22, width: barW, height: 16, share: r.votes / max, cls: r.tied ? 'bar tied' : 'bar', minWidth: r.votes > 0 ? 3 : 0, value: String(r.votes), valueClass: 'votes', gap: 6, baseline: 13 })}
          </g>`;
        })}
      </svg>
      <table class="visually-hidden" data-table>
        <caption>${this.caption || t(lang, 'results.tableCaption')}</caption>
        <thead>
          <tr><th scope="col">${t(lang, 'results.colRank')}</th><th scope="col">${t(lang, 'results.colItem')}</th><th scope="col">${t(lang, 'results.colVotes')}</th></tr>
        </thead>
        <tbody>
          ${this.rows.map((r) => html`<tr data-row=${r.targetId}><td>${this.rankText(r)}</td><th scope="row">${r.label}</th><td>${r.votes}</td></tr>`)}
        </tbody>
      </table>`;
  }
}

/** A label longer than the room right of the ranks is cut (with "…") to what its drawn width allows. */
function fitLabels(chart: ResultsChart, fit: Map<string, number>, room: number): boolean {
  let changed = false;
  for (const el of chart.renderRoot.querySelectorAll<SVGTextElement>('text[data-label]')) {
    const id = el.dataset.label!;
    const drawn = el.getComputedTextLength();
    const chars = el.textContent!.length;
    if (drawn <= room || chars <= 2) continue;
    fit.set(id, Math.max(2, Math.floor((chars * room) / drawn) - 1));
    changed = true;
  }
  return changed;
}

customElements.define('results-chart', ResultsChart);

declare global {
  interface HTMLElementTagNameMap {
    'results-chart': ResultsChart;
  }
}
