/**
 * The templates of the workshop's first part, before the deck's break: opening, the building
 * site, preparedness, the warning signs and the plate. Written by generate.ts.
 */
import content from '../../seed/content.json' with { type: 'json' };
import { STICKY_ASPECT } from '../../src/core/miro-rules.js';
import type { Template } from '../../src/core/template/types.js';
import {
  bi, BORDER, Builder, cardCols, GAP, GUTTER, labelBand, MARGIN, MUTED, PAD, RECT_STEP, shapeHeightFor, SIDE_INK,
  stickyCols, stickyRows, textBoxHeight, TINT, TYPE, up8, WHITE,
} from './build.js';

const C = content;

export function opening(): Template {
  const b = new Builder();
  const inner = 2240;
  let y = MARGIN;
  y += b.text('title', bi(C.opening.title), MARGIN, y, inner, TYPE.title, { source: 'opening.title' }) + GAP;
  y += b.text('credit', bi(C.takeaways.credit), MARGIN, y, inner, TYPE.note, { source: 'takeaways.credit', colour: MUTED }) + GUTTER;
  // Right: the two self-talk quotes as stickies; left: the research card, as tall as they are.
  const qW = 320;
  const rightW = 2 * qW + GUTTER;
  const rx = MARGIN + inner - rightW;
  const selfLabel = { da: 'Selvsnak', en: 'Self-talk' };
  const labelH = textBoxHeight(selfLabel, TYPE.note, rightW);
  const blockH = up8(labelH + GAP + qW * STICKY_ASPECT.square);
  const cardW = rx - MARGIN - 2 * GUTTER;
  const cardText = bi(C.opening.research_card);
  const cardH = Math.max(shapeHeightFor(cardText, TYPE.heading, cardW), blockH);
  b.shape('research-card', MARGIN, y, cardW, cardH, TINT.blue, { text: cardText, fontSize: TYPE.heading, source: 'opening.research_card' });
  b.text('self-talk-label', selfLabel, rx, y, rightW, TYPE.note, { colour: MUTED });
  C.opening.self_talk.forEach((q, i) => {
    b.card(`self-talk-${i + 1}`, bi(q), rx + i * (qW + GUTTER), y + labelH + GAP, 'light_yellow', { width: qW, source: `opening.self_talk.${i}` });
  });
  y += cardH + 2 * GUTTER;
  const label = bi(C.opening.checkin_question);
  const band = labelBand(label, inner, TYPE.prompt);
  b.zone('check-in', label, MARGIN, y, inner, band + stickyRows(2), { labelFontSize: TYPE.prompt, source: 'opening.checkin_question', fill: TINT.sand, border: BORDER.sand });
  return b.template({
    id: 'opening', order: 1,
    title: { da: 'Lederen som instrument', en: 'The leader as an instrument' },
    summary: { da: 'Forskningen, selvsnakken og en check-in', en: 'The research, the self-talk and a check-in' },
  });
}

