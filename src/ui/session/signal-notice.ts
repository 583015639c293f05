/**
 * Signals to a participant (round-signals.ts): when a round opens, the panel goes to Vote;
 * when one is revealed, to Results; when a pulse opens or is revealed, to Pulse (which shows
 * its form, then its result); a short notice says so (a live region) and Miro shows its
 * notification on the board where it allows (the signal action). The facilitator, who did it,
 * gets none. While someone is typing (a text field, a text area, a choice has the focus) the
 * panel stays where it is and nothing takes the focus: the notice offers the way instead.
 * The move itself is the shell's: this element asks with `tryghed-signal-go`.
 */
import { LitElement, css, html, nothing } from 'lit';
import type * as Y from 'yjs';
import type { Actions } from '../../actions/actions.js';
import type { Lang } from '../../core/lang.js';
import { facilitatorOf } from '../../core/session/roles.js';
// Shown on any tab, before the session's string tables load: its words are the shell's.
import { t } from '../i18n/t.js';
import { emit, props, PROP, STATE } from '../lit-kit.js';
import { notice, primaryButton, tokens } from '../shared-styles.js';
import { deepActive, focusInPanel, isTyping } from '../typing.js';
import type { MessageKey } from '../i18n/t.js';
import { SessionSignals, type SessionSignal } from './round-signals.js';
import type { Me } from './session-view.js';

export type SignalTab = 'vote' | 'results' | 'pulse';

/** Per signal: the tab it goes to, and its words (Miro's notification, the notice when moved,
 *  the notice while typing, the button). */
const SIGNALS: Record<SessionSignal['of'], Record<SessionSignal['kind'], { tab: SignalTab; words: [MessageKey, MessageKey, MessageKey, MessageKey] }>> = {
  round: {
    open: { tab: 'vote', words: ['signal.roundOpen', 'signal.roundOpenNotice', 'signal.roundOpenTyping', 'signal.goVote'] },
    revealed: { tab: 'results', words: ['signal.revealed', 'signal.revealedNotice', 'signal.revealedTyping', 'signal.goResults'] },
  },
  pulse: {
    open: { tab: 'pulse', words: ['signal.pulseOpen', 'signal.pulseOpenNotice', 'signal.pulseOpenTyping', 'signal.goPulse'] },
    revealed: { tab: 'pulse', words: ['signal.pulseRevealed', 'signal.pulseRevealedNotice', 'signal.pulseRevealedTyping', 'signal.goPulse'] },
  },
};

export class SignalNotice extends LitElement {
  static override properties = props({ doc: PROP, me: PROP, actions: PROP, sourcesArrive: PROP, lang: String, shown: STATE });

  doc: Y.Doc | undefined = undefined;
  me: Me | undefined = undefined;
  actions: Actions | undefined = undefined;
  override lang: Lang = 'da';
  /** The doc had no round and no pulse when the session showed it (this element loads with the
   *  first): every one counts as arriving, and is told if it opened or was revealed just now. */
  sourcesArrive = false;
  /** The last signal, and whether the panel moved for it. */
  shown: { signal: SessionSignal; moved: boolean } | null = null;

  static override styles = [
    tokens,
    primaryButton,
    notice,
    css`
      :host {
        display: block;
      }
      .notice {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--ty-s1);
        margin: var(--ty-s1) 0 0;
      }
      .notice p {
        margin: 0;
        flex: 1 1 12em;
      }
      button {
        min-height: 32px;
        font: inherit;
      }
    `,
  ];

  constructor() {
    super();
    new SessionSignals(this, () => this.doc, (signals) => this.tell(signals), Date.now, () => this.sourcesArrive);
  }

  private tell(signals: SessionSignal[]): void {
    const doc = this.doc;
    const signal = signals.at(-1);
    if (!doc || !signal || !this.me || facilitatorOf(doc) === this.me.id) return;
    const lang = this.lang;
    const { tab, words } = SIGNALS[signal.of][signal.kind];
    const typing = isTyping(deepActive(document));
    if (!typing) {
      // Focus that was in the panel goes to the new section's tab, not lost with the old section;
      // a panel without the focus (the person is on the board, maybe writing a sticky) never takes it.
      emit(this, 'tryghed-signal-go', { tab, focus: focusInPanel(document) });
    }
    this.shown = { signal, moved: !typing };
    void this.actions?.signal(t(lang, words[0], { question: signal.question }));
  }

  override render() {
    const lang = this.lang;
    const s = this.shown;
    const said = s && SIGNALS[s.signal.of][s.signal.kind];
    const text = !s || !said ? '' : t(lang, said.words[s.moved ? 1 : 2], { question: s.signal.question });
    // The live region is always there, so what enters it is read out.
    return html`<div class=${s ? 'notice' : ''} data-signal=${s?.signal.kind ?? nothing} data-of=${s?.signal.of ?? nothing}>
      <p role="status" aria-live="polite">${text}</p>
      ${s && said && !s.moved
        ? html`<button class="secondary" type="button" data-action="signal-go" @click=${() => this.go(said.tab)}>${t(lang, said.words[3])}</button>`
        : nothing}
    </div>`;
  }

  private go(tab: SignalTab): void {
    emit(this, 'tryghed-signal-go', { tab, focus: true });
    if (this.shown) this.shown = { ...this.shown, moved: true };
  }
}

customElements.define('signal-notice', SignalNotice);

declare global {
  interface HTMLElementTagNameMap {
    'signal-notice': SignalNotice;
  }
  interface HTMLElementEventMap {
    'tryghed-signal-go': CustomEvent<{ tab: SignalTab; focus: boolean }>;
  }
}
