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

/** Plain text length, for fitting sticky text. */
export function textLength(content: string): number {
  return new DOMParser().parseFromString(content, 'text/html').body.textContent?.length ?? 0;
}

/** Miro shrinks sticky text to fit; estimate a size from the text's area (0.55 em glyphs, 1.4 em lines). */
export function stickyFontSize(chars: number, width: number, height: number): number {
  const w = width * 0.84;
  const h = height * 0.84;
  if (chars === 0) return 24;
  const fit = Math.sqrt((w * h) / (chars * 0.55 * 1.4 * 1.15));
  return Math.max(6, Math.min(Math.floor(fit), 48, Math.floor(h / 1.4)));
}
