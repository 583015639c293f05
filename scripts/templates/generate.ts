/**
 * Writes templates/<id>.json from seed/content.json: the deck's Danish copied verbatim,
 * coordinates computed on an 8-unit grid, text on one type scale (TYPE in build.ts).
 * Run: npx tsx scripts/templates/generate.ts, then look: npx tsx scripts/templates/render.ts
 * The committed JSON is the product; the app never runs this.
 *
 * Frames aim at a landscape shape (about 3:2 or wider) so a whole frame fits a screen at a
 * zoom where prompts still read; zones hold at least a row of participant stickies.
 */
import { writeFileSync } from 'node:fs';
import content from '../../seed/content.json' with { type: 'json' };
import { parseTemplate } from '../../src/core/template/schema.js';
import { PLAN_COLUMNS, PLAN_ROW_OFFSETS, PLAN_ROWS_MIN, PLAN_ROWS_WIDTH, planRowsHeight } from '../../src/core/layout/plan-rows.js';
import type { Template } from '../../src/core/template/types.js';
import {
  bi, BORDER, Builder, GAP, GUTTER, labelBand, MARGIN, MUTED, PAD, RECT_STEP, shapeHeightFor, SIDE_INK, STICKY_H,
  stickyCols, stickyRows, textBoxHeight, TINT, TYPE, up8, WHITE,
} from './build.js';
import { opening, plate, preparedness, strainProtection, warningSigns } from './before-break.js';
import { specialAboutTheJob } from './special-about-the-job.js';

const C = content;

function emotions(): Template {
  const b = new Builder();
  const e = C.emotional_spectrum;
  const inner = 2400;
  let y = MARGIN;
  const bannerText = bi(e.banner);
  const bannerH = shapeHeightFor(bannerText, TYPE.title, inner, 'rectangle');
  b.shape('banner', MARGIN, y, inner, bannerH, '#334e68', { shape: 'rectangle', text: bannerText, fontSize: TYPE.title, textColour: WHITE, source: 'emotional_spectrum.banner' });
  y += bannerH + GUTTER;
  y += b.text('question', bi(e.question), MARGIN, y, inner, TYPE.heading, { source: 'emotional_spectrum.question', align: 'center' }) + 2 * GUTTER;
  const pw = 640;
  const fills: Record<string, string> = { left: TINT.rose, centre: TINT.green, right: TINT.blue };
  const borders: Record<string, string> = { left: BORDER.rose, centre: BORDER.green, right: BORDER.blue };
  const ph = Math.max(...e.poles.map((p) => shapeHeightFor(bi(p), TYPE.prompt, pw)));
  let voiceBottom = y + ph;
  e.poles.forEach((p) => {
    const x = p.pos === 'left' ? MARGIN : p.pos === 'right' ? MARGIN + inner - pw : MARGIN + (inner - pw) / 2;
    b.shape(`pole-${p.id}`, x, y, pw, ph, fills[p.pos] ?? TINT.slate, { text: bi(p), fontSize: TYPE.prompt, border: borders[p.pos], source: `emotional_spectrum.poles.${p.id}` });
    if ('voice_da' in p && p.voice_da !== undefined && p.voice_en !== undefined) {
      const voice = { da: p.voice_da, en: p.voice_en };
      const h = b.text(`voice-${p.id}`, voice, x, y + ph + GAP, pw, TYPE.note, { align: 'center', colour: MUTED, source: `emotional_spectrum.poles.${p.id}.voice` });
      voiceBottom = Math.max(voiceBottom, y + ph + GAP + h);
    }
  });
  y = voiceBottom + GUTTER;
  b.shape('spectrum', MARGIN, y, inner, 80, '#cbd2d9', { shape: 'left_right_arrow' });
  y += 80 + GAP;
  // Right under the line, as wide as it: two rows, a place for each of up to 22 people.
  const place = bi(e.placement);
  const placeH = labelBand(place, inner, TYPE.note) + stickyRows(2);
  b.zone('where-i-stand', place, MARGIN, y, inner, placeH, { labelFontSize: TYPE.note, source: 'emotional_spectrum.placement', fill: TINT.slate, border: BORDER.slate, voteable: false });
  y += placeH + 2 * GUTTER;
  const label = { da: 'Det, der hjælper mig', en: 'What helps me' };
  b.zone('what-helps-me', label, MARGIN, y, inner, labelBand(label, inner, TYPE.prompt) + stickyRows(2), { labelFontSize: TYPE.prompt, fill: TINT.green, border: BORDER.green });
  return b.template({
    id: 'emotions', order: 7,
    title: { da: 'Følelser smitter', en: 'Emotions are contagious' },
    summary: { da: 'Mellem overinvolvering og kynisme: hvad hjælper mig til rolig kontakt?', en: 'Between over-involvement and cynicism: what helps me keep calm contact?' },
  });
}

