/**
 * The little markup a template's text may carry: plain text, paragraphs by newline, and
 * Miro's own inline tags (<strong>, <em>, <br>, …). The schema rejects any other tag;
 * the layout passes the allowed ones through and escapes everything else, so a stray
 * "<" or "&" in the deck's wording is shown, never interpreted.
 */
import { ALLOWED_CONTENT_TAGS } from '../miro-rules.js';

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*)?)\/?>/g;
const HREF = /^\s+href="https?:\/\/[^"<>\s]+"\s*$/;

function isAllowed(name: string): boolean {
  return (ALLOWED_CONTENT_TAGS as readonly string[]).includes(name.toLowerCase());
}

/** Allowed tags carry no attributes, except <a href="http(s)://…">. */
function attributesOk(name: string, attrs: string, closing: boolean): boolean {
  if (attrs.trim() === '') return true;
  return !closing && name.toLowerCase() === 'a' && HREF.test(attrs);
}

/** The first tag Miro would strip or we do not allow, as written; null if none. */
export function findForbiddenTag(text: string): string | null {
  for (const m of text.matchAll(TAG)) {
    const [whole, name = '', attrs = ''] = m;
    if (!isAllowed(name) || !attributesOk(name, attrs, whole.startsWith('</'))) return whole;
  }
  return null;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape a paragraph, keeping the allowed tags (assumes the schema has vetted them). */
function paragraphToHtml(paragraph: string): string {
  let out = '';
  let last = 0;
  for (const m of paragraph.matchAll(TAG)) {
    const [whole, name = '', attrs = ''] = m;
    if (!isAllowed(name) || !attributesOk(name, attrs, whole.startsWith('</'))) continue;
    out += escapeHtml(paragraph.slice(last, m.index)) + whole;
    last = m.index + whole.length;
  }
  return out + escapeHtml(paragraph.slice(last));
}

/** Template text → Miro content HTML: one <p> per line. */
export function textToHtml(text: string): string {
  return text
    .split('\n')
    .map((p) => `<p>${paragraphToHtml(p)}</p>`)
    .join('');
}

/** The text as a reader sees it (allowed tags removed), for measuring. */
export function plainText(text: string): string {
  return text.replace(TAG, (whole, name: string, attrs: string) =>
    isAllowed(name) && attributesOk(name, attrs, whole.startsWith('</'))
      ? name.toLowerCase() === 'br'
        ? '\n'
        : ''
      : whole,
  );
}
