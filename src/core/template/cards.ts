/**
 * What the template list shows of each template before its content is loaded: its place,
 * title and summary, whether it is private, and its thumbnail in each language. The panel's
 * first paint carries these (template-index.ts), not the templates: a template's content
 * loads when it is needed (lazy-catalogue.ts).
 */
import { LANGS, type Bilingual, type Lang } from '../lang.js';
import { layoutTemplate } from '../layout/layout.js';
import { previewOf, type Preview } from '../layout/preview.js';
import type { Template, TemplateId } from './types.js';

export interface TemplateCard {
  id: TemplateId;
  order: number;
  title: Bilingual;
  summary: Bilingual;
  /** The plate: personal reflection. */
  private: boolean;
  /** Thumbnail per language; undefined where the layout could not be computed (the template can still be tried). */
  preview: Record<Lang, Preview | undefined>;
}

export function cardOf(tpl: Template, warn: (message: string, e: unknown) => void = console.error): TemplateCard {
  const preview = (lang: Lang): Preview | undefined => {
    try {
      return previewOf(layoutTemplate(tpl, lang, { x: 0, y: 0 }));
    } catch (e) {
      warn(`Tryghed: no preview for ${tpl.id}`, e);
      return undefined;
    }
  };
  return {
    id: tpl.id,
    order: tpl.order,
    title: tpl.title,
    summary: tpl.summary,
    private: tpl.private === true,
    preview: Object.fromEntries(LANGS.map((lang) => [lang, preview(lang)])) as Record<Lang, Preview | undefined>,
  };
}
