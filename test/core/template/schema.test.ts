import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate, parseTemplateText, TemplateError } from '../../../src/core/template/schema.js';

const FILE = 'templates/p-iglo.json';

/** A small valid template; each test breaks one thing. */
function valid(): Record<string, any> {
  return {
    id: 'p-iglo',
    order: 9,
    title: { da: 'Titel', en: 'Title' },
    summary: { da: 'Kort', en: 'Short' },
    frame: { width: 1000, height: 800, fill: '#ffffff' },
    elements: [
      { kind: 'zone', id: 'zone-a', x: 40, y: 40, width: 600, height: 400, label: { da: 'Zone', en: 'Zone' }, fill: '#f5f7fa' },
      { kind: 'card', id: 'card-a', x: 64, y: 100, width: 199, text: { da: 'Kort', en: 'Card' }, colour: 'yellow', shape: 'square', zone: 'zone-a' },
      { kind: 'text', id: 'text-a', x: 40, y: 500, width: 600, text: { da: 'Tekst & mere', en: 'Text' }, fontSize: 24 },
      { kind: 'shape', id: 'shape-a', x: 700, y: 40, width: 200, height: 120, shape: 'circle', fill: '#e6eef8', text: { da: 'A', en: 'A' } },
    ],
  };
}

function faultOf(json: unknown): string {
  try {
    parseTemplate(json, FILE);
  } catch (err) {
    expect(err).toBeInstanceOf(TemplateError);
    return (err as Error).message;
  }
  throw new Error('expected a TemplateError');
}

