/**
 * The template panel (the shell's Templates tab): the workshop's templates with previews
 * (their cards: template-index.ts), and one insertion at a time with progress and a clear outcome. The shell hands it the
 * template actions (`actions`, bound by src/app to the Board port) and the language; it knows
 * nothing of Miro or of the board.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../core/lang.js';
import { TEMPLATE_INDEX } from '../core/template/template-index.js';
import type { TemplateId } from '../core/template/types.js';
import type { TemplateActions } from '../actions/template-actions.js';
import type { Failure } from '../core/session/commands.js';
import { t } from './i18n/t.js';
import { emit, props, PROP, STATE } from './lit-kit.js';
import { notice, tokens } from './shared-styles.js';
import type { TemplateEntry } from './template-list.js';
import { KeepInView } from './keep-in-view.js';
import './insert-progress.js';
import './insert-status.js';
import './template-list.js';

type Run =
  | { state: 'idle' }
  | { state: 'inserting'; id: TemplateId; done: number; total: number }
  | { state: 'done'; id: TemplateId }
  | { state: 'already'; id: TemplateId; frameId: string }
  | { state: 'failed'; id: TemplateId; error: Failure };

export class TryghedTemplatePanel extends LitElement {
  static override properties = props({
    actions: PROP,
    failedToConnect: { type: Boolean, attribute: 'failed-to-connect' },
    locked: String,
    onBoard: PROP,
    lang: String,
    run: STATE,
  });

  /** Set by src/app once the SDK is ready; until then the panel says it is connecting. */
  actions: TemplateActions | undefined = undefined;
  failedToConnect = false;
  /** Why this person may not insert now (a session runs and someone else leads); '' when they may. */
  locked = '';
  /** Templates on the board and the words that mark them (from the shell, once a session is there). */
  onBoard: { ids: readonly TemplateId[]; label: string } = { ids: [], label: '' };
  override lang: Lang = 'da';
  run: Run = { state: 'idle' };

  /** Stops the running insertion; the board then removes what it created. */
  private abort: AbortController | null = null;

  static override styles = [
    tokens,
    notice,
    css`
      :host {
        display: block;
        padding: var(--ty-s2);
      }
      .intro {
        margin: var(--ty-s1) 0 var(--ty-s2);
        color: var(--ty-muted);
      }
      .status {
        position: sticky;
        /* Inside the shell, below its sticky tab list (the shell sets the height). */
        top: var(--ty-sticky-top, 0);
        z-index: 1;
        background: var(--ty-surface);
        padding-bottom: var(--ty-s2);
      }
      .status:empty {
        display: none;
      }
    `,
  ];

  /** The outcome of an insertion is kept in sight (below the fold it would go unseen); focus stays put. */
  private readonly inView = new KeepInView(this);

  override updated(): void {
    this.inView.keep(this.renderRoot.querySelector('insert-status'));
  }

  override render() {
    const lang = this.lang;
    // The shell owns the title, the language switch and the main landmark.
    return html`<div>
      <p class="intro">${t(lang, 'app.intro')}</p>
      <div class="status">${this.renderStatus()}</div>
      <template-list
        .lang=${lang}
        .entries=${this.entries()}
        blocked=${this.blockedReason()}
        @template-insert=${(e: CustomEvent<{ id: TemplateId }>) => void this.insert(e.detail.id)}
      ></template-list>
    </div>`;
  }

  private renderStatus() {
    const lang = this.lang;
    if (this.failedToConnect) return html`<p class="notice" role="alert">${t(lang, 'app.noBoard')}</p>`;
    if (!this.actions) return html`<p class="notice" role="status">${t(lang, 'app.connecting')}</p>`;
    const run = this.run;
    switch (run.state) {
      case 'idle':
        return this.locked ? html`<p class="notice" data-locked>${this.locked}</p>` : nothing;
      case 'inserting':
        return html`<insert-progress
          data-template=${run.id}
          .lang=${lang}
          templateTitle=${this.titleOf(run.id)}
          .done=${run.done}
          .total=${run.total}
          phase=${run.total > 0 ? 'creating' : 'starting'}
          @insert-cancel=${() => this.abort?.abort()}
        ></insert-progress>`;
      case 'done':
        return html`<insert-status data-template=${run.id} .lang=${lang} kind="done" templateTitle=${this.titleOf(run.id)} @status-dismiss=${this.dismiss}></insert-status>`;
      case 'already':
        return html`<insert-status
          data-template=${run.id}
          .lang=${lang}
          kind="already"
          templateTitle=${this.titleOf(run.id)}
          @insert-go=${() => void this.goTo(run.frameId)}
          @insert-again=${() => void this.insert(run.id, true)}
          @status-dismiss=${this.dismiss}
        ></insert-status>`;
      case 'failed':
        return html`<insert-status
          data-template=${run.id}
          .lang=${lang}
          kind="failed"
          templateTitle=${this.titleOf(run.id)}
          .error=${run.error}
          @insert-retry=${() => void this.insert(run.id)}
          @status-dismiss=${this.dismiss}
        ></insert-status>`;
    }
  }

  private blockedReason(): string {
    if (this.failedToConnect) return t(this.lang, 'app.noBoard');
    if (!this.actions) return t(this.lang, 'app.connecting');
    if (this.locked) return this.locked;
    return this.run.state === 'inserting' ? t(this.lang, 'list.busy') : '';
  }

  private entries(): TemplateEntry[] {
    return TEMPLATE_INDEX.map((card) => ({
      id: card.id,
      order: card.order,
      title: card.title[this.lang],
      summary: card.summary[this.lang],
      private: card.private,
      ...(this.onBoard.ids.includes(card.id) ? { onBoard: this.onBoard.label } : {}),
      preview: card.preview[this.lang],
    }));
  }

  private titleOf(id: TemplateId): string {
    return TEMPLATE_INDEX.find((card) => card.id === id)?.title[this.lang] ?? id;
  }

  private dismiss = (): void => {
    this.run = { state: 'idle' };
  };

  /** To the copy already on the board; the offer closes (a failed move leaves the view as it was). */
  private async goTo(frameId: string): Promise<void> {
    this.run = { state: 'idle' };
    await this.actions?.goTo(frameId).catch(() => undefined);
  }

  /** One insertion at a time; the board removes what it created if anything fails. `again`: a second copy on purpose. */
  async insert(id: TemplateId, again = false): Promise<void> {
    const actions = this.actions;
    if (!actions || this.locked || this.run.state === 'inserting') return;
    this.run = { state: 'inserting', id, done: 0, total: 0 };
    const abort = (this.abort = new AbortController());
    const out = await actions.insertTemplate({
      templateId: id,
      lang: this.lang,
      again,
      signal: abort.signal,
      onProgress: (done, total) => {
        this.run = { state: 'inserting', id, done, total };
      },
    });
    this.abort = null;
    const frameId = out.ok ? undefined : out.error.params?.frameId;
    if (!out.ok && out.error.code === 'already-on-board' && typeof frameId === 'string') this.run = { state: 'already', id, frameId };
    else this.run = out.ok ? { state: 'done', id } : { state: 'failed', id, error: out.error };
  }
}

customElements.define('tryghed-template-panel', TryghedTemplatePanel);

declare global {
  interface HTMLElementTagNameMap {
    'tryghed-template-panel': TryghedTemplatePanel;
  }
}
