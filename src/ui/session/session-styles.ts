/** Styles the session panels share, on top of shared-styles' tokens and buttons. */
import { css } from 'lit';

export const sessionStyles = css`
  :host {
    display: block;
    font-size: 14px;
    line-height: 1.5;
  }
  h2 {
    margin: 0 0 var(--ty-s1);
    font-size: 17px;
  }
  h3 {
    margin: 0;
    font-size: 15px;
  }
  .question {
    font-size: 15px;
  }
  .meta,
  .empty,
  .hint {
    margin: 4px 0;
    color: var(--ty-muted);
    font-size: 13px;
  }
  .error:not(:empty) {
    margin: var(--ty-s1) 0;
    padding: var(--ty-s1);
    border-radius: var(--ty-radius);
    background: var(--ty-danger-soft);
    color: var(--ty-danger);
  }
  .error:empty {
    display: none;
  }
  .tag {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    background: var(--ty-soft);
    border: 1px solid var(--ty-line);
    color: var(--ty-muted);
    font-size: 12px;
  }
  .round {
    padding: var(--ty-s2) 0;
    border-top: 1px solid var(--ty-line);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--ty-s1);
    margin-top: var(--ty-s1);
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  label {
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--ty-line);
    border-radius: var(--ty-radius);
  }
  legend {
    font-weight: 600;
    padding: 0 4px;
  }
  input[type='text'],
  input[type='number'],
  select,
  textarea {
    font: inherit;
    min-height: 36px;
    padding: 4px 8px;
    border: 1px solid #8c959f;
    border-radius: 6px;
    box-sizing: border-box;
  }
  /* A field is its label over its control; it fills its grid cell and may shrink below its
     intrinsic width. */
  .field {
    display: grid;
    gap: 4px;
    min-width: 0;
  }
  .field input[type='text'],
  .field input[type='number'],
  .field select,
  .field textarea {
    width: 100%;
    min-width: 0;
  }
  /* Names and plan texts wrap where a one-line field would cut them off at Miro's 320 px. */
  .field textarea {
    resize: vertical;
    field-sizing: content;
  }
`;

/** A form of compact fieldsets whose options (radios, checkboxes) sit one per line. */
export const choiceFormStyles = css`
      form {
        display: grid;
        gap: var(--ty-s2);
      }
      fieldset {
        margin: 0;
        padding: var(--ty-s1) var(--ty-s2);
      }
      fieldset label {
        font-weight: normal;
        display: flex;
        gap: var(--ty-s1);
        align-items: baseline;
        padding: 2px 0;
      }
  /* A list of themes as cards edged in their colour (the cluster panel, the theme suggestions). */
  ul.theme-cards {
    list-style: none;
    margin: var(--ty-s2) 0 0;
    padding: 0;
    display: grid;
    gap: var(--ty-s1);
  }
  ul.theme-cards > li {
    border: 1px solid var(--ty-line);
    border-left-width: 6px;
    border-radius: var(--ty-radius);
    padding: var(--ty-s1);
  }
`;