function safeUnsafeTeam(): Template {
  const b = new Builder();
  const s = C.safety_culture;
  // A cell = a seed card (a wide sticky) and, under it, as wide, a zone for our own examples
  // with room for four stickies (2 × 2). Each team is two rows of four cells; the teams sit
  // side by side. Stacked rather than side by side, so the frame keeps a landscape shape.
  const cardW = 480;
  const cardH = RECT_STEP(cardW);
  const cellW = cardW;
  const blockW = 4 * cellW + 3 * GUTTER;
  const inner = 2 * blockW + 2 * GUTTER;
  let y = MARGIN;
  y += b.text('title', { da: 'Det trygge og det utrygge lederteam', en: 'The safe and the unsafe leadership team' }, MARGIN, y, inner, TYPE.title) + GUTTER;
  // The definition card at a readable measure over the safe side and one cell more, the two
  // principles beside it.
  const d = s.definition_card;
  const defText = {
    da: `<strong>${d.title.da}</strong>\n${d.da}\n<em>${d.attribution_da}</em>`,
    en: `<strong>${d.title.en}</strong>\n${d.en}\n<em>${d.attribution_en}</em>`,
  };
  const defFont = TYPE.prompt;
  const defW = blockW + 2 * GUTTER + cellW;
  const defH = shapeHeightFor(defText, defFont, defW);
  b.shape('definition', MARGIN, y, defW, defH, TINT.lilac, { text: defText, fontSize: defFont, border: BORDER.lilac, source: 'safety_culture.definition_card' });
  const px = MARGIN + defW + 2 * GUTTER;
  const pw = inner - defW - 2 * GUTTER;
  const principlesH = s.principles.reduce((h, p) => h + textBoxHeight(bi(p), TYPE.heading, pw), 0) + GUTTER;
  let py = y + Math.max(0, up8((defH - principlesH) / 2));
  s.principles.forEach((p, i) => {
    py += b.text(`principle-${i + 1}`, bi(p), px, py, pw, TYPE.heading, { source: `safety_culture.principles.${i}`, colour: MUTED }) + GUTTER;
  });
  y = Math.max(y + defH, py) + 2 * GUTTER;
  y += b.text('team-prompt', bi(s.team_prompt), MARGIN, y, inner, TYPE.heading, { source: 'safety_culture.team_prompt' }) + GUTTER;
  const columns = [
    { key: 'safe_team' as const, prefix: 'safe', colour: 'light_green' as const, fill: TINT.green, border: BORDER.green, ink: SIDE_INK.good },
    { key: 'unsafe_team' as const, prefix: 'unsafe', colour: 'light_pink' as const, fill: TINT.rose, border: BORDER.rose, ink: SIDE_INK.bad },
  ];
  const label = { da: 'Vores eksempler', en: 'Our examples' };
  const exH = labelBand(label, cellW, TYPE.note) + stickyRows(2);
  const rowH = cardH + GAP + exH;
  const headH = Math.max(...columns.map((c) => textBoxHeight(bi(s[c.key].title), TYPE.heading, blockW)));
  columns.forEach((col, ci) => {
    const x = MARGIN + ci * (blockW + 2 * GUTTER);
    b.text(`${col.prefix}-title`, bi(s[col.key].title), x, y, blockW, TYPE.heading, { source: `safety_culture.${col.key}.title`, colour: col.ink });
    const top = y + headH + GAP;
    s[col.key].items.forEach((item, i) => {
      const cx = x + (i % 4) * (cellW + GUTTER);
      const cy = top + Math.floor(i / 4) * (rowH + GUTTER);
      b.card(`${col.prefix}-${item.id}`, bi(item), cx, cy, col.colour, { width: cardW, shape: 'rectangle', source: `safety_culture.${col.key}.items.${item.id}` });
      b.zone(`${col.prefix}-${item.id}-examples`, label, cx, cy + cardH + GAP, cellW, exH, { fill: col.fill, border: col.border, labelFontSize: TYPE.note });
    });
  });
  return b.template({
    id: 'safe-unsafe-team', order: 8,
    title: { da: 'Det trygge og det utrygge lederteam', en: 'Safe vs. unsafe team' },
    summary: { da: 'Psykologisk tryghed: hvor genkender vi os selv?', en: 'Psychological safety: where do we recognise ourselves?' },
  });
}

