/**
 * "My plate": a person's answers to the plate's question, written here and kept on this
 * device only (PlateStore: localStorage per board and user). Nothing of it reaches the shared
 * doc, the board or the server, except a copy of one answer the owner puts on the board on
 * purpose, after the panel has said what that copy is and who can see it (an inline
 * confirmation that takes the focus; Escape or Cancel goes back to the answer's button).
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Actions } from '../../actions/actions.js';
import type { Lang } from '../../core/lang.js';
import { newId } from '../../core/session/ids.js';
import { PLATE_ANSWER_MAX, PLATE_ANSWERS_MAX, type Plate } from '../../core/plate.js';
import { getTemplate } from '../../core/template/catalogue.js';
import { plainText } from '../../core/template/markup.js';
import { t } from '../i18n/session-strings.js';
import { props, PROP, STATE } from '../lit-kit.js';
import type { PlateStore } from '../plate-store.js';
import { primaryButton, tokens } from '../shared-styles.js';
import { failureText } from './failure-text.js';
import { sessionStyles } from './session-styles.js';

/** The plate template's own words for the prompts: the deck's, as on the board. */
function prompt(id: 'context' | 'question', lang: Lang): string {
  const el = getTemplate('plate').elements.find((e) => e.id === id);
  return el && 'text' in el && el.text ? plainText(el.text[lang]) : '';
}

export class PlatePanel extends LitElement {
  static override properties = props({
    store: PROP,
    actions: PROP,
    lang: String,
    plate: STATE,
    draft: STATE,
    confirming: STATE,
    busy: STATE,
    status: STATE,
    error: STATE,
  });

  store: PlateStore | undefined = undefined;
  actions: Actions | undefined = undefined;
  override lang: Lang = 'da';
  plate: Plate = { answers: [] };
  draft = '';
  /** The answer whose copy is being confirmed. */
  confirming: string | null = null;
  busy = false;
  status = '';
  error = '';
  private loadedFrom: PlateStore | undefined;

