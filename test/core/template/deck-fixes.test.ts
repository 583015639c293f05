/**
 * Issue 12's template fixes the deck asks for, held on the templates as the app loads them
 * (both languages): each would fail if its fix were undone in seed/content.json or the generator.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/core/lang.js';
import { layoutTemplate } from '../../../src/core/layout/layout.js';
import { zoneLabelHeight } from '../../../src/core/layout/text-metrics.js';
import { getTemplate, TEMPLATES } from '../../../src/core/template/catalogue.js';
import type { TemplateId } from '../../../src/core/template/types.js';

/** A participant's sticky as Miro makes it (199 × 228), with a small gap between neighbours. */
const STICKY = { w: 199, h: 228, gap: 8 };

/** How many participant stickies fit a zone under its label, side by side without overlap. */
function stickyRoom(templateId: TemplateId, zoneId: string, lang: 'da' | 'en'): number {
  const layout = layoutTemplate(getTemplate(templateId), lang, { x: 0, y: 0 });
  const zone = layout.items.find((i) => i.elementId === zoneId);
  if (zone?.kind !== 'shape' || zone.zone !== true) throw new Error(`${templateId}/${zoneId} is no zone`);
  const label = layout.zones.find((z) => z.elementId === zoneId)!.label;
  const free = { w: zone.rect.width - STICKY.gap, h: zone.rect.height - zoneLabelHeight(label, zone.rect.width, zone.fontSize) - STICKY.gap };
  return Math.floor(free.w / (STICKY.w + STICKY.gap)) * Math.floor(free.h / (STICKY.h + STICKY.gap));
}

const texts = (id: TemplateId, lang: 'da' | 'en'): Map<string, string> =>
  new Map(getTemplate(id).elements.map((e) => [e.id, e.kind === 'zone' ? e.label[lang] : e.kind === 'shape' ? (e.text?.[lang] ?? '') : e.text[lang]]));

describe('template fixes the deck asks for', () => {
  it('Byggepladsen asks a question over each column: strains as well as protections', () => {
    const da = texts('strain-protection', 'da');
    expect(da.get('strains-prompt')).toBe('Hvad belaster især lederes trivsel?');
    expect(da.get('prompt-1')).toBe('Hvad kan især beskytte lederes trivsel?');
    const t = getTemplate('strain-protection');
    const at = (id: string) => t.elements.find((e) => e.id === id)!;
    // Each prompt sits over its own column, under its title.
    expect(at('strains-prompt').x).toBe(at('strains-title').x);
    expect(at('prompt-1').x).toBe(at('protections-title').x);
    expect(at('strains-prompt').y).toBeGreaterThan(at('strains-title').y);
    expect(texts('strain-protection', 'en').get('strains-prompt')).toBe("What in particular strains leaders' wellbeing?");
  });

  it('preparedness has a row per event the deck names, none per month', () => {
    for (const lang of LANGS) {
      const rows = [...texts('preparedness', lang)].filter(([id]) => id.startsWith('row-')).map(([, text]) => text);
      expect(rows).toEqual(lang === 'da' ? ['Klager', 'Kritik', 'Omtale', 'Andet'] : ['Complaints', 'Criticism', 'Public attention', 'Other']);
      expect([...texts('preparedness', lang).values()].join(' ')).not.toMatch(/Måned|Month/);
    }
    const zones = getTemplate('preparedness').elements.filter((e) => e.kind === 'zone').map((e) => e.id);
    expect(zones).toEqual(['complaints', 'criticism', 'coverage', 'other'].flatMap((r) => [`${r}-facing`, `${r}-calls-for`]));
  });

  it('the emotions spectrum has a place under the line for each person (up to 20), never voted on', () => {
    const t = getTemplate('emotions');
    const line = t.elements.find((e) => e.id === 'spectrum')!;
    const place = t.elements.find((e) => e.id === 'where-i-stand')!;
    expect(place).toMatchObject({ kind: 'zone', voteable: false, x: line.x, width: line.width });
    expect(place.y).toBeGreaterThan(line.y);
    for (const lang of LANGS) expect(stickyRoom('emotions', 'where-i-stand', lang)).toBeGreaterThanOrEqual(20);
  });

  it('the warning signs’ own-observations zone asks for behaviour, not people', () => {
    expect(texts('warning-signs', 'da').get('what-we-see')).toBe('Det vi ser hos os – beskriv adfærd, ikke personer');
    expect(texts('warning-signs', 'en').get('what-we-see')).toBe('What we see in ourselves – describe behaviour, not people');
  });

  it('every "Vores eksempler" zone holds at least four stickies', () => {
    const zones = getTemplate('safe-unsafe-team').elements.filter((e) => e.kind === 'zone');
    expect(zones).toHaveLength(16);
    for (const z of zones) {
      expect(z.kind === 'zone' && z.label.da).toBe('Vores eksempler');
      for (const lang of LANGS) expect(stickyRoom('safe-unsafe-team', z.id, lang), `${z.id} (${lang})`).toBeGreaterThanOrEqual(4);
    }
  });

  it('credits the deck’s authors on the opening and the take-aways', () => {
    for (const id of ['opening', 'takeaways'] as const) {
      for (const lang of LANGS) expect(texts(id, lang).get('credit'), `${id} ${lang}`).toBe('Lill Palmblad & Louise Dinesen');
    }
  });

  it('keeps the deck’s curly quotes where the deck has them, and no straight ones around its words', () => {
    expect(texts('opening', 'da').get('self-talk-1')).toBe('‘Jeg klarer mig...’');
    expect(texts('opening', 'da').get('self-talk-2')).toBe('‘Tænk ikke på det..’');
    expect(texts('warning-signs', 'da').get('sign-t2')).toBe('Travl men ineffektiv – ‘shifttasker’');
    expect(texts('emotions', 'da').get('voice-e1')).toBe('‘HVOR SYND’');
    expect(texts('emotions', 'da').get('voice-e3')).toBe('‘IKKE NU’');
    for (const t of TEMPLATES) {
      for (const lang of LANGS) {
        for (const [id, text] of texts(t.id, lang)) expect(text, `${t.id}/${id} (${lang})`).not.toMatch(/(^|\s)'|"/);
      }
    }
  });

  it('the P layer asks how to influence them or shield ourselves from them', () => {
    expect(texts('p-iglo', 'da').get('layer-p-prompt')).toMatch(/…?hvordan kan vi påvirke dem eller skærme os mod dem\?$/);
    expect(texts('p-iglo', 'en').get('layer-p-prompt')).toMatch(/how can we influence them or shield ourselves from them\?$/);
  });

  it('"Det særlige ved lederjobbet" is a poster of the deck’s nine points, after the plate and before the emotions', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(ids.indexOf('special-about-the-job')).toBe(ids.indexOf('plate') + 1);
    expect(ids.indexOf('emotions')).toBe(ids.indexOf('special-about-the-job') + 1);
    const points = getTemplate('special-about-the-job').elements.filter((e) => e.id.startsWith('point-'));
    expect(points.map((p) => p.id)).toEqual(['j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7', 'j8', 'j9'].map((j) => `point-${j}`));
    const da = texts('special-about-the-job', 'da');
    expect(da.get('point-j1')).toContain('”Det er tilfældigt, at det gik godt”');
    expect(da.get('point-j2')).toContain('men magten kan også tage magten fra os');
    expect(texts('special-about-the-job', 'en').get('point-j9')).toContain('What strains you can also inspire you');
  });
});
