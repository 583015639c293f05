/**
 * The workshop's templates in order: step, title, one-line summary, a preview and an
 * Insert button each. Buttons in a list (not a listbox): every template has exactly one
 * action, and Tab/Enter/Space work the way screen-reader users expect.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../core/lang.js';
import type { Preview } from '../core/layout/preview.js';
import type { TemplateId } from '../core/template/types.js';
import { t } from './i18n/t.js';
import { emit, props, PROP } from './lit-kit.js';
import { primaryButton, tokens } from './shared-styles.js';
import './template-preview.js';

export interface TemplateEntry {
  id: TemplateId;
  order: number;
  title: string;
  summary: string;
  private: boolean;
  /** Already on the board: the words to say so (absent: not known, or not there). */
  onBoard?: string;
  /** Thumbnail data; undefined if the layout could not be computed. */
  preview: Preview | undefined;
}

export type TemplateInsertEvent = CustomEvent<{ id: TemplateId }>;

export class TemplateList extends LitElement {
  static override properties = props({ lang: String, entries: PROP, blocked: String });

  override lang: Lang = 'da';
  entries: readonly TemplateEntry[] = [];
  /** Why Insert cannot be used now ('' when it can): buttons stay focusable and say why. */
  blocked = '';

  static override styles = [
    tokens,
    primaryButton,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--ty-s2);
      }
      li {
        display: grid;
        grid-template-columns: 112px 1fr;
        gap: var(--ty-s1) var(--ty-s2);
        padding: var(--ty-s2);
        border: 1px solid var(--ty-line);
        border-radius: var(--ty-radius);
        background: var(--ty-surface);
      }
      template-preview {
        grid-row: span 2;
        align-self: start;
      }
      .step {
        margin: 0;
        font-size: 12px;
        font-weight: 600;
        letter-spacing: 0.02em;
        color: var(--ty-muted);
      }
      h2 {
        margin: 0;
        font-size: 15px;
        line-height: 1.35;
      }
      .summary {
        margin: 4px 0 0;
        font-size: 13px;
        color: var(--ty-muted);
      }
      .private {
        display: inline-block;
        margin-top: var(--ty-s1);
        padding: 0 var(--ty-s1);
        border-radius: 999px;
        background: #efe7fb;
        color: #4c2a85;
        font-size: 12px;
      }
      .actions {
        grid-column: 2;
      }
      /* Miro's panel is narrow: the preview goes on top, full width. */
      @media (max-width: 380px) {
        li {
          grid-template-columns: 1fr;
        }
        template-preview {
          grid-row: auto;
          max-width: 240px;
        }
        .actions {
          grid-column: 1;
        }
      }
    `,
  ];

  override render() {
    return html`<ol aria-label=${t(this.lang, 'list.label')}>
      ${this.entries.map((e) => this.renderEntry(e))}
    </ol>
    <p id="blocked-hint" class="visually-hidden">${this.blocked}</p>`;
  }

  private renderEntry(e: TemplateEntry) {
    const headingId = `title-${e.id}`;
    return html`<li data-template=${e.id}>
      <template-preview .preview=${e.preview} label=${t(this.lang, 'preview.label', { title: e.title })}></template-preview>
      <div>
        <p class="step">${t(this.lang, 'list.step', { n: e.order })}</p>
        <h2 id=${headingId}>${e.title}</h2>
        <p class="summary">${e.summary}</p>
        ${e.private ? html`<span class="private">${t(this.lang, 'list.private')}</span>` : ''}
        ${e.onBoard ? html`<span class="private" data-on-board>${e.onBoard}</span>` : ''}
      </div>
      <div class="actions">
        <button
          class="primary"
          type="button"
          data-insert=${e.id}
          aria-label=${t(this.lang, 'list.insertLabel', { title: e.title })}
          aria-disabled=${this.blocked ? 'true' : 'false'}
          aria-describedby=${this.blocked ? 'blocked-hint' : nothing}
          @click=${() => this.insert(e.id)}
        >
          ${t(this.lang, 'list.insert')}
        </button>
      </div>
    </li>`;
  }

  private insert(id: TemplateId): void {
    if (this.blocked) return;
    emit(this, 'template-insert', { id });
  }
}

customElements.define('template-list', TemplateList);

declare global {
  interface HTMLElementTagNameMap {
    'template-list': TemplateList;
  }
  interface HTMLElementEventMap {
    'template-insert': TemplateInsertEvent;
  }
}
