/**
 * Writes templates/<id>.json from seed/content.json: the deck's Danish copied verbatim,
 * coordinates computed on an 8-unit grid. Run: npx tsx scripts/templates/generate.ts
 * The committed JSON is the product; the app never runs this.
 */
import { writeFileSync } from 'node:fs';
import content from '../../seed/content.json' with { type: 'json' };
import { parseTemplate } from '../../src/core/template/schema.js';
import type { Template } from '../../src/core/template/types.js';
import {
  bi, Builder, GAP, GUTTER, INK, labelBand, MARGIN, MUTED, PAD, shapeHeightFor, STICKY_H, STICKY_W,
  stickyCols, stickyRows, TINT, up8, WHITE, ZONE,
} from './build.js';

const C = content;
const INNER = 2240; // standard content width: a 2400-wide frame

function opening(): Template {
  const b = new Builder();
  let y = MARGIN;
  y += b.text('title', bi(C.opening.title), MARGIN, y, INNER, 64, { source: 'opening.title' }) + GUTTER;
  const cardW = 1200;
  const cardText = bi(C.opening.research_card);
  const cardH = shapeHeightFor(cardText, 28, cardW);
  b.shape('research-card', MARGIN, y, cardW, cardH, TINT.blue, { text: cardText, fontSize: 28, source: 'opening.research_card' });
  const qx = MARGIN + cardW + 2 * GUTTER;
  const labelH = b.text('self-talk-label', { da: 'Selvsnak', en: 'Self-talk' }, qx, y, 2 * 280 + GUTTER, 24, { colour: MUTED });
  C.opening.self_talk.forEach((q, i) => {
    b.card(`self-talk-${i + 1}`, bi(q), qx + i * (280 + GUTTER), y + labelH + GAP, 'light_yellow', { width: 280, source: `opening.self_talk.${i}` });
  });
  y += Math.max(cardH, labelH + GAP + up8(280 * (STICKY_H / STICKY_W))) + 2 * GUTTER;
  const label = bi(C.opening.checkin_question);
  const band = labelBand(label, INNER, 36);
  b.zone('check-in', label, MARGIN, y, INNER, band + stickyRows(2), { labelFontSize: 36, source: 'opening.checkin_question', fill: TINT.sand, border: '#e0c9a6' });
  return b.template({
    id: 'opening', order: 1,
    title: { da: 'Lederen som instrument', en: 'The leader as an instrument' },
    summary: { da: 'Forskningen, selvsnakken og en check-in', en: 'The research, the self-talk and a check-in' },
  });
}

function strainProtection(): Template {
  const b = new Builder();
  const m = C.strain_protection_map;
  let y = MARGIN;
  y += b.text('title', { da: 'Byggepladsen', en: 'The building site' }, MARGIN, y, INNER, 64) + GAP;
  m.prompts.forEach((p, i) => {
    y += b.text(`prompt-${i + 1}`, bi(p), MARGIN, y, 2000, 28, { source: `strain_protection_map.prompts.${i}`, colour: MUTED }) + GAP;
  });
  y += GUTTER - GAP;
  const colW = stickyCols(5);
  const columns = [
    { key: 'strains' as const, prefix: 'strain', fill: TINT.rose, border: '#e3b5bd' },
    { key: 'protections' as const, prefix: 'protection', fill: TINT.green, border: '#a9d3bf' },
  ];
  const top = y;
  let bottom = y;
  columns.forEach((col, ci) => {
    const x = MARGIN + ci * (colW + GUTTER);
    let cy = top;
    cy += b.text(`${col.prefix}s-title`, bi(m[col.key].title), x, cy, colW, 40, { source: `strain_protection_map.${col.key}.title` }) + GAP;
    for (const item of m[col.key].items) {
      const label = bi(item);
      const h = labelBand(label, colW, 24) + stickyRows(1);
      b.zone(`${col.prefix}-${item.id}`, label, x, cy, colW, h, { fill: col.fill, border: col.border, labelFontSize: 24, source: `strain_protection_map.${col.key}.items.${item.id}` });
      cy += h + GAP;
    }
    bottom = Math.max(bottom, cy);
  });
  // The high-risk context, as a panel beside the columns.
  const hr = C.high_risk;
  const px = MARGIN + 2 * (colW + GUTTER) + GUTTER;
  const pw = 640;
  const ix = px + PAD;
  const iw = pw - 2 * PAD;
  let py = top + PAD;
  const parts: Array<() => void> = [];
  const titleH = b.text('high-risk-title', bi(hr.title), ix, py, iw, 32, { source: 'high_risk.title' });
  py += titleH + GAP;
  const exW = (iw - GAP) / 2;
  const exH = 80;
  hr.exposures.forEach((e, i) => {
    const ex = ix + (i % 2) * (exW + GAP);
    const ey = py + Math.floor(i / 2) * (exH + GAP);
    parts.push(() => b.shape(`exposure-${i + 1}`, ex, ey, exW, exH, WHITE, { text: bi(e), fontSize: 24, border: '#cbd2d9', source: `high_risk.exposures.${i}` }));
  });
  py += 2 * exH + GAP + GAP;
  const principleH = (() => {
    const h = b.text('high-risk-principle', bi(hr.principle), ix, py, iw, 24, { source: 'high_risk.principle', colour: MUTED });
    return h;
  })();
  py += principleH + PAD;
  // The panel is drawn first (behind), so move it before its contents.
  const panelIndex = b.elements.findIndex((e) => e.id === 'high-risk-title');
  b.shape('high-risk-panel', px, top, pw, py - top, TINT.slate, { shape: 'rectangle' });
  const panel = b.elements.pop()!;
  b.elements.splice(panelIndex, 0, panel);
  parts.forEach((draw) => draw());
  void bottom;
  return b.template({
    id: 'strain-protection', order: 2,
    title: { da: 'Byggepladsen', en: 'The building site' },
    summary: { da: 'Belastninger og beskyttelse i lederjobbet', en: "Strains on and protections of a leader's work" },
  });
}

