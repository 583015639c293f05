/**
 * Suggest themes for the notes of a zone, a template or the selection, as a preview: rename a
 * theme, move a note between themes, accept one, accept all, ignore. Accepting is one step
 * (one theme, or all of them) that Undo takes back; it groups through the same use case as a
 * manual group (the port's `group`). The engine runs here, on the device, loaded only when
 * someone asks; the same notes give the same suggestion.
 */
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { getTemplate, isTemplateId } from '../../core/template/catalogue.js';
import { t } from '../i18n/session-strings.js';
import { SessionPanelBase } from './session-panel-base.js';
import type { ScopeTargets } from '../../actions/round-targets.js';
import type { ScopeOption } from './session-view.js';
import type { PortResult, SuggestPort } from './suggest-port.js';
import {
  ALONE, isEmpty, moveNote, previewOf, renameTheme, restoreThemes, withoutThemes, type Preview, type PreviewTheme,
} from './theme-preview.js';
import { props, PROP, STATE } from '../lit-kit.js';

/** One accepted step: the themes it grouped and the clusters it made. */
interface Step {
  themes: PreviewTheme[];
  clusterIds: string[];
}

interface Fit {
  item: string;
  pct: number;
}

const plain = (html: string) => {
  const el = document.createElement('div');
  el.innerHTML = html;
  return (el.textContent ?? '').trim();
};

export class SuggestPanel extends SessionPanelBase {
  static override properties = props({
    scopes: PROP,
    port: PROP,
    scopeAt: STATE,
    busy: STATE,
    preview: STATE,
    steps: STATE,
    status: STATE,
    error: STATE,
  });

  /** Where notes can come from: zones, templates, the selection (never clusters: themes group notes). */
  scopes: readonly ScopeOption[] = [];
  port: SuggestPort | undefined = undefined;
  scopeAt = 0;
  busy = false;
  preview: Preview | null = null;
  steps: Step[] = [];
  status = '';
  error = '';

  /** Texts and deck-item fits of the notes in the preview. */
  private texts: Record<string, string> = {};
  private fits: Record<string, Fit> = {};

  static override styles = [
    SessionPanelBase.styles,
    css`
      ul.notes {
        margin: 4px 0;
        padding-left: var(--ty-s2);
        display: grid;
        gap: 4px;
      }
      ul.notes li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: var(--ty-s1);
        align-items: center;
      }
      .fit {
        display: block;
        font-size: 12px;
        color: var(--ty-muted, #52606d);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--ty-s1);
        align-items: end;
      }
    `,
  ];

  override render() {
    const lang = this.lang;
    const usable = this.scopes;
    return html`<section aria-labelledby="suggest-h">
      <h2 id="suggest-h">${t(lang, 'suggest.title')}</h2>
      <p class="hint">${t(lang, 'suggest.intro')}</p>
      <div class="row">
        <div class="field">
          <label for="suggest-scope">${t(lang, 'suggest.scope')}</label>
          <select id="suggest-scope" @change=${(e: Event) => (this.scopeAt = Number((e.target as HTMLSelectElement).value))}>
            ${usable.map((s, i) => html`<option value=${i} ?selected=${i === this.scopeAt}>${s.group ? `${s.group}: ${s.label}` : s.label}</option>`)}
          </select>
        </div>
        <button class="primary" type="button" data-action="suggest" aria-disabled=${this.busy || !this.port ? 'true' : 'false'} @click=${this.suggest}>
          ${t(lang, 'suggest.run')}
        </button>
      </div>
      <p class="error" data-error>${this.error}</p>
      ${this.preview ? this.renderPreview(this.preview) : nothing}
      ${this.steps.length > 0 ? this.renderUndo(this.steps[this.steps.length - 1]!) : nothing}
      <p class="visually-hidden" role="status" aria-live="polite" data-status>${this.status}</p>
    </section>`;
  }

