/**
 * What the session panels (and the round form) share: the doc, who I am, the actions, the
 * language, the panel styles, and the questions each of them asks of those. A base class, not an element:
 * it has no tag, and each panel adds only its own properties.
 */
import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type * as Y from 'yjs';
import type { Actions } from '../../actions/actions.js';
import type { Lang } from '../../core/lang.js';
import { facilitatorOf } from '../../core/session/roles.js';
import { primaryButton, tokens } from '../shared-styles.js';
import { sessionStyles } from './session-styles.js';
import type { Me } from './session-view.js';

export class SessionPanelBase extends LitElement {
  static override properties: PropertyDeclarations = {
    doc: { attribute: false },
    me: { attribute: false },
    actions: { attribute: false },
    lang: { type: String },
  };

  /** A panel with styles of its own lists these first: `[SessionPanelBase.styles, css`…`]`. */
  static override styles: CSSResultGroup = [tokens, primaryButton, sessionStyles];

  declare doc: Y.Doc | undefined;
  declare me: Me | undefined;
  /** every use case, bound to this doc and its ports (src/actions/actions.ts) */
  declare actions: Actions | undefined;
  declare lang: Lang;

  constructor() {
    super();
    this.doc = undefined;
    this.me = undefined;
    this.actions = undefined;
    this.lang = 'da';
  }

  protected isFacilitator(): boolean {
    return !!this.doc && !!this.me && facilitatorOf(this.doc) === this.me.id;
  }
}
