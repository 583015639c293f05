/**
 * Long Danish compounds on seed cards: Miro shrinks a sticky's text until its longest
 * unbreakable piece fits a line, so one long compound sets a whole card at about half the
 * size of its neighbours. Where a card would read below READABLE of its neighbours, the
 * generator writes the deck's word with a hyphen at the compound's joint ("Værdigheds-
 * producerende"), which Miro, like a browser, may break after. An explicit hyphen rather than
 * a soft one (U+00AD): Miro documents no soft-hyphen handling for sticky content, and a
 * visible hyphen in a compound is ordinary Danish. The coverage test reads a word hyphenated
 * at a joint as the deck's word.
 */
import { STICKY_ASPECT } from '../../src/core/miro-rules.js';
import { LANGS } from '../../src/core/lang.js';
import { stickyFontSize } from '../../src/core/layout/text-metrics.js';
import { median } from '../../src/core/layout/text-size.js';
import type { CardElement, TemplateElement } from '../../src/core/template/types.js';

/** No card's text below this share of its neighbours' (the median of its kind of card on the template). */
export const READABLE = 0.8;

/** The deck's long compounds and where they join (the part before the hyphen). */
const JOINTS: Record<string, string> = {
  Værdighedsproducerende: 'Værdigheds-producerende',
  Beslutningsparalyse: 'Beslutnings-paralyse',
  Undgåelsesadfærd: 'Undgåelses-adfærd',
  Undgåelsesadfærden: 'Undgåelses-adfærden',
  // Our English, broken where an English dictionary breaks it.
  procrastination: 'procras-tination',
};

const cardSize = (c: CardElement, text: string): number => stickyFontSize(text, c.width, c.width * STICKY_ASPECT[c.shape]);

/** Cards of one kind on a template: the same width and shape, read as one row of neighbours. */
export function cardFamilies(elements: readonly TemplateElement[]): CardElement[][] {
  const families = new Map<string, CardElement[]>();
  for (const e of elements) {
    if (e.kind !== 'card') continue;
    const key = `${e.width}:${e.shape}`;
    families.set(key, [...(families.get(key) ?? []), e]);
  }
  return [...families.values()];
}

/** Hyphenate, in place, the compounds of every card that would read too small; throw if that is not enough. */
export function hyphenateWhereNeeded(templateId: string, elements: readonly TemplateElement[]): void {
  for (const family of cardFamilies(elements)) {
    for (const lang of LANGS) {
      const typical = median(family.map((c) => cardSize(c, c.text[lang])));
      for (const card of family) {
        if (cardSize(card, card.text[lang]) >= READABLE * typical) continue;
        const broken = card.text[lang].replace(/\p{L}+/gu, (w) => JOINTS[w] ?? w);
        card.text = { ...card.text, [lang]: broken };
        if (cardSize(card, broken) < READABLE * typical) {
          throw new Error(`${templateId}/${card.id} (${lang}): "${broken}" reads below ${READABLE * 100} % of its neighbours; add its joint to JOINTS`);
        }
      }
    }
  }
}