  static override styles = [
    tokens,
    primaryButton,
    sessionStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: var(--ty-s1) 0;
        border-top: 1px solid var(--ty-line);
      }
      textarea {
        display: block;
        width: 100%;
        box-sizing: border-box;
        min-height: 64px;
      }
      .where {
        padding: var(--ty-s1);
        border-radius: var(--ty-radius);
        background: var(--ty-soft);
      }
      .confirm {
        margin-top: var(--ty-s1);
        padding: var(--ty-s2);
        border: 2px solid var(--ty-accent);
        border-radius: var(--ty-radius);
      }
      .confirm:focus-visible {
        outline: 3px solid var(--ty-focus);
      }
    `,
  ];

  override willUpdate(): void {
    if (this.store !== this.loadedFrom) {
      this.loadedFrom = this.store;
      this.plate = this.store?.load() ?? { answers: [] };
    }
  }

  override render() {
    const lang = this.lang;
    const persistent = this.store?.persistent !== false;
    return html`<section aria-labelledby="plate-title">
      <h2 id="plate-title">${t(lang, 'plate.title')}</h2>
      <p class="where" data-where>${t(lang, 'plate.where')}</p>
      ${persistent ? nothing : html`<p class="error" role="alert" data-not-stored>${t(lang, 'plate.notStored')}</p>`}
      <p class="meta">${prompt('context', lang)}</p>
      <p class="question" id="plate-question"><strong>${prompt('question', lang)}</strong></p>
      <h3>${t(lang, 'plate.answers')}</h3>
      ${this.plate.answers.length === 0
        ? html`<p class="empty">${t(lang, 'plate.none')}</p>`
        : html`<ol aria-describedby="plate-question">${this.plate.answers.map((a, i) => this.renderAnswer(a.id, a.text, i + 1))}</ol>`}
      <form @submit=${this.add} novalidate>
        <label for="plate-new">${t(lang, 'plate.new')}</label>
        <textarea id="plate-new" maxlength=${PLATE_ANSWER_MAX} aria-describedby="plate-question" .value=${this.draft}
          @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}></textarea>
        <div class="actions"><button class="primary" type="submit" data-action="add">${t(lang, 'plate.add')}</button></div>
      </form>
      <p class="error" role="alert">${this.error}</p>
      <p class="hint" role="status" aria-live="polite">${this.status}</p>
    </section>`;
  }

  private renderAnswer(id: string, text: string, n: number) {
    const lang = this.lang;
    return html`<li data-answer=${id}>
      <label for="answer-${id}">${t(lang, 'plate.answerLabel', { n })}</label>
      <textarea id="answer-${id}" maxlength=${PLATE_ANSWER_MAX} .value=${text} @input=${(e: Event) => this.edit(id, (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="actions">
        <button type="button" data-action="share" aria-label=${t(lang, 'plate.shareLabel', { n })} aria-expanded=${this.confirming === id ? 'true' : 'false'}
          @click=${() => this.ask(id)}>${t(lang, 'plate.share')}</button>
        <button type="button" data-action="remove" aria-label=${t(lang, 'plate.removeLabel', { n })} @click=${() => this.removeAnswer(id)}>${t(lang, 'plate.remove')}</button>
      </div>
      ${this.confirming === id ? this.renderConfirm(id, text) : nothing}
    </li>`;
  }

  private renderConfirm(id: string, text: string) {
    const lang = this.lang;
    return html`<div class="confirm" role="group" tabindex="-1" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-confirm
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.cancel(id)}>
      <h3 id="confirm-title">${t(lang, 'plate.confirmTitle')}</h3>
      <p id="confirm-text">${t(lang, 'plate.confirmText', { text: text.trim() })}</p>
      <div class="actions">
        <button class="primary" type="button" data-action="confirm-share" aria-disabled=${this.busy ? 'true' : 'false'}
          @click=${() => void this.share(id)}>${t(lang, 'plate.confirmDo')}</button>
        <button type="button" data-action="cancel" @click=${() => this.cancel(id)}>${t(lang, 'plate.cancel')}</button>
      </div>
    </div>`;
  }

  private save(plate: Plate): void {
    this.plate = plate;
    this.store?.save(plate);
  }

  private add = (e: Event) => {
    e.preventDefault();
    const text = this.draft.trim();
    this.status = '';
    if (!text) return void (this.error = t(this.lang, 'plate.error.empty'));
    if (text.length > PLATE_ANSWER_MAX) return void (this.error = t(this.lang, 'plate.error.too-long', { max: PLATE_ANSWER_MAX }));
    if (this.plate.answers.length >= PLATE_ANSWERS_MAX) return void (this.error = t(this.lang, 'plate.error.full', { max: PLATE_ANSWERS_MAX }));
    this.error = '';
    this.save({ answers: [...this.plate.answers, { id: newId('a'), text }] });
    this.draft = '';
    this.status = t(this.lang, 'plate.added');
  };

  private edit(id: string, text: string): void {
    this.save({ answers: this.plate.answers.map((a) => (a.id === id ? { id, text: text.slice(0, PLATE_ANSWER_MAX) } : a)) });
  }

  private removeAnswer(id: string): void {
    const i = this.plate.answers.findIndex((a) => a.id === id);
    this.save({ answers: this.plate.answers.filter((a) => a.id !== id) });
    if (this.confirming === id) this.confirming = null;
    this.status = t(this.lang, 'plate.removed');
    // The focus goes to the next answer's text, or to the new answer's field.
    const next = this.plate.answers[i]?.id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(next ? `#answer-${next}` : '#plate-new')?.focus());
  }

  private ask(id: string): void {
    const text = this.plate.answers.find((a) => a.id === id)?.text.trim() ?? '';
    this.status = '';
    if (!text) return void (this.error = t(this.lang, 'plate.error.empty'));
    this.error = '';
    this.confirming = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm]')?.focus());
  }

  private cancel(id: string): void {
    this.confirming = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`li[data-answer="${id}"] [data-action="share"]`)?.focus());
  }

  private async share(id: string): Promise<void> {
    const answer = this.plate.answers.find((a) => a.id === id);
    if (!answer || !this.actions || this.busy) return;
    this.busy = true;
    try {
      const r = await this.actions.sharePlateAnswer(answer.text);
      if (r.ok) {
        this.error = '';
        this.status = t(this.lang, 'plate.shared');
        this.cancel(id);
      } else {
        this.error = failureText(this.lang, r.error, { empty: 'plate.error.empty', 'too-long': 'plate.error.too-long' }, 'plate.error.failed');
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('plate-panel', PlatePanel);

declare global {
  interface HTMLElementTagNameMap {
    'plate-panel': PlatePanel;
  }
}
