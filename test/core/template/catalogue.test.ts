import { describe, expect, it } from 'vitest';
import { getTemplate, TEMPLATES } from '../../../src/core/template/catalogue.js';
import { TEMPLATE_IDS } from '../../../src/core/template/schema.js';

describe('template catalogue', () => {
  it('holds the twelve templates in workshop order', () => {
    expect(TEMPLATES).toHaveLength(12);
    expect(TEMPLATES.map((t) => t.id)).toEqual(TEMPLATE_IDS);
    expect(TEMPLATES.map((t) => t.order)).toEqual(TEMPLATES.map((_, i) => i + 1));
  });

  it('finds a template by id and refuses an unknown one', () => {
    expect(getTemplate('p-iglo').id).toBe('p-iglo');
    expect(() => getTemplate('nope' as never)).toThrow(/Unknown template "nope"/);
  });

  it('marks only the plate private', () => {
    expect(TEMPLATES.filter((t) => t.private).map((t) => t.id)).toEqual(['plate']);
  });

  it('hands out frozen templates', () => {
    expect(Object.isFrozen(getTemplate('opening').elements[0])).toBe(true);
  });
});