describe('parseTemplate', () => {
  it('accepts a valid template and returns a frozen copy', () => {
    const json = valid();
    const t = parseTemplate(json, FILE);
    expect(t.elements).toHaveLength(4);
    expect(t).not.toBe(json);
    expect(Object.isFrozen(t.frame)).toBe(true);
  });

  it('names the file and JSON path of a wrong type', () => {
    const json = valid();
    json.elements[2].fontSize = '24';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[2].fontSize: expected a font size, got "24"`);
    const json2 = valid();
    json2.frame.width = null;
    expect(faultOf(json2)).toContain(`${FILE}: $.frame.width: expected a size in board units, got null`);
    expect(faultOf([])).toBe(`${FILE}: $: expected an object, got []`);
  });

  it('rejects an unknown kind', () => {
    const json = valid();
    json.elements[1].kind = 'arrow';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[1].kind: "arrow" is not a known kind (zone, card, text, shape)`);
  });

  it('rejects a duplicate id and a malformed id', () => {
    const json = valid();
    json.elements[3].id = 'card-a';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[3].id: duplicate id "card-a"`);
    const json2 = valid();
    json2.elements[0].id = 'Zone A';
    expect(faultOf(json2)).toContain(`${FILE}: $.elements[0].id: "Zone A" must match [a-z0-9-]+`);
  });

  it('rejects a zone reference that names no zone', () => {
    const json = valid();
    json.elements[1].zone = 'nowhere';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[1].zone: "nowhere" names no zone element`);
    const json2 = valid();
    json2.elements[1].zone = 'text-a'; // exists, but is not a zone
    expect(faultOf(json2)).toBe(`${FILE}: $.elements[1].zone: "text-a" names no zone element`);
  });

  it('rejects a card placed outside the zone it names', () => {
    const json = valid();
    json.elements[1].x = 700;
    expect(faultOf(json)).toBe(`${FILE}: $.elements[1]: "card-a" lies outside its zone "zone-a"`);
  });

  it('rejects a sticky colour Miro does not have', () => {
    const json = valid();
    json.elements[1].colour = 'purple';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[1].colour: "purple" is not one of Miro's 16 sticky colours`);
  });

  it('rejects a bad hex colour', () => {
    const json = valid();
    json.elements[0].fill = '#fff';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[0].fill: "#fff" is not a hex colour like "#1f2933"`);
    const json2 = valid();
    json2.elements[3].fill = 'lightblue';
    expect(faultOf(json2)).toContain(`$.elements[3].fill: "lightblue" is not a hex colour`);
  });

  it('rejects a frame under 100×100', () => {
    const json = valid();
    json.frame.height = 99;
    expect(faultOf(json)).toBe(`${FILE}: $.frame.height: 99 is outside 100–25000`);
  });

  it('rejects items under or over Miro size limits', () => {
    const json = valid();
    json.elements[3].height = 4;
    expect(faultOf(json)).toBe(`${FILE}: $.elements[3].height: 4 is outside 8–25000`);
  });

  it('rejects an element outside the frame, including text by its estimated height', () => {
    const json = valid();
    json.elements[3].x = 900;
    expect(faultOf(json)).toBe(`${FILE}: $.elements[3]: "shape-a" lies outside the 1000×800 frame`);
    const json2 = valid();
    json2.elements[2].y = 780; // the line of text would hang below the frame
    expect(faultOf(json2)).toBe(`${FILE}: $.elements[2]: "text-a" lies outside the 1000×800 frame`);
  });

  it('rejects empty text in either language and missing languages', () => {
    const json = valid();
    json.elements[2].text.en = '  ';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[2].text.en: is empty`);
    const json2 = valid();
    delete json2.title.da;
    expect(faultOf(json2)).toBe(`${FILE}: $.title.da: is missing`);
  });

  it('rejects text over Miro content limit', () => {
    const json = valid();
    json.elements[2].text.da = 'x'.repeat(6001);
    expect(faultOf(json)).toContain(`${FILE}: $.elements[2].text.da: is 6001 characters; Miro takes at most 6000`);
  });

  it('rejects tags Miro strips, allows its own', () => {
    const json = valid();
    json.elements[0].label.da = 'Zone <div>x</div>';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[0].label.da: tag <div> is not allowed (only p, a, strong, b, em, i, u, s, br, without attributes)`);
    const json2 = valid();
    json2.elements[3].text.en = '<strong onclick="x()">A</strong>';
    expect(faultOf(json2)).toContain('$.elements[3].text.en: tag <strong onclick="x()"> is not allowed');
    const ok = valid();
    ok.elements[2].text.da = '<strong>Fed</strong> a < b<br/>';
    expect(() => parseTemplate(ok, FILE)).not.toThrow();
  });

  it('rejects unknown keys at every level', () => {
    const json = valid();
    json.elements[1].color = 'yellow';
    expect(faultOf(json)).toBe(`${FILE}: $.elements[1].color: unknown key`);
    const json2 = valid();
    json2.frame.title = 'x';
    expect(faultOf(json2)).toBe(`${FILE}: $.frame.title: unknown key`);
    const json3 = valid();
    json3.title.de = 'Titel';
    expect(faultOf(json3)).toBe(`${FILE}: $.title.de: unknown key`);
  });

  it('rejects unknown template ids, shapes, sticky shapes and font sizes', () => {
    const json = valid();
    json.id = 'intro';
    json.elements[3].shape = 'star';
    json.elements[1].shape = 'round';
    json.elements[2].fontSize = 200;
    const message = faultOf(json);
    expect(message).toContain(`${FILE}: $.id: "intro" is not a template id`);
    expect(message).toContain(`${FILE}: $.elements[3].shape: "star" is not a shape Miro draws`);
    expect(message).toContain(`${FILE}: $.elements[1].shape: "round" is not a sticky shape (square, rectangle)`);
    expect(message).toContain(`${FILE}: $.elements[2].fontSize: 200 is outside 14–96`);
  });

  it('reports every fault, one line each', () => {
    const json = valid();
    json.elements[0].fill = 'red';
    json.elements[1].colour = 'purple';
    try {
      parseTemplate(json, FILE);
      throw new Error('expected a TemplateError');
    } catch (err) {
      expect((err as TemplateError).issues.map((i) => i.path)).toEqual(['$.elements[0].fill', '$.elements[1].colour']);
    }
  });
});

describe('broken template files', () => {
  const fixture = (name: string): string => `test/fixtures/templates/${name}`;

  it('rejects a file that is not JSON, naming the file', () => {
    const file = fixture('invalid-json.json');
    expect(() => parseTemplateText(readFileSync(file, 'utf8'), file)).toThrow(
      new RegExp(`^${file}: \\$: invalid JSON: `),
    );
  });

  it('rejects a real template with one broken colour at its JSON path', () => {
    const file = fixture('bad-sticky-colour.json');
    expect(() => parseTemplateText(readFileSync(file, 'utf8'), file)).toThrow(
      `${file}: $.elements[3].colour: "purple" is not one of Miro's 16 sticky colours`,
    );
  });
});
