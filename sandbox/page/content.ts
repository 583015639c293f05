/**
 * Board item content (Miro's small HTML subset) to DOM for drawing, built node by node: only
 * the allowed tags are recreated, without attributes, so nothing an app sends can run here.
 */
import { ALLOWED_CONTENT_TAGS } from '../../src/core/miro-rules.js';

const ALLOWED = new Set<string>(ALLOWED_CONTENT_TAGS);

export function contentToDom(content: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${content}</body>`, 'text/html').body;
  const out = document.createDocumentFragment();
  copyChildren(parsed, out);
  return out;
}

function copyChildren(from: Node, to: Node): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(child.textContent ?? ''));
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = (child as Element).tagName.toLowerCase();
      // Links are drawn as underlined text: the board is a picture, not a navigation surface.
      const target = ALLOWED.has(tag) ? document.createElement(tag === 'a' ? 'u' : tag) : to;
      copyChildren(child, target);
      if (target !== to) to.appendChild(target);
    }
  }
}

/** Content as plain text, one line per paragraph (for the sticky editor and for screen readers). */
export function plainText(content: string): string {
  const body = new DOMParser().parseFromString(content.replace(/<br\s*\/?>/gi, '\n'), 'text/html').body;
  const paragraphs = [...body.querySelectorAll('p')];
  const text = paragraphs.length > 0 && paragraphs.every((p) => p.parentElement === body) ? paragraphs.map((p) => p.textContent ?? '').join('\n') : (body.textContent ?? '');
  return text.trim();
}

/** The board redraws on every pan: measure each distinct content once. */
const plainTexts = new Map<string, string>();

/** A sticky's content as plain text (paragraphs on their own lines), for fitting its text. */
export function textMeasure(content: string): string {
  const known = plainTexts.get(content);
  if (known !== undefined) return known;
  const body = new DOMParser().parseFromString(content.replace(/<\/p>\s*<p>/g, '\n'), 'text/html').body;
  const text = body.textContent ?? '';
  plainTexts.set(content, text);
  return text;
}

/** Miro shrinks sticky text to fit, never breaking a word but at its hyphens: the app's own estimate. */
export { stickyFontSize } from '../../src/core/layout/text-metrics.js';
