/**
 * The facilitator's form for a new vote round: question, what to vote on (a template zone, a
 * whole template, or the selection, as the shell offers them), budget, cap, anonymity,
 * visibility, k and an optional time limit. Sealed anonymity is offered only with a server.
 * Fields say what is wrong next to themselves; the model checks again and refuses anyway.
 */
import { css, html, nothing } from 'lit';
import { FEW_PRESENT, suggestK } from '../../core/session/k-suggestion.js';
import { LIMITS, ROUND_DEFAULTS, type Anonymity, type Visibility } from '../../core/session/schema.js';
import { t, type MessageKey } from '../i18n/session-strings.js';
import { failureText } from './failure-text.js';
import { ROUND_ERRORS } from './round-errors.js';
import { SessionPanelBase } from './session-panel-base.js';
import { choiceFormStyles } from './session-styles.js';
import type { ScopeOption } from './session-view.js';
import { emit, props, PROP, STATE } from '../lit-kit.js';

export type RoundCreatedEvent = CustomEvent<{ roundId: string }>;

type Field = 'question' | 'scope' | 'budget' | 'cap' | 'k' | 'minutes';

interface Values {
  question: string;
  scope: number;
  budget: number;
  cap: number;
  anonymity: Anonymity;
  visibility: Visibility;
  k: number;
  /** NaN = no time limit */
  minutes: number;
}

export class RoundForm extends SessionPanelBase {
  static override properties = props({
    scopes: PROP,
    serviceMode: { type: String, attribute: 'service-mode' },
    present: Number,
    values: STATE,
    errors: STATE,
    busy: STATE,
  });

  scopes: readonly ScopeOption[] = [];
  /** the VoteService's mode: 'server' offers sealed rounds */
  serviceMode: 'local' | 'server' = 'local';
  /** How many have the app open now (0: not known yet). */
  present = 0;
  values: Values = {
    question: '', scope: 0, budget: ROUND_DEFAULTS.budget, cap: ROUND_DEFAULTS.cap, anonymity: ROUND_DEFAULTS.anonymity,
    visibility: ROUND_DEFAULTS.visibility, k: ROUND_DEFAULTS.k, minutes: NaN,
  };
  /** The facilitator typed a k: the suggestion no longer replaces it. */
  private kTouched = false;
  errors: Partial<Record<Field | 'form', string>> = {};
  busy = false;

