/**
 * What the session panels read from the doc, as plain data, and the types the app shell
 * hands them. No elements here: the panels share these reads instead of each re-deriving them.
 */
import type * as Y from 'yjs';
import type { TargetSet } from '../../actions/round-targets.js';
import type { Person } from '../../actions/context.js';
import type { Lang } from '../../core/lang.js';
import { effectiveBallot, itemResolver, readBallots } from '../../core/session/ballots.js';
import { readCluster } from '../../core/session/read.js';
import { aliasesMap, clustersMap, deletedMap, membershipMap } from '../../core/session/schema.js';
import type { RoundScope } from '../../core/session/schema.js';
import type { RoundView } from '../../core/session/rounds.js';
import { effectiveTarget } from '../../core/session/targets.js';
import type { MyVotes } from '../../core/session/voting.js';
import { t } from '../i18n/session-strings.js';

/** The person using this panel: Miro's user id and display name. */
export type Me = Person;

/** Someone on the board (from Miro's online users), for hand-over and named participation. */
export type { Person };

/** note id → plain text of the sticky (the board knows it; the doc does not). */
export type TargetLabels = Readonly<Record<string, string>>;

/** One choice of what a round votes on: a template zone, a whole template, or the selection.
 *  The create-round action reads a set's targets (notes and clusters) from the board when the
 *  round is created. Options with the same `group` (a template's title) are listed together under it. */
export interface ScopeOption {
  scope: RoundScope;
  label: string;
  group?: string;
  targets: readonly string[] | TargetSet;
}

/** The types a target's name and its vote row read: a panel showing targets observes them all. */
export function targetTypes(doc: Y.Doc) {
  return [clustersMap(doc), aliasesMap(doc), membershipMap(doc), deletedMap(doc)];
}

/** A short, readable name for a target: its cluster label or the note's text. */
export function targetLabel(doc: Y.Doc, targetId: string, labels: TargetLabels, lang: Lang): string {
  const cluster = readCluster(doc, targetId);
  if (cluster) return cluster.label.trim() || t(lang, 'cluster.unnamed');
  const text = labels[targetId]?.trim();
  return text || t(lang, 'vote.unknownNote', { id: targetId.slice(-4) });
}

/** A row to vote on: a note, or the cluster its note is in now. */
export interface VoteRow {
  id: string;
  kind: 'note' | 'cluster';
  /** my counted votes that count for this row (cast on it or on a note now in it) */
  mine: number;
  /** ids as voted that count for this row, the row's own id first: what withdraw takes back */
  castOn: string[];
}

/** The round's targets as they count now: notes in a cluster are voted on as the cluster. */
export function voteRows(doc: Y.Doc, round: RoundView, my: MyVotes | null): VoteRow[] {
  const rows = new Map<string, VoteRow>();
  for (const t of round.targets) {
    const e = effectiveTarget(doc, t);
    if (e && !rows.has(e.id)) rows.set(e.id, { id: e.id, kind: e.kind, mine: 0, castOn: [] });
  }
  for (const [voted, n] of Object.entries(my?.perTarget ?? {})) {
    const e = effectiveTarget(doc, voted);
    const row = e && rows.get(e.id);
    if (!row || n <= 0) continue;
    row.mine += n;
    if (voted === row.id) row.castOn.unshift(voted);
    else row.castOn.push(voted);
  }
  return [...rows.values()];
}

export interface Participation {
  /** ballots with at least one counted vote; null when the ballots are on the server */
  respondents: number | null;
  /** named rounds: user ids that have voted. Never which way. */
  voters: ReadonlySet<string>;
}

/** Who has voted, from the ballots: a count, plus user ids in named rounds only. */
export function participation(doc: Y.Doc, round: RoundView): Participation {
  if (round.anonymity === 'sealed') return { respondents: null, voters: new Set() };
  const itemOf = itemResolver(doc);
  const voters = new Set<string>();
  let respondents = 0;
  for (const [key, slots] of readBallots(doc, round)) {
    if (effectiveBallot(slots, round.cap, itemOf).counted.size === 0) continue;
    respondents++;
    if (round.anonymity === 'named') voters.add(key);
  }
  return { respondents, voters };
}

export { formatDuration } from './duration.js';
