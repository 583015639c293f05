/**
 * The session's board link: what grouping, voting and results do to the board. Tidy the
 * selected stickies into a cluster's labelled area; draw
 * a badge ("3 · #1") on every voted note or cluster while a tally is visible; write a
 * results frame beside the template. Every call goes through the board's SdkGate (bounded
 * concurrency, the shared credit budget, rate-limit retries); what creates several items is
 * all or nothing (the insertion engine, or link-items.ts's batches); every item we make
 * carries a marker under 'tryghed' (link-items.ts) so it can be found again.
 *
 * The work itself is in session-board-clusters.ts, -labels.ts, -badges.ts and -results.ts;
 * our items on the board are found through session-board-items.ts. This class runs them one at
 * a time. Each part loads when first asked for: placing clusters, drawing results and sharing a
 * plate note on a user's action; badges once the facilitator's panel has a round to draw;
 * labels on renaming, or when the facilitator's panel corrects those of a session with themes.
 */
import type { Lang } from '../core/lang.js';
import type { TallyResult } from '../core/session/index.js';
import type { SessionBoardItems } from './session-board-items.js';
import type {
  BadgeOutcome, BoardWords, ClusterNotes, PlaceOptions, PlacedCluster, PlanCellEdit, PlanInitiative, PlanSyncOutcome, PulseFrame, PulseOutcome,
  ResultsMeta, ResultsOutcome, SessionBoard,
} from './session-board-port.js';
import { PLAN_TEMPLATE_ID, planCellOf } from '../core/layout/plan-cells.js';
import { WrittenCells } from './written-cells.js';
import { contentText } from './content-text.js';
import type { SdkOtherItem } from './sdk.js';
import type { BoardPort } from './port.js';
import type { MiroSdk } from './sdk.js';
import { WebSdkBoard, type WebSdkBoardOptions } from './web-sdk-board.js';

export { contentText } from './content-text.js';
export type { BoardLinkError, BoardLinkErrorCode, BoardLinkOp } from './link-items.js';
export type * from './session-board-port.js';

const badges = () => import('./session-board-badges.js');
const labels = () => import('./session-board-labels.js');
const clusters = () => import('./session-board-clusters.js');
const results = () => import('./session-board-results.js');
const plate = () => import('./session-board-plate.js');
const pulse = () => import('./session-board-pulse.js');
const plan = () => import('./session-board-plan.js');
/** A plan's rows as cells and back: loaded once there is a plan to draw or a row is edited. */
const planCells = () => import('../core/session/plan-cells.js');

export interface WebSdkSessionBoardOptions extends WebSdkBoardOptions {
  /** The Board port to share (and its gate); by default one is made over `sdk`. */
  board?: WebSdkBoard;
  /** Language of default labels and of results frames. */
  lang?: Lang;
  /** The words it draws, by language (src/ui/i18n/board-words.ts, given at the entry). */
  words: (lang: Lang) => BoardWords;
}

export class WebSdkSessionBoard implements SessionBoard {
  readonly board: WebSdkBoard;
  lang: Lang;
  private readonly words: (lang: Lang) => BoardWords;
  /** What the plan's rows were last written with, so their own update events are not taken for edits. */
  private readonly written = new WrittenCells();
  /** Our items on the board (session-board-items.ts): loaded with the first part that draws or finds them. */
  private itemsLoading: Promise<SessionBoardItems> | null = null;
  private itemsLoaded: SessionBoardItems | null = null;

  constructor(
    private readonly sdk: MiroSdk,
    options: WebSdkSessionBoardOptions,
  ) {
    this.board = options.board ?? new WebSdkBoard(sdk, options);
    this.lang = options.lang ?? 'da';
    this.words = options.words;
  }

  private items(): Promise<SessionBoardItems> {
    this.itemsLoading ??= import('./session-board-items.js').then(
      (m) => (this.itemsLoaded = new m.SessionBoardItems(this.sdk, this.board)),
      (e: unknown) => {
        this.itemsLoading = null; // tried again on the next call
        throw e;
      },
    );
    return this.itemsLoading;
  }