  private renderPreview(p: Preview) {
    const lang = this.lang;
    return html`${isEmpty(p)
        ? nothing
        : html`<div class="row">
            <button class="primary" type="button" data-action="accept-all" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.accept(p.themes)}>${t(lang, 'suggest.acceptAll')}</button>
            <button class="secondary" type="button" data-action="ignore-all" @click=${this.ignoreAll}>${t(lang, 'suggest.ignoreAll')}</button>
          </div>
          <ul class="themes theme-cards" aria-label=${t(lang, 'suggest.list')}>${repeat(p.themes, (th) => th.key, (th) => this.renderTheme(th, p))}</ul>`}
      ${p.alone.length > 0
        ? html`<h3>${t(lang, 'suggest.alone')}</h3>
            <p class="hint">${t(lang, 'suggest.aloneHint')}</p>
            <ul class="notes" data-alone>${p.alone.map((id) => this.renderNote(id, ALONE, p))}</ul>`
        : nothing}`;
  }

  private renderTheme(th: PreviewTheme, p: Preview) {
    const lang = this.lang;
    return html`<li data-theme=${th.key}>
      <div class="field">
        <label for="name-${th.key}">${t(lang, 'suggest.themeName')} <span class="tag">${t(lang, 'suggest.noteCount', { n: th.ids.length })}</span></label>
        <input id="name-${th.key}" type="text" .value=${th.name} @change=${(e: Event) => (this.preview = renameTheme(p, th.key, (e.target as HTMLInputElement).value))} />
      </div>
      <ul class="notes" aria-label=${t(lang, 'suggest.notesOf', { name: th.name })}>${th.ids.map((id) => this.renderNote(id, th.key, p))}</ul>
      <div class="actions">
        <button class="primary" type="button" data-action="accept" aria-label=${t(lang, 'suggest.acceptLabel', { name: th.name })}
          aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.accept([th])}>${t(lang, 'suggest.accept')}</button>
        <button class="secondary" type="button" data-action="ignore" aria-label=${t(lang, 'suggest.ignoreLabel', { name: th.name })}
          @click=${() => this.ignore(th)}>${t(lang, 'suggest.ignore')}</button>
      </div>
    </li>`;
  }

  private renderNote(id: string, at: string, p: Preview) {
    const lang = this.lang;
    const note = this.texts[id] || t(lang, 'vote.unknownNote', { id: id.slice(-4) });
    const fit = this.fits[id];
    return html`<li data-note=${id}>
      <span>${note}${fit ? html`<span class="fit">${t(lang, 'suggest.category', { item: fit.item, pct: fit.pct })}</span>` : nothing}</span>
      <select aria-label=${t(lang, 'suggest.moveLabel', { note })} data-move=${id}
        @change=${(e: Event) => (this.preview = moveNote(p, id, (e.target as HTMLSelectElement).value))}>
        ${p.themes.map((th) => html`<option value=${th.key} ?selected=${th.key === at}>${th.name}</option>`)}
        <option value=${ALONE} ?selected=${at === ALONE}>${t(lang, 'suggest.moveAlone')}</option>
      </select>
    </li>`;
  }

  private renderUndo(step: Step) {
    const name = step.themes.map((th) => th.name).join(', ');
    return html`<div class="row">
      <button class="secondary" type="button" data-action="undo" aria-label=${t(this.lang, 'suggest.undoLabel', { name })}
        aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.undo}>${t(this.lang, 'suggest.undo')}</button>
    </div>`;
  }

  private say(text: string, error = false) {
    this.status = text;
    this.error = error ? text : '';
  }

  private suggest = async () => {
    const port = this.port;
    const scope = this.scopes[this.scopeAt];
    if (this.busy || !port || !scope) return;
    this.busy = true;
    this.say(t(this.lang, 'suggest.loading'));
    try {
      let found: readonly string[] | ScopeTargets;
      let texts: Record<string, string>;
      try {
        if (Array.isArray(scope.targets)) found = scope.targets as readonly string[];
        else {
          const read = await this.actions?.roundTargets(scope.targets as Exclude<ScopeOption['targets'], readonly string[]>);
          if (!read?.ok) throw new Error(`targets not read: ${read?.error.code ?? 'no actions'}`);
          found = read.value;
        }
        const ids = 'ids' in found ? found.ids : found;
        texts = ids.length > 0 ? await port.texts(ids) : {};
      } catch (e) {
        console.error('Tryghed: could not read the notes to suggest themes for', e);
        this.say(t(this.lang, 'suggest.error.read'), true);
        return;
      }
      const leftOut = 'privateLeftOut' in found ? found.privateLeftOut : 0;
      const notes = Object.entries(texts).map(([id, content]) => ({ id, text: plain(content) }));
      if (notes.length === 0) {
        this.preview = null;
        this.say(leftOut > 0 ? t(this.lang, 'suggest.privateLeftOut', { n: leftOut }) : t(this.lang, 'suggest.noNotes'), true);
        return;
      }
      let api;
      try {
        api = await port.load();
      } catch (e) {
        console.error('Tryghed: the suggestion engine did not load', e);
        this.say(t(this.lang, 'suggest.error.load'), true);
        return;
      }
      const templateId = 'templateId' in scope.scope ? scope.scope.templateId : undefined;
      const categories = templateId && isTemplateId(templateId) ? api.categoriesOf(getTemplate(templateId)) : [];
      const result = api.createLexicalEngine().suggest(notes, { lang: this.lang, categories });
      this.texts = Object.fromEntries(notes.map((n) => [n.id, n.text]));
      this.fits = {};
      for (const [id, g] of Object.entries(result.categories)) {
        const c = categories.find((x) => x.id === g.categoryId);
        if (c) this.fits[id] = { item: c.text[this.lang], pct: Math.round(g.confidence * 100) };
      }
      this.preview = previewOf(result);
      const parts = [result.themes.length > 0 ? t(this.lang, 'suggest.found', { n: result.themes.length }) : t(this.lang, 'suggest.none')];
      if (leftOut > 0) parts.push(t(this.lang, 'suggest.privateLeftOut', { n: leftOut }));
      this.say(parts.join(' '));
    } finally {
      this.busy = false;
    }
  };

  /** One step: each theme grouped in turn; what fails stays in the preview, said by name. */
  private async accept(themes: readonly PreviewTheme[]) {
    const port = this.port;
    if (this.busy || !port || !this.preview || themes.length === 0) return;
    this.busy = true;
    const done: Step = { themes: [], clusterIds: [] };
    let failed: PreviewTheme | null = null;
    try {
      for (const th of themes) {
        let r: PortResult<{ clusterId: string }>;
        try {
          r = await port.group(th.ids, th.name.trim());
        } catch (e) {
          r = { ok: false, error: e };
        }
        if (!r.ok) {
          console.error('Tryghed: grouping a suggested theme failed', r.error);
          failed = th;
          break;
        }
        done.themes.push(th);
        done.clusterIds.push(r.value.clusterId);
      }
    } finally {
      this.busy = false;
    }
    if (done.themes.length > 0) {
      this.steps = [...this.steps, done];
      this.preview = withoutThemes(this.preview, done.themes.map((th) => th.key));
    }
    if (failed) this.say(t(this.lang, 'suggest.error.group', { name: failed.name }), true);
    else this.say(t(this.lang, 'suggest.accepted', { n: done.themes.length }));
  }

  private undo = async () => {
    const port = this.port;
    const step = this.steps[this.steps.length - 1];
    if (this.busy || !port || !step) return;
    this.busy = true;
    try {
      const left: Step = { themes: [], clusterIds: [] };
      for (const [i, clusterId] of step.clusterIds.entries()) {
        let r: PortResult<unknown>;
        try {
          r = await port.ungroup(clusterId);
        } catch (e) {
          r = { ok: false, error: e };
        }
        if (!r.ok) {
          console.error('Tryghed: undoing a suggested grouping failed', r.error);
          left.themes.push(step.themes[i]!);
          left.clusterIds.push(clusterId);
        }
      }
      const undone = step.themes.filter((th) => !left.themes.includes(th));
      this.steps = [...this.steps.slice(0, -1), ...(left.clusterIds.length > 0 ? [left] : [])];
      this.preview = restoreThemes(this.preview ?? { themes: [], alone: [] }, undone);
      this.say(left.clusterIds.length > 0 ? t(this.lang, 'suggest.error.undo') : t(this.lang, 'suggest.undone'), left.clusterIds.length > 0);
    } finally {
      this.busy = false;
    }
  };

  private ignore(th: PreviewTheme) {
    if (!this.preview) return;
    this.preview = withoutThemes(this.preview, [th.key]);
    this.say(t(this.lang, 'suggest.ignored'));
  }

  private ignoreAll = () => {
    this.preview = null;
    this.say(t(this.lang, 'suggest.cleared'));
  };
}

customElements.define('suggest-panel', SuggestPanel);

declare global {
  interface HTMLElementTagNameMap {
    'suggest-panel': SuggestPanel;
  }
}
