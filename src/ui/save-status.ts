/**
 * What this panel knows of the saved session, in a word: "Saved a moment ago", "Saved at
 * 14:05", "Saving …", or that the last try failed. It says only what the session knows
 * (the Miro transport's own view, saver.ts); polite live region, so a screen reader hears it
 * change without being interrupted.
 */
import { LitElement, css, html, nothing } from 'lit';
import type { Lang } from '../core/lang.js';
import { t } from './i18n/t.js';
import type { SaveView } from './shell-session.js';
import { tokens } from './shared-styles.js';

/** "A moment ago" for this long; then the time it was saved. */
const MOMENT_MS = 60_000;

export class SaveStatus extends LitElement {
  static override properties = { status: { attribute: false }, lang: { type: String } };
  declare status: SaveView | null | undefined;
  declare lang: Lang;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    super();
    this.lang = 'da';
  }

  static override styles = [
    tokens,
    css`
      p {
        margin: 2px 0 0;
        font-size: 13px;
        color: var(--ty-muted);
      }
      p[data-state='unsaved'] {
        color: var(--ty-danger);
      }
    `,
  ];

  override disconnectedCallback(): void {
    this.clearTimer();
    super.disconnectedCallback();
  }

  override render() {
    const s = this.status;
    this.clearTimer();
    if (!s) return nothing;
    return html`<p role="status" aria-live="polite" data-state=${s.state}>${this.text(s)}</p>`;
  }

  private text(s: SaveView): string {
    if (s.state === 'saving') return t(this.lang, 'shell.save.saving');
    if (s.state === 'unsaved') return t(this.lang, 'shell.save.failed');
    if (s.savedAt === null) return t(this.lang, 'shell.save.saved');
    const age = Date.now() - s.savedAt;
    if (age < MOMENT_MS) {
      // "A moment ago" stops being true: say the time once it is not.
      this.timer = setTimeout(() => this.requestUpdate(), MOMENT_MS - age + 50);
      return t(this.lang, 'shell.save.moment');
    }
    const time = new Intl.DateTimeFormat(this.lang === 'da' ? 'da-DK' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(s.savedAt);
    return t(this.lang, 'shell.save.at', { time });
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

customElements.define('save-status', SaveStatus);

declare global {
  interface HTMLElementTagNameMap {
    'save-status': SaveStatus;
  }
}