function notTalkedAbout(): Template {
  const b = new Builder();
  const n = C.not_talked_about;
  const cols = 3;
  const zw = stickyCols(4);
  const inner = cols * zw + (cols - 1) * GUTTER;
  // Header: title and question on the left, the quote as a card on the right.
  const quoteW = zw;
  const textW = inner - quoteW - 2 * GUTTER;
  let y = MARGIN;
  let ly = y;
  ly += b.text('title', { da: 'Det vi ikke taler nok om', en: 'What we do not talk about enough' }, MARGIN, ly, textW, TYPE.title) + GAP;
  ly += b.text('question', bi(n.question), MARGIN, ly, textW, TYPE.prompt, { source: 'not_talked_about.question' });
  const quote = bi(n.quote);
  const quoteH = Math.max(shapeHeightFor(quote, TYPE.prompt, quoteW), up8(ly - y));
  b.shape('quote', MARGIN + inner - quoteW, y, quoteW, quoteH, TINT.lilac, { text: quote, fontSize: TYPE.prompt, textColour: MUTED, border: BORDER.lilac, source: 'not_talked_about.quote' });
  y = Math.max(ly, y + quoteH) + 2 * GUTTER;
  y += b.text('areas-title', bi(n.title), MARGIN, y, inner, TYPE.heading, { source: 'not_talked_about.title' }) + GAP;
  const zones = [
    ...n.items.map((i) => ({ id: `area-${i.id}`, label: bi(i), source: `not_talked_about.items.${i.id}` })),
    { id: 'area-other', label: { da: 'Andet', en: 'Other' }, source: undefined },
  ];
  const band = Math.max(...zones.map((z) => labelBand(z.label, zw, TYPE.note)));
  const zh = band + stickyRows(1) + up8(STICKY_H / 2);
  zones.forEach((z, i) => {
    const x = MARGIN + (i % cols) * (zw + GUTTER);
    const zy = y + Math.floor(i / cols) * (zh + GUTTER);
    b.zone(z.id, z.label, x, zy, zw, zh, { labelFontSize: TYPE.note, ...(z.source ? { source: z.source, fill: TINT.sand, border: BORDER.sand } : { fill: TINT.slate, border: BORDER.slate }) });
  });
  return b.template({
    id: 'not-talked-about', order: 9,
    title: { da: 'Det vi ikke taler nok om', en: 'What we do not talk about enough' },
    summary: { da: 'Belastningsområder, vi bør tale mere om i ledergruppen', en: 'Areas of strain our leadership team ought to talk about more' },
  });
}

const COLUMN_IDS = { text: 'initiative', owner: 'owner', deadline: 'deadline', preparedness: 'preparedness', followUp: 'follow-up' } as const;

