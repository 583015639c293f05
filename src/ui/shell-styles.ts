/** The app shell's own styles (tryghed-shell.ts): tabs, header, the data notice's place. */
import { css } from 'lit';

export const shellStyles = css`
  :host {
    display: block;
    max-width: 640px;
    margin: 0 auto;
    box-sizing: border-box;
  }
  /* A grid of equal cells, three a row at Miro's 320 px and four from 400 px: the sections sit
     where they are whatever is selected, and no word is cut. */
  [role='tablist'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(max(88px, calc(25% - 2px)), 1fr));
    gap: 2px;
    padding: var(--ty-s1) var(--ty-s2) 0;
    border-bottom: 1px solid var(--ty-line);
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--ty-surface);
  }
  [role='tab'] {
    min-height: 36px;
    min-width: 0;
    padding: 2px 4px;
    overflow-wrap: break-word;
    line-height: 1.2;
    border: 1px solid transparent;
    border-bottom: 0;
    border-radius: var(--ty-radius) var(--ty-radius) 0 0;
    background: none;
    font: inherit;
    color: var(--ty-muted);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--ty-text);
    border-color: var(--ty-line);
    background: var(--ty-surface);
    box-shadow: inset 0 -3px 0 var(--ty-accent);
  }
  [role='tab']:focus-visible {
    outline: 3px solid var(--ty-focus);
    outline-offset: -3px;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: var(--ty-s1) var(--ty-s2);
    padding: var(--ty-s2) var(--ty-s2) 0;
  }
  h1 {
    margin: 0;
    font-size: 20px;
    letter-spacing: -0.01em;
  }
  .who {
    padding: 0 var(--ty-s2);
  }
  .notice-slot {
    padding: var(--ty-s2) var(--ty-s2) 0;
  }
  button.link {
    min-height: 32px;
    border: 0;
    background: none;
    font: inherit;
    color: var(--ty-accent);
    text-decoration: underline;
    cursor: pointer;
  }
  button.link:focus-visible {
    outline: 3px solid var(--ty-focus);
  }
  .sync {
    margin: 4px 0 0;
    font-size: 13px;
    color: var(--ty-muted);
  }
  .sync[data-status='offline'],
  [data-move-failed] {
    color: var(--ty-danger);
  }
  [data-move-failed] {
    margin: 4px 0 0;
    font-size: 13px;
  }
  [role='tabpanel'] {
    padding: var(--ty-s2);
  }
  [role='tabpanel'][data-tab='templates'] {
    padding: 0;
  }
  [role='tabpanel'] > * + * {
    margin-top: var(--ty-s3);
  }
`;