function preparedness(): Template {
  const b = new Builder();
  const p = C.preparedness;
  let y = MARGIN;
  y += b.text('title', bi(p.title), MARGIN, y, INNER, 64, { source: 'preparedness.title' }) + GAP;
  y += b.text('question', bi(p.question), MARGIN, y, INNER, 32, { source: 'preparedness.question', colour: MUTED }) + GUTTER;
  const headW = 320;
  const cellW = stickyCols(2);
  const fills = [TINT.blue, TINT.green];
  const ids = ['facing', 'calls-for'];
  p.rows.forEach((row, r) => {
    const label0 = { da: 'Måned 1', en: 'Month 1' };
    const h = labelBand(label0, cellW, 24) + stickyRows(2);
    b.text(`row-${ids[r]}`, bi(row), MARGIN, y + PAD, headW - GUTTER, 32, { source: `preparedness.rows.${r}` });
    for (let mth = 1; mth <= 6; mth++) {
      const x = MARGIN + headW + (mth - 1) * (cellW + GAP);
      b.zone(`${ids[r]}-m${mth}`, { da: `Måned ${mth}`, en: `Month ${mth}` }, x, y, cellW, h, { fill: fills[r], labelFontSize: 24 });
    }
    y += h + GAP;
  });
  return b.template({
    id: 'preparedness', order: 3,
    title: { da: 'Beredskab', en: 'Preparedness' },
    summary: { da: 'De næste seks måneder: hvad står vi overfor, og hvad kalder det på?', en: 'The next six months: what are we facing, and what does it call for?' },
  });
}

