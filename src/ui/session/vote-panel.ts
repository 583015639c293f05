/**
 * Voting: what is open now, my remaining votes, and one row per target with − and + buttons,
 * grouped by template and zone (vote-groups.ts), each with "Show" (this user's view moves to
 * it on the board), and "Vote for the selection" (the notes, or the deck’s areas, selected on the board).
 * Buttons stay in place and focusable while a vote is cast (aria-disabled, never disabled),
 * so focus stays put; every outcome is announced in a live region, refusals in words.
 */
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { listRounds, type RoundView } from '../../core/session/rounds.js';
import { ballotsMap, roundsMap } from '../../core/session/schema.js';
import type { MyVotes, VoteError, VoteService } from '../../core/session/voting.js';
import { ClockController } from '../controllers/clock-controller.js';
import { VoteServiceController } from '../controllers/vote-service-controller.js';
import { YController } from '../controllers/y-controller.js';
import { t } from '../i18n/session-strings.js';
import { SessionPanelBase } from './session-panel-base.js';
import { formatDuration, targetLabel, targetTypes, voteRows, type TargetLabels, type VoteRow } from './session-view.js';
import { voteErrorText } from './vote-errors.js';
import { groupRows, type Places } from './vote-groups.js';
import { props, PROP, STATE } from '../lit-kit.js';

export class VotePanel extends SessionPanelBase {
  static override properties = props({
    voteService: PROP,
    labels: PROP,
    selection: PROP,
    now: PROP,
    places: STATE,
    mine: STATE,
    announcement: STATE,
    error: STATE,
  });

  voteService: VoteService | undefined = undefined;
  /** note id → plain text of the sticky */
  labels: TargetLabels = {};
  /** ids of the items selected on the board now: notes, and the deck’s areas */
  selection: readonly string[] = [];
  /** where each target sits (template, zone); null until read */
  places: Places | null = null;
  /** the clock (tests pass a fake one) */
  now: () => number = Date.now;
  mine: ReadonlyMap<string, MyVotes | null> = new Map();
  announcement = '';
  error: { roundId: string; text: string } | null = null;

  private y = new YController(this, () => this.doc && [roundsMap(this.doc), ballotsMap(this.doc), ...targetTypes(this.doc)]);
  private clock = new ClockController(this, () => this.openRounds().find((r) => r.endsAt !== null)?.endsAt ?? null, () => this.now());
  private refreshSeq = 0;
  private placesKey = '';

  constructor() {
    super();
    new VoteServiceController(this, () => this.voteService, () => void this.refresh());
  }

  static override styles = [
    SessionPanelBase.styles,
    css`
      .remaining {
        font-size: 15px;
        font-weight: 600;
        margin: var(--ty-s1) 0;
      }
      ul.targets {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ty-s1);
      }
      .groups h4 {
        margin: var(--ty-s2) 0 var(--ty-s1);
        font-size: 14px;
      }
      .what {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .what .show {
        display: block;
        margin-top: 4px;
        min-height: 32px;
        padding: 0 10px;
        font-size: 13px;
      }
      .selection-vote {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ty-s1);
        margin: var(--ty-s1) 0;
      }
      ul.targets li {
        display: grid;
        grid-template-columns: 1fr auto auto auto;
        align-items: center;
        gap: var(--ty-s1);
        padding: var(--ty-s1);
        border: 1px solid var(--ty-line);
        border-radius: var(--ty-radius);
      }
      ul.targets li.voted {
        border-color: var(--ty-accent);
        background: var(--ty-accent-soft);
      }
      .count {
        min-width: 3ch;
        text-align: center;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .step {
        width: 40px;
        height: 40px;
        padding: 0;
        font-size: 20px;
        line-height: 1;
      }
    `,
  ];

  private openRounds(): RoundView[] {
    return this.doc ? listRounds(this.doc, this.now()).filter((r) => r.status === 'open') : [];
  }

