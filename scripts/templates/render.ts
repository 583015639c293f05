/**
 * Dev aid: draw every template's layout as HTML in Chromium and save PNGs, to eyeball
 * spacing and text fit. npx tsx scripts/templates/render.ts [outDir] [lang]
 * Sticky text is fitted as Miro does (largest size at which whole words fit), so a sticky
 * too narrow for its words shows its text small here too. Dashed boxes are the estimate.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Lang } from '../../src/core/lang.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { STICKY_HEX } from '../../src/core/layout/preview.js';
import type { Layout } from '../../src/core/layout/types.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';

const out = process.argv[2] ?? '/tmp/tryghed-templates';
const lang = (process.argv[3] ?? 'da') as Lang;
const SCALE = 0.4;

function html(layout: Layout): string {
  const f = layout.frame;
  const divs = layout.items.map((it) => {
    const r = it.rect;
    const pos = `left:${r.x - f.x}px;top:${r.y - f.y}px;width:${r.width}px;`;
    switch (it.kind) {
      case 'frame':
        return `<div style="${pos}height:${r.height}px;background:${it.fill};outline:2px solid #999"></div>`;
      case 'sticky':
        return `<div class="sticky" style="${pos}height:${r.height}px;background:${STICKY_HEX[it.colour]};font-size:48px;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;box-shadow:0 2px 4px #0003;padding:${Math.round(r.width * 0.08)}px;box-sizing:border-box;line-height:1.3;overflow:hidden">${it.content}</div>`;
      case 'shape': {
        const radius = it.shape === 'circle' ? '50%' : it.shape === 'round_rectangle' ? '16px' : '0';
        const valign = it.verticalAlign === 'top' ? 'flex-start' : 'center';
        return `<div style="${pos}height:${r.height}px;background:${it.fill};border:2px solid ${it.border ?? 'transparent'};border-radius:${radius};color:${it.textColour};font-size:${it.fontSize}px;display:flex;flex-direction:column;align-items:center;justify-content:${valign};text-align:center;padding:16px;box-sizing:border-box;line-height:1.4">${it.content}</div>`;
      }
      case 'text':
        return `<div style="${pos}height:${r.height}px;outline:1px dashed #f0a;color:${it.colour};font-size:${it.fontSize}px;text-align:${it.align};line-height:1.4">${it.content}</div>`;
    }
  });
  return `<!doctype html><meta charset="utf-8"><style>body{margin:0;font-family:"Open Sans",Arial,sans-serif}p{margin:0}div{position:absolute}</style>
<div style="transform:scale(${SCALE});transform-origin:0 0;width:${f.width}px;height:${f.height}px">${divs.join('\n')}</div>`;
}

/** Kept as a string: tsx would wrap a function with helpers the page does not have. */
const FIT_STICKIES = `for (const el of document.querySelectorAll('.sticky')) {
  let size = 48;
  const fits = () => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
  while (size > 6 && !fits()) el.style.fontSize = --size + 'px';
}`;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
for (const t of TEMPLATES) {
  const layout = layoutTemplate(t, lang, { x: 0, y: 0 });
  await page.setViewportSize({ width: Math.ceil(t.frame.width * SCALE), height: Math.ceil(t.frame.height * SCALE) });
  const doc = html(layout);
  writeFileSync(`${out}/${t.id}.${lang}.html`, doc);
  await page.setContent(doc);
  // Shrink each sticky's text until whole words fit, as Miro's auto-size does.
  await page.evaluate(FIT_STICKIES);
  await page.screenshot({ path: `${out}/${t.id}.${lang}.png` });
}
await browser.close();
console.log(`wrote ${TEMPLATES.length} PNGs to ${out}`);