export function strainProtection(): Template {
  const b = new Builder();
  const m = C.strain_protection_map;
  const hr = C.high_risk;
  // Each side is a 2 × 3 grid of zones, three stickies wide; the header spans the same two sides.
  const zoneW = stickyCols(3);
  const sideW = 2 * zoneW + GAP;
  const rightX = MARGIN + sideW + 2 * GUTTER;
  let y = MARGIN;
  let ly = y;
  ly += b.text('title', { da: 'Byggepladsen', en: 'The building site' }, MARGIN, ly, sideW, TYPE.title) + GAP;
  // The deck's site question heads the frame; its protection question heads that column, and
  // the strains column gets a question of its own.
  const siteQuestion = bi(m.prompts[1]!);
  ly += b.text('prompt-2', siteQuestion, MARGIN, ly, sideW, TYPE.prompt, { source: 'strain_protection_map.prompts.1' }) + GAP;
  // The high-risk context as a panel on the right of the header; drawn before its contents.
  const ix = rightX + PAD;
  const iw = sideW - 2 * PAD;
  const titleH = textBoxHeight(bi(hr.title), TYPE.prompt, iw);
  const exW = (iw - 3 * GAP) / 4;
  const exMin = Math.max(...hr.exposures.map((e) => shapeHeightFor(bi(e), TYPE.body, exW)));
  const principleH = textBoxHeight(bi(hr.principle), TYPE.note, iw);
  // As tall as the title and prompts beside it, so the header ends on one line.
  const leftH = textBoxHeight({ da: 'Byggepladsen', en: 'The building site' }, TYPE.title, sideW) + GAP + textBoxHeight(siteQuestion, TYPE.prompt, sideW);
  const panelH = up8(Math.max(PAD + titleH + GAP + exMin + GAP + principleH + PAD, leftH));
  const exH = panelH - (PAD + titleH + GAP + GAP + principleH + PAD); // the chips take up any slack
  b.shape('high-risk-panel', rightX, y, sideW, panelH, TINT.slate, { shape: 'rectangle' });
  let py = y + PAD;
  py += b.text('high-risk-title', bi(hr.title), ix, py, iw, TYPE.prompt, { source: 'high_risk.title' }) + GAP;
  hr.exposures.forEach((e, i) => {
    b.shape(`exposure-${i + 1}`, ix + i * (exW + GAP), py, exW, exH, WHITE, { text: bi(e), fontSize: TYPE.body, border: BORDER.slate, source: `high_risk.exposures.${i}` });
  });
  py += exH + GAP;
  b.text('high-risk-principle', bi(hr.principle), ix, py, iw, TYPE.note, { source: 'high_risk.principle', colour: MUTED });
  y = Math.max(ly - GAP, y + panelH) + 2 * GUTTER;

  const columns = [
    { key: 'strains' as const, prefix: 'strain', fill: TINT.rose, border: BORDER.rose, ink: SIDE_INK.bad, prompt: { id: 'strains-prompt', text: bi(m.strains.prompt), source: 'strain_protection_map.strains.prompt' } },
    { key: 'protections' as const, prefix: 'protection', fill: TINT.green, border: BORDER.green, ink: SIDE_INK.good, prompt: { id: 'prompt-1', text: bi(m.prompts[0]!), source: 'strain_protection_map.prompts.0' } },
  ];
  const allLabels = columns.flatMap((c) => m[c.key].items.map(bi));
  const band = Math.max(...allLabels.map((l) => labelBand(l, zoneW, TYPE.note)));
  const zoneH = band + stickyRows(1);
  const colTitleH = Math.max(...columns.map((c) => textBoxHeight(bi(m[c.key].title), TYPE.heading, sideW)));
  const headH = colTitleH + GAP + Math.max(...columns.map((c) => textBoxHeight(c.prompt.text, TYPE.prompt, sideW)));
  columns.forEach((col, ci) => {
    const x = MARGIN + ci * (sideW + 2 * GUTTER);
    b.text(`${col.prefix}s-title`, bi(m[col.key].title), x, y, sideW, TYPE.heading, { source: `strain_protection_map.${col.key}.title`, colour: col.ink });
    b.text(col.prompt.id, col.prompt.text, x, y + colTitleH + GAP, sideW, TYPE.prompt, { source: col.prompt.source });
    const top = y + headH + GAP;
    const items = m[col.key].items;
    items.forEach((item, i) => {
      // An odd last zone spans the side, so both sides end on the same line.
      const last = i === items.length - 1 && items.length % 2 === 1;
      const zx = x + (i % 2) * (zoneW + GAP);
      const zy = top + Math.floor(i / 2) * (zoneH + GAP);
      b.zone(`${col.prefix}-${item.id}`, bi(item), zx, zy, last ? sideW : zoneW, zoneH, { fill: col.fill, border: col.border, labelFontSize: TYPE.note, source: `strain_protection_map.${col.key}.items.${item.id}` });
    });
  });
  return b.template({
    id: 'strain-protection', order: 2,
    title: { da: 'Byggepladsen', en: 'The building site' },
    summary: { da: 'Belastninger og beskyttelse i lederjobbet', en: "Strains on and protections of a leader's work" },
  });
}