  /** One operation at a time per instance: two quick tally changes must not both create the same badge. */
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(fn, fn);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  // ---- the Board port, shared ---------------------------------------------------------------
  viewport = () => this.board.viewport();
  findFreeSpace: BoardPort['findFreeSpace'] = (size, near) => this.board.findFreeSpace(size, near);
  occupied: BoardPort['occupied'] = (signal) => this.board.occupied(signal);
  insertLayout: BoardPort['insertLayout'] = (layout, options) => this.board.insertLayout(layout, options);
  zoomTo = (ids: readonly string[]) => this.board.zoomTo(ids);
  removeItems = (ids: readonly string[]) => this.board.removeItems(ids);
  getSelection = () => this.board.getSelection();
  getSelectedIds = () => this.board.getSelectedIds();
  findByMarker: BoardPort['findByMarker'] = (filter) => this.board.findByMarker(filter);
  findMarkedFrames: BoardPort['findMarkedFrames'] = (filter) => this.board.findMarkedFrames(filter);
  onSelectionChange: BoardPort['onSelectionChange'] = (cb) => this.board.onSelectionChange(cb);
  onItemsDeleted: BoardPort['onItemsDeleted'] = (cb) => this.board.onItemsDeleted(cb);
  onInserted: BoardPort['onInserted'] = (cb) => this.board.onInserted(cb);
  getNotes = (ids?: readonly string[]) => this.board.getNotes(ids);
  getTexts = (ids: readonly string[]) => this.board.getTexts(ids);
  startTimer = (ms: number) => this.board.startTimer(ms);

  refresh(): void {
    this.itemsLoaded?.refresh(); // not loaded yet: it scans on its first use anyway
  }

  placeCluster(clusterId: string, label?: string, options: PlaceOptions = {}): Promise<PlacedCluster> {
    return this.serial(async () => (await clusters()).placeCluster(await this.items(), this.words(this.lang), clusterId, label, options));
  }

  tidyCluster(clusterId: string, noteIds: readonly string[], label?: string, signal?: AbortSignal): Promise<PlacedCluster> {
    return this.serial(async () => (await clusters()).tidyCluster(await this.items(), this.words(this.lang), clusterId, noteIds, label, signal));
  }

  removeClusterItems(clusterIds: readonly string[]): Promise<number> {
    return this.serial(async () => (await clusters()).removeClusterItems(await this.items(), clusterIds));
  }

  correctLabels(names: Readonly<Record<string, string>>): Promise<number> {
    return this.serial(async () => (await labels()).correctLabels(await this.items(), this.words(this.lang), names));
  }

  relabelCluster(clusterId: string, label: string): Promise<void> {
    return this.serial(async () => (await labels()).relabel(await this.items(), this.words(this.lang), clusterId, label));
  }

  syncBadges(tally: TallyResult, clusters: readonly ClusterNotes[], signal?: AbortSignal): Promise<BadgeOutcome> {
    return this.serial(async () => (await badges()).syncBadges(await this.items(), tally, clusters, signal));
  }

  clearBadges(roundId?: string): Promise<number> {
    return this.serial(async () => (await badges()).clearBadges(await this.items(), roundId));
  }

  showResults(roundId: string, tally: TallyResult, meta: ResultsMeta): Promise<ResultsOutcome> {
    return this.serial(async () => (await results()).showResults(await this.items(), meta.lang ?? this.lang, this.words(meta.lang ?? this.lang), roundId, tally, meta));
  }

  shareNote(text: string, signal?: AbortSignal): Promise<string> {
    return this.serial(async () => (await plate()).shareNote(this.sdk, this.board, text, signal));
  }

  hideResults(roundId: string): Promise<number> {
    return this.serial(async () => (await results()).hideResults(await this.items(), roundId));
  }

  syncPlan(initiatives: readonly PlanInitiative[], signal?: AbortSignal): Promise<PlanSyncOutcome> {
    const w = this.words(this.lang);
    return this.serial(async () => {
      const { planCellTexts } = await planCells();
      const rows = initiatives.map((i) => ({ id: i.id, layer: i.layer, cells: planCellTexts(i, { yes: w.planYes, no: w.planNo }) }));
      return (await plan()).syncPlan(await this.items(), rows, this.written, signal);
    });
  }

  onPlanEdited(cb: (edit: PlanCellEdit) => void): () => void {
    // Either language may have drawn the board's yes and no.
    const words = { yes: [this.words('da').planYes, this.words('en').planYes], no: [this.words('da').planNo, this.words('en').planNo] };
    const handler = (event: { items?: SdkOtherItem[] }) => {
      for (const item of event.items ?? []) {
        const m = item.type === 'sticky_note' ? this.board.index.markerOf(item.id) : undefined;
        const cell = m?.t === PLAN_TEMPLATE_ID ? planCellOf(m.e) : null;
        if (!cell || !('content' in item) || typeof item.content !== 'string') continue;
        const text = contentText(item.content);
        // In the order the edits came (one module load, its continuations in turn).
        if (!this.written.isEcho(item.id, text)) void planCells().then(({ readPlanCell }) => cb({ ...cell, text, patch: readPlanCell(cell.cell, text, words) }));
      }
    };
    this.sdk.board.ui.on('experimental:items:update', handler);
    return () => this.sdk.board.ui.off('experimental:items:update', handler);
  }

  showPulse(pulseId: string, chart: PulseFrame): Promise<PulseOutcome> {
    return this.serial(async () => (await pulse()).showPulse(await this.items(), pulseId, chart));
  }
}