function pIglo(): Template {
  const b = new Builder();
  const p = C.p_iglo;
  // Left: each layer's heading and prompt; right: its rows area, where the plan's rows go
  // (src/core/layout/plan-rows.ts: one row of stickies per initiative, two rows side by side,
  // room for four before the layer grows). The column headings stand once, above the first
  // layer, over each of the two rows. Nothing here is smaller than a prompt (44): the plan's
  // frame is tall, and must still read when it is seen whole.
  const headW = 800;
  const rowsX = MARGIN + PAD + headW + GUTTER;
  const width = PAD + headW + GUTTER + PLAN_ROWS_WIDTH + PAD;
  let y = MARGIN;
  // The deck's lead-in ("Leder- og medarbejderskab …men hvordan?") as a kicker above the title.
  const introW = 800;
  const introH = Math.max(
    ...p.intro.map((t, i) => b.text(`intro-${i + 1}`, bi(t), MARGIN + i * introW, y, introW - GAP, TYPE.prompt, { source: `p_iglo.intro.${i}`, colour: MUTED })),
  );
  y += introH + GAP;
  y += b.text('title', bi(p.title), MARGIN, y, width, TYPE.title, { source: 'p_iglo.title' }) + GAP;
  y += b.text('subtitle', bi(p.subtitle), MARGIN, y, width, TYPE.prompt, { source: 'p_iglo.subtitle', colour: MUTED }) + GUTTER;
  if (p.columns.length !== PLAN_COLUMNS.length) throw new Error('p_iglo.columns: one heading per cell of a plan row');
  const colHeadH = Math.max(...p.columns.map((c, i) => textBoxHeight(bi(c), TYPE.prompt, PLAN_COLUMNS[i]!.width)));
  PLAN_ROW_OFFSETS.forEach((offset, r) => {
    p.columns.forEach((c, i) => {
      const col = PLAN_COLUMNS[i]!;
      const id = `column-${COLUMN_IDS[col.cell]}${r === 0 ? '' : `-${r + 1}`}`;
      b.text(id, bi(c), rowsX + offset + col.x, y, col.width, TYPE.prompt, { source: `p_iglo.columns.${i}` });
    });
  });
  y += colHeadH + GAP;
  const fills = ['#e4ecf7', '#e6f4ee', '#f8efe4', '#eeeaf7', '#fbe9ec'];
  const inks = ['#2b5c8a', SIDE_INK.good, '#7a4f12', '#55408f', SIDE_INK.bad]; // each layer's heading in its band's colour
  const rowsH = planRowsHeight(PLAN_ROWS_MIN);
  const bandsTop = y;
  p.layers.forEach((layer, li) => {
    const k = layer.key.toLowerCase();
    const heading = { da: `${layer.key} – ${layer.da}`, en: `${layer.key} – ${layer.en}` };
    const innerTop = y + PAD;
    const headingH = textBoxHeight(heading, TYPE.prompt, headW);
    const promptH = textBoxHeight(bi(layer.prompt), TYPE.prompt, headW);
    // The rows area keeps its height (the plan grows it by whole lines); a long prompt makes the band taller instead.
    const bandH = Math.max(rowsH, headingH + GAP + promptH) + 2 * PAD;
    // The band goes behind its contents.
    b.shape(`band-${k}`, MARGIN, y, width, bandH, fills[li] ?? TINT.slate, { shape: 'rectangle' });
    b.text(`layer-${k}`, heading, MARGIN + PAD, innerTop, headW, TYPE.prompt, { source: `p_iglo.layers.${layer.key}`, colour: inks[li] });
    b.text(`layer-${k}-prompt`, bi(layer.prompt), MARGIN + PAD, innerTop + headingH + GAP, headW, TYPE.prompt, { source: `p_iglo.layers.${layer.key}.prompt`, colour: MUTED });
    b.shape(`rows-${k}`, rowsX, innerTop, PLAN_ROWS_WIDTH, rowsH, WHITE, { shape: 'rectangle', border: BORDER.slate });
    y += bandH + GAP;
  });
  // Beside the layers, the participants' own proposals: stickies to vote on before they become rows.
  const proposals = { da: 'Forslag til indsatser', en: 'Proposals for initiatives' };
  b.zone('proposals', proposals, MARGIN + width + GUTTER, bandsTop, stickyCols(3), y - GAP - bandsTop, { labelFontSize: TYPE.prompt, fill: TINT.sand, border: BORDER.sand });
  y += GUTTER - GAP;
  b.text('interplay-prompt', bi(p.interplay_prompt), MARGIN, y, width, TYPE.prompt, { source: 'p_iglo.interplay_prompt' });
  return b.template({
    id: 'p-iglo', order: 10,
    title: { da: 'P-IGLO-indsatsplan', en: 'P-IGLO plan' },
    summary: { da: 'Indsatser på fem niveauer: hvad, hvem, hvornår og opfølgning', en: 'Initiatives on five levels: what, who, when and follow-up' },
  });
}

