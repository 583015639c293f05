/**
 * The twelfth template: the deck's "Det særlige ved lederjobbet" as a poster, its nine points
 * as tiles in the deck's order (three by three), each with the words the deck gives it (the
 * two self-doubting quotes, the paradox of power), and a zone for what the team recognises.
 * In the workshop it follows the plate and leads into the emotions spectrum (point four).
 */
import content from '../../seed/content.json' with { type: 'json' };
import type { Template } from '../../src/core/template/types.js';
import { bi, BORDER, Builder, GAP, GUTTER, labelBand, MARGIN, shapeHeightFor, stickyRows, TINT, TYPE } from './build.js';

const J = content.special_about_the_job;

type Point = (typeof J.items)[number];

/** A tile's text: the point in bold, then what the deck says under it, one paragraph each. */
function tileText(p: Point): { da: string; en: string } {
  const lines = { da: [`<strong>${p.da}</strong>`], en: [`<strong>${p.en}</strong>`] };
  for (const q of ('quotes' in p ? p.quotes ?? [] : [])) {
    lines.da.push(`<em>${q.da}</em>`);
    lines.en.push(`<em>${q.en}</em>`);
  }
  if ('text' in p && p.text !== undefined) {
    lines.da.push(p.text.da);
    lines.en.push(p.text.en);
  }
  return { da: lines.da.join('\n'), en: lines.en.join('\n') };
}

export function specialAboutTheJob(): Template {
  const b = new Builder();
  const cols = 3;
  const tileW = 776;
  const inner = cols * tileW + (cols - 1) * GUTTER;
  let y = MARGIN;
  y += b.text('title', bi(J.title), MARGIN, y, inner, TYPE.title, { source: 'special_about_the_job.title' }) + GUTTER;
  const texts = J.items.map(tileText);
  const tileH = Math.max(...texts.map((t) => shapeHeightFor(t, TYPE.prompt, tileW)));
  const fills = [TINT.blue, TINT.sand, TINT.green, TINT.lilac, TINT.rose, TINT.slate];
  const borders = [BORDER.blue, BORDER.sand, BORDER.green, BORDER.lilac, BORDER.rose, BORDER.slate];
  J.items.forEach((p, i) => {
    const x = MARGIN + (i % cols) * (tileW + GUTTER);
    const ty = y + Math.floor(i / cols) * (tileH + GUTTER);
    b.shape(`point-${p.id}`, x, ty, tileW, tileH, fills[i % fills.length]!, { text: texts[i]!, fontSize: TYPE.prompt, border: borders[i % borders.length]!, source: `special_about_the_job.items.${p.id}` });
  });
  y += Math.ceil(J.items.length / cols) * (tileH + GUTTER) + GAP;
  const label = bi(J.prompt);
  b.zone('we-recognise', label, MARGIN, y, inner, labelBand(label, inner, TYPE.prompt) + stickyRows(1), { labelFontSize: TYPE.prompt, source: 'special_about_the_job.prompt', fill: TINT.sand, border: BORDER.sand });
  return b.template({
    id: 'special-about-the-job', order: 6,
    title: bi(J.title),
    summary: { da: 'Ni ting, der gør lederjobbet særligt – og hvad vi genkender', en: "Nine things that make the leader's job special – and what we recognise" },
  });
}
