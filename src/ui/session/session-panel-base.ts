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
import { props, PROP } from '../lit-kit.js';

export class SessionPanelBase extends LitElement {
  static override properties: PropertyDeclarations = props({ doc: PROP, me: PROP, actions: PROP, lang: String });

  /** A panel with styles of its own lists these first: `[SessionPanelBase.styles, css`…`]`. */
  static override styles: CSSResultGroup = [tokens, primaryButton, sessionStyles];

  doc: Y.Doc | undefined = undefined;
  me: Me | undefined = undefined;
  /** every use case, bound to this doc and its ports (src/actions/actions.ts) */
  actions: Actions | undefined = undefined;
  override lang: Lang = 'da';

  protected isFacilitator(): boolean {
    return !!this.doc && !!this.me && facilitatorOf(this.doc) === this.me.id;
  }
}