function warningSigns(): Template {
  const b = new Builder();
  const w = C.warning_signs;
  let y = MARGIN;
  y += b.text('title', bi(w.title), MARGIN, y, INNER, 64, { source: 'warning_signs.title' }) + GUTTER;
  const cols = 5;
  const zw = stickyCols(cols);
  const groups = [
    { id: 'individual', hint: 'I', label: { da: 'Hos den enkelte leder', en: 'In the individual leader' }, colour: 'light_yellow' as const, fill: TINT.sand },
    { id: 'group', hint: 'G', label: { da: 'I ledergruppen', en: 'In the leadership team' }, colour: 'light_blue' as const, fill: TINT.blue },
  ];
  const top = y;
  for (const g of groups) {
    const items = w.items.filter((i) => i.level_hint === g.hint);
    const rows = Math.ceil(items.length / cols);
    const band = labelBand(g.label, zw, 28);
    const h = band + stickyRows(rows);
    b.zone(g.id, g.label, MARGIN, y, zw, h, { fill: g.fill, labelFontSize: 28 });
    items.forEach((item, i) => {
      const x = MARGIN + PAD + (i % cols) * (STICKY_W + GAP);
      const cy = y + band + Math.floor(i / cols) * (STICKY_H + GAP);
      b.card(`sign-${item.id}`, bi(item), x, cy, g.colour, { zone: g.id, source: `warning_signs.items.${item.id}` });
    });
    y += h + GUTTER;
  }
  const leftBottom = y - GUTTER;
  const rx = MARGIN + zw + 2 * GUTTER;
  const rw = stickyCols(5);
  const seeLabel = { da: 'Det vi ser hos os', en: 'What we see in ourselves' };
  const seeH = up8((leftBottom - top) / 2);
  b.zone('what-we-see', seeLabel, rx, top, rw, seeH, { labelFontSize: 28 });
  let ry = top + seeH + GUTTER;
  ry += b.text('follow-up', bi(w.follow_up), rx, ry, rw, 28, { source: 'warning_signs.follow_up', colour: MUTED }) + GAP;
  const talkLabel = { da: 'Sådan vil vi tale om det', en: 'How we will talk about it' };
  b.zone('how-we-talk', talkLabel, rx, ry, rw, Math.max(leftBottom - ry, labelBand(talkLabel, rw, 28) + stickyRows(1)), { labelFontSize: 28, fill: TINT.green });
  return b.template({
    id: 'warning-signs', order: 4,
    title: { da: 'Tegn (uden)på…', en: 'Outward signs of…' },
    summary: { da: 'Tegn på mistrivsel hos den enkelte og i gruppen – og hvordan vi taler om dem', en: 'Signs of strain in one leader and in the group – and how we talk about them' },
  });
}

function plate(): Template {
  const b = new Builder();
  const p = C.plate;
  let y = MARGIN;
  y += b.text('title', { da: 'Tallerkenen', en: 'The plate' }, MARGIN, y, INNER, 64) + GAP;
  y += b.text('context', bi(p.context), MARGIN, y, INNER, 32, { source: 'plate.context', colour: MUTED }) + GAP;
  y += b.text('question', bi(p.question), MARGIN, y, INNER, 36, { source: 'plate.question' }) + GUTTER;
  const cols = 4;
  const zw = up8((INNER - (cols - 1) * GUTTER) / cols);
  const d = zw - 2 * GUTTER;
  for (let i = 0; i < 8; i++) {
    const label = { da: `Tallerken ${i + 1}`, en: `Plate ${i + 1}` };
    const band = labelBand(label, zw, 24);
    const zh = band + d + GUTTER;
    const x = MARGIN + (i % cols) * (zw + GUTTER);
    const zy = y + Math.floor(i / cols) * (zh + GUTTER);
    b.zone(`place-${i + 1}`, label, x, zy, zw, zh, { fill: TINT.sand, border: '#e0c9a6', labelFontSize: 24, voteable: false });
    b.shape(`plate-${i + 1}`, x + GUTTER, zy + band, d, d, WHITE, { shape: 'circle', border: '#9aa5b1', zone: `place-${i + 1}` });
  }
  return b.template({
    id: 'plate', order: 5, private: true,
    title: { da: 'Tallerkenen', en: 'The plate' },
    summary: { da: 'Personlig refleksion: hvad skal være på din tallerken? Privat, ingen optælling', en: 'Personal reflection: what must be on your plate? Private, never counted' },
  });
}

