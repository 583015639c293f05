/**
 * The template list's cards (cards.ts), in workshop order. Here they are computed from the
 * catalogue; the panel's build puts the cards themselves in this module's place
 * (vite.config.ts), computed from the same files as it builds, so the first paint carries
 * no template's content.
 */
import { TEMPLATES } from './catalogue.js';
import { cardOf, type TemplateCard } from './cards.js';
import { deepFreeze } from './ids.js';

export const TEMPLATE_INDEX: readonly TemplateCard[] = deepFreeze(TEMPLATES.map((tpl) => cardOf(tpl)));
