/**
 * A cluster label's height for its text: what relabelling needs, apart from the cluster
 * area's placement (cluster-area.ts), which loads only when someone groups notes.
 */
import { estimateTextHeight, SHAPE_TEXT_PADDING } from './text-metrics.js';

export const CLUSTER_LABEL_FONT_SIZE = 24;

export function labelHeight(label: string, width: number, fontSize = CLUSTER_LABEL_FONT_SIZE): number {
  return Math.ceil(estimateTextHeight(label, fontSize, width - 2 * SHAPE_TEXT_PADDING) + 2 * SHAPE_TEXT_PADDING);
}
