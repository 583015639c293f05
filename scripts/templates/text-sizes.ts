/**
 * The smallest text size per template, in both languages, as a Markdown table: the smallest
 * text on the laid-out board (a card's text as Miro will shrink it to fit, every other text
 * as set) with its element, and the card whose text reads smallest against its neighbours
 * (the cards of its width and shape): its size and its share of their median.
 *   npx tsx scripts/templates/text-sizes.ts
 */
import { LANGS } from '../../src/core/lang.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { lowestCardShare, smallestText } from '../../src/core/layout/text-size.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';

const rows = TEMPLATES.map((t) => {
  const cells = LANGS.flatMap((lang) => {
    const layout = layoutTemplate(t, lang, { x: 0, y: 0 });
    const small = smallestText(layout);
    const card = lowestCardShare(layout);
    return [`${small.size} (${small.id})`, card === null ? '–' : `${card.size}, ${Math.round(card.share * 100)} % (${card.id})`];
  });
  return [String(t.order), t.id, ...cells];
});
const head = ['#', 'template', ...LANGS.flatMap((l) => [`smallest text, ${l}`, `card reading smallest vs. its neighbours, ${l}`])];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
