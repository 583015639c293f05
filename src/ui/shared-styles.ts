/** The panel's few design tokens: system font, an 8-px grid, calm colours with AA contrast. */
import { css } from 'lit';

/** Text for screen readers only (also used by the sandbox page). */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

export const tokens = css`
  :host {
    --ty-font: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --ty-text: #1f2328;
    --ty-muted: #4f5862;
    --ty-line: #d0d7de;
    --ty-surface: #ffffff;
    --ty-soft: #f6f8fa;
    --ty-accent: #0b6b57;
    --ty-accent-hover: #085646;
    --ty-accent-soft: #e3f3ee;
    --ty-focus: #1d4ed8;
    --ty-danger: #a4161a;
    --ty-danger-soft: #fdecec;
    --ty-radius: 8px;
    --ty-s1: 8px;
    --ty-s2: 16px;
    --ty-s3: 24px;
    font-family: var(--ty-font);
    color: var(--ty-text);
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--ty-focus);
    outline-offset: 2px;
  }
  ${visuallyHidden}
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;

export const primaryButton = css`
  .primary {
    min-height: 40px;
    padding: 0 var(--ty-s2);
    border: 0;
    border-radius: var(--ty-radius);
    background: var(--ty-accent);
    color: #ffffff;
    font-weight: 600;
    transition: background-color 120ms ease;
  }
  .primary:hover {
    background: var(--ty-accent-hover);
  }
  .primary[aria-disabled='true'] {
    background: #57606a; /* white on it reads at 6:1: a blocked button still says what it is */
    cursor: not-allowed;
  }
  .secondary {
    min-height: 40px;
    padding: 0 var(--ty-s2);
    border: 1px solid var(--ty-line);
    border-radius: var(--ty-radius);
    background: var(--ty-surface);
    color: var(--ty-text);
  }
  .secondary:hover {
    background: var(--ty-soft);
  }
`;

/** A quiet box in which a panel says where it is (connecting, not started, results hidden). */
export const notice = css`
  .notice {
    padding: var(--ty-s2);
    border-radius: var(--ty-radius);
    background: var(--ty-soft);
  }
  .notice p {
    margin: 0 0 var(--ty-s1);
  }
`;

/** An element that is one SVG image scaling to the width of its box (previews, charts). */
export const svgBox = css`
  :host {
    display: block;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
  }
`;