function emotions(): Template {
  const b = new Builder();
  const e = C.emotional_spectrum;
  let y = MARGIN;
  const bannerText = bi(e.banner);
  const bannerH = shapeHeightFor(bannerText, 56, INNER, 'rectangle');
  b.shape('banner', MARGIN, y, INNER, bannerH, '#334e68', { shape: 'rectangle', text: bannerText, fontSize: 56, textColour: WHITE, source: 'emotional_spectrum.banner' });
  y += bannerH + GUTTER;
  y += b.text('question', bi(e.question), MARGIN, y, INNER, 40, { source: 'emotional_spectrum.question', align: 'center' }) + GUTTER;
  const pw = 560;
  const fills: Record<string, string> = { left: TINT.rose, centre: TINT.green, right: TINT.blue };
  const ph = Math.max(...e.poles.map((p) => shapeHeightFor(bi(p), 36, pw)));
  let voiceBottom = y + ph;
  e.poles.forEach((p) => {
    const x = p.pos === 'left' ? MARGIN : p.pos === 'right' ? MARGIN + INNER - pw : MARGIN + (INNER - pw) / 2;
    b.shape(`pole-${p.id}`, x, y, pw, ph, fills[p.pos] ?? TINT.slate, { text: bi(p), fontSize: 36, source: `emotional_spectrum.poles.${p.id}` });
    if ('voice_da' in p && p.voice_da !== undefined && p.voice_en !== undefined) {
      const voice = { da: p.voice_da, en: p.voice_en };
      const h = b.text(`voice-${p.id}`, voice, x, y + ph + GAP, pw, 32, { align: 'center', colour: MUTED, source: `emotional_spectrum.poles.${p.id}.voice` });
      voiceBottom = Math.max(voiceBottom, y + ph + GAP + h);
    }
  });
  y = voiceBottom + GAP;
  b.shape('spectrum', MARGIN, y, INNER, 80, '#cbd2d9', { shape: 'left_right_arrow' });
  y += 80 + 2 * GUTTER;
  const label = { da: 'Det, der hjælper mig', en: 'What helps me' };
  b.zone('what-helps-me', label, MARGIN, y, INNER, labelBand(label, INNER, 32) + stickyRows(2), { labelFontSize: 32, fill: TINT.green, border: '#a9d3bf' });
  return b.template({
    id: 'emotions', order: 6,
    title: { da: 'Følelser smitter', en: 'Emotions are contagious' },
    summary: { da: 'Mellem overinvolvering og kynisme: hvad hjælper mig til rolig kontakt?', en: 'Between over-involvement and cynicism: what helps me keep calm contact?' },
  });
}

function safeUnsafeTeam(): Template {
  const b = new Builder();
  const s = C.safety_culture;
  const colW = stickyCols(4);
  const width = 2 * colW + GUTTER;
  let y = MARGIN;
  y += b.text('title', { da: 'Det trygge og det utrygge lederteam', en: 'The safe and the unsafe leadership team' }, MARGIN, y, width, 64) + GUTTER;
  // The definition card at a readable measure, the two principles beside it.
  const d = s.definition_card;
  const defText = {
    da: `<strong>${d.title.da}</strong>\n${d.da}\n<em>${d.attribution_da}</em>`,
    en: `<strong>${d.title.en}</strong>\n${d.en}\n<em>${d.attribution_en}</em>`,
  };
  const defW = colW + GUTTER + stickyCols(2);
  const defH = shapeHeightFor(defText, 24, defW);
  b.shape('definition', MARGIN, y, defW, defH, TINT.lilac, { text: defText, fontSize: 24, source: 'safety_culture.definition_card' });
  const px = MARGIN + defW + GUTTER;
  const pw = width - defW - GUTTER;
  let py = y + PAD;
  s.principles.forEach((p, i) => {
    py += b.text(`principle-${i + 1}`, bi(p), px, py, pw, 28, { source: `safety_culture.principles.${i}`, colour: MUTED }) + GUTTER;
  });
  y = Math.max(y + defH, py) + GUTTER;
  y += b.text('team-prompt', bi(s.team_prompt), MARGIN, y, width, 36, { source: 'safety_culture.team_prompt' }) + GUTTER;
  const columns = [
    { key: 'safe_team' as const, prefix: 'safe', colour: 'light_green' as const, fill: TINT.green, border: '#a9d3bf' },
    { key: 'unsafe_team' as const, prefix: 'unsafe', colour: 'light_pink' as const, fill: TINT.rose, border: '#e3b5bd' },
  ];
  const label = { da: 'Vores eksempler', en: 'Our examples' };
  columns.forEach((col, ci) => {
    const x = MARGIN + ci * (colW + GUTTER);
    let cy = y;
    cy += b.text(`${col.prefix}-title`, bi(s[col.key].title), x, cy, colW, 40, { source: `safety_culture.${col.key}.title` }) + GAP;
    const band = labelBand(label, colW, 20);
    for (const item of s[col.key].items) {
      const zid = `${col.prefix}-${item.id}-examples`;
      const h = band + stickyRows(1);
      b.zone(zid, label, x, cy, colW, h, { fill: col.fill, border: col.border });
      b.card(`${col.prefix}-${item.id}`, bi(item), x + PAD, cy + band, col.colour, { zone: zid, source: `safety_culture.${col.key}.items.${item.id}` });
      cy += h + GAP;
    }
  });
  return b.template({
    id: 'safe-unsafe-team', order: 7,
    title: { da: 'Det trygge og det utrygge lederteam', en: 'Safe vs. unsafe team' },
    summary: { da: 'Psykologisk tryghed: hvor genkender vi os selv?', en: 'Psychological safety: where do we recognise ourselves?' },
  });
}