  /** Fetch my ballot for each open round; a stale answer (an older refresh) is dropped. */
  private async refresh(): Promise<void> {
    const service = this.voteService;
    if (!service) return;
    const seq = ++this.refreshSeq;
    const ids = this.openRounds().map((r) => r.id);
    const entries = await Promise.all(ids.map(async (id) => [id, await service.myVotes(id)] as const));
    if (seq === this.refreshSeq) this.mine = new Map(entries);
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('doc')) void this.refresh();
    this.locate(changed.has('labels'));
  }

  /** Where the open rounds' targets sit, read again when the targets change or the board's notes do. */
  private locate(boardChanged: boolean): void {
    const actions = this.actions;
    if (!actions || !this.doc) return;
    const ids = [...new Set(this.openRounds().flatMap((r) => voteRows(this.doc!, r, null).filter((row) => row.kind === 'note').map((row) => row.id)))];
    const key = ids.join();
    if (key === this.placesKey && !boardChanged) return;
    this.placesKey = key;
    void actions.locateTargets(ids).then((r) => {
      if (key === this.placesKey) this.places = r.ok ? r.value : {};
    });
  }

  override render() {
    const lang = this.lang;
    const open = this.openRounds();
    // A round whose time ran out a moment ago: say so rather than just vanish.
    const now = this.clock.now();
    const timedOut = this.doc ? listRounds(this.doc, now).filter((r) => r.status === 'closed' && r.closedAt == null && r.endsAt !== null && now - r.endsAt < 15 * 60_000) : [];
    return html`<section aria-labelledby="vote-h">
      <h2 id="vote-h">${t(lang, 'vote.title')}</h2>
      ${timedOut.map((r) => html`<p class="meta" data-timed-out=${r.id}>${t(lang, 'vote.timedOut', { question: r.question })}</p>`)}
      ${open.length === 0 ? html`<p class="empty">${t(lang, 'vote.noneOpen')}</p>` : open.map((r) => this.renderRound(r))}
      <p class="visually-hidden" role="status" aria-live="polite" data-announce>${this.announcement}</p>
    </section>`;
  }

  private renderRound(round: RoundView) {
    const lang = this.lang;
    const mine = this.mine.get(round.id) ?? null;
    const rows = voteRows(this.doc!, round, mine);
    const remaining = mine?.remaining ?? round.budget;
    const left = round.endsAt !== null ? Math.max(0, round.endsAt - this.clock.now()) : null;
    const err = this.error?.roundId === round.id ? this.error.text : '';
    return html`<article class="round" data-round=${round.id} aria-labelledby="q-${round.id}">
      <h3 id="q-${round.id}" class="question">${round.question}</h3>
      <p class="meta">
        ${t(lang, `vote.${round.anonymity}Note`)}
        ${t(lang, 'vote.capNote', { cap: round.cap })}
      </p>
      ${left !== null ? html`<p class="meta" data-time-left>${t(lang, 'vote.timeLeft', { time: formatDuration(left) })}</p>` : nothing}
      <p class="remaining" data-remaining>${t(lang, 'vote.remaining', { n: remaining, budget: round.budget })}</p>
      <p class="error" data-error>${err}</p>
      ${this.renderSelectionVote(round)}
      <div class="groups" aria-label=${t(lang, 'vote.groups')} role="group">
        ${repeat(groupRows(rows, this.places, lang), (g) => g.key, (g) => {
          const hid = `g-${round.id}-${g.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
          return html`${g.title ? html`<h4 id=${hid}>${g.title}</h4>` : nothing}
            <ul class="targets" data-group=${g.key} aria-labelledby=${g.title ? hid : nothing} aria-label=${g.title ? nothing : t(lang, 'vote.targets')}>
              ${repeat(g.rows, (r) => r.id, (r) => this.renderRow(round, r, remaining))}
            </ul>`;
        })}
      </div>
    </article>`;
  }

  private renderRow(round: RoundView, row: VoteRow, remaining: number) {
    const lang = this.lang;
    const label = targetLabel(this.doc!, row.id, this.labels, lang);
    const canAdd = remaining > 0 && row.mine < round.cap;
    const countId = `n-${round.id}-${row.id}`;
    // − and + differ only in what they do and when they are refused.
    const step = (action: 'cast' | 'withdraw', refused: boolean, text: string) => html`<button
      class=${action === 'cast' ? 'primary step' : 'secondary step'}
      type="button"
      data-action=${action}
      aria-label=${t(lang, action === 'cast' ? 'vote.castLabel' : 'vote.withdrawLabel', { label })}
      aria-describedby=${countId}
      aria-disabled=${refused ? 'true' : 'false'}
      @click=${() => this.vote(round, row, action, label)}
    >${text}</button>`;
    return html`<li class=${row.mine > 0 ? 'voted' : ''} data-target=${row.id}>
      <div class="what">
        <span class="label">${row.kind === 'cluster' ? html`<span class="tag">${t(lang, 'vote.cluster')}</span> ` : nothing}${label}</span>
        <button class="secondary show" type="button" data-action="show" aria-label=${t(lang, 'vote.showLabel', { label })}
          @click=${() => this.show(row.id, label)}>${t(lang, 'vote.show')}</button>
      </div>
      ${step('withdraw', row.mine === 0, '−')}
      <span class="count" id=${countId}><span aria-hidden="true" data-count>${row.mine}</span><span class="visually-hidden">${t(lang, 'vote.myCount', { n: row.mine })}</span></span>
      ${step('cast', !canAdd, '+')}
    </li>`;
  }

  private renderSelectionVote(round: RoundView) {
    const lang = this.lang;
    const n = this.selection.length;
    const hint = `sel-${round.id}`;
    return html`<div class="selection-vote">
      <button class="secondary" type="button" data-action="vote-selection" aria-describedby=${hint} aria-disabled=${n === 0 ? 'true' : 'false'}
        @click=${() => this.voteSelection(round)}>${t(lang, 'vote.selection')}</button>
      <span class="meta" id=${hint} data-selection-count>${n === 0 ? t(lang, 'vote.selectFirst') : t(lang, 'vote.selectionCount', { n })}</span>
    </div>`;
  }

  /** This user's view goes to the target on the board; nobody else's moves. */
  private async show(id: string, label: string): Promise<void> {
    const r = await this.actions?.showTarget(id);
    if (r) this.say(t(this.lang, r.ok ? 'vote.shown' : 'vote.showFailed', { label }));
  }

  /** One vote on each selected target; what went through, what was skipped and why is said. */
  private async voteSelection(round: RoundView): Promise<void> {
    const actions = this.actions;
    if (!actions) return;
    const lang = this.lang;
    if (this.selection.length === 0) return this.say(t(lang, 'vote.selectFirst'));
    const r = await actions.voteSelection(round.id);
    if (!r.ok) {
      const code = r.error.code;
      const text = code.startsWith('selection-')
        ? t(lang, `vote.selection.${code as 'selection-empty' | 'selection-not-targets' | 'selection-failed'}`)
        : voteErrorText(lang, code as VoteError, { budget: round.budget, cap: round.cap });
      this.error = { roundId: round.id, text };
      return this.say(text);
    }
    const { cast, refused, notTargets, votes } = r.value;
    if (votes) this.mine = new Map(this.mine).set(round.id, votes);
    const parts: string[] = [];
    if (cast.length > 0) parts.push(t(lang, 'vote.selectionDone', { n: cast.length, left: votes?.remaining ?? 0 }));
    if (notTargets > 0) parts.push(t(lang, 'vote.selectionSkipped', { n: notTargets }));
    const first = refused[0];
    const refusal = first ? voteErrorText(lang, first.error, { budget: round.budget, cap: round.cap }) : '';
    if (refusal) parts.push(refusal);
    this.error = refusal ? { roundId: round.id, text: refusal } : null;
    this.say(parts.join(' '));
  }

  /** Cast or withdraw; a refusal (even one the buttons foresaw) is said in words. */
  private async vote(round: RoundView, row: VoteRow, action: 'cast' | 'withdraw', label: string): Promise<void> {
    const actions = this.actions;
    if (!actions) return;
    const lang = this.lang;
    const targetId = action === 'cast' ? row.id : (row.castOn[0] ?? row.id);
    const result = action === 'cast' ? await actions.cast(round.id, targetId) : await actions.withdraw(round.id, targetId);
    if (result.ok) {
      this.error = null;
      this.mine = new Map(this.mine).set(round.id, result.value);
      this.say(t(lang, action === 'cast' ? 'vote.castDone' : 'vote.withdrawDone', { label, n: result.value.remaining }));
    } else {
      const text = voteErrorText(lang, result.error.code as VoteError, { budget: round.budget, cap: round.cap });
      this.error = { roundId: round.id, text };
      this.say(text);
    }
  }

  /** The same message twice in a row must still be announced: alternate a trailing space. */
  private say(text: string) {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}

customElements.define('vote-panel', VotePanel);

declare global {
  interface HTMLElementTagNameMap {
    'vote-panel': VotePanel;
  }
}
