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
const measures = new Map<string, { chars: number; longestWord: number }>();

/** Plain-text length and longest word, for fitting sticky text. */
export function textMeasure(content: string): { chars: number; longestWord: number } {
  const known = measures.get(content);
  if (known) return known;
  const text = new DOMParser().parseFromString(content, 'text/html').body.textContent ?? '';
  const longestWord = text.split(/\s+/).reduce((m, w) => Math.max(m, w.length), 0);
  const m = { chars: text.length, longestWord };
  measures.set(content, m);
  return m;
}

/**
 * Miro shrinks sticky text to fit, never breaking a word: estimate a size from the text's
 * area (0.55 em glyphs, 1.4 em lines) and from the longest word's width.
 */
export function stickyFontSize(m: { chars: number; longestWord: number }, width: number, height: number): number {
  const w = width * 0.84;
  const h = height * 0.84;
  if (m.chars === 0) return 24;
  const byArea = Math.sqrt((w * h) / (m.chars * 0.55 * 1.4 * 1.15));
  const byWord = w / (Math.max(1, m.longestWord) * 0.62);
  return Math.max(4, Math.min(Math.floor(byArea), Math.floor(byWord), 48, Math.floor(h / 1.4)));
}
