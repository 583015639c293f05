/**
 * A pulse's result as bars on the 1–7 scale: one row per statement and one for the whole
 * scale; with an earlier pulse, its bar (grey) above this one's, so the change reads side by
 * side. The SVG is one image whose label says every number; the same numbers, with the
 * distribution of scores, sit in a visually hidden table for screen readers.
 */
import { LitElement, css, html, svg } from 'lit';
import type { Lang } from '../../core/lang.js';
import { LOCALES } from '../i18n/format.js';
import { t } from '../i18n/session-strings.js';
import { tokens } from '../shared-styles.js';
import { bar, chartStyles } from './chart-bars.js';

export interface PulseChartRow {
  /** 1-based statement number, or 0 for the whole scale */
  item: number;
  label: string;
  mean: number;
  distribution: readonly number[];
  before?: number;
}

const W = 340;
const MAX_LABEL = 48;

/** A mean as the panel writes it: one decimal, in the language's digits. */
export const formatMean = (lang: Lang, n: number) => n.toLocaleString(LOCALES[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export class PulseChart extends LitElement {
  static override properties = {
    rows: { attribute: false },
    lang: { type: String },
    caption: { type: String },
  };

  declare rows: readonly PulseChartRow[];
  declare lang: Lang;
  declare caption: string;

  constructor() {
    super();
    this.rows = [];
    this.lang = 'da';
    this.caption = '';
  }

  static override styles = [
    tokens,
    ...chartStyles,
    css`
      svg {
        max-width: 440px;
      }
      .label {
        font-size: 12px;
        fill: var(--ty-text);
      }
      .value {
        font-size: 12px;
        font-weight: 600;
        fill: var(--ty-text);
      }
      .after {
        fill: var(--ty-accent);
      }
      .before {
        fill: #6b7785;
      }
      .overall .label {
        font-weight: 700;
      }
    `,
  ];

  summary(): string {
    const lang = this.lang;
    const parts = this.rows.map((r) =>
      r.before === undefined
        ? t(lang, 'pulse.chartRow', { label: r.label, mean: formatMean(lang, r.mean) })
        : t(lang, 'pulse.chartRowChange', { label: r.label, mean: formatMean(lang, r.mean), before: formatMean(lang, r.before) }));
    return `${t(lang, 'pulse.chartLabel')} ${parts.join('; ')}.`;
  }

  override render() {
    const lang = this.lang;
    const change = this.rows.some((r) => r.before !== undefined);
    const rowH = change ? 58 : 44;
    const barX = 0;
    const barW = W - 40;
    const meanBar = (cls: string, y: number, mean: number) =>
      bar({ x: barX, y, width: barW, height: 12, share: mean / 7, cls, minWidth: 3, value: formatMean(lang, mean), valueClass: 'value', gap: 4, baseline: 11 });
    return html`<svg viewBox="0 0 ${W} ${Math.max(rowH, this.rows.length * rowH)}" role="img" aria-label=${this.summary()} data-pulse-chart>
        ${this.rows.map((r, i) => {
          const y = i * rowH;
          const label = r.label.length > MAX_LABEL ? `${r.label.slice(0, MAX_LABEL - 1)}…` : r.label;
          return svg`<g class=${r.item === 0 ? 'overall' : ''} data-item=${r.item} data-mean=${r.mean.toFixed(2)}>
            <text class="label" x="0" y=${y + 13}>${r.item === 0 ? label : `${r.item}. ${label}`}</text>
            ${r.before === undefined ? meanBar('after', y + 20, r.mean) : svg`${meanBar('before', y + 20, r.before)}${meanBar('after', y + 36, r.mean)}`}
          </g>`;
        })}
      </svg>
      <table class="visually-hidden" data-table>
        <caption>${this.caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t(lang, 'pulse.colItem')}</th>
            ${change ? html`<th scope="col">${t(lang, 'pulse.colBefore')}</th>` : null}
            <th scope="col">${t(lang, 'pulse.colMean')}</th>
            ${change ? html`<th scope="col">${t(lang, 'pulse.colChange')}</th>` : null}
            <th scope="col">${t(lang, 'pulse.colDistribution')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map((r) => html`<tr data-item=${r.item}>
            <th scope="row">${r.label}</th>
            ${change ? html`<td>${r.before === undefined ? '' : formatMean(lang, r.before)}</td>` : null}
            <td>${formatMean(lang, r.mean)}</td>
            ${change ? html`<td>${r.before === undefined ? '' : formatMean(lang, r.mean - r.before)}</td>` : null}
            <td>${r.distribution.join(' · ')}</td>
          </tr>`)}
        </tbody>
      </table>`;
  }
}

customElements.define('pulse-chart', PulseChart);

declare global {
  interface HTMLElementTagNameMap {
    'pulse-chart': PulseChart;
  }
}