function notTalkedAbout(): Template {
  const b = new Builder();
  const n = C.not_talked_about;
  let y = MARGIN;
  y += b.text('title', { da: 'Det vi ikke taler nok om', en: 'What we do not talk about enough' }, MARGIN, y, INNER, 64) + GAP;
  y += b.text('question', bi(n.question), MARGIN, y, INNER, 36, { source: 'not_talked_about.question' }) + GAP;
  y += b.text('quote', bi(n.quote), MARGIN, y, INNER, 32, { source: 'not_talked_about.quote', colour: MUTED }) + GUTTER;
  y += b.text('areas-title', bi(n.title), MARGIN, y, INNER, 40, { source: 'not_talked_about.title' }) + GAP;
  const cols = 3;
  const zw = up8((INNER - (cols - 1) * GUTTER) / cols);
  const zones = [
    ...n.items.map((i) => ({ id: `area-${i.id}`, label: bi(i), source: `not_talked_about.items.${i.id}` })),
    { id: 'area-other', label: { da: 'Andet', en: 'Other' }, source: undefined },
  ];
  const band = Math.max(...zones.map((z) => labelBand(z.label, zw, 24)));
  const zh = band + stickyRows(2);
  zones.forEach((z, i) => {
    const x = MARGIN + (i % cols) * (zw + GUTTER);
    const zy = y + Math.floor(i / cols) * (zh + GUTTER);
    b.zone(z.id, z.label, x, zy, zw, zh, { labelFontSize: 24, ...(z.source ? { source: z.source } : { fill: TINT.slate }) });
  });
  return b.template({
    id: 'not-talked-about', order: 8,
    title: { da: 'Det vi ikke taler nok om', en: 'What we do not talk about' },
    summary: { da: 'Belastningsområder, vi bør tale mere om i ledergruppen', en: 'Areas of strain our leadership team ought to talk about more' },
  });
}

function pIglo(): Template {
  const b = new Builder();
  const p = C.p_iglo;
  const headW = 600;
  const colW = [stickyCols(5), stickyCols(2), stickyCols(2)];
  const width = headW + GUTTER + colW.reduce((a, w) => a + w + GAP, 0) - GAP + 2 * PAD;
  let y = MARGIN;
  const introW = (width - GUTTER) / 2;
  const introH = Math.max(
    ...p.intro.map((t, i) => b.text(`intro-${i + 1}`, bi(t), MARGIN + i * (introW + GUTTER), y, introW, 28, { source: `p_iglo.intro.${i}`, colour: MUTED })),
  );
  y += introH + GAP;
  y += b.text('title', bi(p.title), MARGIN, y, width, 64, { source: 'p_iglo.title' }) + GAP;
  y += b.text('subtitle', bi(p.subtitle), MARGIN, y, width, 32, { source: 'p_iglo.subtitle', colour: MUTED }) + GUTTER;
  const colX: number[] = [];
  let cx = MARGIN + PAD + headW + GUTTER;
  const colIds = ['initiative', 'who', 'when'];
  p.columns.forEach((c, i) => {
    colX.push(cx);
    b.text(`column-${colIds[i]}`, bi(c), cx, y, colW[i]!, 36, { source: `p_iglo.columns.${i}` });
    cx += colW[i]! + GAP;
  });
  y += 64;
  const fills = ['#e4ecf7', '#e6f4ee', '#f8efe4', '#eeeaf7', '#fbe9ec'];
  p.layers.forEach((layer, li) => {
    const k = layer.key.toLowerCase();
    const heading = { da: `${layer.key} – ${layer.da}`, en: `${layer.key} – ${layer.en}` };
    const innerTop = y + PAD;
    const bandIndex = b.elements.length;
    let hy = innerTop;
    hy += b.text(`layer-${k}`, heading, MARGIN + PAD, hy, headW, 32, { source: `p_iglo.layers.${layer.key}` }) + GAP;
    hy += b.text(`layer-${k}-prompt`, bi(layer.prompt), MARGIN + PAD, hy, headW, 24, { source: `p_iglo.layers.${layer.key}.prompt`, colour: MUTED });
    const zoneLabels = p.columns.map((c) => ({ da: `${layer.key} · ${c.da}`, en: `${layer.key} · ${c.en}` }));
    const zh = Math.max(...zoneLabels.map((l, i) => labelBand(l, colW[i]!))) + stickyRows(1);
    zoneLabels.forEach((l, i) => b.zone(`layer-${k}-${colIds[i]}`, l, colX[i]!, innerTop, colW[i]!, zh, { fill: WHITE }));
    const bandH = up8(Math.max(hy, innerTop + zh) - y + PAD);
    b.shape(`band-${k}`, MARGIN, y, width, bandH, fills[li] ?? TINT.slate, { shape: 'rectangle' });
    b.elements.splice(bandIndex, 0, b.elements.pop()!); // the band goes behind its contents
    y += bandH + GAP;
  });
  y += GUTTER - GAP;
  b.text('interplay-prompt', bi(p.interplay_prompt), MARGIN, y, width, 32, { source: 'p_iglo.interplay_prompt' });
  return b.template({
    id: 'p-iglo', order: 9,
    title: { da: 'P-IGLO-indsatsplan', en: 'P-IGLO plan' },
    summary: { da: 'Indsatser på fem niveauer: hvad, hvem og hvornår', en: 'Initiatives on five levels: what, who and when' },
  });
}

