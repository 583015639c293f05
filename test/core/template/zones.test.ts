/** The zones a round may target, as the panel lists them: every voteable zone, each told apart. */
import { describe, expect, it } from 'vitest';
import { TEMPLATES, getTemplate } from '../../../src/core/template/catalogue.js';
import { isPrivateTemplate, voteableZones } from '../../../src/core/template/zones.js';

describe('voteable zones', () => {
  it('lists every voteable zone of a shared template once, with a label no other zone of it has, in both languages', () => {
    for (const tpl of TEMPLATES) {
      const voteable = tpl.elements.filter((e) => e.kind === 'zone' && e.voteable !== false && tpl.private !== true).map((e) => e.id);
      for (const lang of ['da', 'en'] as const) {
        const zones = voteableZones(tpl, lang);
        expect(zones.map((z) => z.id), tpl.id).toEqual(voteable);
        expect(new Set(zones.map((z) => z.label)).size, `${tpl.id} ${lang}`).toBe(zones.length);
      }
    }
  });

  it('names zones that share a label after what heads their row', () => {
    const safe = voteableZones(getTemplate('safe-unsafe-team'), 'en');
    expect(safe[0]).toEqual({ id: 'safe-s1-examples', label: 'Constructive disagreement › Our examples' });
    expect(safe.find((z) => z.id === 'unsafe-u2-examples')?.label).toBe('Micro-aggressions › Our examples');
    expect(safe.find((z) => z.id === 'safe-s5-examples')?.label).toBe('Appreciation of differences › Our examples');
    const events = voteableZones(getTemplate('preparedness'), 'da');
    expect(events.find((z) => z.id === 'criticism-calls-for')?.label).toBe('Kritik › Hvad kalder det på?');
    expect(events.find((z) => z.id === 'other-facing')?.label).toBe('Andet › Hvad står vi overfor?');
    // A label of its own is left as it is.
    expect(voteableZones(getTemplate('takeaways'), 'da')).toEqual([{ id: 'my-main-point', label: 'Min vigtigste pointe' }]);
  });

  it('the plate, and only the plate, is private and offers no zone', () => {
    expect(TEMPLATES.filter((t) => isPrivateTemplate(t.id)).map((t) => t.id)).toEqual(['plate']);
    expect(voteableZones(getTemplate('plate'), 'en')).toEqual([]);
  });
});