function practice(): Template {
  const b = new Builder();
  const p = C.practice;
  const inner = 2400;
  let y = MARGIN;
  y += b.text('title', bi(p.title), MARGIN, y, inner, TYPE.title, { source: 'practice.title' }) + GUTTER;
  const zw = (inner - 2 * GUTTER) / 2;
  const band = Math.max(...p.questions.map((q) => labelBand(bi(q), zw, TYPE.prompt)));
  const fills = [TINT.green, TINT.blue];
  const borders = [BORDER.green, BORDER.blue];
  p.questions.forEach((q, i) => {
    b.zone(q.id.replace('_', '-'), bi(q), MARGIN + i * (zw + 2 * GUTTER), y, zw, band + stickyRows(3), { labelFontSize: TYPE.prompt, source: `practice.questions.${q.id}`, fill: fills[i], border: borders[i] });
  });
  return b.template({
    id: 'practice', order: 11,
    title: { da: 'Ledertrivsel i praksis', en: 'Leader wellbeing in practice' },
    summary: { da: 'Hvad vi fortsætter med, og hvad vi gør mere af', en: 'What we continue, and what we do more of' },
  });
}

function takeaways(): Template {
  const b = new Builder();
  const t = C.takeaways;
  const inner = 2400;
  let y = MARGIN;
  y += b.text('title', bi(t.title), MARGIN, y, inner, TYPE.title, { source: 'takeaways.title' }) + GAP;
  y += b.text('credit', bi(t.credit), MARGIN, y, inner, TYPE.note, { source: 'takeaways.credit', colour: MUTED }) + GUTTER;
  const n = t.items.length;
  const w = (inner - (n - 1) * GUTTER) / n;
  const h = Math.max(...t.items.map((i) => shapeHeightFor(bi(i), TYPE.prompt, w)));
  const fills = [TINT.blue, TINT.sand, TINT.green, TINT.lilac];
  const borders = [BORDER.blue, BORDER.sand, BORDER.green, BORDER.lilac];
  t.items.forEach((item, i) => {
    b.shape(`takeaway-${i + 1}`, MARGIN + i * (w + GUTTER), y, w, h, fills[i] ?? TINT.slate, { text: bi(item), fontSize: TYPE.prompt, border: borders[i], source: `takeaways.items.${i}` });
  });
  y += h + 2 * GUTTER;
  const label = { da: 'Min vigtigste pointe', en: 'My main point' };
  b.zone('my-main-point', label, MARGIN, y, inner, labelBand(label, inner, TYPE.prompt) + stickyRows(2), { labelFontSize: TYPE.prompt, fill: TINT.sand, border: BORDER.sand });
  return b.template({
    id: 'takeaways', order: 12,
    title: { da: 'Take-aways', en: 'Take-aways' },
    summary: { da: 'De fire take-aways og min vigtigste pointe', en: 'The four take-aways and my main point' },
  });
}

const all = [opening, strainProtection, preparedness, warningSigns, plate, specialAboutTheJob, emotions, safeUnsafeTeam, notTalkedAbout, pIglo, practice, takeaways];
for (const make of all) {
  const t = make();
  const file = `templates/${t.id}.json`;
  parseTemplate(t, file); // never write a template the app would reject
  writeFileSync(file, `${JSON.stringify(t, null, 2)}\n`);
  console.log(`${file}: ${t.elements.length} elements, frame ${t.frame.width}×${t.frame.height}`);
}
