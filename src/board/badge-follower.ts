/**
 * Keeps a round's badges in step with the doc: after every change to the session doc (a vote,
 * a regroup, a reveal) it waits `debounceMs` for the changes to settle, then syncs the badges
 * once. Only one device should follow a round (the facilitator's): each sync costs a few
 * board calls, and two devices would draw each other's badges twice.
 */
import type * as Y from 'yjs';
import { listClusters, tally } from '../core/session/index.js';
import type { BadgeOutcome, SessionBoard } from './session-board-port.js';

export interface FollowOptions {
  /** Quiet time before a sync (default 800 ms). */
  debounceMs?: number;
  /** Each sync's outcome, or its error (a failed sync is retried on the next change). */
  onSync?: (outcome: BadgeOutcome | null, error: unknown) => void;
}

/** Syncs now and after every settled change; returns stop (which does not remove the badges). */
export function followBadges(link: SessionBoard, doc: Y.Doc, roundId: string, options: FollowOptions = {}): () => void {
  const wait = options.debounceMs ?? 800;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const sync = () => {
    timer = null;
    if (stopped) return;
    link.syncBadges(tally(doc, roundId), listClusters(doc)).then(
      (o) => options.onSync?.(o, null),
      (e) => options.onSync?.(null, e),
    );
  };
  const onUpdate = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(sync, wait);
  };
  doc.on('update', onUpdate);
  sync();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    doc.off('update', onUpdate);
  };
}