function practice(): Template {
  const b = new Builder();
  const p = C.practice;
  let y = MARGIN;
  y += b.text('title', bi(p.title), MARGIN, y, INNER, 64, { source: 'practice.title' }) + GUTTER;
  const zw = (INNER - GUTTER) / 2;
  const band = Math.max(...p.questions.map((q) => labelBand(bi(q), zw, 32)));
  const fills = [TINT.green, TINT.blue];
  p.questions.forEach((q, i) => {
    b.zone(q.id.replace('_', '-'), bi(q), MARGIN + i * (zw + GUTTER), y, zw, band + stickyRows(3), { labelFontSize: 32, source: `practice.questions.${q.id}`, fill: fills[i] });
  });
  return b.template({
    id: 'practice', order: 10,
    title: { da: 'Ledertrivsel i praksis', en: 'Wellbeing in practice' },
    summary: { da: 'Hvad vi fortsætter med, og hvad vi gør mere af', en: 'What we continue, and what we do more of' },
  });
}

function takeaways(): Template {
  const b = new Builder();
  const t = C.takeaways;
  let y = MARGIN;
  y += b.text('title', bi(t.title), MARGIN, y, INNER, 64, { source: 'takeaways.title' }) + GUTTER;
  const n = t.items.length;
  const w = (INNER - (n - 1) * GUTTER) / n;
  const h = Math.max(...t.items.map((i) => shapeHeightFor(bi(i), 28, w)));
  const fills = [TINT.blue, TINT.sand, TINT.green, TINT.lilac];
  t.items.forEach((item, i) => {
    b.shape(`takeaway-${i + 1}`, MARGIN + i * (w + GUTTER), y, w, h, fills[i] ?? TINT.slate, { text: bi(item), fontSize: 28, source: `takeaways.items.${i}` });
  });
  y += h + 2 * GUTTER;
  const label = { da: 'Min vigtigste pointe', en: 'My main point' };
  b.zone('my-main-point', label, MARGIN, y, INNER, labelBand(label, INNER, 32) + stickyRows(2), { labelFontSize: 32, fill: TINT.sand, border: '#e0c9a6' });
  return b.template({
    id: 'takeaways', order: 11,
    title: { da: 'Take-aways', en: 'Take-aways' },
    summary: { da: 'De fire take-aways og min vigtigste pointe', en: 'The four take-aways and my main point' },
  });
}

const all = [opening, strainProtection, preparedness, warningSigns, plate, emotions, safeUnsafeTeam, notTalkedAbout, pIglo, practice, takeaways];
for (const make of all) {
  const t = make();
  const file = `templates/${t.id}.json`;
  parseTemplate(t, file); // never write a template the app would reject
  writeFileSync(file, `${JSON.stringify(t, null, 2)}\n`);
  console.log(`${file}: ${t.elements.length} elements, frame ${t.frame.width}×${t.frame.height}`);
}
void INK; void ZONE;
