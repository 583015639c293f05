/** What a reader sees of Miro content: the session reads sticky texts with it as it opens (host-view.ts). */
import { plainText } from '../core/template/markup.js';

/** What a reader sees of Miro content. */
export function contentText(html: string): string {
  return plainText(html.replace(/<\/p>\s*<p>/g, '\n').replace(/<br\s*\/?>/g, '\n'))
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .trim();
}