export function preparedness(): Template {
  const b = new Builder();
  const p = C.preparedness;
  // Rows: the events the deck's high-risk slide names, and any other; in each row the two questions.
  const events = [
    ...C.high_risk.exposures.slice(0, 3).map((e, i) => ({ id: ['complaints', 'criticism', 'coverage'][i]!, text: bi(e), source: `high_risk.exposures.${i}` })),
    { id: 'other', text: bi(p.other_event), source: 'preparedness.other_event' },
  ];
  const headW = 440;
  const cellW = stickyCols(5);
  const inner = headW + 2 * cellW + GAP;
  let y = MARGIN;
  y += b.text('title', bi(p.title), MARGIN, y, inner, TYPE.title, { source: 'preparedness.title' }) + GAP;
  y += b.text('question', bi(p.question), MARGIN, y, inner, TYPE.prompt, { source: 'preparedness.question' }) + GUTTER;
  const fills = [TINT.blue, TINT.green];
  const borders = [BORDER.blue, BORDER.green];
  const ids = ['facing', 'calls-for'];
  const h = Math.max(...p.questions.map((q) => labelBand(bi(q), cellW, TYPE.note))) + stickyRows(1);
  const inks = ['#2b5c8a', SIDE_INK.bad, '#7a4f12', MUTED];
  events.forEach((ev, r) => {
    b.text(`row-${ev.id}`, ev.text, MARGIN, y + PAD, headW - GUTTER, TYPE.prompt, { source: ev.source, colour: inks[r] });
    p.questions.forEach((q, c) => {
      const x = MARGIN + headW + c * (cellW + GAP);
      b.zone(`${ev.id}-${ids[c]}`, bi(q), x, y, cellW, h, { fill: fills[c], border: borders[c], labelFontSize: TYPE.note, source: `preparedness.questions.${c}` });
    });
    y += h + GAP;
  });
  return b.template({
    id: 'preparedness', order: 3,
    title: { da: 'Beredskab', en: 'Preparedness' },
    summary: { da: 'Klager, kritik og omtale de næste seks måneder: hvad står vi overfor, og hvad kalder det på?', en: 'Complaints, criticism and public attention over the next six months: what are we facing, and what does it call for?' },
  });
}

export function warningSigns(): Template {
  const b = new Builder();
  const w = C.warning_signs;
  const cols = 5;
  const cardW = 384;
  const cardH = RECT_STEP(cardW);
  const zw = cardCols(cols, cardW);
  const rw = stickyCols(4);
  const inner = zw + 2 * GUTTER + rw;
  let y = MARGIN;
  y += b.text('title', bi(w.title), MARGIN, y, inner, TYPE.title, { source: 'warning_signs.title' }) + GUTTER;
  const groups = [
    { id: 'individual', hint: 'I', label: { da: 'Hos den enkelte leder', en: 'In the individual leader' }, colour: 'light_yellow' as const, fill: TINT.sand, border: BORDER.sand },
    { id: 'group', hint: 'G', label: { da: 'I ledergruppen', en: 'In the leadership team' }, colour: 'light_blue' as const, fill: TINT.blue, border: BORDER.blue },
  ];
  const top = y;
  for (const g of groups) {
    const items = w.items.filter((i) => i.level_hint === g.hint);
    const rows = Math.ceil(items.length / cols);
    const band = labelBand(g.label, zw, TYPE.note);
    const h = up8(band + stickyRows(rows, cardH));
    b.zone(g.id, g.label, MARGIN, y, zw, h, { fill: g.fill, border: g.border, labelFontSize: TYPE.note });
    items.forEach((item, i) => {
      const x = MARGIN + PAD + (i % cols) * (cardW + GAP);
      const cy = y + band + Math.floor(i / cols) * (cardH + GAP);
      b.card(`sign-${item.id}`, bi(item), x, cy, g.colour, { zone: g.id, width: cardW, shape: 'rectangle', source: `warning_signs.items.${item.id}` });
    });
    y += h + GUTTER;
  }
  // Right: what we see, the follow-up, how we will talk about it; ending where the left ends.
  const bottom = y - GUTTER;
  const rx = MARGIN + zw + 2 * GUTTER;
  const followH = textBoxHeight(bi(w.follow_up), TYPE.prompt, rw);
  const zoneH = up8((bottom - top - followH - 2 * GUTTER) / 2);
  const seeLabel = bi(w.observations);
  b.zone('what-we-see', seeLabel, rx, top, rw, zoneH, { labelFontSize: TYPE.prompt, fill: TINT.slate, border: BORDER.slate });
  const fy = top + zoneH + GUTTER;
  b.text('follow-up', bi(w.follow_up), rx, fy, rw, TYPE.prompt, { source: 'warning_signs.follow_up' });
  const ty = fy + followH + GUTTER;
  const talkLabel = { da: 'Sådan vil vi tale om det', en: 'How we will talk about it' };
  b.zone('how-we-talk', talkLabel, rx, ty, rw, Math.max(bottom - ty, labelBand(talkLabel, rw, TYPE.prompt) + stickyRows(1)), { labelFontSize: TYPE.prompt, fill: TINT.green, border: BORDER.green });
  return b.template({
    id: 'warning-signs', order: 4,
    title: { da: 'Tegn (uden)på…', en: '(Outward) signs of…' },
    summary: { da: 'Tegn på mistrivsel hos den enkelte og i gruppen – og hvordan vi taler om dem', en: 'Signs of strain in one leader and in the group – and how we talk about them' },
  });
}

