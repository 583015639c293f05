/**
 * Cluster labels on the board say what the session says: relabel one, or correct them all
 * once the saved session is in (the facilitator's session does as it opens: so this loads with
 * the session, and placing clusters, session-board-clusters.ts, does not).
 */
import { labelHeight } from '../core/layout/cluster-label.js';
import { textToHtml } from '../core/template/markup.js';
import { BoardLinkError, contentText } from './link-items.js';
import type { BoardWords } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import type { SdkItem } from './sdk.js';

/** The cluster's label on the board says `label` (the default word when empty). */
export async function relabel(items: SessionBoardItems, words: BoardWords, clusterId: string, label: string): Promise<void> {
  try {
    const labels = await items.ours((m) => m.k === 'cluster-label' && m.c === clusterId);
    const text = label.trim() || words.clusterLabel;
    for (const { item } of labels) await writeLabel(items, item, text);
  } catch (e) {
    throw BoardLinkError.from('relabel', e);
  }
}

/**
 * Makes every cluster label on the board say what the session says (`labels`: cluster id →
 * label, as saved; a label written just before a panel was lost may say more). Resolves to how many
 * labels were corrected. One read of our labels, one write per label that differs.
 */
export async function correctLabels(items: SessionBoardItems, words: BoardWords, labels: Readonly<Record<string, string>>): Promise<number> {
  const names = new Map(Object.entries(labels).map(([id, label]) => [id, label.trim() || words.clusterLabel]));
  let corrected = 0;
  try {
    for (const { item, marker } of await items.ours((m) => m.k === 'cluster-label')) {
      const text = marker.k === 'cluster-label' ? names.get(marker.c) : undefined;
      if (text === undefined || contentText((item as SdkItem & { content: string }).content) === text) continue;
      await writeLabel(items, item, text);
      corrected++;
    }
  } catch (e) {
    throw BoardLinkError.from('relabel', e);
  }
  return corrected;
}

async function writeLabel(items: SessionBoardItems, item: SdkItem, text: string): Promise<void> {
  const shape = item as SdkItem & { content: string; width: number; height: number };
  // A longer label grows upwards: its bottom edge stays above the notes.
  const height = labelHeight(text, shape.width);
  shape.y += (shape.height - height) / 2;
  shape.height = height;
  shape.content = textToHtml(text);
  await items.call(() => item.sync());
}
