/**
 * DESIGN's quality bar: every deck text in seed/content.json appears, verbatim in Danish,
 * in its template — in the template's text fields and, escaped, in the layout's HTML.
 */
import { describe, expect, it } from 'vitest';
import content from '../../../seed/content.json' with { type: 'json' };
import { layoutTemplate } from '../../../src/core/layout/layout.js';
import { getTemplate, TEMPLATES } from '../../../src/core/template/catalogue.js';
import { escapeHtml } from '../../../src/core/template/markup.js';
import type { Template, TemplateId } from '../../../src/core/template/types.js';

/** Which template holds each top-level section of content.json. */
const HOME: Record<string, TemplateId> = {
  opening: 'opening',
  high_risk: 'strain-protection',
  strain_protection_map: 'strain-protection',
  preparedness: 'preparedness',
  warning_signs: 'warning-signs',
  plate: 'plate',
  special_about_the_job: 'special-about-the-job',
  emotional_spectrum: 'emotions',
  safety_culture: 'safe-unsafe-team',
  not_talked_about: 'not-talked-about',
  p_iglo: 'p-iglo',
  practice: 'practice',
  takeaways: 'takeaways',
};

/** Sections deliberately on no template, and why. */
const EXCLUDED: Record<string, string> = {
  about: 'metadata about the deck, not workshop content',
  pause: "the deck's break slide; nothing to put on a board",
  edmondson_scale: 'not in the deck and has no Danish wording (a Danish translation would be ours)',
};

interface DeckText {
  path: string;
  da: string;
  ours: boolean;
}

/** Every Danish string (`da`, `voice_da`, `attribution_da`, …) with its path; "ours" is inherited. */
function walk(node: unknown, path: string, ours: boolean, out: DeckText[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      const key = (child as { id?: string; key?: string }).id ?? (child as { key?: string }).key ?? String(i);
      walk(child, `${path}.${key}`, ours, out);
    });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const obj = node as Record<string, unknown>;
  const mine = ours || obj.ours === true;
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' && (k === 'da' || k.endsWith('_da'))) out.push({ path: k === 'da' ? path : `${path}.${k}`, da: v, ours: mine });
    else walk(v, `${path}.${k}`, mine, out);
  }
}

const sections = Object.keys(content).filter((k) => k !== 'about');
const texts: DeckText[] = [];
for (const section of sections) {
  if (!(section in EXCLUDED)) walk((content as Record<string, unknown>)[section], section, false, texts);
}

function danishTexts(t: Template): string[] {
  return t.elements.map((e) => (e.kind === 'zone' ? e.label.da : e.kind === 'shape' ? (e.text?.da ?? '') : e.text.da));
}

/**
 * A long compound may be broken at its joint for a card to read ("Værdigheds-producerende",
 * with a hyphen or a soft hyphen): the deck's word, hyphenated, is still verbatim. Applied to
 * both sides, so a hyphen the deck itself writes ("Mikro-aggressioner") counts the same.
 */
function unhyphenated(s: string): string {
  return s.replace(/\u00ad/g, '').replace(/(\p{L})-(?=\p{L})/gu, '$1');
}
const holds = (haystack: string, needle: string): boolean => unhyphenated(haystack).includes(unhyphenated(needle));

describe('deck text on the templates', () => {
  it('reads a compound hyphenated at its joint as the deck\u2019s word, and nothing else', () => {
    expect(holds('Værdigheds-producerende handlinger', 'Værdighedsproducerende handlinger')).toBe(true);
    expect(holds('Værdig\u00adheds\u00adproducerende handlinger', 'Værdighedsproducerende handlinger')).toBe(true);
    expect(holds('Mikro-aggressioner', 'Mikro-aggressioner')).toBe(true);
    expect(holds('Værdigheds producerende handlinger', 'Værdighedsproducerende handlinger')).toBe(false);
    expect(holds('Travl men ineffektiv – shifttasker', 'Travl men ineffektiv – \'shifttasker\'')).toBe(false);
  });

  it('assigns every section of content.json to a template or an explicit exclusion', () => {
    for (const section of Object.keys(content)) {
      expect(section in HOME || section in EXCLUDED, section).toBe(true);
    }
    expect(new Set(Object.values(HOME))).toEqual(new Set(TEMPLATES.map((t) => t.id)));
  });

  it('finds a good number of deck texts (the walk works)', () => {
    expect(texts.filter((x) => !x.ours).length).toBeGreaterThan(90);
    expect(texts.some((x) => x.da.includes('&'))).toBe(true); // one needs escaping on the board
  });

  it.each(texts.filter((x) => !x.ours))('deck text $path is verbatim on its template', ({ path, da }) => {
    const t = getTemplate(HOME[path.split('.')[0]!]!);
    expect(danishTexts(t).some((s) => holds(s, da)), `"${da}" on ${t.id}`).toBe(true);
    const html = layoutTemplate(t, 'da', { x: 0, y: 0 }).items.map((i) => (i.kind === 'frame' ? i.title : i.content));
    expect(html.some((s) => holds(s, escapeHtml(da))), `escaped "${da}" in the layout of ${t.id}`).toBe(true);
  });

  it.each(texts.filter((x) => x.ours))('our own text $path is used as content.json has it', ({ path, da }) => {
    const t = getTemplate(HOME[path.split('.')[0]!]!);
    expect(danishTexts(t).some((s) => s.includes(da)), `"${da}" on ${t.id}`).toBe(true);
  });
});

/** Resolve an element's `source` ("a.b.items.s1", "a.items.2", "poles.e1.voice") in content.json. */
function resolve(source: string): { da: string; en: string } | undefined {
  let node: unknown = content;
  for (const seg of source.split('.')) {
    if (Array.isArray(node)) {
      node = node.find((c: { id?: string; key?: string }) => c.id === seg || c.key === seg) ?? node[Number(seg)];
    } else if (typeof node === 'object' && node !== null) {
      const obj = node as Record<string, unknown>;
      node = seg in obj ? obj[seg] : typeof obj[`${seg}_da`] === 'string' ? { da: obj[`${seg}_da`], en: obj[`${seg}_en`] } : undefined;
    } else return undefined;
  }
  const n = node as { da?: unknown; en?: unknown } | undefined;
  return typeof n?.da === 'string' && typeof n.en === 'string' ? { da: n.da, en: n.en } : undefined;
}

describe('element sources', () => {
  const sourced = TEMPLATES.flatMap((t) =>
    t.elements.filter((e) => e.source !== undefined).map((e) => ({ id: `${t.id}/${e.id}`, e })),
  );

  it('marks most deck text with its source', () => {
    expect(sourced.length).toBeGreaterThan(90);
  });

  it.each(sourced)('$id: its source resolves and its text holds it in both languages', ({ e }) => {
    const from = resolve(e.source!);
    expect(from, e.source).toBeDefined();
    const text = e.kind === 'zone' ? e.label : e.kind === 'shape' ? e.text! : e.text;
    expect(holds(text.da, from!.da), `${text.da} holds ${from!.da}`).toBe(true);
    expect(holds(text.en, from!.en), `${text.en} holds ${from!.en}`).toBe(true);
  });
});
