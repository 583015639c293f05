/**
 * What the session's bar charts (pulse-chart.ts, results-chart.ts) draw alike: a bar over its
 * grey track with its value right of it, and the styles of an SVG chart that scales to its box.
 */
import { css, svg } from 'lit';
import { svgBox } from '../shared-styles.js';

export interface Bar {
  x: number;
  y: number;
  /** the track's width: the bar's at a share of 1 */
  width: number;
  height: number;
  /** 0 to 1 */
  share: number;
  /** the filled bar's class, and its narrowest width (a small value stays visible) */
  cls: string;
  minWidth: number;
  value: string;
  valueClass: string;
  /** the value's distance right of the track, and its baseline below the bar's top */
  gap: number;
  baseline: number;
}

export const bar = (b: Bar) => svg`
  <rect class="track" x=${b.x} y=${b.y} width=${b.width} height=${b.height} rx="3"></rect>
  <rect class=${b.cls} x=${b.x} y=${b.y} width=${Math.max(b.minWidth, b.share * b.width)} height=${b.height} rx="3"></rect>
  <text class=${b.valueClass} x=${b.x + b.width + b.gap} y=${b.y + b.baseline}>${b.value}</text>`;

export const chartStyles = [
  svgBox,
  css`
    .track {
      fill: var(--ty-soft);
    }
  `,
];