export function plate(): Template {
  const b = new Builder();
  const p = C.plate;
  const inner = 2392;
  // What is true of this frame, top right: the answers are written in the panel and stay on
  // each person's device; the board holds the prompts and only the copies people choose to share.
  const badge = {
    da: 'Dine svar skriver du i Tryghed-panelet under »Min tallerken«. De bliver på din egen enhed. Kun en kopi, du selv vælger at dele, kommer her på boardet – synlig for alle, tælles aldrig op.',
    en: 'You write your answers in the Tryghed panel under “My plate”. They stay on your own device. Only a copy you choose to share comes here on the board – visible to everyone, never counted.',
  };
  const badgeW = 1040;
  const badgeH = shapeHeightFor(badge, TYPE.note, badgeW);
  const textW = inner - badgeW - 2 * GUTTER;
  let y = MARGIN;
  b.shape('private-note', MARGIN + inner - badgeW, y, badgeW, badgeH, TINT.lilac, { text: badge, fontSize: TYPE.note, border: BORDER.lilac });
  let left = y;
  left += b.text('title', { da: 'Tallerkenen', en: 'The plate' }, MARGIN, left, textW, TYPE.title) + GAP;
  left += b.text('context', bi(p.context), MARGIN, left, textW, TYPE.note, { source: 'plate.context', colour: MUTED }) + GAP;
  y = Math.max(left, y + badgeH) + GUTTER;
  y += b.text('question', bi(p.question), MARGIN, y, inner, TYPE.heading, { source: 'plate.question' }) + GUTTER;
  // One plate outline for everyone (any number of people), and beside it the shared copies.
  const d = 880;
  b.shape('plate', MARGIN, y, d, d, WHITE, { shape: 'circle', border: '#9aa5b1' });
  const zx = MARGIN + d + 2 * GUTTER;
  const zw = inner - d - 2 * GUTTER;
  const label = { da: 'Kopier, som deltagerne selv har valgt at dele', en: 'Copies people chose to share' };
  b.zone('shared', label, zx, y, zw, d, { fill: TINT.sand, border: BORDER.sand, labelFontSize: TYPE.note, voteable: false });
  return b.template({
    id: 'plate', order: 5, private: true,
    title: { da: 'Tallerkenen', en: 'The plate' },
    summary: { da: 'Personlig refleksion: svarene skrives i panelet og bliver på din enhed; intet tælles op', en: 'Personal reflection: answers are written in the panel and stay on your device; nothing is counted' },
  });
}
