/**
 * Who has the app open now, from Yjs awareness: names only. Given `me`, it announces this
 * device's name while it is shown. It never says anything about votes.
 */
import { LitElement, css, html } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type { Lang } from '../../core/lang.js';
import { AwarenessController, setPresence } from '../controllers/awareness-controller.js';
// The shell shows it as the session opens: its words are the shell's (first paint), so the
// session's tables (session-strings.ts) load with the first session tab, not before.
import { t } from '../i18n/t.js';
import { tokens } from '../shared-styles.js';
import { sessionStyles } from './session-styles.js';
import type { Me, Person } from './session-view.js';
import { props, PROP } from '../lit-kit.js';

export class PresenceList extends LitElement {
  static override properties = props({ awareness: PROP, me: PROP, people: PROP, lang: String });

  awareness: Awareness | undefined = undefined;
  me: Me | undefined = undefined;
  /** The host's users (id → name): names are shown from here, by the user id presence carries. */
  people: readonly Person[] = [];
  override lang: Lang = 'da';

  private presence = new AwarenessController(this, () => this.awareness);

  constructor() {
    super();
    this.presence.nameOf = (user) => (user === this.me?.id ? this.me.name : this.people.find((p) => p.id === user)?.name);
  }

  static override styles = [
    tokens,
    sessionStyles,
    css`
      ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 4px 0 0;
        padding: 0;
      }
      li {
        padding: 2px 10px;
        border-radius: 999px;
        background: var(--ty-soft);
        border: 1px solid var(--ty-line);
        font-size: 13px;
      }
      li.self {
        background: var(--ty-accent-soft);
        border-color: var(--ty-accent);
      }
      h2 {
        font-size: 14px;
        margin: 0;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if ((changed.has('me') || changed.has('awareness')) && this.awareness && this.me) setPresence(this.awareness, this.me.name, this.me.id);
  }

  override render() {
    const lang = this.lang;
    const people = this.presence.people;
    return html`<section aria-labelledby="presence-h">
      <h2 id="presence-h">${t(lang, 'presence.title', { n: people.length })}</h2>
      <ul aria-labelledby="presence-h" data-present=${people.length}>
        ${people.map((p) => html`<li class=${p.self ? 'self' : ''}>${p.self ? t(lang, 'presence.you', { name: p.name }) : p.name}</li>`)}
      </ul>
    </section>`;
  }
}

customElements.define('presence-list', PresenceList);

declare global {
  interface HTMLElementTagNameMap {
    'presence-list': PresenceList;
  }
}
