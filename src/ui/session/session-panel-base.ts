/**
 * What the session panels (and the round form) share: the doc, who I am, the language, the
 * panel styles, and the questions each of them asks of those. A base class, not an element:
 * it has no tag, and each panel adds only its own properties.
 */
import { LitElement, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type * as Y from 'yjs';
import type { Lang } from '../../core/lang.js';
import { facilitatorOf } from '../../core/session/roles.js';
import { boardErrorText } from '../i18n/board-words.js';
import { t, type MessageKey } from '../i18n/t.js';
import { primaryButton, tokens } from '../shared-styles.js';
import { sessionStyles } from './session-styles.js';
import type { Me } from './session-view.js';

export class SessionPanelBase extends LitElement {
  static override properties: PropertyDeclarations = {
    doc: { attribute: false },
    me: { attribute: false },
    lang: { type: String },
  };

  /** A panel with styles of its own lists these first: `[SessionPanelBase.styles, css`…`]`. */
  static override styles: CSSResultGroup = [tokens, primaryButton, sessionStyles];

  declare doc: Y.Doc | undefined;
  declare me: Me | undefined;
  declare lang: Lang;

  constructor() {
    super();
    this.doc = undefined;
    this.me = undefined;
    this.lang = 'da';
  }

  /** Who acts, as the core's commands take it ('' before `me` is known: the model refuses it). */
  protected actor(): { userId: string } {
    return { userId: this.me?.id ?? '' };
  }

  protected isFacilitator(): boolean {
    return !!this.doc && !!this.me && facilitatorOf(this.doc) === this.me.id;
  }

  /** A failed board call in words: its code's when it has one, else `fallback`. */
  protected boardErrorText(e: unknown, fallback: MessageKey): string {
    return boardErrorText(this.lang, e) ?? t(this.lang, fallback);
  }
}
