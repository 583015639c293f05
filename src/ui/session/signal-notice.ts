/**
 * Signals to a participant (round-signals.ts): when a round opens, the panel goes to Vote;
 * when one is revealed, to Results; a short notice says so (a live region) and Miro shows its
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
import { RoundSignals, type RoundSignal } from './round-signals.js';
import type { Me } from './session-view.js';

export type SignalTab = 'vote' | 'results';

export class SignalNotice extends LitElement {
  static override properties = props({ doc: PROP, me: PROP, actions: PROP, roundsArrive: PROP, lang: String, shown: STATE });

  doc: Y.Doc | undefined = undefined;
  me: Me | undefined = undefined;
  actions: Actions | undefined = undefined;
  override lang: Lang = 'da';
  /** The doc had no round when the session showed it (this element loads with the first one):
   *  every round counts as arriving, and is told if it opened or was revealed just now. */
  roundsArrive = false;
  /** The last signal, and whether the panel moved for it. */
  shown: { signal: RoundSignal; moved: boolean } | null = null;

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
    new RoundSignals(this, () => this.doc, (signals) => this.tell(signals), Date.now, () => this.roundsArrive);
  }

  private tell(signals: RoundSignal[]): void {
    const doc = this.doc;
    const signal = signals.at(-1);
    if (!doc || !signal || !this.me || facilitatorOf(doc) === this.me.id) return;
    const lang = this.lang;
    const tab: SignalTab = signal.kind === 'open' ? 'vote' : 'results';
    const typing = isTyping(deepActive(document));
    if (!typing) {
      // Focus that was in the panel goes to the new section's tab, not lost with the old section;
      // a panel without the focus (the person is on the board, maybe writing a sticky) never takes it.
      emit(this, 'tryghed-signal-go', { tab, focus: focusInPanel(document) });
    }
    this.shown = { signal, moved: !typing };
    const question = signal.question;
    void this.actions?.signal(t(lang, signal.kind === 'open' ? 'signal.roundOpen' : 'signal.revealed', { question }));
  }

  override render() {
    const lang = this.lang;
    const s = this.shown;
    const question = s?.signal.question ?? '';
    const open = s?.signal.kind === 'open';
    const text = !s ? '' : s.moved ? t(lang, open ? 'signal.roundOpenNotice' : 'signal.revealedNotice', { question }) : t(lang, open ? 'signal.roundOpenTyping' : 'signal.revealedTyping', { question });
    // The live region is always there, so what enters it is read out.
    return html`<div class=${s ? 'notice' : ''} data-signal=${s?.signal.kind ?? nothing}>
      <p role="status" aria-live="polite">${text}</p>
      ${s && !s.moved
        ? html`<button class="secondary" type="button" data-action="signal-go" @click=${() => this.go(open ? 'vote' : 'results')}>${t(lang, open ? 'signal.goVote' : 'signal.goResults')}</button>`
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
