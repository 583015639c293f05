/**
 * The session's board link as the UI sees it (implemented by WebSdkSessionBoard in
 * session-board.ts): plain data in and out; failures are BoardLinkError (link-items.ts),
 * with a code and a text in Danish and English.
 */
import type { Rect } from '../core/geometry.js';
import type { Lang } from '../core/lang.js';
import type { TallyResult } from '../core/session/index.js';
import type { TemplateId } from '../core/template/types.js';
import type { ResultsWords } from '../core/layout/results-frame.js';
import type { PulseFrameInput } from '../core/layout/pulse-frame.js';
import type { BoardPort } from './port.js';
import type { PlanCell } from '../core/layout/plan-cells.js';
import type { InitiativePatch } from '../core/session/plan.js';
import type { PlanCellSource } from '../core/session/plan-cells.js';
import type { PlanLayer } from '../core/session/schema.js';
import type { PlanSyncOutcome } from './session-board-plan.js';

/**
 * The words the board draws (a results frame's, a cluster's label when it has none), in one
 * language. The board holds no text: the page's entry hands it these from src/ui/i18n.
 */
export interface BoardWords extends ResultsWords {
  /** The label of a cluster (or a note) that has no text of its own. */
  clusterLabel: string;
  /** What a plan row's preparedness cell says for yes and for no. */
  planYes: string;
  planNo: string;
}

/** An initiative as its row on the P-IGLO board shows it (an InitiativeView from listPlan fits). */
export interface PlanInitiative extends PlanCellSource {
  id: string;
  layer: PlanLayer;
}

/** A row's sticky edited on the board: which initiative and cell, what it says, and what that sets (null: reads as nothing). */
export interface PlanCellEdit {
  initiativeId: string;
  cell: PlanCell;
  text: string;
  patch: InitiativePatch | null;
}

export type { PlanSyncOutcome } from './session-board-plan.js';

/** A cluster and its notes, as listClusters(doc) gives them. */
export interface ClusterNotes {
  id: string;
  notes: readonly string[];
}

export interface PlaceOptions {
  /** These notes instead of the selection. */
  noteIds?: readonly string[];
  signal?: AbortSignal;
}

/** A cluster on the board: its notes and its label. */
export interface PlacedCluster {
  /** The cluster's stickies. */
  noteIds: string[];
  /** The label shape on the board. */
  labelId: string;
  /** What the notes and the label cover (absolute, top-left). */
  area: Rect;
  /** Whether the label (tidied: the whole area) lies inside the zone or frame the notes sit in. */
  insideBounds: boolean;
}

export interface BadgeOutcome {
  created: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** targetId → badge item id, for the round's badges now on the board. */
  badges: Record<string, string>;
}

export interface ResultsMeta {
  /** The round's question (getRound(doc, id).question). */
  question: string;
  /** How many could vote (the N of "n of N"): e.g. the session's participants. */
  eligible?: number;
  /** Default: now. */
  date?: Date | number;
  /** Default: the board's language. */
  lang?: Lang;
  /** Row labels by target id (cluster labels from the doc); notes without one show their text. */
  labels?: Record<string, string>;
  /** Put the frame beside this rect, or beside this template's frame; an earlier results frame of the round keeps its place. */
  beside?: Rect;
  besideTemplate?: TemplateId;
  maxRows?: number;
  /** Move the view to the frame (default true; a failed zoom is ignored). */
  zoom?: boolean;
  signal?: AbortSignal;
}

export interface ResultsOutcome {
  frameId: string;
  frame: Rect;
  shown: number;
  more: number;
  /** Earlier results frames of the round that were removed. */
  replaced: number;
}

/** A pulse's chart as the board draws it: the words and numbers written by the panel. */
export interface PulseFrame extends Omit<PulseFrameInput, 'beside' | 'at'> {
  beside?: Rect;
  besideTemplate?: TemplateId;
  zoom?: boolean;
  signal?: AbortSignal;
}

export interface PulseOutcome {
  frameId: string;
  frame: Rect;
  /** Earlier frames of the pulse that were removed. */
  replaced: number;
}

/** The board as the actions see it: the Board port (items, notes, markers) and the session's own items. */
export interface SessionBoard extends BoardPort {
  /**
   * Marks the selected stickies (or the notes `noteIds`, e.g. a suggested theme's) as cluster
   * `clusterId` with a label beside them; the notes stay where they are (not yet in the doc:
   * the grouping action writes it once the board is done). Refuses with `no-selection`, or
   * `private` for notes on the plate.
   */
  placeCluster(clusterId: string, label?: string, options?: PlaceOptions): Promise<PlacedCluster>;
  /**
   * Moves the cluster's notes into a tidy labelled area inside the zone or frame they sit in;
   * refuses with `no-room` (nothing moved) when they do not fit there.
   */
  tidyCluster(clusterId: string, noteIds: readonly string[], label?: string, signal?: AbortSignal): Promise<PlacedCluster>;
  /** Takes the clusters' labels and badges off the board (their notes stay put); resolves to how many. */
  removeClusterItems(clusterIds: readonly string[]): Promise<number>;
  /** The cluster's label on the board says `label`. */
  relabelCluster(clusterId: string, label: string): Promise<void>;
  /** Makes the cluster labels on the board say `labels` (cluster id → label, the session's); resolves to how many changed. */
  correctLabels(labels: Readonly<Record<string, string>>): Promise<number>;
  /** One badge per voted target of a visible tally, updated in place; none when not visible. */
  syncBadges(tally: TallyResult, clusters: readonly ClusterNotes[], signal?: AbortSignal): Promise<BadgeOutcome>;
  /** Removes the badges of a round (of every round without one); resolves to how many. */
  clearBadges(roundId?: string): Promise<number>;
  /** Writes the round's results frame, replacing an earlier one of the same round. */
  showResults(roundId: string, tally: TallyResult, meta: ResultsMeta): Promise<ResultsOutcome>;
  /** Removes the round's results frames; resolves to how many. */
  hideResults(roundId: string): Promise<number>;
  /**
   * Puts a copy of a plate answer (plain text) on the board as an ordinary sticky note: in the
   * shared zone of the plate if one is on the board (so it is never voted on), else near the
   * view. Resolves to the note's id.
   */
  shareNote(text: string, signal?: AbortSignal): Promise<string>;
  /** Writes a pulse's chart frame, replacing an earlier one of the same pulse (hideResults(pulseId) removes it). */
  showPulse(pulseId: string, chart: PulseFrame): Promise<PulseOutcome>;
  /**
   * Shows the plan's accepted initiatives as rows in the (first) P-IGLO frame, each in its
   * layer and in the order given, updating rows in place; a layer that needs more room grows
   * and moves what is below it. Resolves with frameId null when no P-IGLO frame is on the board.
   */
  syncPlan(initiatives: readonly PlanInitiative[], signal?: AbortSignal): Promise<PlanSyncOutcome>;
  /** Called when someone edits a plan row's sticky on the board (not for the link's own writes); returns unsubscribe. */
  onPlanEdited(cb: (edit: PlanCellEdit) => void): () => void;
  /** Forgets what it knows of the board and scans again on the next call. */
  refresh(): void;
}