  static override styles = [
    SessionPanelBase.styles,
    choiceFormStyles,
    css`
      .row {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(130px, 1fr));
        gap: var(--ty-s2);
      }
      .field-error {
        color: var(--ty-danger);
        font-size: 13px;
        margin: 0;
      }
      .field-error:empty {
        display: none;
      }
      [data-k-fit] p {
        margin: 2px 0;
      }
      .warn {
        color: var(--ty-danger);
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('serviceMode') && this.serviceMode !== 'server' && this.values.anonymity === 'sealed') this.set({ anonymity: 'anonymous' });
    if (changed.has('scopes') && this.values.scope >= this.scopes.length) this.set({ scope: 0 });
    if (changed.has('present') && this.present > 0 && !this.kTouched) this.set({ k: suggestK(this.present) });
  }

  private set(patch: Partial<Values>) {
    this.values = { ...this.values, ...patch };
  }

  override render() {
    const lang = this.lang;
    const v = this.values;
    const anonymities: Anonymity[] = this.serviceMode === 'server' ? ['anonymous', 'named', 'sealed'] : ['anonymous', 'named'];
    return html`<form novalidate aria-labelledby="form-h" @submit=${this.submit}>
      <h3 id="form-h">${t(lang, 'round.new')}</h3>
      <div class="field">
        <label for="question">${t(lang, 'round.question')}</label>
        <input id="question" name="question" type="text" required maxlength=${LIMITS.question} .value=${v.question} placeholder=${t(lang, 'round.questionPlaceholder')}
          aria-invalid=${this.errors.question ? 'true' : 'false'} aria-describedby="question-err"
          @input=${(e: Event) => this.set({ question: (e.target as HTMLInputElement).value })} />
        <p id="question-err" class="field-error">${this.errors.question ?? ''}</p>
      </div>
      <div class="field">
        <label for="scope">${t(lang, 'round.scope')}</label>
        ${this.scopes.length === 0
          ? html`<p id="scope-err" class="hint" data-no-scopes>${t(lang, 'round.noScopes')}</p>`
          : html`<select id="scope" name="scope" aria-describedby="scope-err" aria-invalid=${this.errors.scope ? 'true' : 'false'}
                @change=${(e: Event) => this.set({ scope: Number((e.target as HTMLSelectElement).value) })}>
                ${this.scopeOptions()}
              </select>
              <p id="scope-err" class="field-error">${this.errors.scope ?? ''}</p>`}
      </div>
      <div class="row">
        ${this.number('budget', 'round.budget', v.budget, 1, 100)}
        ${this.number('cap', 'round.cap', v.cap, 1, v.budget)}
        ${this.number('k', 'round.k', v.k, 1, 1000)}
        ${this.number('minutes', 'round.minutes', v.minutes, 1, 240)}
      </div>
      ${this.kFit(v)}
      <fieldset>
        <legend>${t(lang, 'round.anonymity')}</legend>
        ${anonymities.map((a) => this.radio('anonymity', a, v.anonymity === a, `round.anonymity.${a}`, () => this.set({ anonymity: a })))}
      </fieldset>
      <fieldset>
        <legend>${t(lang, 'round.visibility')}</legend>
        ${(['hidden', 'live'] as Visibility[]).map((vis) => this.radio('visibility', vis, v.visibility === vis, `round.visibility.${vis}`, () => this.set({ visibility: vis })))}
      </fieldset>
      <p class="error" role="alert" data-form-error>${this.errors.form ?? ''}</p>
      <div class="actions">
        <button class="primary" type="submit" data-action="create" aria-disabled=${this.busy ? 'true' : 'false'}>${t(lang, 'round.create')}</button>
      </div>
    </form>`;
  }

  /** The options in order; a run of options with the same group goes under one <optgroup>. */
  private scopeOptions() {
    const option = (s: ScopeOption, i: number) => html`<option value=${i} ?selected=${i === this.values.scope}>${s.label}</option>`;
    const out = [];
    for (let i = 0; i < this.scopes.length; ) {
      const group = this.scopes[i]!.group;
      const start = i;
      do i++;
      while (group !== undefined && i < this.scopes.length && this.scopes[i]!.group === group);
      const run = this.scopes.slice(start, i).map((s, k) => option(s, start + k));
      out.push(group === undefined ? run : html`<optgroup label=${group}>${run}</optgroup>`);
    }
    return out;
  }

  private number(field: Field, key: MessageKey, value: number, min: number, max: number) {
    const lang = this.lang;
    const hint = field === 'minutes' ? html`<span class="hint" id="minutes-hint">${t(lang, 'round.minutesHint')}</span>` : nothing;
    return html`<div class="field">
      <label for=${field}>${t(lang, key)}</label>
      <input id=${field} name=${field} type="number" inputmode="numeric" min=${min} max=${max} step="1"
        .value=${Number.isNaN(value) ? '' : String(value)}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        aria-describedby=${field === 'minutes' ? `minutes-hint ${field}-err` : field === 'k' ? 'k-err k-fit' : `${field}-err`}
        @input=${(e: Event) => (field === 'k' && (this.kTouched = true), this.set({ [field]: (e.target as HTMLInputElement).value === '' ? NaN : Number((e.target as HTMLInputElement).value) }))} />
      ${hint}
      <p id="${field}-err" class="field-error">${this.errors[field] ?? ''}</p>
    </div>`;
  }

  /** How many are present, the k that fits them, and what few people or a k above them means. */
  private kFit(v: Values) {
    const lang = this.lang;
    const n = this.present;
    if (n < 1) return html`<div id="k-fit" hidden></div>`;
    const k = suggestK(n);
    return html`<div id="k-fit" class="hint" data-k-fit>
      <p data-present>${t(lang, 'round.present', { n })}</p>
      <p><span id="k-suggest">${t(lang, 'round.kSuggest', { n, k })}</span>
        ${v.k !== k ? html` <button type="button" data-action="use-k" aria-describedby="k-suggest" @click=${() => this.set({ k })}>${t(lang, 'round.kUse', { k })}</button>` : nothing}</p>
      ${n < FEW_PRESENT && v.anonymity !== 'named' ? html`<p class="warn" data-few-present>${t(lang, 'round.fewPresent')}</p>` : nothing}
      ${Number.isInteger(v.k) && v.k > n ? html`<p class="warn" data-k-above>${t(lang, 'round.kAbovePresent', { n, k: v.k })}</p>` : nothing}
    </div>`;
  }

  private radio(name: string, value: string, checked: boolean, key: `round.anonymity.${Anonymity}` | `round.visibility.${Visibility}`, pick: () => void) {
    return html`<label><input type="radio" name=${name} value=${value} .checked=${checked} @change=${pick} />
      <span>${t(this.lang, key)}<br /><span class="hint">${t(this.lang, `${key}.hint`)}</span></span></label>`;
  }

  /** Field checks in the user's language; createRound holds the same rules and is the last word. */
  private check(v: Values): Partial<Record<Field, string>> {
    const lang = this.lang;
    const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
    const e: Partial<Record<Field, string>> = {};
    if (!v.question.trim()) e.question = t(lang, 'round.error.question');
    if (this.scopes.length === 0) e.scope = t(lang, 'round.noScopes');
    if (!whole(v.budget, 1, 100)) e.budget = t(lang, 'round.error.budget');
    if (!whole(v.cap, 1, Number.isInteger(v.budget) ? v.budget : 100)) e.cap = t(lang, 'round.error.cap');
    if (!whole(v.k, 1, 1000)) e.k = t(lang, 'round.error.k');
    if (!Number.isNaN(v.minutes) && !(v.minutes > 0 && v.minutes <= 240)) e.minutes = t(lang, 'round.error.minutes');
    return e;
  }

  private async submit(e: Event) {
    e.preventDefault();
    if (this.busy || !this.doc || !this.me) return;
    const v = this.values;
    const errors: Partial<Record<Field | 'form', string>> = this.check(v);
    this.errors = errors;
    const first = (Object.keys(errors) as Field[])[0];
    if (first) {
      this.renderRoot.querySelector<HTMLElement>(`#${first}`)?.focus();
      return;
    }
    const option = this.scopes[v.scope]!;
    if (!this.actions) return;
    this.busy = true;
    try {
      const r = await this.actions.createRound({
        round: {
          question: v.question, scope: option.scope, budget: v.budget, cap: v.cap, anonymity: v.anonymity, visibility: v.visibility, k: v.k,
          timeLimitMs: Number.isNaN(v.minutes) ? null : Math.round(v.minutes * 60_000),
        },
        targets: option.targets,
      });
      if (r.ok) {
        this.values = { ...v, question: '' };
        emit(this, 'tryghed-round-created', { roundId: r.value.roundId });
      } else if (r.error.code === 'no-targets' || r.error.code === 'only-private') {
        // Say why: nothing there yet, or only notes on the plate (never voted on).
        const scope = option.group ? `${option.group} › ${option.label}` : option.label;
        this.errors = { scope: t(this.lang, r.error.code === 'only-private' ? 'round.error.onlyPrivate' : 'round.error.noTargets', { scope }) };
        this.renderRoot.querySelector<HTMLElement>('#scope')?.focus();
      } else {
        this.errors = { form: failureText(this.lang, r.error, { ...ROUND_ERRORS, 'targets-failed': 'round.error.targetsFailed' }, 'round.error.targetsFailed') };
      }
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('round-form', RoundForm);

declare global {
  interface HTMLElementTagNameMap {
    'round-form': RoundForm;
  }
  interface HTMLElementEventMap {
    'tryghed-round-created': RoundCreatedEvent;
  }
}
